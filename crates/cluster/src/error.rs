//! Error: why a cluster operation failed.

use newsbrief_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// NATS refused or failed an operation (connecting, the stream, the consumer, a message).
    #[error("NATS: {0}")]
    Nats(String),
    /// The work queue in PostgreSQL failed.
    #[error("PostgreSQL: {0}")]
    Database(String),
    /// The health endpoint cannot run.
    #[error("health endpoint: {0}")]
    Health(String),
    /// The story store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ClusterError {
    pub(crate) fn nats(what: &str, e: impl std::fmt::Display) -> ClusterError {
        ClusterError::Nats(format!("{what}: {e}"))
    }
}

impl From<postgres::Error> for ClusterError {
    fn from(e: postgres::Error) -> ClusterError {
        match e.as_db_error() {
            Some(db) => ClusterError::Database(db.to_string()),
            None => ClusterError::Database(e.to_string()),
        }
    }
}
