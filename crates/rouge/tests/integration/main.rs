//! The integration tests of rouge, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod duc2004_rouge155;
mod duc2007_update_jackknife;
mod never_panics;
mod rouge155_golden;
mod rouge_score_golden;
