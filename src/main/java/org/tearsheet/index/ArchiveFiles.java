package org.tearsheet.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names of the files in an archive folder (see docs/warc-format.md): closed WARCs, their sidecars, the manifest
 * and the index. Every reader of the folder goes through here so the layout is spelled out once.
 */
public final class ArchiveFiles {

    /** Suffix of a closed WARC; {@code .open} files are still being written and are never read. */
    public static final String WARC_SUFFIX = ".warc.gz";
    /** Suffix appended to a WARC's name for its cleaned-text sidecar. */
    public static final String SIDECAR_SUFFIX = ".text.jsonl.gz";
    public static final String MANIFEST = "manifest.jsonl";
    public static final String INDEX = "index.cdxj";
    /** Which WARCs (name and size) are already in the index, so {@code index} only reads new files. */
    public static final String INDEX_STATE = "index.state.tsv";
    /** Browse/search database of the replay server; derived data, rebuilt from the sidecars when missing. */
    public static final String SEARCH_DB = "search.db";

    /** A plain file name: no separators, no leading dot, so it cannot walk out of the archive folder. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._,+=@-]*");

    private ArchiveFiles() {
    }

    /** Closed WARCs of the folder, sorted by name (names start with a timestamp, so this is write order). */
    public static List<Path> warcs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(WARC_SUFFIX) && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sidecar files of the folder, sorted by name. */
    public static List<Path> sidecars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(WARC_SUFFIX + SIDECAR_SUFFIX) && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sidecar path of a WARC (which may not exist). */
    public static Path sidecarOf(Path warc) {
        return warc.resolveSibling(warc.getFileName() + SIDECAR_SUFFIX);
    }

    /** The WARC name a sidecar belongs to. */
    public static String warcNameOfSidecar(Path sidecar) {
        String n = sidecar.getFileName().toString();
        return n.substring(0, n.length() - SIDECAR_SUFFIX.length());
    }

    /**
     * Resolves a WARC name taken from untrusted input (an index line, a URL) inside {@code dir}, or returns null when
     * the name is not a plain WARC file name or the file does not exist.
     */
    public static Path resolveWarc(Path dir, String name) {
        Path p = resolvePlainName(dir, name);
        return p == null || !name.endsWith(WARC_SUFFIX) || !Files.isRegularFile(p) ? null : p;
    }

    /**
     * Resolves an untrusted file name inside {@code dir} (whether or not it exists), or returns null when it is not a
     * plain name (separators, {@code ..}, leading dot, odd characters).
     */
    public static Path resolvePlainName(Path dir, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            return null;
        }
        Path p = dir.resolve(name).normalize();
        return dir.toAbsolutePath().normalize().equals(p.toAbsolutePath().getParent()) ? p : null;
    }
}
