//! The integration tests of core, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod budget;
mod common;
mod copies;
mod corroboration_gold;
mod example_story;
mod faithful;
mod focus_update;
mod inputs_outputs;
mod no_panic;
mod quoted_summary;
mod readable;
mod readers_never_panic;
mod render_length;
mod timeline_render;
mod trusted_entities;
