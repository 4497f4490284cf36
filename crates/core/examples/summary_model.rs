//! Trains and evaluates the summary's sentence scorer on Multi-News clusters.
//!
//! ```text
//! summary_model train TRAIN.jsonl            # ridge regression of per-sentence ROUGE precision on the features;
//!                                            # writes crates/core/src/summary/weights.rs
//! summary_model eval DEV.jsonl               # ROUGE-1/2/Lsum F1 (rouge-score compatible) of the default
//!                                            # summariser and of lead, and the share of clusters beating lead
//! summary_model ablate TRAIN.jsonl DEV.jsonl # retrains without each feature and scores on DEV
//! ```
//! All runs use a 260-word budget and cut predictions at 300 words, as the benchmark protocol says.

use newsbrief_core::document::Document;
use newsbrief_core::summary::features::{self, FEATURE_NAMES, N_FEATURES};
use newsbrief_core::summary::{Prepared, SummaryOptions};
use newsbrief_core::{ingest, Article, Cluster};
use newsbrief_rouge::{Compat, RougeType, Scorer};
use rayon::prelude::*;

const BUDGET: usize = 260;
const RIDGE: f64 = 1.0;
/// The regression target: this mix of the sentence's ROUGE-1 and ROUGE-2 precision against the reference.
const LABEL_R1: f64 = 1.0;
const LABEL_R2: f64 = 2.0;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["train", train] => train_and_write(train),
        ["eval", dev] => eval(dev),
        ["ablate", train, dev] => ablate(train, dev),
        ["grid", train, dev] => grid(train, dev),
        _ => Err("usage: summary_model train TRAIN.jsonl | eval DEV.jsonl | ablate TRAIN.jsonl DEV.jsonl".into()),
    };
    if let Err(e) = result {
        eprintln!("summary_model: {e}");
        std::process::exit(1);
    }
}

fn load(path: &str) -> Result<Vec<Cluster>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            ingest::parse_cluster_line(l).map_err(|e| format!("{path} line {}: {e}", i + 1))
        })
        .collect()
}

/// One training example per candidate: its features and its ROUGE precision against the reference.
fn examples(clusters: &[Cluster]) -> Vec<([f32; N_FEATURES], f32)> {
    clusters
        .par_iter()
        .flat_map_iter(|c| {
            let mut scorer = Scorer::new(Compat::RougeScore);
            let reference = c.reference.clone().unwrap_or_default();
            let prepared = Prepared::new(&c.articles);
            let rows: Vec<_> = prepared
                .pool
                .candidates
                .iter()
                .zip(&prepared.featured.features)
                .map(|(cand, f)| {
                    let s = scorer.score(&cand.text, &[reference.as_str()]);
                    let label = LABEL_R1 * s.get(RougeType::Rouge1).precision
                        + LABEL_R2 * s.get(RougeType::Rouge2).precision;
                    (*f, label as f32)
                })
                .collect();
            rows
        })
        .collect()
}

/// Ridge regression by the normal equations; features listed in `off` are left at weight 0.
fn fit(rows: &[([f32; N_FEATURES], f32)], off: &[usize]) -> [f32; N_FEATURES] {
    let on: Vec<usize> = (0..N_FEATURES).filter(|i| !off.contains(i)).collect();
    let k = on.len();
    let mut a = vec![vec![0.0f64; k + 1]; k];
    for (x, y) in rows {
        for (r, &i) in on.iter().enumerate() {
            for (c, &j) in on.iter().enumerate() {
                a[r][c] += x[i] as f64 * x[j] as f64;
            }
            a[r][k] += x[i] as f64 * *y as f64;
        }
    }
    for (r, row) in a.iter_mut().enumerate().skip(1) {
        row[r] += RIDGE;
    }
    let solution = solve(a);
    let mut w = [0.0f32; N_FEATURES];
    for (r, &i) in on.iter().enumerate() {
        w[i] = solution[r] as f32;
    }
    w
}

