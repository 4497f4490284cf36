//! Snapshots: the detector's saved state in the database, in parts of at most [`PART`] bytes (SQLite
//! copies a value it binds, and builds each row in memory: one big blob would be held three times), with
//! a header row giving the part count and length so that a damaged or incomplete state is recognised.

use rusqlite::{params, Connection, OptionalExtension};

use crate::StoreError;

/// Bytes per stored part.
const PART: usize = 1 << 20;

/// The sequence number the latest snapshot covers (0: none).
pub(crate) fn latest_seq(conn: &Connection) -> Result<u64, StoreError> {
    let seq: i64 = conn
        .prepare_cached("SELECT COALESCE(MAX(covers_seq), 0) FROM snapshots")?
        .query_row([], |r| r.get(0))?;
    Ok(seq as u64)
}

/// The latest snapshot and the sequence number it covers; an error when its parts do not add up.
pub(crate) fn read_latest(conn: &Connection) -> Result<Option<(u64, Vec<u8>)>, StoreError> {
    let header = conn
        .prepare_cached(
            "SELECT covers_seq, parts, length FROM snapshots ORDER BY covers_seq DESC LIMIT 1",
        )?
        .query_row([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })
        .optional()?;
    let Some((covers, parts, length)) = header else {
        return Ok(None);
    };
    let mut snapshot = Assembly::new(covers, parts, length);
    let mut stmt = conn.prepare_cached(
        "SELECT part, bytes FROM snapshot_parts WHERE covers_seq = ?1 ORDER BY part",
    )?;
    let mut rows = stmt.query([covers])?;
    while let Some(row) = rows.next()? {
        let part: i64 = row.get(0)?;
        let blob = row
            .get_ref(1)?
            .as_blob()
            .map_err(|e| StoreError::Snapshot(format!("snapshot part {part}: {e}")))?;
        if !snapshot.push(part, blob) {
            break;
        }
    }
    snapshot.finish().map(Some)
}

/// A snapshot put together from its parts, checked against its header (any store reads it this way).
pub(crate) struct Assembly {
    covers: i64,
    parts: i64,
    length: i64,
    next: i64,
    bytes: Vec<u8>,
}

impl Assembly {
    pub(crate) fn new(covers: i64, parts: i64, length: i64) -> Assembly {
        // The header's length is only trusted so far for reserving memory.
        let reserve = usize::try_from(length).unwrap_or(0).min(256 << 20);
        Assembly {
            covers,
            parts,
            length,
            next: 0,
            bytes: Vec::with_capacity(reserve),
        }
    }

    /// Adds part `part` (parts come in order); false when it is not the next one (a part is missing).
    pub(crate) fn push(&mut self, part: i64, bytes: &[u8]) -> bool {
        if part != self.next {
            return false;
        }
        self.bytes.extend_from_slice(bytes);
        self.next += 1;
        true
    }

    /// The snapshot and the sequence number it covers; an error when the parts do not add up.
    pub(crate) fn finish(self) -> Result<(u64, Vec<u8>), StoreError> {
        let (covers, parts, length, next) = (self.covers, self.parts, self.length, self.next);
        if next != parts || self.bytes.len() as i64 != length {
            return Err(StoreError::Snapshot(format!(
                "the snapshot covering articles 1..={covers} is incomplete ({next} of {parts} parts, \
                 {} of {length} bytes)",
                self.bytes.len()
            )));
        }
        Ok((covers as u64, self.bytes))
    }
}

/// Saves the detector's state covering the articles up to `covers`, replacing older states (call inside
/// the write transaction).
pub(crate) fn save(conn: &Connection, covers: i64, bytes: &[u8]) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM snapshot_parts WHERE covers_seq <= ?1")?
        .execute([covers])?;
    conn.prepare_cached("DELETE FROM snapshots WHERE covers_seq <= ?1")?
        .execute([covers])?;
    let parts = bytes.chunks(PART);
    let count = parts.len();
    let mut insert = conn.prepare_cached(
        "INSERT INTO snapshot_parts (covers_seq, part, bytes) VALUES (?1, ?2, ?3)",
    )?;
    for (i, part) in parts.enumerate() {
        insert.execute(params![covers, i as i64, part])?;
    }
    conn.prepare_cached("INSERT INTO snapshots (covers_seq, parts, length) VALUES (?1, ?2, ?3)")?
        .execute(params![covers, count as i64, bytes.len() as i64])?;
    Ok(())
}
