//! Conformance with the Perl ROUGE-1.5.5 beyond the official DUC 2004 run: ROUGE-L, ROUGE-SU4,
//! stopword removal (-s), byte truncation (-b), best model (-f B) and no stemming, on DUC 2004
//! summaries and synthetic texts (non-ASCII, blank and indented lines, empty summaries). Golden
//! values come from `scripts/rouge/make_rouge155_golden.py` (the Perl script run for real).

use std::fs;
use std::path::PathBuf;

use newsbrief_rouge::{Compat, MultiRef, Rouge155Options, RougeType, Scorer, Truncation};
use serde_json::Value;

const GOLDEN: &str = include_str!("../data/rouge155_golden.jsonl");

fn options(switches: &str) -> Rouge155Options {
    let base = Rouge155Options::default();
    match switches {
        "l100-A-L-SU4" => Rouge155Options {
            truncation: Truncation::Words(100),
            ..base
        },
        "b665-B-stop" => Rouge155Options {
            truncation: Truncation::Bytes(665),
            multi_ref: MultiRef::Best,
            remove_stopwords: true,
            ..base
        },
        "nostem-A" => Rouge155Options {
            stemming: false,
            ..base
        },
        "l40-B" => Rouge155Options {
            truncation: Truncation::Words(40),
            multi_ref: MultiRef::Best,
            ..base
        },
        other => panic!("unknown switch set {other}"),
    }
}

fn variant(label: &str) -> RougeType {
    match label {
        "ROUGE-1" => RougeType::Rouge1,
        "ROUGE-2" => RougeType::Rouge2,
        "ROUGE-3" => RougeType::Rouge3,
        "ROUGE-4" => RougeType::Rouge4,
        "ROUGE-L" => RougeType::RougeLsum,
        "ROUGE-SU4" => RougeType::RougeSU4,
        other => panic!("unknown variant {other}"),
    }
}

fn duc_file(name: &Value) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/duc2004")
        .join(name.as_str().expect("name"));
    fs::read_to_string(path).expect("DUC file")
}

#[test]
fn per_summary_scores_match_the_perl() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in GOLDEN.lines() {
        let row: Value = serde_json::from_str(line).expect("row");
        let switches = row["switches"].as_str().expect("switches");
        let (peer, models): (String, Vec<String>) = match row.get("peer") {
            Some(p) => (
                p.as_str().expect("peer").to_string(),
                row["models"]
                    .as_array()
                    .expect("models")
                    .iter()
                    .map(|m| m.as_str().expect("model").to_string())
                    .collect(),
            ),
            None => (
                duc_file(&row["peer_file"]),
                row["model_files"]
                    .as_array()
                    .expect("model files")
                    .iter()
                    .map(duc_file)
                    .collect(),
            ),
        };
        let refs: Vec<&str> = models.iter().map(String::as_str).collect();
        let scores = Scorer::new(Compat::Rouge155(options(switches))).score(&peer, &refs);
        for (label, expected) in row["expected"].as_object().expect("expected") {
            let s = scores.get(variant(label));
            let ours = [
                format!("{:.5}", s.recall),
                format!("{:.5}", s.precision),
                format!("{:.5}", s.f1),
            ];
            let theirs: Vec<&str> = expected
                .as_array()
                .expect("rpf")
                .iter()
                .map(|v| v.as_str().expect("value"))
                .collect();
            if ours.iter().map(String::as_str).ne(theirs.iter().copied()) {
                failures.push(format!(
                    "{switches} {} {label}: ours {ours:?} perl {theirs:?}",
                    row["id"]
                ));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 1500, "only {checked} checked");
}
