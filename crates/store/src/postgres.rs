//! PostgreSQL store: the embedded store's model (articles, stories, the detector's saved state, cached
//! briefs) in a PostgreSQL database, for stories that outlive any one machine. Migrations are embedded
//! and run when the store is opened (under an advisory lock, so processes opening it together migrate it
//! once). One ingest writes at a time: a batch's transaction takes a transaction-scoped advisory lock and
//! checks that nobody stored articles since it last looked; readers need no lock.

use std::cell::RefCell;

use newsbrief_core::{Article, Cancel};
use postgres::types::ToSql;
use postgres::{Client, NoTls, Row, Statement};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::brief::{self, Format};
use crate::snapshot::Assembly;
use crate::sqlite::{not_found, parse_since, to_i64};
use crate::store::{another_writer, outcome, NewArticle, Original, ReplayRow, Store, Stored};
use crate::summary::{Seen, StoryRow, Touched};
use crate::{Order, Outcome, Since, StoreError, StoryQuery, StorySummary};

/// The migrations, in order: migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/postgres/0001_stories.sql")];
/// Advisory lock keys ("nwsb" and "nwsm"): the writer's and the migration's.
const WRITE_LOCK: i64 = 0x6e77_7362;
const MIGRATE_LOCK: i64 = 0x6e77_736d;
/// Bytes per stored part of a detector snapshot.
const PART: usize = 1 << 20;

