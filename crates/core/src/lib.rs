//! newsbrief-core: turns the articles of one news story into a sourced brief.
//!
//! The pipeline is a chain of small stages, each a module:
//! [`ingest`] → [`clean`] → [`split`](newsbrief_split) → [`summary`] → [`render`].
//! Every span the stages produce is a byte range into the original article text.
//! This crate does no I/O: strings and bytes in, typed results out.

pub mod article;
pub mod ingest;
pub mod summary;

pub use article::{Article, Cluster};
pub use summary::{summarize, Summary, SummaryOptions, SummarySentence, Support};
