//! Conformance with ROUGE-1.5.5 on DUC 2004 task 2: every per-topic R, P and F of ROUGE-1..4 for
//! all 13 systems, and every system average with its 95% interval, exactly as the official run
//! (`-n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -d`) printed them.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use newsbrief_rouge::{Compat, Rouge155Options, RougeType, Scorer, Scores, Truncation};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/duc2004")
}

/// `(system, rouge type, instance id) -> "R P F"` and `(system, rouge type) -> average lines`.
struct Official {
    evals: BTreeMap<(String, String, String), [String; 3]>,
    averages: BTreeMap<(String, String, char), String>,
}

fn official() -> Official {
    let text =
        fs::read_to_string(data_dir().join("rouge-1.5.5-output.txt")).expect("official output");
    let mut evals = BTreeMap::new();
    let mut averages = BTreeMap::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() == 7 && f[2] == "Eval" {
            let get = |s: &str, p: &str| s.strip_prefix(p).expect("field").to_string();
            evals.insert(
                (f[0].to_string(), f[1].to_string(), f[3].to_string()),
                [get(f[4], "R:"), get(f[5], "P:"), get(f[6], "F:")],
            );
        } else if f.len() >= 4 && f[2].starts_with("Average_") {
            let which = f[2].trim_end_matches(':').chars().last().expect("R/P/F");
            averages.insert(
                (f[0].to_string(), f[1].to_string(), which),
                f[3..].join(" "),
            );
        }
    }
    Official { evals, averages }
}

fn read_dir(dir: &str) -> BTreeMap<String, String> {
    fs::read_dir(data_dir().join(dir))
        .expect("data dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).expect("file"),
            )
        })
        .collect()
}

#[test]
fn rouge_1_to_4_match_rouge155_on_duc2004() {
    let official = official();
    let peers = read_dir("peers");
    let models = read_dir("models");
    let opts = Rouge155Options {
        truncation: Truncation::Words(100),
        ..Rouge155Options::default()
    };
    let mut scorer = Scorer::new(Compat::Rouge155(opts));
    let mut per_system: BTreeMap<String, Vec<(String, Scores)>> = BTreeMap::new();
    for (name, peer) in &peers {
        let (topic, system) = name.split_once('.').expect("topic.system");
        let refs: Vec<&str> = models
            .iter()
            .filter(|(m, _)| m.starts_with(&format!("{topic}.")))
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(refs.len(), 4, "{topic}");
        let scores = scorer.score(peer, &refs);
        per_system
            .entry(system.to_string())
            .or_default()
            .push((name.clone(), scores));
    }
    assert_eq!(per_system.len(), 13);
    let types = [
        (RougeType::Rouge1, "ROUGE-1"),
        (RougeType::Rouge2, "ROUGE-2"),
        (RougeType::Rouge3, "ROUGE-3"),
        (RougeType::Rouge4, "ROUGE-4"),
    ];
    let readme = fs::read_to_string(data_dir().join("README-original.md")).expect("README");
    let published: BTreeMap<String, Vec<String>> = readme
        .lines()
        .filter_map(|l| {
            let cells: Vec<String> = l
                .split('|')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect();
            (cells.len() == 4 && per_system.contains_key(&cells[0]))
                .then(|| (cells[0].clone(), cells[1..].to_vec()))
        })
        .collect();
    assert_eq!(published.len(), 13, "the README table lists the 13 systems");
    let mut checked = 0;
    for (system, items) in &per_system {
        for (id, scores) in items {
            for (t, label) in types {
                let s = scores.get(t);
                let ours = [
                    format!("{:.5}", s.recall),
                    format!("{:.5}", s.precision),
                    format!("{:.5}", s.f1),
                ];
                let theirs = &official.evals[&(system.clone(), label.to_string(), id.clone())];
                assert_eq!(&ours, theirs, "{system} {label} {id}");
                checked += 1;
            }
        }
        let pairs: Vec<(&str, &Scores)> = items.iter().map(|(id, s)| (id.as_str(), s)).collect();
        let agg = scorer.aggregate(&pairs);
        let table: Vec<String> = [RougeType::Rouge1, RougeType::Rouge2, RougeType::Rouge4]
            .iter()
            .map(|&t| format!("{:.2}", agg.get(t).recall.mean * 100.0))
            .collect();
        assert_eq!(
            table, published[system],
            "{system}: README table (R-1, R-2, R-4 recall x100)"
        );
        for (t, label) in types {
            let a = agg.get(t);
            for (which, e) in [('R', a.recall), ('P', a.precision), ('F', a.f1)] {
                let ours = format!("{:.5} (95%-conf.int. {:.5} - {:.5})", e.mean, e.low, e.high);
                assert_eq!(
                    ours,
                    official.averages[&(system.clone(), label.to_string(), which)],
                    "{system} {label} {which}"
                );
            }
        }
    }
    assert_eq!(checked, 650 * 4);
}
