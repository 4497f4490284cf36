//! Schema: the database's tables as embedded SQL migrations, applied in order when a database is opened.
//!
//! `schema_version` holds one row per migration applied. A database written by a newer program (a version
//! this one does not know) is refused rather than guessed at.

use rusqlite::Connection;

use crate::StoreError;

/// The migrations, in order: migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/0001_stories.sql")];

/// The schema version this program writes.
pub(crate) const VERSION: u32 = MIGRATIONS.len() as u32;

/// Brings the database's schema up to [`VERSION`], each migration in its own transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)",
    )?;
    let current = version(conn)?;
    if current > VERSION {
        return Err(StoreError::Conflict(format!(
            "the database has schema version {current}, newer than this program's {VERSION}: \
             use a newer newsbrief"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version, applied) VALUES (?1, CURRENT_TIMESTAMP)",
            [i as u32 + 1],
        )?;
        tx.commit()?;
    }
    Ok(())
}

/// The database's schema version (0 for a fresh one).
pub(crate) fn version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        let names = stmt.query_map([], |r| r.get(0)).unwrap();
        names.collect::<Result<_, _>>().unwrap()
    }

    #[test]
    fn a_fresh_database_gets_every_table() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), VERSION);
        assert_eq!(
            tables(&conn),
            [
                "articles",
                "briefs",
                "schema_version",
                "snapshot_parts",
                "snapshots",
                "stories"
            ]
        );
    }

    #[test]
    fn migrating_an_existing_file_keeps_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrate(&mut conn).unwrap();
            conn.execute(
                "INSERT INTO articles (seq, id, text, text_hash, story) VALUES (1, 'a', 'x', 0, 1)",
                [],
            )
            .unwrap();
        }
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), VERSION);
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        let applied: i64 = conn
            .query_row("SELECT COUNT(*) FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(applied, i64::from(VERSION));
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO schema_version (version, applied) VALUES (?1, 'later')",
            [VERSION + 1],
        )
        .unwrap();
        let err = migrate(&mut conn).unwrap_err();
        assert!(err.to_string().contains("newer"), "{err}");
    }
}
