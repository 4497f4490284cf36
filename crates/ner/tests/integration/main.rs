//! The integration tests of ner, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod conll_dev;
mod external_names;
mod robustness;
mod story;
