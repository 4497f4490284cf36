//! The integration tests of stream, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod detector;
mod dev_streams;
