//! `stream-eval`: scores story detection on labelled streams, against the classic baselines, and trains
//! the shipped model.
//!
//! ```text
//! stream-eval [--baselines] [--cv] [--train OUT.json] [--model M.json] STREAM.jsonl[:titles] ...
//! ```
//! Each stream's gold is read from the file beside it (`NAME.gold.tsv`); `:titles` keeps only the
//! headlines (a headline-only stream made from a full-text one: in training it adds examples for the
//! weights, while the threshold is chosen on the streams as they are). `--cv` trains on half of the stories of
//! every stream and scores the other half (both ways); `--train` fits on all and writes the model.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

use newsbrief_core::Article;
use newsbrief_stream::baseline::{self, Baseline};
use newsbrief_stream::metrics::{self, Scores};
use newsbrief_stream::model::Model;
use newsbrief_stream::train::{self, Labelled};
use newsbrief_stream::{Profile, Settings};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stream-eval: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut paths = Vec::new();
    let (mut baselines, mut cv, mut sweep) = (false, false, false);
    let (mut train_out, mut model_path) = (None, None);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--baselines" => baselines = true,
            "--cv" => cv = true,
            "--sweep" => sweep = true,
            "--train" => train_out = Some(args.next().ok_or("--train needs a path")?),
            "--model" => model_path = Some(args.next().ok_or("--model needs a path")?),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => paths.push(a),
        }
    }
    if paths.is_empty() {
        return Err("usage: stream-eval [--baselines] [--cv] [--train OUT] [--model M] STREAM.jsonl[:titles] ...".into());
    }
    let mut streams = Vec::new();
    for p in &paths {
        streams.push(load(p)?);
    }
    let model = match &model_path {
        Some(p) => Model::from_json(&read(p)?).map_err(|e| e.to_string())?,
        None => Model::shipped(),
    };
    let grid: Vec<f32> = (2..80).map(|i| i as f32 * 0.0125).collect();
    if cv {
        println!("## Two-fold cross-validation by story (train on one half of every stream's stories, score the other)\n");
        for fold in 0..2 {
            let train_parts: Vec<Labelled> = streams
                .iter()
                .map(|s| s.subset(&s.name, |g| half(g) != fold))
                .collect();
            let test_parts: Vec<Labelled> = streams
                .iter()
                .map(|s| s.subset(&s.name, |g| half(g) == fold))
                .collect();
            let refs: Vec<&Labelled> = train_parts.iter().collect();
            let m = train::train(&refs, l2(), &grid);
            println!(
                "fold {fold}: weights {:?} threshold {}",
                m.weights, m.threshold
            );
            for t in &test_parts {
                let settings = Settings {
                    model: m.clone(),
                    ..Settings::default()
                };
                report(
                    &format!("  held-out half of {}", t.name),
                    &train::evaluate(t, &settings),
                );
            }
        }
        println!();
    }
    let model = match &train_out {
        Some(out) => {
            let refs: Vec<&Labelled> = streams.iter().collect();
            let m = train::train(&refs, l2(), &grid);
            std::fs::write(out, m.to_json() + "\n").map_err(|e| format!("{out}: {e}"))?;
            println!(
                "trained on {}: threshold {}, weights {:?}\n",
                m.trained_on, m.threshold, m.weights
            );
            m
        }
        None => model,
    };
    if sweep {
        for s in &streams {
            let line: Vec<String> = grid
                .iter()
                .step_by(2)
                .map(|&t| {
                    let m = Model {
                        threshold: t,
                        ..model.clone()
                    };
                    let f = train::evaluate(
                        s,
                        &Settings {
                            model: m,
                            ..Settings::default()
                        },
                    )
                    .bcubed
                    .f1;
                    format!("{t:.2}:{f:.3}")
                })
                .collect();
            println!("sweep {}: {}", s.name, line.join(" "));
        }
    }
    println!("| stream | method | B-cubed P | B-cubed R | B-cubed F1 | pairwise F1 | stories | articles/s |");
    println!("|---|---|---|---|---|---|---|---|");
    for s in &streams {
        let settings = Settings {
            model: model.clone(),
            ..Settings::default()
        };
        let start = Instant::now();
        let predicted = train::detect(s, &settings);
        let secs = start.elapsed().as_secs_f64();
        if let Ok(dir) = std::env::var("STREAM_EVAL_PREDICTIONS") {
            let tsv: String = s
                .ids
                .iter()
                .map(|id| format!("{id}\t{}\n", predicted[id]))
                .collect();
            let path = format!("{dir}/{}.tsv", s.name);
            std::fs::write(&path, tsv).map_err(|e| format!("{path}: {e}"))?;
        }
        row(s, "newsbrief", &predicted, Some(secs));
    }
    if baselines {
        let methods = [
            ("TF-IDF centroid", Baseline::Centroid { window_days: None }),
            (
                "TF-IDF centroid, 7-day window",
                Baseline::Centroid {
                    window_days: Some(7.0),
                },
            ),
            (
                "GDELT rule (cosine, 5 shared)",
                Baseline::Gdelt { min_shared: 5 },
            ),
        ];
        for (name, b) in methods {
            // Every threshold's run on every stream, then the best single threshold for all streams (the
            // setting a user would have) and each stream's own best (an upper bound for the rule).
            let thresholds: Vec<f32> = (1..20).map(|i| i as f32 * 0.05).collect();
            let scores: Vec<Vec<(f64, HashMap<String, String>)>> = thresholds
                .iter()
                .map(|&t| {
                    streams
                        .iter()
                        .map(|s| {
                            let run = baseline::run(b, t, &s.ids, &s.profiles);
                            (metrics::score(&s.gold_pairs(), &run).bcubed.f1, run)
                        })
                        .collect()
                })
                .collect();
            let mean =
                |k: usize| scores[k].iter().map(|(f, _)| f).sum::<f64>() / streams.len() as f64;
            let shared = (0..thresholds.len())
                .max_by(|&a, &b| mean(a).total_cmp(&mean(b)).then(b.cmp(&a)))
                .unwrap_or(0);
            for (i, s) in streams.iter().enumerate() {
                let own = (0..thresholds.len())
                    .max_by(|&a, &b| scores[a][i].0.total_cmp(&scores[b][i].0).then(b.cmp(&a)))
                    .unwrap_or(0);
                row(
                    s,
                    &format!("{name}, one threshold (t={:.2})", thresholds[shared]),
                    &scores[shared][i].1,
                    None,
                );
                row(
                    s,
                    &format!("{name}, this stream's best (t={:.2})", thresholds[own]),
                    &scores[own][i].1,
                    None,
                );
            }
        }
    }
    Ok(())
}

