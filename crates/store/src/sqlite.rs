//! SQLite store: articles, stories, snapshots and cached briefs in one SQLite database (a file in WAL
//! mode, or in memory), every statement prepared once and cached.
//!
//! Durability: `synchronous = FULL`. In WAL mode SQLite never corrupts on a crash whatever the setting, and
//! with NORMAL a killed process loses nothing either; FULL additionally syncs the WAL at every commit, so
//! a batch acknowledged (say, by the server to a client) survives a power cut too. It costs one fsync per
//! `add` call, which batching makes small.

use std::path::Path;
use std::time::Duration;

use newsbrief_core::{Article, Cancel};
use rusqlite::{params, Connection, OptionalExtension, Row};
use rustc_hash::FxHashSet;

use crate::brief::{self, Format};
use crate::store::{another_writer, outcome, NewArticle, Original, ReplayRow, Store, Stored};
use crate::summary::{Seen, StoryRow, Touched};
use crate::{schema, snapshot};
use crate::{Order, Outcome, Since, StoreError, StoryQuery, StorySummary};

/// Page cache per connection (negative: KiB).
const CACHE_KIB: i64 = 32 * 1024;
/// The write-ahead log is cut back to this size after checkpoints (a detector snapshot can make it big).
const WAL_LIMIT: i64 = 64 << 20;

/// A store in an SQLite database.
pub(crate) struct SqliteStore {
    conn: Connection,
    /// The highest sequence number committed.
    cursor: u64,
    /// The highest sequence number written in the open transaction.
    pending: u64,
}

impl SqliteStore {
    /// Opens (creating and migrating as needed) the database file at `path`.
    pub(crate) fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open(path)
            .map_err(|e| StoreError::Database(format!("cannot open {}: {e}", path.display())))?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Database(format!(
                "{}: cannot use write-ahead logging (journal mode is {mode})",
                path.display()
            )));
        }
        SqliteStore::setup(conn)
    }

    /// A fresh database in memory.
    pub(crate) fn in_memory() -> Result<SqliteStore, StoreError> {
        SqliteStore::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<SqliteStore, StoreError> {
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.execute_batch(&format!(
            "PRAGMA synchronous = FULL; PRAGMA cache_size = -{CACHE_KIB}; \
             PRAGMA journal_size_limit = {WAL_LIMIT};"
        ))?;
        conn.set_prepared_statement_cache_capacity(32);
        schema::migrate(&mut conn)?;
        let cursor = max_seq(&conn)?;
        Ok(SqliteStore {
            conn,
            cursor,
            pending: cursor,
        })
    }

    /// The stored row of a story.
    fn load_story(&self, id: u64) -> Result<Option<StoryRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE id = ?1"
        ))?;
        let row = stmt.query_row([to_i64(id)], read_story).optional()?;
        row.transpose()
    }

    fn save_story(&self, row: &StoryRow) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO stories (id, title, articles, sources, outlets, first_seen, last_seen, \
             first_time, last_time, updated, version) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, articles = excluded.articles, \
             sources = excluded.sources, outlets = excluded.outlets, first_seen = excluded.first_seen, \
             last_seen = excluded.last_seen, first_time = excluded.first_time, \
             last_time = excluded.last_time, updated = excluded.updated, version = excluded.version",
        )?;
        let outlets = serde_json::to_string(&row.outlets)
            .map_err(|e| StoreError::Database(format!("story s{}: {e}", row.id)))?;
        stmt.execute(params![
            to_i64(row.id),
            row.title,
            to_i64(row.articles),
            to_i64(row.sources),
            outlets,
            row.first.as_ref().map(|s| &s.text),
            row.last.as_ref().map(|s| &s.text),
            row.first.as_ref().and_then(|s| s.time),
            row.last.as_ref().and_then(|s| s.time),
            to_i64(row.updated),
            to_i64(row.version),
        ])?;
        Ok(())
    }
}

impl Store for SqliteStore {
    fn cursor(&self) -> u64 {
        self.cursor
    }

    fn persistent(&self) -> bool {
        true
    }

