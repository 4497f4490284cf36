//! The integration tests of store, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod common;
mod crash;
mod ingest;
