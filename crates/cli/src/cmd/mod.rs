//! One module per subcommand: its arguments and what it runs.

use std::io::Write;

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

/// Writes `text` to standard output and flushes it. A closed pipe (`newsbrief … | head`) comes back as
/// an [`std::io::ErrorKind::BrokenPipe`] error, which `main` ends on quietly.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}
