//! newsbrief-core: turns the articles of one news story into a sourced brief.
//!
//! The pipeline is a chain of small stages, each a module:
//! [`ingest`] → [`clean`] → split ([`document`], with `newsbrief-split`) → [`summary`] → [`brief`] →
//! [`render`]. Every span the stages produce is a byte range into the original article text.
//! This crate does no I/O: strings and bytes in, typed results out.

pub mod article;
pub mod article_json;
pub mod brief;
pub mod budget;
pub mod clean;
pub mod corroboration;
pub mod document;
pub mod duplicates;
pub mod entities;
pub mod feed;
pub mod front_matter;
pub mod guided;
pub mod ingest;
pub mod language;
pub mod quotations;
pub mod reader;
pub mod render;
pub mod summary;
pub mod terms;
pub mod timeline;

pub use article::{Article, Cluster, Span};
pub use brief::{
    build_brief, build_brief_cancellable, Brief, BriefError, BriefOptions, UPDATE_WORDS,
};
pub use budget::{Cancel, Cancelled};
pub use summary::{
    summarize, ConceptWeights, GuideWeights, SeenConcepts, Summary, SummaryNote, SummaryOptions,
    SummarySentence, Support,
};
