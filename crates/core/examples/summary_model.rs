//! Trains and evaluates the summary's sentence scorer on Multi-News clusters.
//!
//! ```text
//! summary_model train TRAIN.jsonl DEV.jsonl  # ridge regression of per-sentence ROUGE precision on the features,
//!                                            # on the model pool (train + dev less the fixed test part);
//!                                            # writes crates/core/src/summary/weights.rs
//! summary_model eval FILE.jsonl [WORDS]      # ROUGE-1/2/Lsum F1 (rouge-score compatible) of the default
//!                                            # summariser and of lead, and the share of clusters beating lead
//! summary_model cv TRAIN DEV [--off F,..] [--check FILE]
//!                                            # 5-fold cross-validation on the model pool: each fold scored
//!                                            # by a model trained on the other four; --check also scores
//!                                            # FILE at 250 words with a model trained on the whole pool
//! summary_model ablate TRAIN DEV [--check FILE]  # cv without each feature, then without each group
//! summary_model grid TRAIN DEV               # cv of the MMR settings
//! summary_model test TRAIN DEV               # the fixed test part, scored by a model trained on the pool
//!                                            # and by the shipped weights
//! ```
//! Multi-News runs use a 260-word budget and cut predictions at 300 words, as the benchmark protocol says.
//!
//! The split is by a hash of the cluster id, so it does not depend on the files' order: a fifth of
//! train + dev is the fixed test part, never used to choose anything (only `test` scores it); the rest, the
//! model pool, is cut into five cross-validation folds.

use newsbrief_core::document::Document;
use newsbrief_core::summary::features::{self, FEATURE_NAMES, N_FEATURES};
use newsbrief_core::summary::{Prepared, SummaryOptions};
use newsbrief_core::{ingest, Article, Cluster};
use newsbrief_rouge::{Compat, RougeType, Scorer};
use rayon::prelude::*;

const BUDGET: usize = 260;
/// Budget of the 25-article check (the DUC protocol's 250 words).
const CHECK_BUDGET: usize = 250;
const RIDGE: f64 = 1.0;
/// The regression target: this mix of the sentence's ROUGE-1 and ROUGE-2 precision against the reference.
const LABEL_R1: f64 = 1.0;
const LABEL_R2: f64 = 2.0;
/// Cross-validation folds of the model pool; the fixed test part is as large as one fold.
const FOLDS: u64 = 5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["train", train, dev] => train_and_write(train, dev),
        ["eval", file] => eval(file, BUDGET),
        ["eval", file, words] => words
            .parse()
            .map_err(|e| format!("words {words}: {e}"))
            .and_then(|w| eval(file, w)),
        ["cv", train, dev, rest @ ..] => Flags::parse(rest).and_then(|f| cv(train, dev, &f)),
        ["ablate", train, dev, rest @ ..] => {
            Flags::parse(rest).and_then(|f| ablate(train, dev, &f))
        }
        ["grid", train, dev] => grid(train, dev),
        ["test", train, dev] => test(train, dev),
        _ => Err("usage: summary_model train TRAIN DEV | eval FILE [WORDS] | cv TRAIN DEV [--off F,..] \
                  [--check FILE] | ablate TRAIN DEV [--check FILE] | grid TRAIN DEV | test TRAIN DEV"
            .into()),
    };
    if let Err(e) = result {
        eprintln!("summary_model: {e}");
        std::process::exit(1);
    }
}

/// Options of `cv` and `ablate`.
#[derive(Default)]
struct Flags {
    /// Features left at weight 0.
    off: Vec<usize>,
    /// The 25-article check file.
    check: Option<String>,
}

