//! `newsbrief`: the command line over `newsbrief-core`.
//!
//! Each subcommand lives in its own module under `cmd/`; this file only parses
//! arguments, dispatches, and turns an error into one line on stderr and a
//! non-zero exit code.

mod cmd;
mod fetch;
mod input;
mod output;
mod stream_input;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// jemalloc, with a background thread that gives freed memory back to the system within a second
/// (`malloc_conf` below): glibc's allocator (and mimalloc) kept a long-running server's peak, its RSS
/// staying 120–180 MB above idle after a soak run.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts.
#[export_name = "_rjem_malloc_conf"]
pub static MALLOC_CONF: &[u8] = b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0\0";

#[derive(Parser)]
#[command(
    name = "newsbrief",
    version,
    about = "Sourced briefs of news stories from a stack of articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the brief of one story from its articles (files, directories, URLs, feeds, - for stdin), or one per JSONL cluster.
    Brief(cmd::brief::Args),
    /// Summarise every cluster of a JSONL file into a JSONL file (batch, all cores).
    Summarize(cmd::summarize::Args),
    /// Score summaries with ROUGE (rouge-score or ROUGE-1.5.5 compatible).
    Eval(cmd::eval::Args),
    /// Tag CoNLL-2003 token columns with named entities (IOB1 appended as the last column).
    Tag(cmd::tag::Args),
    /// List the people, organisations and places of a story, aliases merged.
    Entities(cmd::entities::Args),
    /// List the direct quotes of articles with their speakers.
    Quotes(cmd::quotes::Args),
    /// Find and normalise time expressions (TIMEX3) in an article or a TimeML file.
    Timex(cmd::timex::Args),
    /// Extract the article text and metadata of saved web pages (one JSON record per article).
    Extract(cmd::extract::Args),
    /// Serve the HTTP API and the web page.
    Serve(cmd::serve::Args),
    /// Group a stream of articles into stories and list them (kept in a database with --db).
    Stories(cmd::stories::Args),
    /// Write the brief of one story kept in a database by `newsbrief stories --db`.
    Story(cmd::story::Args),
    /// Put articles on a NATS JetStream stream for the workers of a cluster.
    Publish(cmd::publish::Args),
    /// Work for a cluster: profile articles from NATS, assign their stories in a PostgreSQL store.
    Worker(cmd::worker::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Brief(args) => cmd::brief::run(args),
        Command::Summarize(args) => cmd::summarize::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Tag(args) => cmd::tag::run(args),
        Command::Entities(args) => cmd::entities::run(args),
        Command::Quotes(args) => cmd::quotes::run(args),
        Command::Timex(args) => cmd::timex::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Stories(args) => cmd::stories::run(args),
        Command::Story(args) => cmd::story::run(args),
        Command::Publish(args) => cmd::publish::run(args),
        Command::Worker(args) => cmd::worker::run(args),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`newsbrief … | head`): nothing is wrong, stop quietly.
        Err(err) if stdout_closed(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsbrief: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Whether `err` is a write to a closed pipe.
fn stdout_closed(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
