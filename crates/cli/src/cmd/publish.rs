//! `newsbrief publish`: puts articles on the NATS JetStream stream the workers read (`newsbrief worker`),
//! in input order, each under its id as the message id (the server drops an id it already has).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use newsbrief_cluster::{Names, Publisher};

use crate::stream_input::ArticleStream;

const EXAMPLES: &str = "Examples:
  newsbrief publish --nats nats://127.0.0.1:4222 articles.jsonl
  cat articles.jsonl | newsbrief publish --nats nats://queue.example:4222 -
  newsbrief publish --nats nats://127.0.0.1:4222 --name desk2 examples/sessions-kislyak

Exit status: 0 all published, 1 error, 2 some lines or files skipped (each reported on stderr).";

/// Articles published and confirmed at a time.
const CHUNK: usize = 256;

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Articles to publish, in order: JSONL files, directories of article files, or - for JSONL on
    /// standard input (as `newsbrief stories --input` reads them).
    #[arg(required = true, value_name = "INPUT")]
    input: Vec<PathBuf>,
    /// The NATS server (with JetStream).
    #[arg(long, value_name = "URL", env = "NEWSBRIEF_NATS")]
    nats: String,
    /// The deployment's name: stream NAME, subject name.articles, consumer name-workers.
    #[arg(long, value_name = "NAME", default_value = "newsbrief")]
    name: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let names = Names::new(&args.name);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the NATS client")?;
    let publisher = runtime.block_on(Publisher::connect(&args.nats, &names))?;
    let mut stream = ArticleStream::open(&args.input)?;
    let (mut new, mut duplicates, mut skipped) = (0usize, 0usize, 0usize);
    loop {
        let chunk = stream.next_chunk(CHUNK, &mut |s| {
            skipped += 1;
            eprintln!("newsbrief: {s}");
        })?;
        if chunk.is_empty() {
            break;
        }
        let done = runtime.block_on(publisher.send(&chunk))?;
        new += done.new;
        duplicates += done.duplicates;
    }
    eprintln!(
        "newsbrief: {new} articles published to stream {}{}{}",
        names.stream,
        if duplicates > 0 {
            format!(", {duplicates} already there")
        } else {
            String::new()
        },
        if skipped > 0 {
            format!(", {skipped} skipped")
        } else {
            String::new()
        },
    );
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
