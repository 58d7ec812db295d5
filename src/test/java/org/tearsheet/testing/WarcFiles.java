package org.tearsheet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/** Reads closed WARCs of an archive folder back with jwarc, checking each record's block digest. */
public final class WarcFiles {

    /** A record's type, target URI, id and (for revisits) profile, kept after the reader moved on. */
    public record Rec(String file, String type, String target, String id, String profile, String refersToTarget,
                      String refersToDate) {

        /** A response record of a page (robots.txt, archived once per host and run, is not one). */
        public boolean isPageResponse() {
            return type.equals("response") && !target.endsWith("/robots.txt");
        }
    }

    private WarcFiles() {
    }

    public static List<Path> closed(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of every closed WARC; fails the test on any warning or digest mismatch. */
    public static List<Rec> records(Path dir) throws IOException {
        List<Rec> out = new ArrayList<>();
        for (Path warc : closed(dir)) {
            try (WarcReader reader = new WarcReader(warc)) {
                reader.calculateBlockDigest();
                List<String> warnings = new ArrayList<>();
                reader.onWarning(warnings::add);
                for (WarcRecord r : reader) {
                    r.body().consume();
                    if (r.blockDigest().isPresent()) {
                        assertThat(r.calculatedBlockDigest()).as("block digest of %s in %s", r.id(), warc)
                                .isEqualTo(r.blockDigest());
                    }
                    String target = r.headers().first("WARC-Target-URI").orElse(null);
                    out.add(new Rec(warc.getFileName().toString(), r.type(), target, r.id().toString(),
                            r.headers().first("WARC-Profile").orElse(null),
                            r.headers().first("WARC-Refers-To-Target-URI").orElse(null),
                            r.headers().first("WARC-Refers-To-Date").orElse(null)));
                }
                assertThat(warnings).as("jwarc warnings in %s", warc).isEmpty();
            }
        }
        return out;
    }
}
