package org.tearsheet.paywall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tearsheet.testing.SharedData;

/**
 * One case of {@code shared/paywall-dev}: the page bytes, the optional raw HTTP head ({@code NAME.http}) and the
 * labels. Shared by the detector-level and the capture-level dev set tests.
 */
record DevCase(String name, String url, String status, String kind, List<String> signals,
               List<String> textContains, List<String> textExcludes, byte[] html, HttpHead head) {

    /** A login form served where the dev set's login redirects point (the dev set has no page for it). */
    static final String LOGIN_PAGE = "<!doctype html><html><head><meta charset=utf-8><title>Log in</title></head>"
            + "<body><form method=post action=/login><h1>Log in</h1><label>Email <input name=email></label>"
            + "<label>Password <input type=password name=password></label><button>Log in</button></form>"
            + "<p><a href=/forgot>Forgot your password?</a></p></body></html>";

    static List<DevCase> all() throws IOException {
        Path dir = SharedData.paywallDev();
        JsonNode labels = new ObjectMapper().readTree(dir.resolve("labels.json").toFile());
        List<DevCase> out = new ArrayList<>();
        for (var it = labels.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            JsonNode l = e.getValue();
            Path http = dir.resolve(name + ".http");
            out.add(new DevCase(name, l.path("url").asText(), l.path("status").asText(), l.path("kind").asText(),
                    texts(l.path("signals")), texts(l.path("text_contains")), texts(l.path("text_excludes")),
                    Files.readAllBytes(dir.resolve(name + ".html")),
                    Files.exists(http) ? HttpHead.parse(Files.readString(http, StandardCharsets.ISO_8859_1)) : null));
        }
        return out;
    }

    int httpStatus() {
        return head == null ? 200 : head.status();
    }

    String contentType() {
        return head != null && head.headers().containsKey("Content-Type") ? head.headers().get("Content-Type")
                : "text/html";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Whitespace-normalised, case-sensitive substring test: the rule of the dev set's README. */
    static boolean containsNormalized(String text, String segment) {
        return norm(text).contains(norm(segment));
    }

    private static String norm(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Status line and headers of a {@code NAME.http} file. */
    record HttpHead(int status, String reason, Map<String, String> headers) {
        static HttpHead parse(String raw) {
            String[] lines = raw.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
            return new HttpHead(Integer.parseInt(statusLine[1]), statusLine.length > 2 ? statusLine[2] : "", headers);
        }
    }
}
