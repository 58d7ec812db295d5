package org.tearsheet.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.tearsheet.testing.SharedData;

/** The real pages of the shared dev corpora (extraction-dev and paywall-dev), as raw bytes, for equivalence tests. */
final class DevPages {

    /** One page: its file name and undecoded bytes. */
    record Page(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private DevPages() {
    }

    static List<Page> all() {
        List<Page> pages = new ArrayList<>();
        pages.addAll(load(SharedData.extractionDev().resolve("html")));
        pages.addAll(load(SharedData.paywallDev()));
        return pages;
    }

    private static List<Page> load(Path dir) {
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".html") || n.endsWith(".html.gz")) {
                    try (InputStream in = n.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f))
                            : Files.newInputStream(f)) {
                        pages.add(new Page(n, in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }
}
