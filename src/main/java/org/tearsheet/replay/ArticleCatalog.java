package org.tearsheet.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.SidecarFiles;
import org.tearsheet.sidecar.SidecarEntry;

/**
 * The browse and search database: every sidecar line of the archive in SQLite, with an FTS5 full-text index over
 * title and cleaned text. It is derived data ({@code search.db} in the archive folder, or a temporary file when the
 * folder is read-only): {@link #refresh()} loads sidecars it has not seen, so it follows a running capture.
 */
public final class ArticleCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "a.response_id, a.url, a.final_url, a.site, a.host, a.captured, a.ts, a.title, "
            + "a.word_count, a.paywall, a.paywall_kind, a.warc_file, a.warc_offset";

    /** Bumped whenever the tables change; an older search.db is rebuilt. */
    private static final int SCHEMA_VERSION = 1;

    private final Path archiveDir;
    private final Connection db;
    private final Path tempDb;

    private ArticleCatalog(Path archiveDir, Connection db, Path tempDb) {
        this.archiveDir = archiveDir;
        this.db = db;
        this.tempDb = tempDb;
    }

    /** Opens (creating when needed) the catalog of {@code archiveDir} and loads new sidecars. */
    public static ArticleCatalog open(Path archiveDir) throws IOException {
        Path file = archiveDir.resolve(ArchiveFiles.SEARCH_DB);
        Path temp = null;
        if (!Files.isWritable(archiveDir) || (Files.exists(file) && !Files.isWritable(file))) {
            temp = Files.createTempFile("tearsheet-search", ".db");
            file = temp;
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA busy_timeout=10000");
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version != SCHEMA_VERSION) {
                    // derived data from another version: rebuild it from the sidecars
                    s.execute("DROP TABLE IF EXISTS articles_fts");
                    s.execute("DROP TABLE IF EXISTS articles");
                    s.execute("DROP TABLE IF EXISTS sources");
                    s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                }
                s.execute("CREATE TABLE IF NOT EXISTS sources(name TEXT PRIMARY KEY, size INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS articles(id INTEGER PRIMARY KEY, response_id TEXT UNIQUE NOT NULL,"
                        + " url TEXT, final_url TEXT, url_key TEXT, final_key TEXT, site TEXT, host TEXT, captured TEXT, ts TEXT,"
                        + " title TEXT, byline TEXT, published TEXT, modified TEXT, language TEXT, description TEXT,"
                        + " canonical_url TEXT, status INTEGER, redirect_chain TEXT, word_count INTEGER, paywall TEXT,"
                        + " paywall_kind TEXT, paywall_signals TEXT, credentials TEXT, warc_file TEXT, warc_offset INTEGER,"
                        + " warc_record_id TEXT, text TEXT, text_sha256 TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS articles_captured ON articles(captured)");
                s.execute("CREATE INDEX IF NOT EXISTS articles_url ON articles(url_key)");
                s.execute("CREATE INDEX IF NOT EXISTS articles_final_url ON articles(final_key)");
                s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles',"
                        + " content_rowid='id', tokenize='unicode61 remove_diacritics 2')");
            }
            ArticleCatalog catalog = new ArticleCatalog(archiveDir, c, temp);
            catalog.refresh();
            return catalog;
        } catch (SQLException e) {
            throw new IOException("cannot open the search database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads sidecars not loaded yet; returns how many articles were added. */
    public synchronized int refresh() throws IOException {
        int added = 0;
        try {
            for (Path sidecar : ArchiveFiles.sidecars(archiveDir)) {
                String name = sidecar.getFileName().toString();
                long size = Files.size(sidecar);
                try (PreparedStatement q = db.prepareStatement("SELECT size FROM sources WHERE name = ?")) {
                    q.setString(1, name);
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                added += load(sidecar, name, size);
            }
        } catch (SQLException e) {
            throw new IOException("search database: " + e.getMessage(), e);
        }
        return added;
    }

    private int load(Path sidecar, String name, long size) throws SQLException, IOException {
        db.setAutoCommit(false);
        int[] added = {0};
        try (PreparedStatement ins = db.prepareStatement("INSERT OR IGNORE INTO articles(response_id, url, final_url,"
                + " url_key, final_key, site, host, captured, ts, title, byline, published, modified, language, description,"
                + " canonical_url, status, redirect_chain, word_count, paywall, paywall_kind, paywall_signals, credentials,"
                + " warc_file, warc_offset, warc_record_id, text, text_sha256)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement fts = db.prepareStatement(
                     "INSERT INTO articles_fts(rowid, title, text) VALUES (last_insert_rowid(), ?, ?)")) {
            try {
                SidecarFiles.forEachLine(sidecar, (n, raw) -> {
                    try {
                        SidecarEntry e = SidecarFiles.parse(raw);
                        if (insert(ins, e)) {
                            fts.setString(1, e.title());
                            fts.setString(2, e.text());
                            fts.executeUpdate();
                            added[0]++;
                        }
                    } catch (IllegalArgumentException | SQLException ex) {
                        LOG.warn("{} line {}: skipped: {}", name, n, ex.getMessage());
                    }
                });
            } catch (IOException e) {
                LOG.warn("{}: read only in part: {}", name, e.toString());
            }
            try (PreparedStatement src = db.prepareStatement("INSERT OR REPLACE INTO sources(name, size) VALUES (?, ?)")) {
                src.setString(1, name);
                src.setLong(2, size);
                src.executeUpdate();
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        return added[0];
    }

    private static boolean insert(PreparedStatement ins, SidecarEntry e) throws SQLException {
        String page = e.finalUrl() != null ? e.finalUrl() : e.url();
        String host = hostOf(page);
        Instant captured;
        try {
            captured = Instant.parse(e.captured());
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("captured is not an ISO-8601 instant: " + e.captured());
        }
        SidecarEntry.PaywallJson p = e.paywall();
        int i = 1;
        ins.setString(i++, stripAngles(e.warcRecordId()));
        ins.setString(i++, e.url());
        ins.setString(i++, page);
        ins.setString(i++, CaptureLookup.keyOf(e.url()));
        ins.setString(i++, CaptureLookup.keyOf(page));
        ins.setString(i++, e.siteName() != null && !e.siteName().isBlank() ? e.siteName() : host);
        ins.setString(i++, host);
        ins.setString(i++, captured.toString());
        ins.setString(i++, TS.format(captured));
        ins.setString(i++, e.title());
        ins.setString(i++, e.byline());
        ins.setString(i++, e.published());
        ins.setString(i++, e.modified());
        ins.setString(i++, e.language());
        ins.setString(i++, e.description());
        ins.setString(i++, e.canonicalUrl());
        ins.setInt(i++, e.status());
        ins.setString(i++, json(e.redirectChain()));
        ins.setInt(i++, e.wordCount());
        ins.setString(i++, p == null ? null : p.status());
        ins.setString(i++, p == null ? null : p.kind());
        ins.setString(i++, p == null ? null : json(p.signals()));
        ins.setString(i++, p == null ? null : p.credentials());
        ins.setString(i++, e.warcFile());
        ins.setLong(i++, e.warcOffset());
        ins.setString(i++, e.warcRecordId());
        ins.setString(i++, e.text());
        ins.setString(i, e.textSha256());
        return ins.executeUpdate() == 1;
    }

    /** One page of articles matching {@code q}, newest first (or by relevance when {@code byRelevance}). */
    public synchronized Page search(ArticleQuery q, boolean byRelevance) throws IOException {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        String from = " FROM articles a";
        if (q.text() != null) {
            from = " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid";
            where.append(" AND articles_fts MATCH ?");
            args.add(ftsQuery(q.text()));
        }
        if (q.host() != null) {
            where.append(" AND a.host = ?");
            args.add(q.host().startsWith("www.") ? q.host().substring(4) : q.host());
        }
        if (q.from() != null) {
            where.append(" AND a.captured >= ?");
            args.add(q.from().toString());
        }
        if (q.to() != null) {
            where.append(" AND a.captured < ?");
            args.add(q.to().plusDays(1).toString());
        }
        if (q.verdict() != null) {
            if (q.verdict().equals("unknown")) {
                where.append(" AND a.paywall IS NULL");
            } else {
                where.append(" AND a.paywall = ?");
                args.add(q.verdict());
            }
        }
        String order = q.text() != null && byRelevance ? " ORDER BY articles_fts.rank" : " ORDER BY a.captured DESC, a.id DESC";
        try {
            long total;
            try (PreparedStatement s = db.prepareStatement("SELECT count(*)" + from + where)) {
                bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    total = rs.next() ? rs.getLong(1) : 0;
                }
            }
            List<ArticleSummary> items = new ArrayList<>();
            List<Long> rowIds = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("SELECT " + COLUMNS + ", a.id" + from + where + order
                    + " LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(args);
                all.add(q.pageSize());
                all.add((long) (q.page() - 1) * q.pageSize());
                bind(s, all);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(summary(rs, null));
                        rowIds.add(rs.getLong(14));
                    }
                }
            }
            if (q.text() != null && !rowIds.isEmpty()) {
                items = withSnippets(items, rowIds, ftsQuery(q.text()));
            }
            return new Page(items, total, q.page(), q.pageSize());
        } catch (SQLException e) {
            throw new IOException("search failed: " + e.getMessage(), e);
        }
    }

    /**
     * Adds snippets for one page of results. Done as a second query on purpose: SQLite evaluates result columns before
     * sorting, so a snippet in the sorted query would be computed for every match instead of for one page.
     */
    private List<ArticleSummary> withSnippets(List<ArticleSummary> items, List<Long> rowIds, String match)
            throws SQLException {
        java.util.Map<Long, String> snippets = new java.util.HashMap<>();
        String in = String.join(",", java.util.Collections.nCopies(rowIds.size(), "?"));
        try (PreparedStatement s = db.prepareStatement("SELECT rowid, snippet(articles_fts, 1, char(2), char(3), '…', 16)"
                + " FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (" + in + ")")) {
            s.setString(1, match);
            for (int i = 0; i < rowIds.size(); i++) {
                s.setLong(i + 2, rowIds.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    snippets.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        List<ArticleSummary> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ArticleSummary a = items.get(i);
            out.add(new ArticleSummary(a.id(), a.url(), a.finalUrl(), a.site(), a.host(), a.captured(), a.timestamp(),
                    a.title(), a.wordCount(), a.paywall(), a.paywallKind(), snippets.get(rowIds.get(i)), a.warcFile(),
                    a.warcOffset()));
        }
        return out;
    }

    /** A page of results. */
    public record Page(List<ArticleSummary> items, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** The article with this id (response record UUID), or null. */
    public synchronized ArticleDetail article(String id) throws IOException {
        try (PreparedStatement s = db.prepareStatement("SELECT " + COLUMNS + ", NULL, a.byline, a.published, a.modified,"
                + " a.language, a.description, a.canonical_url, a.status, a.redirect_chain, a.paywall_signals,"
                + " a.credentials, a.warc_file, a.warc_offset, a.warc_record_id, a.text, a.text_sha256"
                + " FROM articles a WHERE a.response_id = ?")) {
            s.setString(1, "urn:uuid:" + id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ArticleDetail(summary(rs, null), rs.getString(15), rs.getString(16), rs.getString(17),
                        rs.getString(18), rs.getString(19), rs.getString(20), rs.getInt(21), list(rs.getString(22)),
                        list(rs.getString(23)), rs.getString(24), rs.getString(25), rs.getLong(26), rs.getString(27),
                        rs.getString(28), rs.getString(29));
            }
        } catch (SQLException e) {
            throw new IOException("article lookup failed: " + e.getMessage(), e);
        }
    }

    /** Article captures of the same URL, requested or final (any capture time), newest first. */
    public synchronized List<ArticleSummary> history(String url) throws IOException {
        List<ArticleSummary> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT " + COLUMNS + " FROM articles a WHERE a.url_key = ?"
                + " OR a.final_key = ? ORDER BY a.captured DESC")) {
            s.setString(1, CaptureLookup.keyOf(url));
            s.setString(2, CaptureLookup.keyOf(url));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs, null));
                }
            }
        } catch (SQLException e) {
            throw new IOException("history lookup failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Hosts with at least one article, for the site filter. */
    public synchronized List<String> hosts() throws IOException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT host FROM articles WHERE host IS NOT NULL GROUP BY host ORDER BY host")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out;
    }

    private static ArticleSummary summary(ResultSet rs, String snippet) throws SQLException {
        String rid = rs.getString(1);
        return new ArticleSummary(rid.startsWith("urn:uuid:") ? rid.substring(9) : rid, rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                rs.getString(10), rs.getString(11), snippet, rs.getString(12), rs.getLong(13));
    }

    /**
     * Turns what a person typed into an FTS5 query that cannot be a syntax error: every word or "quoted phrase"
     * becomes a quoted string, all must match.
     */
    static String ftsQuery(String text) {
        List<String> terms = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(text);
        while (m.find()) {
            String t = m.group(1) != null ? m.group(1) : m.group(2).replace("\"", "");
            if (!t.isBlank()) {
                terms.add("\"" + t.replace("\"", "\"\"") + "\"");
            }
        }
        return terms.isEmpty() ? "\"\"" : String.join(" ", terms);
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    static String hostOf(String url) {
        try {
            String h = URI.create(url).getHost();
            if (h == null) {
                return null;
            }
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String stripAngles(String id) {
        if (id == null) {
            return null;
        }
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    private static String json(List<String> list) {
        try {
            return list == null ? null : JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            LOG.debug("closing search db: {}", e.getMessage());
        }
        if (tempDb != null) {
            try {
                Files.deleteIfExists(tempDb);
            } catch (IOException e) {
                LOG.debug("removing {}: {}", tempDb, e.getMessage());
            }
        }
    }
}
