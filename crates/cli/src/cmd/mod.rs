//! One module per subcommand: its arguments and what it runs.

pub mod brief;
pub mod entities;
pub mod eval;
pub mod extract;
pub mod quotes;
pub mod serve;
pub mod stories;
pub mod story;
pub mod summarize;
pub mod tag;
pub mod timex;