/// Gaussian elimination with partial pivoting on an augmented matrix.
fn solve(mut a: Vec<Vec<f64>>) -> Vec<f64> {
    let n = a.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&x, &y| a[x][col].abs().total_cmp(&a[y][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        let p = a[col][col];
        if p.abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col].clone();
        for (row, values) in a.iter_mut().enumerate() {
            if row != col {
                let f = values[col] / p;
                for (x, &y) in values[col..].iter_mut().zip(&pivot_row[col..]) {
                    *x -= f * y;
                }
            }
        }
    }
    (0..n)
        .map(|i| {
            if a[i][i].abs() < 1e-12 {
                0.0
            } else {
                a[i][n] / a[i][i]
            }
        })
        .collect()
}

fn train_and_write(train: &str) -> Result<(), String> {
    let rows = examples(&load(train)?);
    let w = fit(&rows, &[]);
    let mut out = String::from(
        "//! Learned weights of the sentence scorer (see [`super::features`] for the features).\n\
         //! Generated by `cargo run --release -p newsbrief-core --example summary_model -- train \
         ../shared/data/multinews/train.jsonl`; do not edit by hand.\n\nuse super::features::N_FEATURES;\n\n\
         #[rustfmt::skip]\npub const WEIGHTS: [f32; N_FEATURES] = [\n",
    );
    for (name, v) in FEATURE_NAMES.iter().zip(w) {
        out.push_str(&format!("    {v:.6}, // {name}\n"));
    }
    out.push_str("];\n");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/summary/weights.rs");
    std::fs::write(path, out).map_err(|e| format!("{path}: {e}"))?;
    eprintln!("trained on {} sentences; wrote {path}", rows.len());
    Ok(())
}

/// Mean ROUGE-1/2/Lsum F1 ×100 of summaries made with `weights`, and per-cluster ROUGE-1.
fn score_with(
    clusters: &[Cluster],
    make: impl Fn(&[Article]) -> String + Sync,
) -> ([f64; 3], Vec<f64>) {
    let per: Vec<[f64; 3]> = clusters
        .par_iter()
        .map(|c| {
            let mut scorer = Scorer::new(Compat::RougeScore);
            let pred = cut(&make(&c.articles), 300);
            let s = scorer.score(&pred, &[c.reference.as_deref().unwrap_or("")]);
            [RougeType::Rouge1, RougeType::Rouge2, RougeType::RougeLsum]
                .map(|t| s.get(t).f1 * 100.0)
        })
        .collect();
    let n = per.len().max(1) as f64;
    let mean = [0, 1, 2].map(|k| per.iter().map(|p| p[k]).sum::<f64>() / n);
    (mean, per.iter().map(|p| p[0]).collect())
}

fn cut(summary: &str, words: usize) -> String {
    let mut left = words;
    let mut lines = Vec::new();
    for line in summary.lines() {
        let w: Vec<&str> = line.split_whitespace().take(left).collect();
        left -= w.len();
        if !w.is_empty() {
            lines.push(w.join(" "));
        }
    }
    lines.join("\n")
}

fn summary_with(articles: &[Article], weights: &[f32; N_FEATURES]) -> String {
    let prepared = Prepared::new(articles);
    let scores: Vec<f32> = prepared
        .featured
        .features
        .iter()
        .map(|f| features::score(f, weights))
        .collect();
    prepared
        .choose(&scores, &SummaryOptions::with_words(BUDGET))
        .text()
}

