//! newsbrief-stream: online story detection over a stream of articles.
//!
//! Articles arrive one at a time; each is turned into a [`Profile`] (stemmed content terms, names, headline
//! terms, time, a near-duplicate fingerprint) and handed to the [`Detector`], which decides on the spot
//! whether it joins an open story or starts a new one, and whether it is a copy of an article it has seen
//! (the same wire report run by another outlet). The decision is a learned model ([`model`]) over the
//! similarities of the article to each candidate story ([`features`]). Memory is bounded by the number of
//! open stories: the least recently active ones are closed when there are too many.
//!
//! Like `newsbrief-core`, this crate does no I/O: articles in, decisions out. The same decisions come out of
//! the command line, the server and every worker.

pub mod baseline;
pub mod detector;
pub mod features;
pub mod labelled;
pub mod metrics;
pub mod model;
pub mod profile;
mod story;
pub mod train;

pub use detector::{Decision, Detector, Settings, StoryId};
pub use profile::Profile;

/// Why a stream operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error("cannot read the detector's saved state: {0}")]
    Snapshot(String),
    #[error("line {line}: {message}")]
    Labelled { line: usize, message: String },
    #[error("model file: {0}")]
    Model(String),
}
