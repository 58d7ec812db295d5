package org.tearsheet.record;

import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * WARC file names: {@code <prefix>-<yyyyMMddHHmmssSSS>-<serial5>-<host>.warc.gz}, where host is this machine's
 * name (the IIPC recommended naming, as Heritrix and wget use it), written as {@code .warc.gz.open} until closed.
 */
public final class WarcFileName {

    /** Suffix of a closed WARC. */
    public static final String SUFFIX = ".warc.gz";
    /** Suffix added while a WARC is being written. */
    public static final String OPEN_SUFFIX = ".open";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private WarcFileName() {
    }

    /** The closed file name for a WARC started at {@code created}. */
    public static String of(String prefix, Instant created, int serial, String host) {
        return prefix + "-" + STAMP.format(created) + "-" + String.format("%05d", serial % 100_000) + "-"
                + host + SUFFIX;
    }

    /** This machine's host name, reduced to characters safe in file names. */
    public static String localHost() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        String safe = name.replaceAll("[^A-Za-z0-9.\\-]", "-");
        return safe.isEmpty() ? "localhost" : safe;
    }
}
