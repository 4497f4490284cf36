//! The integration tests of extract, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod bad_input;
mod common;
mod deep_nesting;
mod learned;
mod no_panic;
mod pages;
