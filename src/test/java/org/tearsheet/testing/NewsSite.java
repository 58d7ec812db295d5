package org.tearsheet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small news site on 127.0.0.1 for end-to-end tests and the documentation screenshots: articles with a shared
 * stylesheet and image, one metered-paywall teaser, ETags so recaptures become revisits.
 */
public final class NewsSite implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, Page> pages = new LinkedHashMap<>();

    private record Page(String type, byte[] body) {
    }

    private NewsSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        add("/assets/site.css", "text/css", """
                body{font-family:Georgia,serif;margin:0;background:#f7f4ee;color:#222}
                header.mast{background:#7a1f1f url(/img/stripe.svg) repeat-x bottom;color:#fff;padding:14px 20px}
                header.mast a{color:#fff;text-decoration:none;font:700 26px/1 Georgia,serif}
                main{max-width:720px;margin:0 auto;padding:10px 20px}
                h1{font-size:32px;line-height:1.15} .dek{color:#555;font-style:italic}
                figure img{width:100%;height:auto;border:1px solid #ccc}
                .paywall{background:#fff3cd;border:1px solid #e0b84c;padding:14px;margin-top:20px}
                """);
        add("/img/stripe.svg", "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='6'>"
                + "<rect width='8' height='6' fill='#5c1414'/></svg>");
        add("/img/council.svg", "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg' width='640' height='240'>"
                + "<rect width='640' height='240' fill='#d9e4ec'/><rect x='40' y='90' width='560' height='120' fill='#8aa4b8'/>"
                + "<polygon points='20,90 320,20 620,90' fill='#5d7990'/><text x='320' y='170' font-size='28' "
                + "text-anchor='middle' fill='#fff' font-family='sans-serif'>City Hall</text></svg>");
        article("/news/council-budget.html", "Council approves 2027 budget after marathon session",
                "Spending on libraries and buses rises; property tax stays flat.", "Maria Jensen", "2026-11-24",
                false, "The city council approved next year's budget shortly after midnight, ending a session that lasted "
                        + "more than nine hours.", "The plan raises spending on public libraries by four percent and adds two "
                        + "night bus routes, while keeping the property tax rate unchanged for a third year.",
                "Several council members argued that the reserve fund is being drawn down too quickly. The finance "
                        + "director said the reserves remain above the level the state recommends.",
                "Residents who spoke during the public comment period mostly asked for more street lighting and for "
                        + "longer opening hours at the central library.");
        article("/news/river-bridges.html", "Inside the race to save the river's old bridges",
                "Engineers say three crossings need work within five years.", "Tom Okafor", "2026-11-25",
                true, "Three of the river's oldest bridges need major repairs within five years, according to an "
                        + "engineering survey released on Tuesday.", "Subscribe to continue reading this article.");
        article("/news/school-lunch.html", "Schools switch to locally grown lunches",
                "Twelve schools join a pilot with farms in the valley.", "Ana Lima", "2026-11-26", false,
                "Twelve primary schools will serve lunches made mostly from food grown within fifty kilometres, "
                        + "starting in January.", "The pilot is funded for two years. Parents will be asked to rate the "
                        + "meals each term, and the results will decide whether the programme is extended.",
                "Farmers in the valley said the steady demand would let them plan their planting further ahead.");
        article("/opinion/late-trains.html", "Opinion: why the trains are always late",
                "A commuter's view on signals, staffing and patience.", "Sam Patel", "2026-11-27", false,
                "Every weekday I take the 7:42 into town, and every weekday it arrives somewhere between 7:50 and "
                        + "never.", "The operator blames the signals, the union blames staffing, and passengers blame "
                        + "everyone. All of them are partly right.",
                "Fixing it needs money for signalling that was promised a decade ago, and a timetable that admits how "
                        + "long the journey really takes.");
        server.start();
    }

    public static NewsSite start() throws IOException {
        return new NewsSite();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public java.util.List<String> articlePaths() {
        return pages.keySet().stream().filter(p -> p.endsWith(".html")).toList();
    }

    private void add(String path, String type, String body) {
        pages.put(path, new Page(type, body.getBytes(StandardCharsets.UTF_8)));
    }

    private void article(String path, String title, String dek, String author, String date, boolean metered,
                         String... paragraphs) {
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append(" | The Valley Ledger</title><link rel=\"stylesheet\" href=\"/assets/site.css\">")
                .append("<meta property=\"og:site_name\" content=\"The Valley Ledger\">")
                .append("<meta name=\"author\" content=\"").append(author).append("\">")
                .append("<meta property=\"article:published_time\" content=\"").append(date).append("T06:00:00Z\">")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
                .append("\"headline\":\"").append(title).append("\",\"datePublished\":\"").append(date)
                .append("T06:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"").append(author).append("\"},")
                .append("\"isAccessibleForFree\":").append(!metered).append("}</script>")
                .append("<script>document.cookie='tracker=1'</script></head><body>")
                .append("<header class=\"mast\"><a href=\"/\">The Valley Ledger</a></header><main><article>")
                .append("<h1>").append(title).append("</h1><p class=\"dek\">").append(dek).append("</p>")
                .append("<p class=\"byline\">By ").append(author).append(" · ").append(date).append("</p>")
                .append("<figure><img src=\"../img/council.svg\" alt=\"City hall\"></figure>");
        for (String p : paragraphs) {
            b.append("<p>").append(p).append("</p>");
        }
        if (metered) {
            b.append("<div class=\"paywall\">You have reached your limit of free articles. Subscribe to continue reading.</div>");
        }
        b.append("</article><nav><a href=\"/news/council-budget.html\">Budget</a> · <a href=\"school-lunch.html\">Schools</a>")
                .append(" · <a href=\"/opinion/late-trains.html\">Opinion</a></nav></main></body></html>");
        add(path, "text/html; charset=utf-8", b.toString());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (ex.getRequestURI().getPath().equals("/r/budget")) {
                // an old short link, moved permanently
                ex.getResponseHeaders().set("Location", "/news/council-budget.html");
                ex.sendResponseHeaders(301, -1);
                return;
            }
            Page p = pages.get(ex.getRequestURI().getPath());
            if (p == null) {
                byte[] nf = "not found".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(404, nf.length);
                ex.getResponseBody().write(nf);
                return;
            }
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(p.body())) + "\"";
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Content-Type", p.type());
            ex.getResponseHeaders().set("Set-Cookie", "visitor=abc123; Path=/");
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.sendResponseHeaders(200, p.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(p.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
