//! Measures how fast `split` runs on real news text: every document of the
//! Multi-News sample in `<workspace>/../shared/data/multinews/*.jsonl`.
//!
//! `cargo run --release -p newsbrief-split --example throughput` (reports the
//! fastest of 20 passes over the 3.6 MB).

use std::time::Instant;

use unicode_segmentation::UnicodeSegmentation;

/// Seconds taken by the fastest of `rounds` passes (the machine may be shared,
/// so the fastest pass is the least disturbed one), and the pass's result.
fn fastest_pass(rounds: usize, mut pass: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut result = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        result = std::hint::black_box(pass());
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, result)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/multinews"
    );
    let mut documents = Vec::new();
    for split in ["dev", "train"] {
        let data = std::fs::read_to_string(format!("{dir}/{split}.jsonl"))?;
        for line in data.lines() {
            let cluster: serde_json::Value = serde_json::from_str(line)?;
            for doc in cluster["documents"].as_array().into_iter().flatten() {
                documents.push(doc.as_str().unwrap_or_default().to_owned());
            }
        }
    }
    let bytes: usize = documents.iter().map(String::len).sum();
    println!(
        "{} documents, {:.1} MB",
        documents.len(),
        bytes as f64 / 1e6
    );

    let rounds = 20;
    let mb = bytes as f64 / 1e6;
    let (seconds, sentences) = fastest_pass(rounds, || {
        documents
            .iter()
            .map(|d| newsbrief_split::split(d).len())
            .sum()
    });
    println!(
        "newsbrief-split: {:.0} MB/s, {sentences} sentences",
        mb / seconds
    );
    let (seconds, pieces) = fastest_pass(rounds, || {
        documents
            .iter()
            .map(|d| d.split_sentence_bounds().count())
            .sum()
    });
    println!(
        "unicode-segmentation split_sentence_bounds: {:.0} MB/s, {pieces} pieces",
        mb / seconds
    );
    Ok(())
}
