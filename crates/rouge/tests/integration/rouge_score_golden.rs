//! Conformance with Google's `rouge-score` 0.1.2 (`use_stemmer=True`): golden scores for 510
//! pairs made by `scripts/rouge/make_golden.py` (real Multi-News summaries, several references,
//! empty, non-ASCII, number and punctuation-only texts); every value must match to 1e-6.

use newsbrief_rouge::{Compat, RougeType, Scorer};
use serde_json::Value;

const GOLDEN: &str = include_str!("../data/rouge_score_pairs.jsonl");

#[test]
fn every_score_matches_rouge_score() {
    let mut scorer = Scorer::new(Compat::RougeScore);
    let types = [
        (RougeType::Rouge1, "rouge1"),
        (RougeType::Rouge2, "rouge2"),
        (RougeType::Rouge3, "rouge3"),
        (RougeType::Rouge4, "rouge4"),
        (RougeType::RougeL, "rougeL"),
        (RougeType::RougeLsum, "rougeLsum"),
    ];
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in GOLDEN.lines() {
        let row: Value = serde_json::from_str(line).expect("golden row");
        let id = row["id"].as_str().expect("id");
        let prediction = row["prediction"].as_str().expect("prediction");
        let refs: Vec<&str> = row["references"]
            .as_array()
            .expect("refs")
            .iter()
            .map(|r| r.as_str().expect("ref"))
            .collect();
        let scores = scorer.score(prediction, &refs);
        for (t, key) in types {
            let expected: Vec<f64> = row["scores"][key]
                .as_array()
                .expect("scores")
                .iter()
                .map(|v| v.as_f64().expect("number"))
                .collect();
            let s = scores.get(t);
            for (ours, theirs) in [s.precision, s.recall, s.f1].into_iter().zip(expected) {
                if (ours - theirs).abs() > 1e-6 {
                    failures.push(format!("{id} {key}: ours {ours} rouge-score {theirs}"));
                }
                checked += 1;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 500 * 18, "only {checked} values checked");
}
