package org.tearsheet.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Reads which capture records belong to a job from the jobs state database ({@code state.db}, table
 * {@code captures}), opened read-only. Sidecar lines carry no job, so this is how {@code --job} is answered.
 */
public final class JobCaptures {

    private JobCaptures() {
    }

    /**
     * Response record ids (without angle brackets) the job captured.
     *
     * @throws IOException with a message saying what is missing when there is no usable state database
     */
    public static Set<String> recordIds(Path archiveDir, String job) throws IOException {
        Path db = archiveDir.resolve("state.db");
        if (!Files.isRegularFile(db)) {
            throw new IOException("--job needs the jobs state database " + db + ", which does not exist (captures made "
                    + "with 'tearsheet archive' belong to no job; export without --job)");
        }
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
            if (ids.isEmpty()) {
                throw new IOException("job '" + job + "' has no captures in " + db);
            }
            return ids;
        } catch (SQLException e) {
            throw new IOException("cannot read job captures from " + db + ": " + e.getMessage(), e);
        }
    }
}
