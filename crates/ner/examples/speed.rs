//! Tagging speed on a CoNLL file: `cargo run -p newsbrief-ner --release --example speed -- FILE [REPEATS]`.
//! Prints tokens, wall-clock seconds and tokens per second (run under `time` for CPU seconds).

use std::time::Instant;

use newsbrief_ner::conll::parse;
use newsbrief_ner::Tagger;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: speed FILE [REPEATS]");
        return;
    };
    let repeats: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("speed: {path}: {err}");
            return;
        }
    };
    let documents = parse(&text);
    let tagger = Tagger::default();
    let started = Instant::now();
    let mut tokens = 0;
    for _ in 0..repeats {
        for document in &documents {
            let words: Vec<Vec<&str>> =
                document.sentences.iter().map(|s| s.words.clone()).collect();
            tokens += tagger
                .tag_document(&words)
                .iter()
                .map(Vec::len)
                .sum::<usize>();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{tokens} tokens in {seconds:.2} s: {:.0} tokens/s (wall clock)",
        tokens as f64 / seconds
    );
}
