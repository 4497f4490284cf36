//! One module per subcommand: its arguments and what it runs.

pub mod brief;
pub mod entities;
pub mod eval;
pub mod extract;
pub mod publish;
pub mod quotes;
pub mod serve;
pub mod stories;
pub mod story;
pub mod summarize;
pub mod tag;
pub mod timex;
pub mod worker;

/// Parses a `--words` budget: a whole number of words, at least 1 (a budget of 0 gives an empty summary,
/// and the API refuses it too).
pub fn word_budget(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(0) => Err("the word budget must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!(
            "expected a whole number of words, at least 1 (got \"{value}\")"
        )),
    }
}
