package org.tearsheet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.tearsheet.index.ArchiveUpkeep;
import org.tearsheet.record.WarcClosedListener;
import org.tearsheet.sidecar.SidecarEntry;

/** A small two-WARC archive written with {@link TestArchive}, run through the upkeep listener like capture does. */
public final class Fixtures {

    public static final Instant T1 = Instant.parse("2026-11-20T10:15:30Z");
    public static final Instant T2 = Instant.parse("2026-11-25T08:00:00Z");
    public static final String ARTICLE = "http://news.example/politics/story.html";
    public static final String FEATURE = "http://news.example/features/long-read.html";
    public static final String SECOND_HOST = "http://other.example/a?id=7";

    private Fixtures() {
    }

    public static String articleHtml(String title, String version) {
        return "<!doctype html><html><head><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"/static/site.css\">"
                + "<script>document.title='scripted'</script></head><body>"
                + "<h1>" + title + "</h1><p>Council approves budget (" + version + ").</p>"
                + "<img src=\"/img/photo.png\" srcset=\"/img/photo.png 1x, http://news.example/img/photo.png 2x\">"
                + "<a id=\"rel\" href=\"../features/long-read.html\">Read more</a>"
                + "<a id=\"abs\" href=\"http://other.example/a?id=7\">Elsewhere</a>"
                + "<a id=\"frag\" href=\"#top\">Top</a>"
                + "<a id=\"mail\" href=\"mailto:desk@news.example\">Mail</a>"
                + "</body></html>";
    }

    /** Writes the fixture archive into {@code dir} and fires the upkeep listener for each closed WARC. */
    public static void write(Path dir) throws IOException {
        WarcClosedListener upkeep = ArchiveUpkeep.listener(dir);
        try (TestArchive a = TestArchive.create(dir, T1, 1, "news.example")) {
            a.article(ARTICLE, T1, articleHtml("Budget vote", "first"), "Budget vote",
                    "Council approves budget after long debate. The vote was close.",
                    new SidecarEntry.PaywallJson("none", null, java.util.List.of(), "none"));
            a.resource("http://news.example/static/site.css", T1, "text/css",
                    "body{background:url(/img/bg.png)} h1{color:#223}".getBytes(StandardCharsets.UTF_8));
            a.resource("http://news.example/img/photo.png", T1, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            a.article(FEATURE, T1.plusSeconds(60), articleHtml("Long read", "feature"), "Long read",
                    "A long feature about rivers and bridges, behind a paywall teaser.",
                    new SidecarEntry.PaywallJson("truncated", "metered", java.util.List.of("ld+json isAccessibleForFree=false"), "none"));
        }
        upkeep.warcClosed(dir.resolve(lastWarcName(dir)));
        try (TestArchive b = TestArchive.create(dir, T2, 2, "news.example")) {
            b.article(ARTICLE, T2, articleHtml("Budget vote", "second"), "Budget vote (updated)",
                    "Council approves budget after long debate. Update: the mayor signed it.", null);
            b.article(SECOND_HOST, T2.plusSeconds(5), articleHtml("Other site", "x"), "Other site story",
                    "Rivers rise in the valley after heavy rain.", null, "weekly");
        }
        upkeep.warcClosed(dir.resolve(lastWarcName(dir)));
    }

    private static String lastWarcName(Path dir) {
        var warcs = org.tearsheet.index.ArchiveFiles.warcs(dir);
        return warcs.get(warcs.size() - 1).getFileName().toString();
    }
}
