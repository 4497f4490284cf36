//! A long synthetic stream through an ingest, for speed and memory over time: articles/s and peak RSS
//! every 100,000 articles.
//!
//! `cargo run --release -p newsbrief-store --example long_stream -- [ARTICLES] [DB]` (in memory without DB;
//! the default is 1,000,000 articles).

use std::time::Instant;

use newsbrief_core::Article;
use newsbrief_store::synthetic::Synthetic;
use newsbrief_store::Ingest;

/// Stories live at once; one is replaced by a new one every `RENEW` articles.
const STORIES: usize = 200;
const RENEW: usize = 50;
const BATCH: usize = 512;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).map_or(Ok(1_000_000), |a| a.parse())?;
    let mut ingest = match args.get(2) {
        Some(db) => Ingest::open_sqlite(std::path::Path::new(db))?,
        None => Ingest::in_memory(),
    };
    let mut stream = Synthetic::new(STORIES, 1).renewing(RENEW).take(n);
    let start = Instant::now();
    let mut lap = (Instant::now(), 0);
    let mut done = 0;
    loop {
        let batch: Vec<Article> = stream.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        ingest.add(&batch)?;
        let before = done;
        done += batch.len();
        if done / 100_000 > before / 100_000 || done == n {
            println!(
                "{done:>9} articles: {:>6.0} articles/s (last lap {:>6.0}), peak RSS {} MiB",
                done as f64 / start.elapsed().as_secs_f64(),
                (done - lap.1) as f64 / lap.0.elapsed().as_secs_f64(),
                peak_rss_mib()
            );
            lap = (Instant::now(), done);
        }
    }
    ingest.checkpoint()?;
    println!(
        "{done} articles in {:.1} s, peak RSS {} MiB",
        start.elapsed().as_secs_f64(),
        peak_rss_mib()
    );
    Ok(())
}

/// The process's peak resident set (Linux), in MiB.
fn peak_rss_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
