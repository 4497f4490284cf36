//! newsbrief-core: turns the articles of one news story into a sourced brief.
//!
//! The pipeline is a chain of small stages, each a module:
//! [`ingest`] → [`clean`] → split ([`document`], with `newsbrief-split`) → [`summary`] → [`brief`] →
//! [`render`]. Every span the stages produce is a byte range into the original article text.
//! This crate does no I/O: strings and bytes in, typed results out.

pub mod article;
pub mod brief;
pub mod clean;
pub mod corroboration;
pub mod document;
pub mod duplicates;
pub mod entities;
pub mod ingest;
pub mod language;
pub mod quotations;
pub mod render;
pub mod summary;
pub mod terms;
pub mod timeline;

pub use article::{Article, Cluster, Span};
pub use brief::{build_brief, Brief, BriefError, BriefOptions};
pub use summary::{summarize, Summary, SummaryOptions, SummarySentence, Support};
