package org.tearsheet.extract;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes raw HTML bytes (already content-decoded, i.e. gunzipped) into an {@link HtmlPage}.
 *
 * <p>The charset is taken, in order of trust, from the byte-order mark, the HTTP {@code Content-Type}
 * header, a {@code <meta charset>} or {@code http-equiv} declaration in the first bytes, and finally from
 * statistical detection (juniversalchardet). A BOM wins over the header because it cannot be there by
 * accident, as in the WHATWG encoding sniffing algorithm. Declared labels are mapped the way browsers map
 * them (ISO-8859-1 and US-ASCII mean windows-1252, GB2312 means GBK), because pages labelled latin-1 are
 * written in windows-1252 in practice.
 *
 * <p>Never throws: undecodable bytes become U+FFFD and any input yields a page.
 */
public final class HtmlDecoder {

    /** How far into the body a meta charset declaration is looked for (the HTML spec uses 1024). */
    private static final int META_SCAN_BYTES = 4096;
    /** How many bytes the statistical detector sees at most; enough for a verdict, bounded in time. */
    private static final int DETECT_BYTES = 64 * 1024;

    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:+\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]{0,512}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+\\-]+)",
                    Pattern.CASE_INSENSITIVE);

    private HtmlDecoder() {
    }

    /**
     * Decodes and parses {@code body}.
     *
     * @param body              the HTTP payload, already content-decoded; {@code null} is an empty page
     * @param url               the page URL, used as base URI for relative links; may be {@code null}
     * @param contentTypeHeader the HTTP {@code Content-Type} header value; may be {@code null}
     */
    public static HtmlPage decode(byte[] body, String url, String contentTypeHeader) {
        byte[] bytes = body == null ? new byte[0] : body;
        String base = url == null ? "" : url;
        Charset charset;
        int bomLength = 0;
        try {
            Charset bom = bomCharset(bytes);
            if (bom != null) {
                charset = bom;
                bomLength = bom == StandardCharsets.UTF_8 ? 3 : 2;
            } else {
                charset = fromLabel(headerCharset(contentTypeHeader));
                if (charset == null) {
                    charset = fromLabel(metaCharset(bytes));
                }
                if (charset == null) {
                    charset = detect(bytes);
                }
            }
        } catch (RuntimeException e) {
            // Last-resort path: any surprise in charset handling still yields a page.
            charset = StandardCharsets.UTF_8;
            bomLength = 0;
        }
        return new HtmlPage(url, parse(decodingReader(bytes, bomLength, charset), base), charset);
    }

    /** Parses already-decoded HTML; used when the caller has text rather than bytes. */
    static Document parse(String html, String baseUrl) {
        return parse(new StringReader(html), baseUrl);
    }

    /**
     * The parser reads the characters as it goes, so the page is never held as one String as well as a DOM: that
     * String costs a full copy (twice the bytes for non-Latin-1 text) and, on large pages, a humongous allocation.
     */
    private static Document parse(Reader html, String baseUrl) {
        try {
            return Parser.htmlParser().parseInput(html, baseUrl == null ? "" : baseUrl);
        } catch (RuntimeException | StackOverflowError e) {
            Document empty = Document.createShell(baseUrl == null ? "" : baseUrl);
            return empty;
        }
    }

    /**
     * Decodes like {@code new String(bytes, offset, length, charset)}: malformed and unmappable input becomes
     * U+FFFD (the decoder's replacement), the same characters whether decoded whole or in chunks.
     */
    static Reader decodingReader(byte[] bytes, int offset, Charset charset) {
        return new BytesReader(bytes, offset, charset);
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    static String headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    static String metaCharset(byte[] bytes) {
        // Latin-1 maps bytes 1:1, so ASCII-compatible declarations are found whatever the real charset.
        String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Maps a declared label to the charset browsers use for it; {@code null} when unknown or unusable. */
    static Charset fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252", "iso_8859-1":
                l = "windows-1252";
                break;
            case "gb2312", "gb_2312-80", "x-gbk", "chinese", "csgb2312":
                l = "GBK";
                break;
            case "iso-8859-9", "latin5":
                l = "windows-1254";
                break;
            case "tis-620", "iso-8859-11":
                l = "x-windows-874";
                break;
            case "sjis", "shift-jis", "x-sjis", "ms_kanji", "csshiftjis":
                l = "Shift_JIS";
                break;
            case "utf8", "unicode-1-1-utf-8":
                l = "UTF-8";
                break;
            case "utf-16", "utf-16le", "utf-16be", "unicode":
                // A meta tag claiming UTF-16 in ASCII-readable bytes is wrong by definition (HTML spec).
                l = "UTF-8";
                break;
            default:
                break;
        }
        try {
            return Charset.forName(l);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Charset detect(byte[] bytes) {
        if (looksLikeUtf8(bytes)) {
            return StandardCharsets.UTF_8;
        }
        try {
            UniversalDetector detector = new UniversalDetector();
            detector.handleData(bytes, 0, Math.min(bytes.length, DETECT_BYTES));
            detector.dataEnd();
            Charset cs = fromLabel(detector.getDetectedCharset());
            return cs != null ? cs : Charset.forName("windows-1252");
        } catch (RuntimeException e) {
            return Charset.forName("windows-1252");
        }
    }

    /** Strict UTF-8 validity over a prefix: pure ASCII or valid multi-byte sequences mean UTF-8. */
    private static boolean looksLikeUtf8(byte[] bytes) {
        int n = Math.min(bytes.length, DETECT_BYTES);
        int i = 0;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            int extra;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                extra = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                extra = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                extra = 3;
            } else {
                return false;
            }
            if (i + extra >= n) {
                return true; // truncated sequence at the prefix boundary
            }
            for (int k = 1; k <= extra; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += extra + 1;
        }
        return true;
    }
}
