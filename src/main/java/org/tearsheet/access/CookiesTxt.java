package org.tearsheet.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.Cookie;

/**
 * Reads Netscape {@code cookies.txt} files, the format browser extensions export: one cookie per line, seven
 * tab-separated fields (domain, include-subdomains, path, secure, expiry in epoch seconds, name, value).
 * {@code #HttpOnly_} before the domain marks an HttpOnly cookie; other {@code #} lines are comments. Expired
 * cookies are dropped and counted. Error messages name the file, line and field but never echo a cookie value.
 */
public final class CookiesTxt {

    private static final String HTTP_ONLY_PREFIX = "#HttpOnly_";

    private CookiesTxt() {
    }

    /**
     * The cookies of a file that were still valid at {@code now}.
     *
     * @param cookies   valid cookies, in file order
     * @param expired   how many cookies had expired and were dropped
     */
    public record Result(List<Cookie> cookies, int expired) {
        public Result {
            cookies = List.copyOf(cookies);
        }
    }

    /** Parses {@code file}; the message of the exception names the file and line. */
    public static Result read(Path file, Instant now) throws CookiesTxtException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString(), now);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CookiesTxtException("cookies file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new CookiesTxtException("cannot read cookies file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** Parses cookies.txt text; {@code source} names it in error messages. */
    public static Result parse(Reader reader, String source, Instant now) throws CookiesTxtException, IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Cookie> cookies = new ArrayList<>();
        int expired = 0;
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            boolean httpOnly = false;
            if (line.startsWith(HTTP_ONLY_PREFIX)) {
                httpOnly = true;
                line = line.substring(HTTP_ONLY_PREFIX.length());
            } else if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String where = source + " line " + lineNo;
            String[] f = fields(line);
            if (f.length < 6 || f.length > 7) {
                throw new CookiesTxtException(where + ": expected 7 tab-separated fields (domain, include-subdomains,"
                        + " path, secure, expiry, name, value), found " + f.length);
            }
            String domain = f[0].strip();
            boolean subdomains = flag(f[1], "include-subdomains", where);
            String path = f[2].strip();
            boolean secure = flag(f[3], "secure", where);
            long expiry = expiry(f[4], where);
            String name = f[5].strip();
            String value = f.length == 7 ? f[6].strip() : "";
            if (domain.isEmpty()) {
                throw new CookiesTxtException(where + ": empty domain");
            }
            if (name.isEmpty()) {
                throw new CookiesTxtException(where + ": empty cookie name");
            }
            if (expiry > 0 && expiry * 1000 <= now.toEpochMilli()) {
                expired++;
                continue;
            }
            cookies.add(build(domain, subdomains, path, secure, httpOnly, expiry, name, value, where));
        }
        return new Result(cookies, expired);
    }

    private static String[] fields(String line) {
        String[] tabs = line.split("\t", -1);
        if (tabs.length >= 6) {
            return tabs;
        }
        // some hand-edited files use spaces; cookie values cannot contain whitespace, so this is unambiguous
        return line.strip().split("\\s+", 7);
    }

    private static boolean flag(String text, String field, String where) throws CookiesTxtException {
        switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "TRUE": return true;
            case "FALSE": return false;
            default:
                throw new CookiesTxtException(where + ": " + field + " must be TRUE or FALSE, found '"
                        + abbreviate(text.strip()) + "'");
        }
    }

    private static long expiry(String text, String where) throws CookiesTxtException {
        String t = text.strip();
        try {
            // some exporters write fractional seconds
            return t.contains(".") ? (long) Double.parseDouble(t) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new CookiesTxtException(where + ": expiry must be epoch seconds (0 for a session cookie), found '"
                    + abbreviate(t) + "'");
        }
    }

    private static Cookie build(String domain, boolean subdomains, String path, boolean secure, boolean httpOnly,
                                long expiry, String name, String value, String where) throws CookiesTxtException {
        String host = domain.startsWith(".") ? domain.substring(1) : domain;
        Cookie.Builder b = new Cookie.Builder();
        try {
            b.name(name);
        } catch (IllegalArgumentException e) {
            throw new CookiesTxtException(where + ": cookie name is not valid");
        }
        try {
            b.value(value);
        } catch (IllegalArgumentException e) {
            // never echo the value: it is the subscriber's secret
            throw new CookiesTxtException(where + ": value of cookie '" + name + "' is not a valid cookie value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ';' || c == ',') {
                throw new CookiesTxtException(where + ": value of cookie '" + name
                        + "' contains a character that cannot be sent in a Cookie header (position " + (i + 1) + ")");
            }
        }
        try {
            if (subdomains || domain.startsWith(".")) {
                b.domain(host);
            } else {
                b.hostOnlyDomain(host);
            }
        } catch (IllegalArgumentException e) {
            throw new CookiesTxtException(where + ": '" + abbreviate(domain) + "' is not a valid cookie domain");
        }
        b.path(path.startsWith("/") ? path : "/");
        if (secure) {
            b.secure();
        }
        if (httpOnly) {
            b.httpOnly();
        }
        if (expiry > 0) {
            b.expiresAt(expiry * 1000);
        }
        return b.build();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
