//! The integration tests of cluster, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod common;
mod faults;
mod same_answer;
