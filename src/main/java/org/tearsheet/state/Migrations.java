package org.tearsheet.state;

import java.util.List;

/**
 * The SQLite schema, as numbered migrations applied in order; the version reached is kept in
 * {@code schema_version}. Append new migrations, never edit applied ones. Times are epoch milliseconds.
 */
final class Migrations {

    private Migrations() {
    }

    static final List<List<String>> ALL = List.of(
            // 1: frontier, capture history, runs
            List.of(
                    """
                    CREATE TABLE urls (
                      job TEXT NOT NULL,
                      canonical TEXT NOT NULL,
                      url TEXT NOT NULL,
                      source TEXT,
                      first_seen INTEGER NOT NULL,
                      last_seen INTEGER NOT NULL,
                      published INTEGER,
                      last_attempt INTEGER,
                      last_outcome TEXT,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      last_capture INTEGER,
                      status INTEGER NOT NULL DEFAULT 0,
                      paywall TEXT,
                      text_sha256 TEXT,
                      etag TEXT,
                      last_modified TEXT,
                      warc_file TEXT,
                      warc_record_id TEXT,
                      payload_digest TEXT,
                      captured_at INTEGER,
                      target_uri TEXT,
                      retry_fingerprint TEXT,
                      PRIMARY KEY (job, canonical))""",
                    "CREATE INDEX urls_by_outcome ON urls (job, last_outcome)",
                    """
                    CREATE TABLE captures (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      job TEXT NOT NULL,
                      canonical TEXT NOT NULL,
                      url TEXT NOT NULL,
                      final_url TEXT,
                      captured_at INTEGER NOT NULL,
                      outcome TEXT NOT NULL,
                      status INTEGER NOT NULL,
                      warc_file TEXT NOT NULL,
                      warc_record_id TEXT,
                      payload_digest TEXT,
                      text_sha256 TEXT,
                      title TEXT,
                      paywall TEXT,
                      etag TEXT,
                      last_modified TEXT,
                      durable INTEGER NOT NULL)""",
                    "CREATE INDEX captures_by_url ON captures (canonical, captured_at)",
                    "CREATE INDEX captures_by_file ON captures (warc_file, durable)",
                    "CREATE INDEX captures_pending ON captures (job, durable)",
                    """
                    CREATE TABLE runs (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      job TEXT NOT NULL,
                      started INTEGER NOT NULL,
                      ended INTEGER,
                      discovered INTEGER NOT NULL DEFAULT 0,
                      queued INTEGER NOT NULL DEFAULT 0,
                      conditional INTEGER NOT NULL DEFAULT 0,
                      captured INTEGER NOT NULL DEFAULT 0,
                      revisit INTEGER NOT NULL DEFAULT 0,
                      robots_denied INTEGER NOT NULL DEFAULT 0,
                      skipped INTEGER NOT NULL DEFAULT 0,
                      failed INTEGER NOT NULL DEFAULT 0,
                      seed_errors INTEGER NOT NULL DEFAULT 0,
                      exit_status INTEGER)""",
                    "CREATE INDEX runs_by_job ON runs (job, started)"));
}
