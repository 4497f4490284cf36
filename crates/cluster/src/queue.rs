//! Queue: the profiled articles waiting in PostgreSQL for the assigner, under their stream sequence
//! numbers, and how far the assigner has gone. Workers add to it in parallel (a message is acknowledged
//! only once its row is committed); the assigner takes the rows that follow the last one it applied
//! without a gap, in order.

use newsbrief_core::{article_json, Article};
use newsbrief_stream::Profile;
use postgres::{Client, NoTls};
use serde_json::{json, Value};

use crate::ClusterError;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS cluster_profiled (
    seq BIGINT PRIMARY KEY,
    article TEXT,
    profile TEXT
);
CREATE TABLE IF NOT EXISTS cluster_applied (
    one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    seq BIGINT NOT NULL
);
INSERT INTO cluster_applied (seq) VALUES (0) ON CONFLICT DO NOTHING;
";
/// Advisory lock key ("nwsq") held while the tables are created.
const SCHEMA_LOCK: i64 = 0x6e77_7371;

/// One message of the stream, ready for the assigner: its article and profile, or nothing when the message
/// was no article (reported by the worker that took it; the assigner steps over it).
pub struct Entry {
    pub seq: u64,
    pub item: Option<(Article, Profile)>,
}

/// The queue's tables in one PostgreSQL database.
pub struct Queue {
    client: Client,
}

impl Queue {
    pub fn open(url: &str) -> Result<Queue, ClusterError> {
        let mut client = Client::connect(url, NoTls).map_err(|e| {
            ClusterError::Database(format!(
                "cannot connect to PostgreSQL for the work queue: {e}"
            ))
        })?;
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])?;
        tx.batch_execute(SCHEMA)?;
        tx.commit()?;
        Ok(Queue { client })
    }

    /// Stores the entries (those the assigner has not passed yet; an entry stored before is left as it
    /// is), in one transaction.
    pub fn put(&mut self, entries: &[Entry]) -> Result<(), ClusterError> {
        let mut tx = self.client.transaction()?;
        let insert = tx.prepare(
            "INSERT INTO cluster_profiled (seq, article, profile) \
             SELECT $1, $2, $3 WHERE $1 > (SELECT seq FROM cluster_applied) \
             ON CONFLICT (seq) DO NOTHING",
        )?;
        for e in entries {
            let (article, profile) = match &e.item {
                Some((a, p)) => (
                    Some(article_to_json(a).to_string()),
                    Some(serde_json::to_string(p).map_err(|err| {
                        ClusterError::Database(format!("profile of {}: {err}", a.id))
                    })?),
                ),
                None => (None, None),
            };
            tx.execute(&insert, &[&to_i64(e.seq), &article, &profile])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The sequence number of the last entry applied (0: none).
    pub fn applied(&mut self) -> Result<u64, ClusterError> {
        let row = self
            .client
            .query_one("SELECT seq FROM cluster_applied", &[])?;
        Ok(row.get::<_, i64>(0) as u64)
    }

    /// Entries waiting for the assigner.
    pub fn waiting(&mut self) -> Result<u64, ClusterError> {
        let row = self.client.query_one(
            "SELECT COUNT(*) FROM cluster_profiled WHERE seq > (SELECT seq FROM cluster_applied)",
            &[],
        )?;
        Ok(row.get::<_, i64>(0) as u64)
    }

    /// Up to `limit` entries that follow the last applied one without a gap, in order.
    pub fn ready(&mut self, limit: usize) -> Result<Vec<Entry>, ClusterError> {
        let applied = self.applied()?;
        let rows = self.client.query(
            "SELECT seq, article, profile FROM cluster_profiled WHERE seq > $1 ORDER BY seq LIMIT $2",
            &[&to_i64(applied), &(limit as i64)],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (next, row) in (applied + 1..).zip(rows) {
            let seq = row.get::<_, i64>(0) as u64;
            if seq != next {
                break;
            }
            let article: Option<&str> = row.get(1);
            let profile: Option<&str> = row.get(2);
            let item = match (article, profile) {
                (Some(a), Some(p)) => Some(read_entry(seq, a, p)?),
                _ => None,
            };
            out.push(Entry { seq, item });
        }
        Ok(out)
    }

    /// Records that the entries up to `seq` are applied, and drops them.
    pub fn mark_applied(&mut self, seq: u64) -> Result<(), ClusterError> {
        let mut tx = self.client.transaction()?;
        tx.execute(
            "UPDATE cluster_applied SET seq = GREATEST(seq, $1)",
            &[&to_i64(seq)],
        )?;
        tx.execute(
            "DELETE FROM cluster_profiled WHERE seq <= $1",
            &[&to_i64(seq)],
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// An article as the stream and the queue carry it: the JSON object every newsbrief input takes.
pub fn article_to_json(a: &Article) -> Value {
    json!({
        "id": a.id, "text": a.text, "title": a.title, "published": a.published,
        "outlet": a.outlet, "url": a.url,
    })
}

fn read_entry(seq: u64, article: &str, profile: &str) -> Result<(Article, Profile), ClusterError> {
    let damaged = |what: &str, e: &dyn std::fmt::Display| {
        ClusterError::Database(format!("queue entry #{seq}: unreadable {what}: {e}"))
    };
    let value: Value = serde_json::from_str(article).map_err(|e| damaged("article", &e))?;
    let article =
        article_json::article_from_json(&value, None).map_err(|e| damaged("article", &e))?;
    let profile = serde_json::from_str(profile).map_err(|e| damaged("profile", &e))?;
    Ok((article, profile))
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
