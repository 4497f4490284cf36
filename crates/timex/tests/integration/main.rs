//! The integration tests of timex, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod example_story;
mod robustness;
mod tempeval;
