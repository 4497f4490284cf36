//! `newsbrief eval`: ROUGE scores of predictions against references, reproducing rouge-score
//! (default) or ROUGE-1.5.5; with `--run`, summarises a clusters file first and scores that.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use newsbrief_core::{ingest, summarize, SummaryOptions};
use newsbrief_rouge::jsonl::{pair_up, parse_predictions, parse_references, Pair};
use newsbrief_rouge::{
    Aggregate, Compat, MultiRef, Rouge155Options, RougeType, Scorer, Scores, Truncation,
};
use rayon::prelude::*;
use serde_json::{json, Map, Value};

use crate::output::{write_all, OutputArg};

#[derive(clap::Args)]
pub struct Args {
    /// References JSONL: {"id", "summary"} or {"id", "summaries": [...]} per line.
    #[arg(long, required_unless_present = "run", conflicts_with = "run")]
    refs: Option<PathBuf>,
    /// Predictions JSONL: {"id", "summary"} per line (sentences separated by newlines).
    #[arg(long, required_unless_present = "run", conflicts_with = "run")]
    pred: Option<PathBuf>,
    /// Summarise every cluster of --input and score it against the cluster's "summary".
    #[arg(long, requires = "input")]
    run: bool,
    /// Clusters JSONL for --run ({"id", "documents": [...], "summary"} or Multi-News form; "focus" and
    /// "seen" as in `summarize`).
    #[arg(long)]
    input: Option<PathBuf>,
    /// Word budget of the summaries made by --run.
    #[arg(long, value_parser = super::word_budget, default_value_t = SummaryOptions::default().words)]
    words: usize,
    /// With --run: also write the predictions as JSONL (to score them with another tool).
    #[arg(long, requires = "run")]
    write_pred: Option<PathBuf>,
    /// Which official scorer to reproduce.
    #[arg(long, value_enum, default_value_t = CompatArg::RougeScore)]
    compat: CompatArg,
    /// ROUGE-1.5.5 -l: keep only the first N words of every summary.
    #[arg(long, conflicts_with = "truncate_bytes")]
    truncate_words: Option<usize>,
    /// ROUGE-1.5.5 -b: keep only the first N bytes of every summary.
    #[arg(long)]
    truncate_bytes: Option<usize>,
    /// ROUGE-1.5.5 -s: remove SMART stopwords.
    #[arg(long)]
    stopwords: bool,
    /// NIST's jackknifing (DUC 2005–2007, TAC): with N ≥ 2 references, the mean of the scores
    /// against each N−1 of them (needs --compat rouge155).
    #[arg(long)]
    jackknife: bool,
    /// ROUGE-1.5.5 -f: average the references (A) or keep the best one (B).
    #[arg(long, value_enum, default_value_t = MultiRefArg::Average)]
    multi_ref: MultiRefArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Also print every cluster's scores.
    #[arg(long)]
    per_cluster: bool,
    #[command(flatten)]
    output: OutputArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CompatArg {
    /// Google's rouge-score 0.1.2 with use_stemmer=True.
    RougeScore,
    /// The Perl ROUGE-1.5.5 (-n 4 -m -t 0 -p 0.5 -f A, -2 4 -u for SU4).
    #[value(alias = "rouge-155")]
    Rouge155,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum MultiRefArg {
    Average,
    Best,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Table,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let compat = compat_of(&args)?;
    let started = Instant::now();
    let (pairs, summarize_seconds) = if args.run {
        summarize_input(&args)?
    } else {
        (read_pairs(&args)?, None)
    };
    let scoring_started = Instant::now();
    let scored = score_all(&compat, args.jackknife, &pairs);
    let scoring_seconds = scoring_started.elapsed().as_secs_f64();
    let refs: Vec<(&str, &Scores)> = scored.iter().map(|(id, s)| (id.as_str(), s)).collect();
    let aggregate = Scorer::new(compat.clone()).aggregate(&refs);
    let mut text = String::new();
    match args.format {
        Format::Json => {
            let mut out = Map::new();
            out.insert("n".into(), json!(aggregate.n));
            out.insert("scores".into(), aggregate.to_json());
            if args.per_cluster {
                let clusters: Vec<Value> = scored
                    .iter()
                    .map(|(id, s)| json!({"id": id, "scores": scores_json(s)}))
                    .collect();
                out.insert("clusters".into(), Value::Array(clusters));
            }
            if let Some(seconds) = summarize_seconds {
                out.insert(
                    "seconds".into(),
                    json!({"summarize": seconds, "score": scoring_seconds}),
                );
            }
            let _ = writeln!(text, "{}", Value::Object(out));
        }
        Format::Table => {
            if args.per_cluster {
                write_clusters(&mut text, &scored);
            }
            write_table(&mut text, &aggregate, &compat);
            if let Some(seconds) = summarize_seconds {
                let _ = writeln!(
                    text,
                    "time: summarised {} clusters in {:.2} s, scored in {:.3} s, total {:.2} s",
                    pairs.len(),
                    seconds,
                    scoring_seconds,
                    started.elapsed().as_secs_f64()
                );
            }
        }
    }
    write_all(args.output.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}

fn compat_of(args: &Args) -> anyhow::Result<Compat> {
    match args.compat {
        CompatArg::RougeScore => {
            if args.truncate_words.is_some()
                || args.truncate_bytes.is_some()
                || args.stopwords
                || args.jackknife
            {
                bail!("--truncate-words, --truncate-bytes, --stopwords and --jackknife need --compat rouge155");
            }
            if matches!(args.multi_ref, MultiRefArg::Best) {
                bail!("--multi-ref best needs --compat rouge155 (rouge-score always keeps the best reference)");
            }
            Ok(Compat::RougeScore)
        }
        CompatArg::Rouge155 => {
            let truncation = match (args.truncate_words, args.truncate_bytes) {
                (Some(n), _) => Truncation::Words(n),
                (None, Some(n)) => Truncation::Bytes(n),
                (None, None) => Truncation::None,
            };
            let multi_ref = match args.multi_ref {
                MultiRefArg::Average => MultiRef::Average,
                MultiRefArg::Best => MultiRef::Best,
            };
            Ok(Compat::Rouge155(Rouge155Options {
                truncation,
                remove_stopwords: args.stopwords,
                multi_ref,
                ..Rouge155Options::default()
            }))
        }
    }
}

fn read_text(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn read_pairs(args: &Args) -> anyhow::Result<Vec<Pair>> {
    let (Some(refs_path), Some(pred_path)) = (&args.refs, &args.pred) else {
        bail!("give --refs and --pred, or --run --input");
    };
    let references = parse_references(&read_text(refs_path)?)
        .with_context(|| refs_path.display().to_string())?;
    if references.is_empty() {
        bail!("{}: no references", refs_path.display());
    }
    let predictions = parse_predictions(&read_text(pred_path)?)
        .with_context(|| pred_path.display().to_string())?;
    let pairing = pair_up(&references, &predictions);
    if !pairing.missing_predictions.is_empty() {
        eprintln!(
            "newsbrief: warning: no prediction for {} id(s), scored as empty: {}",
            pairing.missing_predictions.len(),
            pairing.missing_predictions.join(", ")
        );
    }
    if !pairing.extra_predictions.is_empty() {
        eprintln!(
            "newsbrief: warning: no reference for {} prediction id(s), scored against an empty reference: {}",
            pairing.extra_predictions.len(),
            pairing.extra_predictions.join(", ")
        );
    }
    Ok(pairing.pairs)
}

/// Summarises every cluster of `--input` (all cores); returns the pairs and the seconds taken.
fn summarize_input(args: &Args) -> anyhow::Result<(Vec<Pair>, Option<f64>)> {
    let Some(input) = &args.input else {
        bail!("--run needs --input")
    };
    let text = read_text(input)?;
    let mut clusters = Vec::new();
    let mut unreferenced = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let cluster = ingest::parse_cluster_line(line)
            .with_context(|| format!("{}: line {}", input.display(), i + 1))?;
        match &cluster.reference {
            Some(r) if !r.trim().is_empty() => clusters.push(cluster),
            _ => unreferenced.push(cluster.id),
        }
    }
    if !unreferenced.is_empty() {
        eprintln!(
            "newsbrief: warning: {} cluster(s) have no \"summary\" and are not scored: {}",
            unreferenced.len(),
            unreferenced.join(", ")
        );
    }
    if clusters.is_empty() {
        bail!(
            "{}: no cluster has a reference \"summary\" to score against",
            input.display()
        );
    }
    let opts = SummaryOptions::with_words(args.words);
    let started = Instant::now();
    let pairs: Vec<Pair> = clusters
        .par_iter()
        .map(|c| {
            // A line's "focus" and "seen" make it a focused or update summary, as in `summarize`.
            let line_opts = SummaryOptions {
                focus: c.focus.clone(),
                seen: c.seen.iter().map(|a| a.text.clone()).collect(),
                ..opts.clone()
            };
            Pair {
                id: c.id.clone(),
                prediction: summarize(&c.articles, &line_opts).text(),
                references: c.reference.iter().cloned().collect(),
            }
        })
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    if let Some(path) = &args.write_pred {
        let mut out = String::new();
        for p in &pairs {
            out.push_str(&json!({"id": p.id, "summary": p.prediction}).to_string());
            out.push('\n');
        }
        write_all(Some(path), &out)?;
    }
    Ok((pairs, Some(seconds)))
}

/// Scores every pair on all cores, one scorer per worker; output keeps the input order.
fn score_all(compat: &Compat, jackknife: bool, pairs: &[Pair]) -> Vec<(String, Scores)> {
    pairs
        .par_iter()
        .map_init(
            || Scorer::new(compat.clone()),
            |scorer, pair| {
                let refs: Vec<&str> = pair.references.iter().map(String::as_str).collect();
                let scores = if jackknife {
                    scorer.score_jackknifed(&pair.prediction, &refs)
                } else {
                    scorer.score(&pair.prediction, &refs)
                };
                (pair.id.clone(), scores)
            },
        )
        .collect()
}

fn scores_json(scores: &Scores) -> Value {
    let mut map = Map::new();
    for (t, s) in scores.iter() {
        map.insert(
            t.key().into(),
            json!({"precision": s.precision, "recall": s.recall, "f1": s.f1}),
        );
    }
    Value::Object(map)
}

fn write_table(text: &mut String, aggregate: &Aggregate, compat: &Compat) {
    let name = match compat {
        Compat::RougeScore => "rouge-score 0.1.2 compatible",
        Compat::Rouge155(_) => "ROUGE-1.5.5 compatible",
    };
    let _ = writeln!(
        text,
        "ROUGE over {} clusters ({name}; x100, F with 95% bootstrap interval)",
        aggregate.n
    );
    let _ = writeln!(
        text,
        "{:<7} {:>7} {:>7} {:>7}  {:>17}",
        "", "P", "R", "F", "F 95% CI"
    );
    for t in RougeType::ALL {
        let a = aggregate.get(t);
        let _ = writeln!(
            text,
            "{:<7} {:>7.2} {:>7.2} {:>7.2}  [{:>6.2}, {:>6.2}]",
            t.label(),
            a.precision.mean * 100.0,
            a.recall.mean * 100.0,
            a.f1.mean * 100.0,
            a.f1.low * 100.0,
            a.f1.high * 100.0
        );
    }
}

fn write_clusters(text: &mut String, scored: &[(String, Scores)]) {
    let _ = writeln!(
        text,
        "{:<24} {:>7} {:>7} {:>7} {:>7}",
        "cluster (F x100)", "R-1", "R-2", "R-L", "R-Lsum"
    );
    for (id, s) in scored {
        let _ = writeln!(
            text,
            "{:<24} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
            id,
            s.get(RougeType::Rouge1).f1 * 100.0,
            s.get(RougeType::Rouge2).f1 * 100.0,
            s.get(RougeType::RougeL).f1 * 100.0,
            s.get(RougeType::RougeLsum).f1 * 100.0
        );
    }
    let _ = writeln!(text);
}
