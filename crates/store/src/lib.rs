//! newsbrief-store: stories from a stream, kept.
//!
//! An [`Ingest`] is a story detector ([`newsbrief_stream::Detector`]) and a store together: articles go in
//! (in arrival order, a batch per [`Ingest::add`]), each is assigned its story, and articles, assignments,
//! per-story summaries and the detector's saved state are written in one transaction per batch. The store
//! is SQLite ([`Ingest::open_sqlite`], [`Ingest::sqlite_in_memory`]), PostgreSQL ([`Ingest::open_postgres`];
//! [`Ingest::open`] takes either as a URL) or a bounded in-memory summary ([`Ingest::in_memory`]). Opening a database restores the detector from its latest snapshot and replays
//! the articles stored after it, so a killed ingest run again ends exactly as an uninterrupted one.

mod brief;
mod error;
mod ingest;
mod memory;
mod pipeline;
mod postgres;
mod schema;
mod snapshot;
mod sqlite;
mod store;
mod summary;
pub mod synthetic;

pub use error::StoreError;
pub use ingest::Ingest;

use serde::Serialize;

/// What happened to one article given to [`Ingest::add`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub id: String,
    /// Its story, "s12".
    pub story: String,
    /// The article it is a copy of (the first of its copies), if any.
    pub duplicate_of: Option<String>,
    /// Whether the article started its story.
    pub new_story: bool,
    /// The id was stored before (a re-run or a re-send): nothing changed; `story` is its stored story.
    pub repeated: bool,
}

/// One story as listings show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySummary {
    /// "s12"
    pub id: String,
    /// The headline of its first article that has one.
    pub title: Option<String>,
    /// All articles, copies included.
    pub articles: usize,
    /// Articles that are not copies of another.
    pub sources: usize,
    /// Distinct outlets, in order of first appearance.
    pub outlets: Vec<String>,
    /// Earliest `published` of its articles (as given).
    pub first_seen: Option<String>,
    /// Latest `published` of its articles (as given).
    pub last_seen: Option<String>,
    /// Sequence number of its latest article (a cursor for polling).
    pub updated: u64,
}

/// Which stories a listing shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryQuery {
    pub limit: Option<usize>,
    pub since: Option<Since>,
}

/// A lower bound on the stories listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Since {
    /// Stories with `updated > n`.
    Cursor(u64),
    /// Stories with `last_seen >=` this time (RFC 3339 or a date).
    Time(String),
}

/// The order of a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Sources descending, then updated descending, then id.
    Biggest,
    /// Updated descending.
    MostActive,
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_ingest_can_move_between_threads() {
        fn send<T: Send>() {}
        send::<super::Ingest>();
    }
}