/// A store in a PostgreSQL database.
pub(crate) struct PostgresStore {
    /// The connection; a cell because reads take `&self` and the client needs `&mut` for every query.
    client: RefCell<Client>,
    /// Statements prepared once per connection, by their SQL.
    prepared: RefCell<FxHashMap<&'static str, Statement>>,
    cursor: u64,
    pending: u64,
    in_transaction: bool,
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user@host:port/db`, libpq's key=value form also
    /// works) and brings its schema up to date.
    pub(crate) fn open(url: &str) -> Result<PostgresStore, StoreError> {
        let mut client = Client::connect(url, NoTls).map_err(|e| {
            StoreError::Database(format!(
                "cannot connect to PostgreSQL at {}: {e}",
                redact(url)
            ))
        })?;
        migrate(&mut client)?;
        let cursor = max_seq(&mut client)?;
        Ok(PostgresStore {
            client: RefCell::new(client),
            prepared: RefCell::new(FxHashMap::default()),
            cursor,
            pending: cursor,
            in_transaction: false,
        })
    }

    /// The statement of `sql`, prepared once per connection.
    fn statement(&self, client: &mut Client, sql: &'static str) -> Result<Statement, StoreError> {
        if let Some(statement) = self.prepared.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(sql)?;
        self.prepared.borrow_mut().insert(sql, statement.clone());
        Ok(statement)
    }

    /// Runs `sql` with `params` and returns its rows.
    fn query(
        &self,
        sql: &'static str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>, StoreError> {
        let mut client = self.client.borrow_mut();
        let statement = self.statement(&mut client, sql)?;
        Ok(client.query(&statement, params)?)
    }

    /// Runs `sql` with `params` and returns the number of rows it changed.
    fn execute(
        &self,
        sql: &'static str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<u64, StoreError> {
        let mut client = self.client.borrow_mut();
        let statement = self.statement(&mut client, sql)?;
        Ok(client.execute(&statement, params)?)
    }

    fn load_story(&self, id: u64) -> Result<Option<StoryRow>, StoreError> {
        let rows = self.query(
            "SELECT id, title, articles, sources, outlets, first_seen, last_seen, first_time, last_time, \
             updated, version FROM stories WHERE id = $1",
            &[&to_i64(id)],
        )?;
        rows.first().map(read_story).transpose()
    }

    fn save_story(&self, row: &StoryRow) -> Result<(), StoreError> {
        let outlets = serde_json::to_string(&row.outlets)
            .map_err(|e| StoreError::Database(format!("story s{}: {e}", row.id)))?;
        self.execute(
            "INSERT INTO stories (id, title, articles, sources, outlets, first_seen, last_seen, \
             first_time, last_time, updated, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, articles = excluded.articles, \
             sources = excluded.sources, outlets = excluded.outlets, first_seen = excluded.first_seen, \
             last_seen = excluded.last_seen, first_time = excluded.first_time, \
             last_time = excluded.last_time, updated = excluded.updated, version = excluded.version",
            &[
                &to_i64(row.id),
                &row.title,
                &to_i64(row.articles),
                &to_i64(row.sources),
                &outlets,
                &row.first.as_ref().map(|s| &s.text),
                &row.last.as_ref().map(|s| &s.text),
                &row.first.as_ref().and_then(|s| s.time),
                &row.last.as_ref().and_then(|s| s.time),
                &to_i64(row.updated),
                &to_i64(row.version),
            ],
        )?;
        Ok(())
    }
}

impl Store for PostgresStore {
    fn cursor(&self) -> u64 {
        self.cursor
    }

    fn persistent(&self) -> bool {
        true
    }

    fn begin(&mut self) -> Result<(), StoreError> {
        self.client.get_mut().batch_execute("BEGIN")?;
        self.in_transaction = true;
        let stored = self
            .execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .and_then(|_| max_seq(self.client.get_mut()));
        let stored = match stored {
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
        self.in_transaction = false;
        self.client.get_mut().batch_execute("COMMIT")?;
        self.cursor = self.pending;
        Ok(())
    }

    fn rollback(&mut self) {
        if std::mem::take(&mut self.in_transaction) {
            // A failed rollback means the connection is gone, and the server rolled back with it.
            let _ = self.client.get_mut().batch_execute("ROLLBACK");
        }
        self.pending = self.cursor;
    }

    fn find_id(&mut self, id: &str) -> Result<Option<Stored>, StoreError> {
        let rows = self.query(
            "SELECT story, duplicate_of FROM articles WHERE id = $1",
            &[&id],
        )?;
        Ok(rows.first().map(|r| Stored {
            story: r.get::<_, i64>(0) as u64,
            duplicate_of: r.get(1),
        }))
    }

    fn find_text(&mut self, text_hash: u64, text: &str) -> Result<Option<Original>, StoreError> {
        let rows = self.query(
            "SELECT id, story, duplicate_of, text FROM articles \
             WHERE text_hash = $1 AND text_of IS NULL ORDER BY seq",
            &[&(text_hash as i64)],
        )?;
        Ok(rows
            .iter()
            .find(|r| r.get::<_, Option<&str>>(3).map(str::trim) == Some(text))
            .map(|r| Original {
                id: r.get(0),
                story: r.get::<_, i64>(1) as u64,
                duplicate_of: r.get(2),
            }))
    }

    fn insert(&mut self, rows: &[NewArticle<'_>]) -> Result<(), StoreError> {
        let mut touched = Touched::default();
        for r in rows {
            let a = r.article;
            let text = r.text_of.is_none().then_some(a.text.as_str());
            self.execute(
                "INSERT INTO articles (seq, id, text, title, outlet, published, url, text_hash, story, \
                 duplicate_of, text_of) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                &[
                    &to_i64(r.seq),
                    &a.id,
                    &text,
                    &a.title,
                    &a.outlet,
                    &a.published,
                    &a.url,
                    &(r.text_hash as i64),
                    &to_i64(r.story),
                    &r.duplicate_of,
                    &r.text_of,
                ],
            )?;
            let copy = r.duplicate_of.is_some();
            touched.take(r.story, a, r.seq, copy, |id| self.load_story(id))?;
            self.pending = self.pending.max(r.seq);
        }
        for story in touched.into_rows() {
            self.save_story(&story)?;
        }
        Ok(())
    }

    fn snapshot_seq(&self) -> Result<u64, StoreError> {
        let rows = self.query("SELECT COALESCE(MAX(covers_seq), 0) FROM snapshots", &[])?;
        Ok(rows.first().map_or(0, |r| r.get::<_, i64>(0) as u64))
    }

    fn latest_snapshot(&self) -> Result<Option<(u64, Vec<u8>)>, StoreError> {
        let header = self.query(
            "SELECT covers_seq, parts, length FROM snapshots ORDER BY covers_seq DESC LIMIT 1",
            &[],
        )?;
        let Some(header) = header.first() else {
            return Ok(None);
        };
        let (covers, parts, length): (i64, i64, i64) =
            (header.get(0), header.get(1), header.get(2));
        let mut snapshot = Assembly::new(covers, parts, length);
        for row in self.query(
            "SELECT part, bytes FROM snapshot_parts WHERE covers_seq = $1 ORDER BY part",
            &[&covers],
        )? {
            if !snapshot.push(row.get(0), row.get::<_, &[u8]>(1)) {
                break;
            }
        }
        snapshot.finish().map(Some)
    }

    fn save_snapshot(&mut self, covers_seq: u64, bytes: &[u8]) -> Result<(), StoreError> {
        let covers = to_i64(covers_seq);
        self.execute(
            "DELETE FROM snapshot_parts WHERE covers_seq <= $1",
            &[&covers],
        )?;
        self.execute("DELETE FROM snapshots WHERE covers_seq <= $1", &[&covers])?;
        let parts = bytes.chunks(PART);
        let count = parts.len() as i64;
        for (i, part) in parts.enumerate() {
            self.execute(
                "INSERT INTO snapshot_parts (covers_seq, part, bytes) VALUES ($1, $2, $3)",
                &[&covers, &(i as i64), &part],
            )?;
        }
        self.execute(
            "INSERT INTO snapshots (covers_seq, parts, length) VALUES ($1, $2, $3)",
            &[&covers, &count, &(bytes.len() as i64)],
        )?;
        Ok(())
    }

    fn replay(
        &self,
        after: u64,
        chunk: usize,
        each: &mut dyn FnMut(Vec<ReplayRow>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut after = to_i64(after);
        loop {
            let rows = self.query(
                "SELECT seq, id, text, title, outlet, published, url, story, duplicate_of \
                 FROM articles WHERE seq > $1 AND text_of IS NULL ORDER BY seq LIMIT $2",
                &[&after, &(chunk as i64)],
            )?;
            let Some(last) = rows.last() else {
                return Ok(());
            };
            after = last.get(0);
            each(
                rows.iter()
                    .map(|r| ReplayRow {
                        article: Article {
                            id: r.get(1),
                            text: r.get::<_, Option<String>>(2).unwrap_or_default(),
                            title: r.get(3),
                            outlet: r.get(4),
                            published: r.get(5),
                            url: r.get(6),
                        },
                        story: r.get::<_, i64>(7) as u64,
                        duplicate_of: r.get(8),
                    })
                    .collect(),
            )?;
        }
    }

    fn stories(&self, query: &StoryQuery, order: Order) -> Result<Vec<StorySummary>, StoreError> {
        let limit = query
            .limit
            .map_or(i64::MAX, |n| n.min(i64::MAX as usize) as i64);
        let (by_time, bound) = match &query.since {
            None => (false, 0),
            Some(Since::Cursor(n)) => (false, to_i64(*n)),
            Some(Since::Time(t)) => (true, parse_since(t)?),
        };
        let sql: &'static str = match (by_time, order) {
            (false, Order::Biggest) => {
                "SELECT id, title, articles, sources, outlets, first_seen, last_seen, first_time, \
                 last_time, updated, version FROM stories WHERE updated > $1 \
                 ORDER BY sources DESC, updated DESC, id LIMIT $2"
            }
            (false, Order::MostActive) => {
                "SELECT id, title, articles, sources, outlets, first_seen, last_seen, first_time, \
                 last_time, updated, version FROM stories WHERE updated > $1 \
                 ORDER BY updated DESC, id LIMIT $2"
            }
            (true, Order::Biggest) => {
                "SELECT id, title, articles, sources, outlets, first_seen, last_seen, first_time, \
                 last_time, updated, version FROM stories WHERE last_time >= $1 \
                 ORDER BY sources DESC, updated DESC, id LIMIT $2"
            }
            (true, Order::MostActive) => {
                "SELECT id, title, articles, sources, outlets, first_seen, last_seen, first_time, \
                 last_time, updated, version FROM stories WHERE last_time >= $1 \
                 ORDER BY updated DESC, id LIMIT $2"
            }
        };
        self.query(sql, &[&bound, &limit])?
            .iter()
            .map(|r| read_story(r).map(|s| s.summary()))
            .collect()
    }

    fn story(&self, id: u64) -> Result<Option<StorySummary>, StoreError> {
        Ok(self.load_story(id)?.map(|s| s.summary()))
    }

    fn story_articles(&self, id: u64) -> Result<Vec<Article>, StoreError> {
        let rows = self.query(
            "SELECT a.id, COALESCE(a.text, o.text), a.title, a.outlet, a.published, a.url \
             FROM articles a LEFT JOIN articles o ON o.id = a.text_of \
             WHERE a.story = $1 ORDER BY a.seq",
            &[&to_i64(id)],
        )?;
        Ok(rows
            .iter()
            .map(|r| Article {
                id: r.get(0),
                text: r.get::<_, Option<String>>(1).unwrap_or_default(),
                title: r.get(2),
                outlet: r.get(3),
                published: r.get(4),
                url: r.get(5),
            })
            .collect())
    }

    fn brief(&mut self, id: u64, format: Format, cancel: &Cancel) -> Result<String, StoreError> {
        let Some(story) = self.load_story(id)? else {
            return Err(not_found(id));
        };
        let version = to_i64(story.version);
        let cached = self.query(
            "SELECT body FROM briefs WHERE story = $1 AND format = $2 AND version = $3",
            &[&to_i64(id), &format.cache_key(), &version],
        )?;
        if let Some(row) = cached.first() {
            return Ok(row.get(0));
        }
        let body = brief::render(&self.story_articles(id)?, format, cancel)?;
        let (bare, versioned) = format.any_version();
        self.execute(
            "DELETE FROM briefs WHERE story = $1 AND (format = $2 OR format LIKE $3) AND format <> $4",
            &[&to_i64(id), &bare, &versioned, &format.cache_key()],
        )?;
        self.execute(
            "INSERT INTO briefs (story, format, version, body) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (story, format) DO UPDATE SET version = excluded.version, body = excluded.body",
            &[&to_i64(id), &format.cache_key(), &version, &body],
        )?;
        Ok(body)
    }

    fn assignments(&self) -> Result<Vec<Outcome>, StoreError> {
        let rows = self.query(
            "SELECT id, story, duplicate_of FROM articles ORDER BY seq",
            &[],
        )?;
        let mut seen = FxHashSet::default();
        Ok(rows
            .iter()
            .map(|r| outcome(r.get(0), r.get::<_, i64>(1) as u64, r.get(2), &mut seen))
            .collect())
    }
}

/// A story row (an error for a damaged one).
fn read_story(r: &Row) -> Result<StoryRow, StoreError> {
    let id = r.get::<_, i64>(0) as u64;
    let outlets: &str = r.get(4);
    let seen = |text: Option<String>, time: Option<i64>| text.map(|text| Seen { text, time });
    let outlets = serde_json::from_str(outlets).map_err(|e| {
        StoreError::Database(format!("story s{id}: unreadable outlets `{outlets}`: {e}"))
    })?;
    Ok(StoryRow {
        id,
        title: r.get(1),
        articles: r.get::<_, i64>(2) as u64,
        sources: r.get::<_, i64>(3) as u64,
        outlets,
        first: seen(r.get(5), r.get(7)),
        last: seen(r.get(6), r.get(8)),
        updated: r.get::<_, i64>(9) as u64,
        version: r.get::<_, i64>(10) as u64,
    })
}

fn max_seq(client: &mut Client) -> Result<u64, StoreError> {
    let row = client.query_one("SELECT COALESCE(MAX(seq), 0) FROM articles", &[])?;
    Ok(row.get::<_, i64>(0) as u64)
}

/// Brings the schema up to date, each migration in its own transaction, one process at a time.
fn migrate(client: &mut Client) -> Result<(), StoreError> {
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATE_LOCK])?;
    let result = apply_migrations(client);
    let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATE_LOCK]);
    result?;
    unlocked?;
    Ok(())
}

fn apply_migrations(client: &mut Client) -> Result<(), StoreError> {
    client.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, \
         applied TIMESTAMPTZ NOT NULL DEFAULT now())",
    )?;
    let current: i32 = client
        .query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?
        .get(0);
    let known = MIGRATIONS.len() as i32;
    if current > known {
        return Err(StoreError::Conflict(format!(
            "the database has schema version {current}, newer than this program's {known}: \
             use a newer newsbrief"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let mut tx = client.transaction()?;
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&(i as i32 + 1)],
        )?;
        tx.commit()?;
    }
    Ok(())
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_stay_out_of_messages() {
        assert_eq!(
            redact("postgres://news:secret@db.example:5432/stories"),
            "postgres://news:***@db.example:5432/stories"
        );
        assert_eq!(
            redact("postgres://news@db/stories"),
            "postgres://news@db/stories"
        );
        assert_eq!(redact("host=db user=news"), "host=db user=news");
    }
}
