//! The integration tests of split, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod gold;
mod phenomena;
mod properties;
