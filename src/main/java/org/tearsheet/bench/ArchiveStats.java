package org.tearsheet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/** Reads WARCs after a run (outside the measured time) to count responses and payload bytes, for both tools alike. */
final class ArchiveStats {

    /**
     * @param responses    response records (robots.txt left out)
     * @param ok           of which with HTTP status 200
     * @param payloadBytes their HTTP payload bytes
     * @param warcBytes    total size of the WARC files
     */
    record Stats(int responses, int ok, long payloadBytes, long warcBytes) {
    }

    static Stats of(Path dir) throws IOException {
        int responses = 0;
        int ok = 0;
        long payload = 0;
        long size = 0;
        for (Path warc : warcs(dir)) {
            size += Files.size(warc);
            try (WarcReader reader = new WarcReader(warc)) {
                for (WarcRecord r : reader) {
                    // robots.txt is archived too, but it is not one of the pages asked for.
                    if (r instanceof WarcResponse resp && !resp.target().endsWith("/robots.txt")) {
                        responses++;
                        var http = resp.http();
                        if (http.status() == 200) {
                            ok++;
                        }
                        try (InputStream in = http.body().stream()) {
                            payload += in.transferTo(java.io.OutputStream.nullOutputStream());
                        }
                    }
                }
            }
        }
        return new Stats(responses, ok, payload, size);
    }

    static Stream<Path> warcStream(Path dir) throws IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".warc.gz"));
    }

    private static java.util.List<Path> warcs(Path dir) throws IOException {
        try (Stream<Path> s = warcStream(dir)) {
            return s.sorted().toList();
        }
    }

    private ArchiveStats() {
    }
}