/// Lead baseline: first sentences of each article, round-robin, while they fit.
fn lead(articles: &[Article]) -> String {
    let docs: Vec<Vec<&str>> = articles
        .iter()
        .map(|a| {
            Document::analyse(&a.text)
                .prose()
                .map(|s| &a.text[s.range.clone()])
                .collect()
        })
        .collect();
    let (mut used, mut out) = (0, Vec::new());
    let depth = docs.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..depth {
        for d in &docs {
            if let Some(s) = d.get(i) {
                let n = s.split_whitespace().count();
                if used + n <= BUDGET {
                    used += n;
                    out.push(s.split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
        }
    }
    out.join("\n")
}

fn report(name: &str, (m, per): &([f64; 3], Vec<f64>), lead_per: &[f64]) {
    let wins = per.iter().zip(lead_per).filter(|(a, b)| a > b).count();
    println!(
        "| {name} | {:.2} | {:.2} | {:.2} | {:.1}% |",
        m[0],
        m[1],
        m[2],
        100.0 * wins as f64 / per.len().max(1) as f64
    );
}

fn eval(dev: &str) -> Result<(), String> {
    let clusters = load(dev)?;
    let lead_scores = score_with(&clusters, lead);
    println!("| system | R-1 | R-2 | R-Lsum | beats lead |\n| --- | --- | --- | --- | --- |");
    report(
        "lead (our cleaning and splitting)",
        &lead_scores,
        &lead_scores.1,
    );
    let ours = score_with(&clusters, |a| {
        newsbrief_core::summarize(a, &SummaryOptions::with_words(BUDGET)).text()
    });
    report("newsbrief", &ours, &lead_scores.1);
    let variants = [
        (
            "without compression",
            SummaryOptions {
                compress: false,
                ..SummaryOptions::with_words(BUDGET)
            },
        ),
        (
            "without redundancy removal (no MMR)",
            SummaryOptions {
                redundancy: f32::INFINITY,
                diversity: 0.0,
                ..SummaryOptions::with_words(BUDGET)
            },
        ),
    ];
    for (name, opts) in variants {
        let run = score_with(&clusters, |a| newsbrief_core::summarize(a, &opts).text());
        report(name, &run, &lead_scores.1);
    }
    Ok(())
}

/// Scores the MMR settings (redundancy cut-off × diversity weight) on DEV with weights trained on TRAIN.
fn grid(train: &str, dev: &str) -> Result<(), String> {
    let w = fit(&examples(&load(train)?), &[]);
    let clusters = load(dev)?;
    let lead_scores = score_with(&clusters, lead);
    println!("| redundancy / diversity | R-1 | R-2 | R-Lsum | beats lead |\n| --- | --- | --- | --- | --- |");
    for redundancy in [0.25, 0.3, 0.4, 0.5] {
        for diversity in [0.3, 0.5, 0.75] {
            let opts = SummaryOptions {
                redundancy,
                diversity,
                ..SummaryOptions::with_words(BUDGET)
            };
            let run = score_with(&clusters, |a| {
                let prepared = Prepared::new(a);
                let scores: Vec<f32> = prepared
                    .featured
                    .features
                    .iter()
                    .map(|f| features::score(f, &w))
                    .collect();
                prepared.choose(&scores, &opts).text()
            });
            report(&format!("{redundancy} / {diversity}"), &run, &lead_scores.1);
        }
    }
    Ok(())
}

fn ablate(train: &str, dev: &str) -> Result<(), String> {
    let rows = examples(&load(train)?);
    let clusters = load(dev)?;
    let lead_scores = score_with(&clusters, lead);
    println!("| model | R-1 | R-2 | R-Lsum | beats lead |\n| --- | --- | --- | --- | --- |");
    let full = fit(&rows, &[]);
    report(
        "all features",
        &score_with(&clusters, |a| summary_with(a, &full)),
        &lead_scores.1,
    );
    for (i, name) in FEATURE_NAMES.iter().enumerate().skip(1) {
        let w = fit(&rows, &[i]);
        report(
            &format!("without {name}"),
            &score_with(&clusters, |a| summary_with(a, &w)),
            &lead_scores.1,
        );
    }
    for (group, names) in FEATURE_GROUPS {
        let off: Vec<usize> = names
            .iter()
            .filter_map(|n| FEATURE_NAMES.iter().position(|f| f == n))
            .collect();
        let w = fit(&rows, &off);
        report(
            &format!("without {group} ({})", names.join(", ")),
            &score_with(&clusters, |a| summary_with(a, &w)),
            &lead_scores.1,
        );
    }
    Ok(())
}

/// Groups of features that implement one method, ablated together.
const FEATURE_GROUPS: [(&str, &[&str]); 3] = [
    (
        "position in the article",
        &[
            "lead",
            "first",
            "relative_position",
            "lead_x_centrality",
            "second",
            "third_or_fourth",
        ],
    ),
    (
        "cross-article support",
        &["support", "supporters", "article_first_sentence_support"],
    ),
    (
        "which article leads",
        &["article_centrality", "article_first_sentence_support"],
    ),
];
