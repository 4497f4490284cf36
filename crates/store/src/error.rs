//! Error: why a store operation failed, one clear message each.

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database refused or failed an operation.
    #[error("database: {0}")]
    Database(String),
    /// No such story (or article).
    #[error("{0}")]
    NotFound(String),
    /// The operation needs article texts, which an in-memory ingest does not keep.
    #[error("this needs a database (--db): an in-memory ingest keeps no article texts")]
    NeedsDatabase,
    /// The detector's saved state cannot be read.
    #[error("the saved detector state is unreadable: {0}")]
    Snapshot(String),
    /// The brief of a story could not be built.
    #[error("cannot build the brief: {0}")]
    Brief(String),
    /// The brief was cancelled before it was built (nothing was cached).
    #[error("the brief was cancelled before it was built")]
    Cancelled,
    /// A request the store cannot answer as asked (an unknown format, an unreadable time).
    #[error("{0}")]
    Invalid(String),
    /// Replaying stored articles through the detector gave another story than the one stored.
    #[error(
        "replaying article `{id}` gave story {replayed}, but {stored} is stored: the database was written \
         by a different detector (model or settings) than this one"
    )]
    Diverged {
        id: String,
        stored: String,
        replayed: String,
    },
    /// The database was written by another program (a newer schema, another writer at the same time).
    #[error("{0}")]
    Conflict(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Database(e.to_string())
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> StoreError {
        // The server's own message (with its detail) says more than the client's summary of it.
        match e.as_db_error() {
            Some(db) => StoreError::Database(db.to_string()),
            None => StoreError::Database(e.to_string()),
        }
    }
}
