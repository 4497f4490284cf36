//! Store: what an [`crate::Ingest`] needs of a store, as one trait, with the rows that cross it.
//!
//! SQLite ([`crate::sqlite`]) and memory ([`crate::memory`]) implement it; a PostgreSQL store would too.
//! Writes happen between [`Store::begin`] and [`Store::commit`]: one transaction per ingest batch.

use newsbrief_core::{Article, Cancel};

use crate::brief::Format;
use crate::{Order, Outcome, StoreError, StoryQuery, StorySummary};

/// An article stored before: its story and the article it is a copy of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stored {
    pub story: u64,
    pub duplicate_of: Option<String>,
}

/// A stored article holding a given text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Original {
    pub id: String,
    pub story: u64,
    pub duplicate_of: Option<String>,
}

/// An article to store, with its assignment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NewArticle<'a> {
    pub seq: u64,
    pub article: &'a Article,
    pub text_hash: u64,
    pub story: u64,
    pub duplicate_of: Option<&'a str>,
    /// For an exact copy, the stored article holding its text (its own text is not stored again).
    pub text_of: Option<&'a str>,
}

/// A stored article given to the detector, read back to replay it.
#[derive(Debug, Clone)]
pub(crate) struct ReplayRow {
    pub article: Article,
    pub story: u64,
    pub duplicate_of: Option<String>,
}

/// What an ingest needs of a store.
pub(crate) trait Store: Send {
    /// The highest sequence number committed (0 when empty).
    fn cursor(&self) -> u64;
    /// Whether the detector's state can be restored from the store (snapshots and replay).
    fn persistent(&self) -> bool;

    /// Starts the write transaction of a batch.
    fn begin(&mut self) -> Result<(), StoreError>;
    fn commit(&mut self) -> Result<(), StoreError>;
    /// Undoes the open transaction, if any (best effort: a failed rollback leaves it to the database).
    fn rollback(&mut self);

    /// The stored article with this id.
    fn find_id(&mut self, id: &str) -> Result<Option<Stored>, StoreError>;
    /// The first stored article whose trimmed text is `text` (hashing to `text_hash`) and holds it.
    fn find_text(&mut self, text_hash: u64, text: &str) -> Result<Option<Original>, StoreError>;
    /// Stores the articles (sequence numbers following the cursor) and updates their stories.
    fn insert(&mut self, rows: &[NewArticle<'_>]) -> Result<(), StoreError>;

    /// The sequence number the latest saved detector state covers (0: none).
    fn snapshot_seq(&self) -> Result<u64, StoreError>;
    /// The latest saved detector state and the sequence number it covers.
    fn latest_snapshot(&self) -> Result<Option<(u64, Vec<u8>)>, StoreError>;
    /// Saves the detector's state covering the articles up to `covers_seq` (replacing older ones).
    fn save_snapshot(&mut self, covers_seq: u64, bytes: &[u8]) -> Result<(), StoreError>;
    /// The articles after `after` that were given to the detector, in order, `chunk` at a time.
    fn replay(
        &self,
        after: u64,
        chunk: usize,
        each: &mut dyn FnMut(Vec<ReplayRow>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    fn stories(&self, query: &StoryQuery, order: Order) -> Result<Vec<StorySummary>, StoreError>;
    fn story(&self, id: u64) -> Result<Option<StorySummary>, StoreError>;
    /// The story's articles in arrival order, copies included (exact copies with their original's text).
    fn story_articles(&self, id: u64) -> Result<Vec<Article>, StoreError>;
    /// The story's brief, from the cache while the story is unchanged.
    fn brief(&mut self, id: u64, format: Format, cancel: &Cancel) -> Result<String, StoreError>;
    fn assignments(&self) -> Result<Vec<Outcome>, StoreError>;
}

/// An assignment as an [`Outcome`]; `new_story` when it is the first article of its story seen so far.
pub(crate) fn outcome(
    id: String,
    story: u64,
    duplicate_of: Option<String>,
    seen: &mut rustc_hash::FxHashSet<u64>,
) -> Outcome {
    Outcome {
        id,
        story: newsbrief_stream::StoryId(story).to_string(),
        duplicate_of,
        new_story: seen.insert(story),
        repeated: false,
    }
}

/// The error of a batch that finds articles up to `stored` where this ingest knew of `known` only.
pub(crate) fn another_writer(stored: u64, known: u64) -> StoreError {
    StoreError::Conflict(format!(
        "another program added articles to this database (up to #{stored}, this one knew #{known}): \
         only one ingest may write to a database at a time"
    ))
}