impl Flags {
    fn parse(args: &[&str]) -> Result<Flags, String> {
        let mut flags = Flags::default();
        let mut it = args.iter();
        while let Some(&arg) = it.next() {
            let value = it.next().ok_or(format!("{arg} needs a value"))?;
            match arg {
                "--off" => {
                    for name in value.split(',') {
                        let i = FEATURE_NAMES
                            .iter()
                            .position(|f| f == &name)
                            .ok_or(format!("no feature {name}"))?;
                        flags.off.push(i);
                    }
                }
                "--check" => flags.check = Some((*value).to_owned()),
                _ => return Err(format!("unknown option {arg}")),
            }
        }
        Ok(flags)
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

/// A cluster with its candidates' features and training labels (each candidate's ROUGE precision
/// against the reference).
struct Example {
    cluster: Cluster,
    prepared: Prepared,
    labels: Vec<f32>,
}

fn prepare(clusters: Vec<Cluster>) -> Vec<Example> {
    clusters
        .into_par_iter()
        .map(|cluster| {
            let mut scorer = Scorer::new(Compat::RougeScore);
            let reference = cluster.reference.clone().unwrap_or_default();
            let prepared = Prepared::new(&cluster.articles);
            let labels = prepared
                .pool
                .candidates
                .iter()
                .map(|cand| {
                    let s = scorer.score(&cand.text, &[reference.as_str()]);
                    (LABEL_R1 * s.get(RougeType::Rouge1).precision
                        + LABEL_R2 * s.get(RougeType::Rouge2).precision) as f32
                })
                .collect();
            Example {
                cluster,
                prepared,
                labels,
            }
        })
        .collect()
}

/// FNV-1a of the cluster id: where the cluster falls in the split, whatever the files' order.
fn split_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The fixed test part: never used to choose anything.
fn is_test(c: &Cluster) -> bool {
    split_hash(&c.id) % (FOLDS + 1) == 0
}

/// The cross-validation fold of a cluster of the model pool.
fn fold_of(c: &Cluster) -> u64 {
    split_hash(&c.id) / (FOLDS + 1) % FOLDS
}

/// Train and dev together, split into (model pool, fixed test part).
fn load_split(train: &str, dev: &str) -> Result<(Vec<Example>, Vec<Example>), String> {
    let mut clusters = load(train)?;
    clusters.extend(load(dev)?);
    let (test, pool): (Vec<Cluster>, Vec<Cluster>) = clusters.into_iter().partition(is_test);
    Ok((prepare(pool), prepare(test)))
}

/// Ridge regression by the normal equations; features listed in `off` are left at weight 0.
fn fit<'a>(examples: impl Iterator<Item = &'a Example>, off: &[usize]) -> [f32; N_FEATURES] {
    let on: Vec<usize> = (0..N_FEATURES).filter(|i| !off.contains(i)).collect();
    let k = on.len();
    let mut a = vec![vec![0.0f64; k + 1]; k];
    // Bare quotations (their speaker named around them) are scored by the model but not learnt from:
    // as training rows they move the weights by their references' habit of quoting, and the weights then
    // do worse on large wire stories (docs/bench/summary.md).
    let rows = examples.flat_map(|e| {
        e.prepared
            .featured
            .features
            .iter()
            .zip(&e.labels)
            .zip(&e.prepared.pool.candidates)
            .filter(|(_, candidate)| !candidate.bare_quotation)
            .map(|(row, _)| row)
    });
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

fn train_and_write(train: &str, dev: &str) -> Result<(), String> {
    let (pool, _) = load_split(train, dev)?;
    let w = fit(pool.iter(), &[]);
    let mut out = String::from(
        "//! Learned weights of the sentence scorer (see [`super::features`] for the features).\n\
         //! Generated by `cargo run --release -p newsbrief-core --example summary_model -- train \
         ../shared/data/multinews/train.jsonl ../shared/data/multinews/dev.jsonl` (the model pool: train + dev \
         less the fixed test part); do not edit by hand.\n\nuse super::features::N_FEATURES;\n\n\
         #[rustfmt::skip]\npub const WEIGHTS: [f32; N_FEATURES] = [\n",
    );
    for (name, v) in FEATURE_NAMES.iter().zip(w) {
        out.push_str(&format!("    {v:.6}, // {name}\n"));
    }
    out.push_str("];\n");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/summary/weights.rs");
    std::fs::write(path, out).map_err(|e| format!("{path}: {e}"))?;
    eprintln!("trained on {} clusters; wrote {path}", pool.len());
    Ok(())
}

/// ROUGE-1/2/Lsum F1 ×100 of each cluster's summary (cut at 300 words) against its reference.
type Scores = Vec<[f64; 3]>;

fn score_with(clusters: &[Cluster], make: impl Fn(&Cluster) -> String + Sync) -> Scores {
    clusters.par_iter().map(|c| rouge(c, &make(c))).collect()
}

/// [`score_with`] for prepared clusters.
fn score_examples(examples: &[Example], make: impl Fn(&Example) -> String + Sync) -> Scores {
    examples
        .par_iter()
        .map(|e| rouge(&e.cluster, &make(e)))
        .collect()
}

fn rouge(cluster: &Cluster, summary: &str) -> [f64; 3] {
    let mut scorer = Scorer::new(Compat::RougeScore);
    let pred = cut(summary, 300);
    let s = scorer.score(&pred, &[cluster.reference.as_deref().unwrap_or("")]);
    [RougeType::Rouge1, RougeType::Rouge2, RougeType::RougeLsum].map(|t| s.get(t).f1 * 100.0)
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

/// The summary of a prepared cluster under the given weights and options.
fn summary_with(prepared: &Prepared, weights: &[f32; N_FEATURES], opts: &SummaryOptions) -> String {
    let scores: Vec<f32> = prepared
        .featured
        .features
        .iter()
        .map(|f| features::score(f, weights))
        .collect();
    prepared.choose(&scores, opts).text()
}

/// Lead baseline: first sentences of each article, round-robin, while they fit.
fn lead(articles: &[Article], budget: usize) -> String {
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
                if used + n <= budget {
                    used += n;
                    out.push(s.split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
        }
    }
    out.join("\n")
}

fn report(name: &str, per: &Scores, lead_per: &Scores) {
    let n = per.len().max(1) as f64;
    let m = [0, 1, 2].map(|k| per.iter().map(|p| p[k]).sum::<f64>() / n);
    let wins = per
        .iter()
        .zip(lead_per)
        .filter(|(a, b)| a[0] > b[0])
        .count();
    println!(
        "| {name} | {:.2} | {:.2} | {:.2} | {:.1}% |",
        m[0],
        m[1],
        m[2],
        100.0 * wins as f64 / n
    );
}

const TABLE_HEAD: &str =
    "| system | R-1 | R-2 | R-Lsum | beats lead |\n| --- | --- | --- | --- | --- |";

fn eval(file: &str, budget: usize) -> Result<(), String> {
    let clusters = load(file)?;
    let lead_scores = score_with(&clusters, |c| lead(&c.articles, budget));
    println!("{TABLE_HEAD}");
    report(
        "lead (our cleaning and splitting)",
        &lead_scores,
        &lead_scores,
    );
    let variants = [
        ("newsbrief", SummaryOptions::with_words(budget)),
        (
            "without compression",
            SummaryOptions {
                compress: false,
                ..SummaryOptions::with_words(budget)
            },
        ),
        (
            "without redundancy removal (no MMR)",
            SummaryOptions {
                redundancy: f32::INFINITY,
                diversity: 0.0,
                ..SummaryOptions::with_words(budget)
            },
        ),
    ];
    for (name, opts) in variants {
        let run = score_with(&clusters, |c| {
            newsbrief_core::summarize(&c.articles, &opts).text()
        });
        report(name, &run, &lead_scores);
    }
    Ok(())
}

/// Cross-validated scores of the model pool: each fold's clusters summarised by a model trained on the
/// other folds with `off` features left out and the given options. In pool order.
fn cv_scores(pool: &[Example], off: &[usize], opts: &SummaryOptions) -> Scores {
    let weights: Vec<[f32; N_FEATURES]> = (0..FOLDS)
        .map(|k| fit(pool.iter().filter(|e| fold_of(&e.cluster) != k), off))
        .collect();
    score_examples(pool, |e| {
        summary_with(&e.prepared, &weights[fold_of(&e.cluster) as usize], opts)
    })
}

/// The 25-article check: scores of `file` at 250 words with `weights`, and of lead.
fn check_scores(checks: &[Example], weights: &[f32; N_FEATURES]) -> (Scores, Scores) {
    let opts = SummaryOptions::with_words(CHECK_BUDGET);
    let ours = score_examples(checks, |e| summary_with(&e.prepared, weights, &opts));
    let lead_scores = score_examples(checks, |e| lead(&e.cluster.articles, CHECK_BUDGET));
    (ours, lead_scores)
}

/// Lead's scores on prepared clusters (Multi-News budget).
fn pool_lead(pool: &[Example]) -> Scores {
    score_examples(pool, |e| lead(&e.cluster.articles, BUDGET))
}

fn cv(train: &str, dev: &str, flags: &Flags) -> Result<(), String> {
    let (pool, _) = load_split(train, dev)?;
    let checks = match &flags.check {
        Some(f) => prepare(load(f)?),
        None => Vec::new(),
    };
    let lead_scores = pool_lead(&pool);
    println!("{} clusters in {FOLDS} folds\n\n{TABLE_HEAD}", pool.len());
    report("lead", &lead_scores, &lead_scores);
    let name = model_name(&flags.off);
    let opts = SummaryOptions::with_words(BUDGET);
    let ours = cv_scores(&pool, &flags.off, &opts);
    report(&format!("{name}, cross-validated"), &ours, &lead_scores);
    for (label, sizes) in SIZE_BANDS {
        let pick = |scores: &Scores| -> Scores {
            pool.iter()
                .zip(scores)
                .filter(|(e, _)| sizes.contains(&e.cluster.articles.len()))
                .map(|(_, s)| *s)
                .collect()
        };
        let band_lead = pick(&lead_scores);
        println!("| {label}: {} clusters | | | | |", band_lead.len());
        report(&format!("{label}: lead"), &band_lead, &band_lead);
        report(&format!("{label}: {name}"), &pick(&ours), &band_lead);
    }
    if !checks.is_empty() {
        let (ours, lead_check) = check_scores(&checks, &fit(pool.iter(), &flags.off));
        report("25-article check: lead", &lead_check, &lead_check);
        report(&format!("25-article check: {name}"), &ours, &lead_check);
    }
    Ok(())
}

/// Cluster sizes (articles) the cross-validated scores are also given for.
const SIZE_BANDS: [(&str, std::ops::RangeInclusive<usize>); 3] = [
    ("1-2 articles", 1..=2),
    ("3 articles", 3..=3),
    ("4+ articles", 4..=usize::MAX),
];

fn model_name(off: &[usize]) -> String {
    if off.is_empty() {
        "all features".into()
    } else {
        let names: Vec<&str> = off.iter().map(|&i| FEATURE_NAMES[i]).collect();
        format!("without {}", names.join(", "))
    }
}

/// Cross-validates the MMR settings (redundancy cut-off × diversity weight).
fn grid(train: &str, dev: &str) -> Result<(), String> {
    let (pool, _) = load_split(train, dev)?;
    let lead_scores = pool_lead(&pool);
    println!("| redundancy / diversity | R-1 | R-2 | R-Lsum | beats lead |\n| --- | --- | --- | --- | --- |");
    for redundancy in [0.25, 0.3, 0.4, 0.5] {
        for diversity in [0.3, 0.5, 0.75] {
            let opts = SummaryOptions {
                redundancy,
                diversity,
                ..SummaryOptions::with_words(BUDGET)
            };
            let run = cv_scores(&pool, &[], &opts);
            report(&format!("{redundancy} / {diversity}"), &run, &lead_scores);
        }
    }
    Ok(())
}

/// Cross-validates the model without each feature, then without each group of features.
fn ablate(train: &str, dev: &str, flags: &Flags) -> Result<(), String> {
    let (pool, _) = load_split(train, dev)?;
    let checks = match &flags.check {
        Some(f) => prepare(load(f)?),
        None => Vec::new(),
    };
    let lead_scores = pool_lead(&pool);
    let opts = SummaryOptions::with_words(BUDGET);
    println!("| model | R-1 | R-2 | R-Lsum | beats lead | check R-1 | check R-2 |\n| --- | --- | --- | --- | --- | --- | --- |");
    let mut offs: Vec<Vec<usize>> = std::iter::once(Vec::new())
        .chain((1..N_FEATURES).map(|i| vec![i]))
        .collect();
    for (_, names) in FEATURE_GROUPS {
        offs.push(
            names
                .iter()
                .filter_map(|n| FEATURE_NAMES.iter().position(|f| f == n))
                .collect(),
        );
    }
    for off in offs {
        let run = cv_scores(&pool, &off, &opts);
        let n = run.len().max(1) as f64;
        let m = [0, 1, 2].map(|k| run.iter().map(|p| p[k]).sum::<f64>() / n);
        let wins = run
            .iter()
            .zip(&lead_scores)
            .filter(|(a, b)| a[0] > b[0])
            .count();
        let check = if checks.is_empty() {
            "| – | – |".to_owned()
        } else {
            let (ours, _) = check_scores(&checks, &fit(pool.iter(), &off));
            let k = ours.len().max(1) as f64;
            format!(
                "| {:.2} | {:.2} |",
                ours.iter().map(|p| p[0]).sum::<f64>() / k,
                ours.iter().map(|p| p[1]).sum::<f64>() / k
            )
        };
        println!(
            "| {} | {:.2} | {:.2} | {:.2} | {:.1}% {check}",
            model_name(&off),
            m[0],
            m[1],
            m[2],
            100.0 * wins as f64 / n
        );
    }
    Ok(())
}

/// The fixed test part, summarised by a model trained on the whole pool.
fn test(train: &str, dev: &str) -> Result<(), String> {
    let (pool, test) = load_split(train, dev)?;
    let w = fit(pool.iter(), &[]);
    let opts = SummaryOptions::with_words(BUDGET);
    let lead_scores = pool_lead(&test);
    println!("{} test clusters\n\n{TABLE_HEAD}", test.len());
    report("lead", &lead_scores, &lead_scores);
    let ours = score_examples(&test, |e| summary_with(&e.prepared, &w, &opts));
    report("model trained on the pool", &ours, &lead_scores);
    let shipped = score_examples(&test, |e| {
        newsbrief_core::summarize(&e.cluster.articles, &opts).text()
    });
    report("shipped weights (weights.rs)", &shipped, &lead_scores);
    Ok(())
}

/// Groups of features that implement one method, ablated together.
const FEATURE_GROUPS: [(&str, &[&str]); 4] = [
    (
        "position in the article",
        &[
            "lead",
            "first",
            "relative_position",
            "lead_x_centrality",
            "second",
            "third_or_fourth",
            "lead_x_story_size",
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
    (
        "centrality and coverage",
        &["coverage_x_story_size", "centrality_rank_x_story_size"],
    ),
];
