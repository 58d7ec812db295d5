#!/usr/bin/env bash
# Takes the screenshots in docs/img/ with headless Chromium against a real archive served by `tearsheet serve`.
#
#   scripts/screenshots.sh [ARCHIVE_DIR]
#
# Without ARCHIVE_DIR a sample archive is captured first from a local 127.0.0.1 news site with the real capture
# service (test class DocsArchiveGenerator). Installs Debian's chromium with apt-get when it is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/docs/img"
mkdir -p "$out"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$chromium_bin" ]]; then
  echo "screenshots: chromium not found, installing Debian's package" >&2
  if [[ "$(id -u)" -eq 0 ]]; then apt-get update -q && apt-get install -y -q chromium
  else sudo apt-get update -q && sudo apt-get install -y -q chromium; fi
  chromium_bin="$(command -v chromium)"
fi

archive="${1:-}"
if [[ -z "$archive" ]]; then
  archive="$work/archive"
  echo "screenshots: capturing a sample archive into $archive" >&2
  (cd "$root" && mvn -B -q -ntp test -Dtest=DocsArchiveGenerator -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtearsheet.docs.archive="$archive" -Dtearsheet.shared="${TEARSHEET_SHARED:-$root/../shared}") >&2
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$root/scripts/tearsheet" serve --port "$port" "$archive" > "$work/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "$base/" 2>/dev/null; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/serve.log" >&2; exit 1; fi
  sleep 0.5
done

shoot() { # url file width height
  "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$(mktemp -d -p "$work")" --window-size="$3,$4" --screenshot="$2" "$1" >/dev/null 2>&1
  echo "screenshots: $2 ($(stat -c %s "$2") bytes)" >&2
}

# prefer an article with a paywall verdict, to show how verdicts look
article="$( (curl -fsS "$base/?verdict=truncated"; curl -fsS "$base/") | grep -o '/article/[A-Za-z0-9-]*' | head -n 1)"
replay="$(curl -fsS "$base$article" | grep -o 'href="/web/[0-9]*/[^"]*"' | head -n 1 | sed 's/^href="//; s/"$//')"
shoot "$base/" "$out/browse.png" 1280 1000
shoot "$base/?q=budget" "$out/search.png" 1280 700
shoot "$base/" "$out/browse-phone.png" 390 844
shoot "$base$article" "$out/article.png" 1280 1150
shoot "$base$replay" "$out/replay.png" 1280 900
