package org.tearsheet.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.Outcome;
import org.tearsheet.discover.DiscoveredUrl;

/**
 * {@link StateStore} in an embedded SQLite file ({@code <archive>/state.db}), in WAL mode so {@code status}
 * can read while a run writes, with a busy timeout so runs of different jobs can share the file.
 * One connection, every method synchronized: SQLite serializes writers anyway.
 */
public final class SqliteStateStore implements StateStore {

    /** File name inside the archive folder. */
    public static final String FILE_NAME = "state.db";

    private static final String URL_COLUMNS = "job, url, canonical, source, first_seen, last_seen, published, "
            + "last_attempt, last_outcome, attempts, last_capture, status, paywall, text_sha256, etag, last_modified, "
            + "warc_file, warc_record_id, payload_digest, captured_at, target_uri, retry_fingerprint";

    private final Connection db;
    private final Set<String> closedWarcs = new HashSet<>();

    private SqliteStateStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating and migrating as needed) the state database of an archive folder. */
    public static SqliteStateStore open(Path archiveDir) {
        return openFile(archiveDir.resolve(FILE_NAME));
    }

    /** Opens (creating and migrating as needed) a state database file. */
    public static SqliteStateStore openFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 30000");
                s.execute("PRAGMA journal_mode = WAL");
                // WAL + NORMAL survives a killed process (the case resume is about); only power loss may drop the last commits
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            migrate(c);
            return new SqliteStateStore(c);
        } catch (SQLException | java.io.IOException e) {
            throw new StateException("cannot open state database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The schema version this code migrates to. */
    public static int schemaVersion() {
        return Migrations.ALL.size();
    }

    private static void migrate(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int version = 0;
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (rs.next()) {
                    version = rs.getInt(1);
                }
            }
            if (version > Migrations.ALL.size()) {
                c.rollback();
                throw new SQLException("state database has schema version " + version
                        + ", newer than this tearsheet understands (" + Migrations.ALL.size() + ")");
            }
            for (int v = version; v < Migrations.ALL.size(); v++) {
                for (String sql : Migrations.ALL.get(v)) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO schema_version (version) VALUES (" + (v + 1) + ")");
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Override
    public synchronized void recordDiscovered(String job, List<DiscoveredUrl> urls, Instant when) {
        inTransaction(() -> {
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO urls (job, canonical, url, source, first_seen, last_seen, published) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job, canonical) DO UPDATE SET "
                            + "last_seen = excluded.last_seen, published = COALESCE(urls.published, excluded.published)")) {
                for (DiscoveredUrl u : urls) {
                    insert.setString(1, job);
                    insert.setString(2, u.canonical());
                    insert.setString(3, u.url());
                    insert.setString(4, u.source());
                    insert.setLong(5, when.toEpochMilli());
                    insert.setLong(6, when.toEpochMilli());
                    setInstant(insert, 7, u.published());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public synchronized Map<String, UrlState> find(String job, Collection<String> canonicals) {
        Map<String, UrlState> found = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT " + URL_COLUMNS + " FROM urls WHERE job = ? AND canonical = ?")) {
            for (String canonical : canonicals) {
                q.setString(1, job);
                q.setString(2, canonical);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        found.put(canonical, urlState(rs));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StateException("cannot read URL state of job " + job, e);
        }
    }

    @Override
    public synchronized List<UrlState> unfinished(String job) {
        return urlStates("WHERE job = ? AND (last_outcome IS NULL OR last_outcome = 'failed') "
                + "ORDER BY first_seen, rowid", job);
    }

    @Override
    public synchronized List<UrlState> awaitingCredentials(String job) {
        return urlStates("WHERE job = ? AND last_outcome = 'skipped' AND retry_fingerprint IS NOT NULL "
                + "ORDER BY first_seen, rowid", job);
    }

    private List<UrlState> urlStates(String where, String job) {
        try (PreparedStatement q = db.prepareStatement("SELECT " + URL_COLUMNS + " FROM urls " + where)) {
            q.setString(1, job);
            List<UrlState> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(urlState(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StateException("cannot read URL state of job " + job, e);
        }
    }

    @Override
    public synchronized void markAttempted(String job, Collection<String> canonicals, Instant when) {
        inTransaction(() -> {
            try (PreparedStatement u = db.prepareStatement(
                    "UPDATE urls SET last_attempt = ?, attempts = attempts + 1 WHERE job = ? AND canonical = ?")) {
                for (String canonical : canonicals) {
                    u.setLong(1, when.toEpochMilli());
                    u.setString(2, job);
                    u.setString(3, canonical);
                    u.addBatch();
                }
                u.executeBatch();
            }
        });
    }

    @Override
    public synchronized void recordResult(String job, String canonical, CaptureResult r, String retryFingerprint) {
        boolean written = (r.outcome() == Outcome.CAPTURED || r.outcome() == Outcome.REVISIT) && r.warcFile() != null;
        inTransaction(() -> {
            if (!written) {
                applyToUrl(job, canonical, r.outcome().wireName(), r.status(), paywallOf(r), null, null, null, null,
                        null, null, null, null, retryFingerprint);
                return;
            }
            boolean durable = closedWarcs.contains(r.warcFile());
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO captures (job, canonical, url, final_url, captured_at, outcome, status, warc_file, "
                            + "warc_record_id, payload_digest, text_sha256, title, paywall, etag, last_modified, durable) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, job);
                insert.setString(2, canonical);
                insert.setString(3, r.requestedUrl());
                insert.setString(4, r.finalUrl());
                insert.setLong(5, (r.captured() == null ? Instant.now() : r.captured()).toEpochMilli());
                insert.setString(6, r.outcome().wireName());
                insert.setInt(7, r.status());
                insert.setString(8, r.warcFile());
                insert.setString(9, r.warcRecordId());
                insert.setString(10, r.payloadDigest());
                insert.setString(11, r.textSha256());
                insert.setString(12, r.title());
                insert.setString(13, paywallOf(r));
                insert.setString(14, r.etag());
                insert.setString(15, r.lastModified());
                insert.setInt(16, durable ? 1 : 0);
                insert.executeUpdate();
            }
            if (durable) {
                applyCapture(job, canonical, r.outcome().wireName(), r.status(), paywallOf(r), r.textSha256(), r.etag(),
                        r.lastModified(), r.warcFile(), r.warcRecordId(), r.payloadDigest(), r.captured(), r.finalUrl());
            }
        });
    }

    @Override
    public synchronized void warcClosed(String warcFile) {
        closedWarcs.add(warcFile);
        inTransaction(() -> {
            List<Object[]> pending = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT job, canonical, outcome, status, paywall, text_sha256, etag, last_modified, warc_record_id, "
                            + "payload_digest, captured_at, final_url FROM captures WHERE warc_file = ? AND durable = 0 "
                            + "ORDER BY id")) {
                q.setString(1, warcFile);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), Instant.ofEpochMilli(rs.getLong(11)), rs.getString(12)});
                    }
                }
            }
            for (Object[] p : pending) {
                applyCapture((String) p[0], (String) p[1], (String) p[2], (Integer) p[3], (String) p[4], (String) p[5],
                        (String) p[6], (String) p[7], warcFile, (String) p[8], (String) p[9], (Instant) p[10],
                        (String) p[11]);
            }
            try (PreparedStatement u = db.prepareStatement(
                    "UPDATE captures SET durable = 1 WHERE warc_file = ? AND durable = 0")) {
                u.setString(1, warcFile);
                u.executeUpdate();
            }
        });
    }

    /** A durable capture or revisit: outcome and validators always; the reference fields only for a full capture. */
    private void applyCapture(String job, String canonical, String outcome, int status, String paywall,
                              String textSha256, String etag, String lastModified, String warcFile, String recordId,
                              String payloadDigest, Instant captured, String finalUrl) throws SQLException {
        boolean full = outcome.equals(Outcome.CAPTURED.wireName());
        applyToUrl(job, canonical, outcome, status, paywall, captured, full ? textSha256 : null, etag, lastModified,
                full ? warcFile : null, full ? recordId : null, full ? payloadDigest : null, full ? finalUrl : null, null);
    }

    private void applyToUrl(String job, String canonical, String outcome, int status, String paywall,
                            Instant captured, String textSha256, String etag, String lastModified, String warcFile,
                            String recordId, String payloadDigest, String targetUri, String retryFingerprint)
            throws SQLException {
        try (PreparedStatement u = db.prepareStatement("UPDATE urls SET last_outcome = ?, status = ?, "
                + "paywall = COALESCE(?, paywall), last_capture = COALESCE(?, last_capture), "
                + "text_sha256 = COALESCE(?, text_sha256), etag = COALESCE(?, etag), "
                + "last_modified = COALESCE(?, last_modified), warc_file = COALESCE(?, warc_file), "
                + "warc_record_id = COALESCE(?, warc_record_id), payload_digest = COALESCE(?, payload_digest), "
                + "captured_at = CASE WHEN ? IS NULL THEN captured_at ELSE ? END, "
                + "target_uri = COALESCE(?, target_uri), retry_fingerprint = ? WHERE job = ? AND canonical = ?")) {
            u.setString(1, outcome);
            u.setInt(2, status);
            u.setString(3, paywall);
            setInstant(u, 4, captured);
            u.setString(5, textSha256);
            u.setString(6, etag);
            u.setString(7, lastModified);
            u.setString(8, warcFile);
            u.setString(9, recordId);
            u.setString(10, payloadDigest);
            u.setString(11, recordId);
            setInstant(u, 12, recordId == null ? null : captured);
            u.setString(13, targetUri);
            u.setString(14, retryFingerprint);
            u.setString(15, job);
            u.setString(16, canonical);
            u.executeUpdate();
        }
    }

    @Override
    public synchronized List<String> pendingWarcFiles(String job) {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT DISTINCT warc_file FROM captures WHERE job = ? AND durable = 0 ORDER BY warc_file")) {
            q.setString(1, job);
            List<String> files = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    files.add(rs.getString(1));
                }
            }
            return files;
        } catch (SQLException e) {
            throw new StateException("cannot read pending captures of job " + job, e);
        }
    }

    @Override
    public synchronized void abandon(String job, String warcFile) {
        inTransaction(() -> {
            // -1 keeps the row for forensics while history and state ignore it
            try (PreparedStatement u = db.prepareStatement(
                    "UPDATE captures SET durable = -1 WHERE job = ? AND warc_file = ? AND durable = 0")) {
                u.setString(1, job);
                u.setString(2, warcFile);
                u.executeUpdate();
            }
        });
    }

    @Override
    public synchronized long startRun(String job, Instant started) {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO runs (job, started) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, job);
            insert.setLong(2, started.toEpochMilli());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StateException("cannot record the start of a run of job " + job, e);
        }
    }

    @Override
    public synchronized void finishRun(long runId, Instant ended, int discovered, int queued, int conditional,
                                       Map<Outcome, Integer> outcomes, int seedErrors, int exitStatus) {
        try (PreparedStatement u = db.prepareStatement("UPDATE runs SET ended = ?, discovered = ?, queued = ?, "
                + "conditional = ?, captured = ?, revisit = ?, robots_denied = ?, skipped = ?, failed = ?, "
                + "seed_errors = ?, exit_status = ? WHERE id = ?")) {
            u.setLong(1, ended.toEpochMilli());
            u.setInt(2, discovered);
            u.setInt(3, queued);
            u.setInt(4, conditional);
            u.setInt(5, outcomes.getOrDefault(Outcome.CAPTURED, 0));
            u.setInt(6, outcomes.getOrDefault(Outcome.REVISIT, 0));
            u.setInt(7, outcomes.getOrDefault(Outcome.ROBOTS_DENIED, 0));
            u.setInt(8, outcomes.getOrDefault(Outcome.SKIPPED, 0));
            u.setInt(9, outcomes.getOrDefault(Outcome.FAILED, 0));
            u.setInt(10, seedErrors);
            u.setInt(11, exitStatus);
            u.setLong(12, runId);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new StateException("cannot record the end of run " + runId, e);
        }
    }

    @Override
    public synchronized List<RunRecord> runs(String job, int limit) {
        try (PreparedStatement q = db.prepareStatement("SELECT id, job, started, ended, discovered, queued, "
                + "conditional, captured, revisit, robots_denied, skipped, failed, seed_errors, exit_status "
                + "FROM runs WHERE job = ? ORDER BY started DESC, id DESC LIMIT ?")) {
            q.setString(1, job);
            q.setInt(2, limit);
            List<RunRecord> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
                    outcomes.put(Outcome.CAPTURED, rs.getInt(8));
                    outcomes.put(Outcome.REVISIT, rs.getInt(9));
                    outcomes.put(Outcome.ROBOTS_DENIED, rs.getInt(10));
                    outcomes.put(Outcome.SKIPPED, rs.getInt(11));
                    outcomes.put(Outcome.FAILED, rs.getInt(12));
                    int exit = rs.getInt(14);
                    Integer exitStatus = rs.wasNull() ? null : exit;
                    out.add(new RunRecord(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            instant(rs, 4), rs.getInt(5), rs.getInt(6), rs.getInt(7), outcomes, rs.getInt(13),
                            exitStatus));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StateException("cannot read runs of job " + job, e);
        }
    }

    @Override
    public synchronized Map<String, Long> countByOutcome(String job) {
        return counts("SELECT COALESCE(last_outcome, 'pending'), COUNT(*) FROM urls WHERE job = ? GROUP BY 1 ORDER BY 1", job);
    }

    @Override
    public synchronized Map<String, Long> countByPaywall(String job) {
        return counts("SELECT COALESCE(paywall, 'unknown'), COUNT(*) FROM urls WHERE job = ? GROUP BY 1 ORDER BY 1", job);
    }

    private Map<String, Long> counts(String sql, String job) {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, job);
            Map<String, Long> out = new LinkedHashMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StateException("cannot count URLs of job " + job, e);
        }
    }

    @Override
    public synchronized List<CaptureRecord> captures(String canonical) {
        try (PreparedStatement q = db.prepareStatement("SELECT job, url, final_url, captured_at, outcome, status, "
                + "warc_file, warc_record_id, payload_digest, text_sha256, title, paywall FROM captures "
                + "WHERE canonical = ? AND durable = 1 ORDER BY captured_at, id")) {
            q.setString(1, canonical);
            List<CaptureRecord> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new CaptureRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), outcome(rs.getString(5)), rs.getInt(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StateException("cannot read captures of " + canonical, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StateException("cannot close state database", e);
        }
    }

    private static UrlState urlState(ResultSet rs) throws SQLException {
        return new UrlState(rs.getString("job"), rs.getString("url"), rs.getString("canonical"), rs.getString("source"),
                instant(rs, "first_seen"), instant(rs, "last_seen"), instant(rs, "published"),
                instant(rs, "last_attempt"), outcome(rs.getString("last_outcome")), rs.getInt("attempts"),
                instant(rs, "last_capture"), rs.getInt("status"), rs.getString("paywall"), rs.getString("text_sha256"),
                rs.getString("etag"), rs.getString("last_modified"), rs.getString("warc_file"),
                rs.getString("warc_record_id"), rs.getString("payload_digest"), instant(rs, "captured_at"),
                rs.getString("target_uri"), rs.getString("retry_fingerprint"));
    }

    private static Outcome outcome(String wireName) {
        return wireName == null ? null : Outcome.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    private static String paywallOf(CaptureResult r) {
        return r.paywall() == null || r.paywall().status() == null ? null : r.paywall().status().wireName();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value.toEpochMilli());
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StateException("state database update failed: " + e.getMessage(), e);
        }
    }
}
