//! The integration tests of quotes, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod bad_input;
mod perturbations;
mod polnear_sample;
mod sessions_kislyak;
