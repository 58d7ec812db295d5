#!/usr/bin/env bash
# Opens a WACZ written by `tearsheet export --wacz` in ReplayWeb.page itself (the Webrecorder viewer researchers
# use), headless, on 127.0.0.1 only, and checks that its page list loads and that a page replays with its text.
#
#   scripts/check-wacz-replaywebpage.sh [FILE.wacz]     # default: archives the demo site and exports it first
#
# Needs: Node.js + npm (ReplayWeb.page's static build and playwright-core come from the npm registry), nginx
# (HTTP range requests, which ReplayWeb.page reads a WACZ with) and chromium (Debian's packages; installed with
# apt-get when missing). Writes docs/img/replaywebpage-pages.png and docs/img/replaywebpage-replay.png.
# Exit 0 when both checks pass.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RWP_VERSION="${RWP_VERSION:-2.5.3}"
work="$(mktemp -d)"
nginx_pid=""
cleanup() {
  if [[ -n "$nginx_pid" ]]; then kill "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

for pkg in nginx chromium; do
  if ! command -v "$pkg" >/dev/null 2>&1; then
    echo "installing $pkg (Debian package)" >&2
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg"
  fi
done

wacz="${1:-}"
if [[ -z "$wacz" ]]; then
  echo "archiving the demo site and exporting it as WACZ" >&2
  "$root/scripts/tearsheet" demo --out "$work/archive" > "$work/demo.log"
  wacz="$work/demo.wacz"
  "$root/scripts/tearsheet" export --wacz "$wacz" "$work/archive" >&2
fi

echo "fetching ReplayWeb.page $RWP_VERSION and playwright-core from the npm registry" >&2
(cd "$work" && npm pack --silent "replaywebpage@$RWP_VERSION" > /dev/null && tar xzf "replaywebpage-$RWP_VERSION.tgz" \
  && npm install --silent --no-audit --no-fund playwright-core@1 > /dev/null)
cp "$wacz" "$work/package/archive.wacz"
chmod -R a+rX "$work" # nginx's worker runs as nobody when started by root

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
mkdir -p "$work/run/logs" "$work/run/tmp"
cat > "$work/run/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/run/nginx.pid;
error_log $work/run/logs/error.log warn;
events { worker_connections 256; }
http {
  types { text/html html; application/javascript js; application/json json; application/wacz wacz; image/svg+xml svg; }
  default_type application/octet-stream;
  access_log $work/run/logs/access.log;
  client_body_temp_path $work/run/tmp/body; proxy_temp_path $work/run/tmp/proxy; fastcgi_temp_path $work/run/tmp/fcgi;
  uwsgi_temp_path $work/run/tmp/uwsgi; scgi_temp_path $work/run/tmp/scgi;
  server { listen 127.0.0.1:$port; root $work/package; }
}
CONF
nginx -c "$work/run/nginx.conf" -p "$work/run/" -e "$work/run/logs/error.log" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/index.html" && break; sleep 0.1; done

cat > "$work/check.js" <<'JS'
const { chromium } = require('playwright-core');
const [base, out, pagesFile] = process.argv.slice(2);
(async () => {
  // Flags as this machine needs them: no background networking (the network is closed), no sandbox as root.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox',
    '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // localhost (not 127.0.0.1) so the service worker ReplayWeb.page depends on counts as a secure context.
  const app = base + 'index.html?source=' + encodeURIComponent(base + 'archive.wacz');
  await page.goto(app + '#view=pages');
  await page.waitForFunction(() => /\d+ pages?/.test(document.body.innerText) || /Error/.test(document.body.innerText),
    null, { timeout: 60000 }).catch(() => {});
  await page.waitForTimeout(2000);
  await page.screenshot({ path: out + '/replaywebpage-pages.png' });
  // The app's page list sits in shadow DOM; the first page to replay is taken from the WACZ's pages.jsonl.
  const first = JSON.parse(require('fs').readFileSync(pagesFile, 'utf8').split('\n')[1]);
  await page.goto(app + '#view=pages&url=' + encodeURIComponent(first.url));
  let text = '';
  for (let i = 0; i < 60 && !text; i++) {
    await page.waitForTimeout(500);
    for (const f of page.frames()) {
      if (!f.url().includes('mp_/')) continue;
      try { text = await f.evaluate(() => document.body ? document.body.innerText : ''); } catch (e) { }
    }
  }
  await page.screenshot({ path: out + '/replaywebpage-replay.png' });
  await browser.close();
  const want = (first.title || '').trim();
  const ok = text.length > 0 && (!want || text.includes(want));
  console.log(ok ? 'OK: replayed ' + first.url + ' (' + text.length + ' characters, title found)'
                 : 'FAILED: ' + first.url + ' did not replay with its title "' + want + '"');
  process.exit(ok ? 0 : 1);
})().catch(e => { console.error(e); process.exit(1); });
JS
unzip -p "$work/package/archive.wacz" pages/pages.jsonl > "$work/pages.jsonl"
mkdir -p "$root/docs/img"
(cd "$work" && node check.js "http://localhost:$port/" "$root/docs/img" "$work/pages.jsonl")
