//! Precision and recall of corroboration on the committed gold set of labelled sentence pairs.
//!
//! `cargo run --release -p newsbrief-core --example corroboration_eval [PAIRS.jsonl] [--errors]`

use newsbrief_core::corroboration::gold;

const DEFAULT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/corroboration/pairs.jsonl"
);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or(DEFAULT, String::as_str);
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let pairs = match gold::parse(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let started = std::time::Instant::now();
    let e = gold::evaluate(&pairs);
    println!(
        "{} pairs ({:.2}s)",
        e.pairs,
        started.elapsed().as_secs_f64()
    );
    for (task, s) in [("same claim", e.same_claim), ("discrepancy", e.discrepancy)] {
        println!(
            "{task:<12} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
            s.precision, s.recall, s.f1, s.true_positives, s.false_positives, s.false_negatives
        );
    }
    if show_errors {
        for line in &e.errors {
            println!("{line}");
        }
    }
}
