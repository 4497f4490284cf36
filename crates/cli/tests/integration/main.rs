//! The integration tests of cli, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod cli;
mod cluster;
mod conventions;
mod formats;
mod hostile_sizes;
mod inputs;
mod stories;
mod summarize_input;