    fn begin(&mut self) -> Result<(), StoreError> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let stored = match max_seq(&self.conn) {
            Ok(stored) => stored,
            Err(e) => {
                self.rollback();
                return Err(e);
            }
        };
        if stored != self.cursor {
            self.rollback();
            return Err(another_writer(stored, self.cursor));
        }
        self.pending = self.cursor;
        Ok(())
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        self.conn.execute_batch("COMMIT")?;
        self.cursor = self.pending;
        Ok(())
    }

    fn rollback(&mut self) {
        if !self.conn.is_autocommit() {
            // A failed rollback means SQLite rolled back already (or the connection is gone).
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        self.pending = self.cursor;
    }

    fn find_id(&mut self, id: &str) -> Result<Option<Stored>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT story, duplicate_of FROM articles WHERE id = ?1")?;
        Ok(stmt
            .query_row([id], |r| {
                Ok(Stored {
                    story: r.get::<_, i64>(0)? as u64,
                    duplicate_of: r.get(1)?,
                })
            })
            .optional()?)
    }

    fn find_text(&mut self, text_hash: u64, text: &str) -> Result<Option<Original>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, story, duplicate_of, text FROM articles \
             WHERE text_hash = ?1 AND text_of IS NULL ORDER BY seq",
        )?;
        let mut rows = stmt.query([text_hash as i64])?;
        while let Some(row) = rows.next()? {
            let stored: Option<String> = row.get(3)?;
            if stored.as_deref().map(str::trim) == Some(text) {
                return Ok(Some(Original {
                    id: row.get(0)?,
                    story: row.get::<_, i64>(1)? as u64,
                    duplicate_of: row.get(2)?,
                }));
            }
        }
        Ok(None)
    }

    fn insert(&mut self, rows: &[NewArticle<'_>]) -> Result<(), StoreError> {
        let mut touched = Touched::default();
        {
            let mut stmt = self.conn.prepare_cached(
                "INSERT INTO articles (seq, id, text, title, outlet, published, url, text_hash, story, \
                 duplicate_of, text_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            for r in rows {
                let a = r.article;
                let text = r.text_of.is_none().then_some(a.text.as_str());
                stmt.execute(params![
                    to_i64(r.seq),
                    a.id,
                    text,
                    a.title,
                    a.outlet,
                    a.published,
                    a.url,
                    r.text_hash as i64,
                    to_i64(r.story),
                    r.duplicate_of,
                    r.text_of,
                ])?;
                let copy = r.duplicate_of.is_some();
                touched.take(r.story, a, r.seq, copy, |id| self.load_story(id))?;
                self.pending = self.pending.max(r.seq);
            }
        }
        for story in touched.into_rows() {
            self.save_story(&story)?;
        }
        Ok(())
    }

    fn snapshot_seq(&self) -> Result<u64, StoreError> {
        snapshot::latest_seq(&self.conn)
    }

    fn latest_snapshot(&self) -> Result<Option<(u64, Vec<u8>)>, StoreError> {
        snapshot::read_latest(&self.conn)
    }

    fn save_snapshot(&mut self, covers_seq: u64, bytes: &[u8]) -> Result<(), StoreError> {
        snapshot::save(&self.conn, to_i64(covers_seq), bytes)
    }

    fn replay(
        &self,
        after: u64,
        chunk: usize,
        each: &mut dyn FnMut(Vec<ReplayRow>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut after = to_i64(after);
        loop {
            let rows: Vec<(i64, ReplayRow)> = {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT seq, id, text, title, outlet, published, url, story, duplicate_of \
                     FROM articles WHERE seq > ?1 AND text_of IS NULL ORDER BY seq LIMIT ?2",
                )?;
                let rows = stmt.query_map(params![after, chunk as i64], |r| {
                    Ok((
                        r.get(0)?,
                        ReplayRow {
                            article: Article {
                                id: r.get(1)?,
                                text: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                                title: r.get(3)?,
                                outlet: r.get(4)?,
                                published: r.get(5)?,
                                url: r.get(6)?,
                            },
                            story: r.get::<_, i64>(7)? as u64,
                            duplicate_of: r.get(8)?,
                        },
                    ))
                })?;
                rows.collect::<Result<_, _>>()?
            };
            let Some(&(last, _)) = rows.last() else {
                return Ok(());
            };
            after = last;
            each(rows.into_iter().map(|(_, r)| r).collect())?;
        }
    }

    fn stories(&self, query: &StoryQuery, order: Order) -> Result<Vec<StorySummary>, StoreError> {
        let (filter, bound) = match &query.since {
            None => ("updated > ?1", 0),
            Some(Since::Cursor(n)) => ("updated > ?1", to_i64(*n)),
            Some(Since::Time(t)) => ("last_time >= ?1", parse_since(t)?),
        };
        let order = match order {
            Order::Biggest => "sources DESC, updated DESC, id",
            Order::MostActive => "updated DESC, id",
        };
        let limit = query
            .limit
            .map_or(i64::MAX, |n| n.min(i64::MAX as usize) as i64);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE {filter} ORDER BY {order} LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![bound, limit], read_story)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??.summary());
        }
        Ok(out)
    }

    fn story(&self, id: u64) -> Result<Option<StorySummary>, StoreError> {
        Ok(self.load_story(id)?.map(|s| s.summary()))
    }

    fn story_articles(&self, id: u64) -> Result<Vec<Article>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, COALESCE(a.text, o.text), a.title, a.outlet, a.published, a.url \
             FROM articles a LEFT JOIN articles o ON o.id = a.text_of \
             WHERE a.story = ?1 ORDER BY a.seq",
        )?;
        let rows = stmt.query_map([to_i64(id)], |r| {
            Ok(Article {
                id: r.get(0)?,
                text: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                title: r.get(2)?,
                outlet: r.get(3)?,
                published: r.get(4)?,
                url: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn brief(&mut self, id: u64, format: Format, cancel: &Cancel) -> Result<String, StoreError> {
        let Some(story) = self.load_story(id)? else {
            return Err(not_found(id));
        };
        let version = to_i64(story.version);
        let cached: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT body FROM briefs WHERE story = ?1 AND format = ?2 AND version = ?3",
            )?
            .query_row(params![to_i64(id), format.cache_key(), version], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(body) = cached {
            return Ok(body);
        }
        let body = brief::render(&self.story_articles(id)?, format, cancel)?;
        let (bare, versioned) = format.any_version();
        self.conn
            .prepare_cached(
                "DELETE FROM briefs WHERE story = ?1 AND (format = ?2 OR format LIKE ?3) AND format <> ?4",
            )?
            .execute(params![to_i64(id), bare, versioned, format.cache_key()])?;
        self.conn
            .prepare_cached(
                "INSERT INTO briefs (story, format, version, body) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (story, format) DO UPDATE SET version = excluded.version, body = excluded.body",
            )?
            .execute(params![to_i64(id), format.cache_key(), version, body])?;
        Ok(body)
    }

    fn assignments(&self) -> Result<Vec<Outcome>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, story, duplicate_of FROM articles ORDER BY seq")?;
        let mut seen = FxHashSet::default();
        let mut out = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            out.push(outcome(
                r.get(0)?,
                r.get::<_, i64>(1)? as u64,
                r.get(2)?,
                &mut seen,
            ));
        }
        Ok(out)
    }
}

/// The columns [`read_story`] reads.
const STORY_COLUMNS: &str =
    "id, title, articles, sources, outlets, first_seen, last_seen, first_time, last_time, updated, version";

/// A story row (the outer error: the database; the inner: a damaged row).
fn read_story(r: &Row<'_>) -> rusqlite::Result<Result<StoryRow, StoreError>> {
    let id = r.get::<_, i64>(0)? as u64;
    let outlets: String = r.get(4)?;
    let seen = |text: Option<String>, time: Option<i64>| text.map(|text| Seen { text, time });
    let row = StoryRow {
        id,
        title: r.get(1)?,
        articles: r.get::<_, i64>(2)? as u64,
        sources: r.get::<_, i64>(3)? as u64,
        outlets: Vec::new(),
        first: seen(r.get(5)?, r.get(7)?),
        last: seen(r.get(6)?, r.get(8)?),
        updated: r.get::<_, i64>(9)? as u64,
        version: r.get::<_, i64>(10)? as u64,
    };
    Ok(match serde_json::from_str(&outlets) {
        Ok(outlets) => Ok(StoryRow { outlets, ..row }),
        Err(e) => Err(StoreError::Database(format!(
            "story s{id}: unreadable outlets `{outlets}`: {e}"
        ))),
    })
}

fn max_seq(conn: &Connection) -> Result<u64, StoreError> {
    let seq: i64 = conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM articles", [], |r| {
        r.get(0)
    })?;
    Ok(seq as u64)
}

/// The seconds since 1970 of a `since` time.
pub(crate) fn parse_since(text: &str) -> Result<i64, StoreError> {
    newsbrief_stream::profile::parse_time(text).ok_or_else(|| {
        StoreError::Invalid(format!(
            "`{text}` is not a time (expected RFC 3339, e.g. 2024-03-01T12:00:00Z, or a date)"
        ))
    })
}

pub(crate) fn not_found(id: u64) -> StoreError {
    StoreError::NotFound(format!("no story {}", newsbrief_stream::StoryId(id)))
}

/// Sequence numbers and story ids are far below `i64::MAX`; SQLite integers are signed.
pub(crate) fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
