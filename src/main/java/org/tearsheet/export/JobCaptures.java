package org.tearsheet.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.sqlite.SQLiteConfig;
import org.tearsheet.index.ArchiveFiles;

/**
 * Finds the response records a job captured, for {@code export --job}. Sidecar lines carry no job, so two sources
 * are used: the {@code job} field of the metadata records in the WARCs (written by capture, see
 * docs/warc-format.md), and the jobs state database {@code state.db} (table {@code captures}, opened read-only) when
 * it exists.
 */
public final class JobCaptures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobCaptures() {
    }

    /**
     * Response record ids (without angle brackets) the job captured.
     *
     * @throws IOException with a message saying where it looked when nothing names the job
     */
    public static Set<String> recordIds(Path archiveDir, String job) throws IOException {
        Set<String> ids = fromMetadataRecords(archiveDir, job);
        Path db = archiveDir.resolve("state.db");
        boolean hasDb = Files.isRegularFile(db);
        if (hasDb) {
            ids.addAll(fromStateDb(db, job));
        }
        if (ids.isEmpty()) {
            throw new IOException("no capture of job '" + job + "' found: no metadata record in the WARCs names it, and "
                    + (hasDb ? db + " has no captures for it" : "the jobs state database " + db + " does not exist")
                    + " (captures made with 'tearsheet archive' belong to no job; export without --job)");
        }
        return ids;
    }

    private static Set<String> fromMetadataRecords(Path archiveDir, String job) throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path warc : ArchiveFiles.warcs(archiveDir)) {
            try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
                for (WarcRecord r = reader.next().orElse(null); r != null; r = reader.next().orElse(null)) {
                    if (!(r instanceof WarcMetadata) || !r.contentType().base().toString().equals("application/json")) {
                        continue;
                    }
                    String refersTo = r.headers().first("WARC-Refers-To").orElse(null);
                    if (refersTo == null) {
                        continue;
                    }
                    JsonNode meta;
                    try {
                        meta = JSON.readTree(r.body().stream());
                    } catch (IOException e) {
                        continue;
                    }
                    if (meta != null && job.equals(meta.path("job").asText(null))) {
                        ids.add(CaptureFilter.stripAngles(refersTo.trim()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException("cannot read " + warc.getFileName() + " to find job '" + job + "' (run verify): "
                        + e.getMessage(), e);
            }
        }
        return ids;
    }

    private static Set<String> fromStateDb(Path db, String job) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db);
             PreparedStatement s = c.prepareStatement(
                     "SELECT warc_record_id FROM captures WHERE job = ? AND warc_record_id IS NOT NULL")) {
            s.setString(1, job);
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(CaptureFilter.stripAngles(rs.getString(1)));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IOException("cannot read job captures from " + db + ": " + e.getMessage(), e);
        }
    }
}