/// Which half of the stories a gold story falls in (a fixed hash of its label).
fn half(story: &str) -> usize {
    (newsbrief_core::terms::stable_hash(story.as_bytes()) >> 7) as usize % 2
}

fn row(s: &Labelled, method: &str, predicted: &HashMap<String, String>, secs: Option<f64>) {
    let sc = metrics::score(&s.gold_pairs(), predicted);
    let mut stories: Vec<&String> = predicted.values().collect();
    stories.sort();
    stories.dedup();
    let speed = secs.map_or(String::from("—"), |t| {
        format!("{:.0}", s.ids.len() as f64 / t)
    });
    println!(
        "| {} | {method} | {:.3} | {:.3} | **{:.3}** | {:.3} | {} | {speed} |",
        s.name,
        sc.bcubed.precision,
        sc.bcubed.recall,
        sc.bcubed.f1,
        sc.pairwise.f1,
        stories.len()
    );
}

fn report(label: &str, sc: &Scores) {
    println!(
        "{label}: B-cubed P {:.3} R {:.3} F1 {:.3}; pairwise F1 {:.3} ({} articles)",
        sc.bcubed.precision, sc.bcubed.recall, sc.bcubed.f1, sc.pairwise.f1, sc.articles
    );
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

/// A labelled stream from `PATH.jsonl` and `PATH.gold.tsv`; `PATH.jsonl:titles` keeps the headlines only.
fn load(spec: &str) -> Result<Labelled, String> {
    let (path, titles) = match spec.strip_suffix(":titles") {
        Some(p) => (p, true),
        None => (spec, false),
    };
    let stem = path
        .strip_suffix(".jsonl")
        .ok_or("a stream's path ends in .jsonl")?;
    let mut articles = newsbrief_stream::labelled::read_stream(&read(path)?)
        .map_err(|e| format!("{path}: {e}"))?;
    let gold: HashMap<String, String> =
        newsbrief_stream::labelled::read_gold(&read(&format!("{stem}.gold.tsv"))?)
            .map_err(|e| format!("{stem}.gold.tsv: {e}"))?
            .into_iter()
            .collect();
    if titles {
        articles.retain(|a| a.title.as_deref().is_some_and(|t| !t.trim().is_empty()));
        for a in &mut articles {
            a.text = a.title.take().unwrap_or_default();
        }
    }
    let name = stem.rsplit('/').next().unwrap_or(stem).to_owned()
        + if titles { " (headlines only)" } else { "" };
    let start = Instant::now();
    let profiles = profiles(&articles);
    eprintln!(
        "{name}: {} profiles in {:.2} s on all cores",
        articles.len(),
        start.elapsed().as_secs_f64()
    );
    let gold_labels = articles
        .iter()
        .map(|a| {
            gold.get(&a.id)
                .cloned()
                .ok_or(format!("{}: not in the gold file", a.id))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Labelled {
        name,
        tunes_threshold: !titles,
        ids: articles.iter().map(|a| a.id.clone()).collect(),
        profiles,
        gold: gold_labels,
    })
}

/// Profiles of the articles, on all cores.
fn profiles(articles: &[Article]) -> Vec<Profile> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(Profile::of).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// The L2 penalty of training (`STREAM_L2`, default 0.1: the best of 0.1, 1 and 10 in cross-validation).
fn l2() -> f64 {
    std::env::var("STREAM_L2")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.1)
}
