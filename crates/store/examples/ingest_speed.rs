//! Ingest speed: articles per second through `Ingest::add` in memory, over in-memory SQLite and over an
//! SQLite file, for a JSONL stream (default: the shared duc2007-main stream).
//!
//! `cargo run --release -p newsbrief-store --example ingest_speed -- [STREAM.jsonl] [BATCH] [REPEAT]`
//! REPEAT > 1 feeds the stream that many times under fresh ids (a longer stream of the same texts with the
//! exact copies changed by a marker line).

use std::time::Instant;

use newsbrief_core::Article;
use newsbrief_store::{Ingest, Order, StoryQuery};

/// Opens the ingest of one run.
type Opener<'a> = Box<dyn Fn() -> Result<Ingest, newsbrief_store::StoreError> + 'a>;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).cloned().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/streams/duc2007-main.jsonl"
        )
        .into()
    });
    let batch: usize = args.get(2).map_or(Ok(256), |b| b.parse())?;
    let repeat: usize = args.get(3).map_or(Ok(1), |r| r.parse())?;
    let base = newsbrief_stream::labelled::read_stream(&std::fs::read_to_string(&path)?)?;
    let articles: Vec<Article> = (0..repeat)
        .flat_map(|r| {
            base.iter().map(move |a| Article {
                id: format!("{}#{r}", a.id),
                text: if r == 0 {
                    a.text.clone()
                } else {
                    format!("{}\n\n(rerun {r})", a.text)
                },
                ..a.clone()
            })
        })
        .collect();
    let words: usize = articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    println!(
        "{}: {} articles, {} words/article, batches of {batch}, {} threads",
        path,
        articles.len(),
        words / articles.len().max(1),
        rayon::current_num_threads()
    );
    let start = Instant::now();
    let profiles: Vec<newsbrief_stream::Profile> = {
        use rayon::prelude::*;
        articles
            .par_iter()
            .map(newsbrief_stream::Profile::of)
            .collect()
    };
    let profile_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut detector = newsbrief_stream::Detector::new(newsbrief_stream::Settings::default());
    for (a, p) in articles.iter().zip(&profiles) {
        detector.assign(&a.id, p);
    }
    let detector_secs = start.elapsed().as_secs_f64();
    println!(
        "{:>17}: {:>8.0} articles/s; detector alone: {:.0} articles/s; both: {:.0} articles/s",
        "profiles alone",
        articles.len() as f64 / profile_secs,
        articles.len() as f64 / detector_secs,
        articles.len() as f64 / (profile_secs + detector_secs)
    );
    let dir = tempfile::tempdir()?;
    let runs: Vec<(&str, Opener<'_>)> = vec![
        ("in memory", Box::new(|| Ok(Ingest::in_memory()))),
        ("sqlite in memory", Box::new(Ingest::sqlite_in_memory)),
        (
            "sqlite file",
            Box::new(|| Ingest::open_sqlite(&dir.path().join("speed.db"))),
        ),
    ];
    for (name, open) in runs {
        let start = Instant::now();
        let mut ingest = open()?;
        for chunk in articles.chunks(batch) {
            ingest.add(chunk)?;
        }
        ingest.checkpoint()?;
        let secs = start.elapsed().as_secs_f64();
        let stories = ingest
            .stories(&StoryQuery::default(), Order::Biggest)?
            .len();
        println!(
            "{name:>17}: {:>8.0} articles/s ({:.2} s, {stories} stories)",
            articles.len() as f64 / secs,
            secs
        );
    }
    let start = Instant::now();
    let mut ingest = Ingest::open_sqlite(&dir.path().join("speed.db"))?;
    let again = ingest.add(&articles[..batch.min(articles.len())])?;
    println!(
        "reopen + restore + {} repeated: {:.2} s",
        again.iter().filter(|o| o.repeated).count(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
