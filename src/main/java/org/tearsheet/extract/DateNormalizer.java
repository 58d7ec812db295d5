package org.tearsheet.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises the date formats found in page metadata to ISO-8601: a date-time with offset when the source
 * has one ({@code 2019-11-18T14:05:00Z}), a local date-time when it has a time without zone, else a date.
 * Also reads dates written out with month names in the languages of the phrase list.
 */
final class DateNormalizer {

    private static final Pattern ISO_LIKE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}(?!\\d)|UTC|GMT)?)?");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?$");
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b");
    private static final Pattern DAY_MONTH_YEAR_NUMERIC = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
    private static final Pattern WORDS_DMY = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?([\\p{L}]{3,12})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORDS_MDY = Pattern.compile(
            "\\b([\\p{L}]{3,12})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?:/|[^\\d]|$)");
    private static final Pattern URL_DATE_SLASHED = Pattern.compile(
            "/((?:19|20)\\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\\d|3[01])/");

    private static final Map<String, Integer> MONTHS = monthNames();

    private static Map<String, Integer> monthNames() {
        Map<String, Integer> months = new HashMap<>();
        String[][] names = {
            // en, de, fr, es, it, pt, nl, pl (nominative and genitive)
            {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "styczeń", "stycznia", "sty"},
            {"february", "feb", "februar", "février", "fevrier", "févr", "fev", "febrero", "febbraio", "fevereiro", "februari", "luty", "lutego", "lut"},
            {"march", "mar", "märz", "maerz", "mars", "marzo", "março", "maart", "marzec", "marca", "mrz"},
            {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "kwi"},
            {"may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja"},
            {"june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca", "cze"},
            {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca", "lip"},
            {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpień", "sierpnia", "sie"},
            {"september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "wrzesień", "września", "wrz"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "październik", "października", "paź"},
            {"november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "lis"},
            {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudzień", "grudnia", "gru"},
        };
        for (int m = 0; m < names.length; m++) {
            for (String n : names[m]) {
                months.putIfAbsent(n, m + 1);
            }
        }
        return Map.copyOf(months);
    }

    private DateNormalizer() {
    }

    /** ISO-8601 form of {@code raw}, or {@code null} when it holds no plausible date. */
    static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 200) {
            return null;
        }
        return fromParts(s);
    }

    private static String fromParts(String s) {
        Matcher m = ISO_LIKE.matcher(s);
        if (m.find()) {
            return build(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
        }
        m = COMPACT.matcher(s);
        if (m.find()) {
            return build(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), null);
        }
        try {
            ZonedDateTime z = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
            return plausible(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(z.toOffsetDateTime()), z.getYear());
        } catch (DateTimeParseException e) {
            // not RFC 1123; try the textual forms below
        }
        m = SLASHED.matcher(s);
        if (m.find()) {
            return build(m.group(1), m.group(2), m.group(3), null, null, null, null);
        }
        m = DAY_MONTH_YEAR_NUMERIC.matcher(s);
        if (m.find()) {
            return build(m.group(3), m.group(2), m.group(1), null, null, null, null);
        }
        return textual(s);
    }

    /** "18 November 2019", "November 18, 2019", "18. listopada 2019", "18 de noviembre de 2019". */
    static String textual(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        Matcher m = WORDS_DMY.matcher(lower);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2));
            if (month != null) {
                return build(m.group(3), String.valueOf(month), m.group(1), null, null, null, null);
            }
        }
        m = WORDS_MDY.matcher(lower);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(1));
            if (month != null) {
                return build(m.group(3), String.valueOf(month), m.group(2), null, null, null, null);
            }
        }
        return null;
    }

    /** A date from URL path patterns such as {@code /2019/11/18/} or {@code /20191118/}. */
    static String fromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE_SLASHED.matcher(url);
        if (m.find()) {
            return build(m.group(1), m.group(2), m.group(3), null, null, null, null);
        }
        m = URL_DATE.matcher(url);
        if (m.find()) {
            return build(m.group(1), m.group(2), m.group(3), null, null, null, null);
        }
        return null;
    }

    private static String build(String y, String mo, String d, String h, String mi, String sec, String zone) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
            if (h == null) {
                return plausible(date.toString(), date.getYear());
            }
            LocalDateTime t = date.atTime(Integer.parseInt(h), Integer.parseInt(mi), sec == null ? 0 : Integer.parseInt(sec));
            if (zone == null) {
                return plausible(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t), date.getYear());
            }
            ZoneOffset offset;
            if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
                offset = ZoneOffset.UTC;
            } else {
                String z = zone.replace(":", "");
                int hours = Integer.parseInt(z.substring(1, 3));
                int minutes = z.length() >= 5 ? Integer.parseInt(z.substring(3, 5)) : 0;
                int sign = z.charAt(0) == '-' ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            return plausible(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(offset)), date.getYear());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String plausible(String iso, int year) {
        return year >= 1990 && year <= 2100 ? iso : null;
    }
}
