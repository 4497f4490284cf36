//! Scores `newsbrief_quotes::extract` on PolNeAR with `newsbrief_quotes::eval`
//! (see that module for how quotes and speakers are matched).
//!
//! Usage: `polnear-eval DIR... [--all] [--attributed-only] [--errors] [--ner]
//! [--fold K/N | --except-fold K/N] [--perturb NAME|all]` where each DIR holds
//! `text/` and `attributions/` (e.g. `../shared/data/polnear/dev`). Each
//! article is scored against its first annotation file (sorted by name).
//! `--fold K/N` keeps the articles of fold K of N (folds by a stable hash of the
//! article name), `--except-fold K/N` the others. `--perturb NAME` rewrites each
//! text first (see `newsbrief_quotes::perturb`; gold spans are carried over);
//! `--perturb all` prints one score line per rewrite, the unchanged text first.
//! Without `--all`, partial extracted quotes are left out; `--attributed-only`
//! also leaves out extracted quotes without a speaker; `--errors` lists every
//! mistake (MISS, SPAN, WHO, EXTRA) with its context. Built with
//! `--features ner`, `--ner` passes the committed named-entity tagger's
//! mentions to the extractor instead of the capitalisation fallback.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsbrief_quotes::eval::{gold_quotes, score, GoldQuote, Mistake, Tally};
use newsbrief_quotes::perturb::{rewrite, Perturbation};
use newsbrief_quotes::{extract, NameSpan, Quote, Span};

struct Options {
    all: bool,
    attributed_only: bool,
    errors: bool,
    ner: bool,
    folds: Option<FoldChoice>,
}

/// Which articles of a K-of-N fold split to score.
#[derive(Clone, Copy)]
struct FoldChoice {
    fold: u64,
    of: u64,
    keep_fold: bool,
}

impl FoldChoice {
    fn parse(value: &str, keep_fold: bool) -> Option<FoldChoice> {
        let (fold, of) = value.split_once('/')?;
        let (fold, of) = (fold.parse().ok()?, of.parse().ok()?);
        (fold < of).then_some(FoldChoice {
            fold,
            of,
            keep_fold,
        })
    }

    fn keeps(&self, article: &str) -> bool {
        (fnv1a(article) % self.of == self.fold) == self.keep_fold
    }
}

/// FNV-1a: a hash that stays the same across builds and platforms.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn value_of<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).map(String::as_str)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let usage = "usage: polnear-eval DIR... [--all] [--attributed-only] [--errors] [--ner] \
                 [--fold K/N | --except-fold K/N] [--perturb NAME|all]";
    let folds = match (value_of(&args, "--fold"), value_of(&args, "--except-fold")) {
        (None, None) => None,
        (Some(v), None) => FoldChoice::parse(v, true),
        (None, Some(v)) => FoldChoice::parse(v, false),
        (Some(_), Some(_)) => None,
    };
    let folds_asked = flag("--fold") || flag("--except-fold");
    if folds_asked && folds.is_none() {
        eprintln!("polnear-eval: one of --fold K/N or --except-fold K/N with K < N\n{usage}");
        return ExitCode::FAILURE;
    }
    let perturbations: Vec<Option<Perturbation>> = match value_of(&args, "--perturb") {
        None => vec![None],
        Some("all") => std::iter::once(None)
            .chain(Perturbation::ALL.into_iter().map(Some))
            .collect(),
        Some(name) => match Perturbation::from_name(name) {
            Some(p) => vec![Some(p)],
            None => {
                let names: Vec<&str> = Perturbation::ALL.iter().map(|p| p.name()).collect();
                eprintln!(
                    "polnear-eval: unknown perturbation {name}; one of: all {}",
                    names.join(" ")
                );
                return ExitCode::FAILURE;
            }
        },
    };
    let options = Options {
        all: flag("--all"),
        attributed_only: flag("--attributed-only"),
        errors: flag("--errors"),
        ner: flag("--ner"),
        folds,
    };
    if options.ner && !cfg!(feature = "ner") {
        eprintln!("polnear-eval: --ner needs a build with --features ner");
        return ExitCode::FAILURE;
    }
    let takes_value = ["--fold", "--except-fold", "--perturb"];
    let dirs: Vec<PathBuf> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !a.starts_with("--")
                && !i
                    .checked_sub(1)
                    .and_then(|p| args.get(p))
                    .is_some_and(|p| takes_value.contains(&p.as_str()))
        })
        .map(|(_, a)| PathBuf::from(a))
        .collect();
    if dirs.is_empty() {
        eprintln!("{usage}");
        return ExitCode::FAILURE;
    }
    let articles = match dirs
        .iter()
        .map(|d| articles(d, &options))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(found) => found.into_iter().flatten().collect::<Vec<Article>>(),
        Err(err) => {
            eprintln!("polnear-eval: {err}");
            return ExitCode::FAILURE;
        }
    };
    for perturbation in perturbations {
        match run(&articles, perturbation, &options) {
            Ok(tally) => {
                if let Some(p) = perturbation {
                    println!("perturbation {}", p.name());
                }
                report(&tally, options.all);
            }
            Err(err) => {
                eprintln!("polnear-eval: {err}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// An article to score: its name, text file and first annotation file.
struct Article {
    name: String,
    text: PathBuf,
    annotations: PathBuf,
}

fn articles(dir: &Path, options: &Options) -> std::io::Result<Vec<Article>> {
    let mut annotations: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut ann_paths: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    ann_paths.sort();
    for path in ann_paths {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Some((base, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        annotations.entry(base.to_string()).or_insert(path);
    }
    Ok(annotations
        .into_iter()
        .filter(|(base, _)| options.folds.is_none_or(|f| f.keeps(base)))
        .map(|(base, ann_path)| Article {
            text: dir.join("text").join(format!("{base}.txt")),
            name: base,
            annotations: ann_path,
        })
        .collect())
}

fn run(
    articles: &[Article],
    perturbation: Option<Perturbation>,
    options: &Options,
) -> std::io::Result<Tally> {
    let mut tally = Tally::default();
    for article in articles {
        let base = &article.name;
        let Ok(original) = std::fs::read_to_string(&article.text) else {
            continue;
        };
        let ann = std::fs::read_to_string(&article.annotations)?;
        let gold = gold_quotes(&original, &ann, options.all);
        let (text, gold) = match perturbation {
            None => (original, gold),
            Some(p) => {
                let rewritten = rewrite(&original, p);
                let gold = gold
                    .iter()
                    .map(|g| GoldQuote {
                        span: rewritten.span(g.span),
                        source: g.source.iter().map(|s| rewritten.span(*s)).collect(),
                    })
                    .collect();
                (rewritten.text, gold)
            }
        };
        let names = if options.ner {
            names(&text)
        } else {
            Vec::new()
        };
        let predicted: Vec<Quote> = extract(&text, &names)
            .into_iter()
            .filter(|q| options.all || !q.partial)
            .filter(|q| !options.attributed_only || q.speaker.is_some())
            .collect();
        let mistakes = score(&gold, &predicted, &mut tally);
        if options.errors {
            for mistake in mistakes {
                println!("{}", describe(&text, base, &mistake));
            }
        }
    }
    Ok(tally)
}

#[cfg(feature = "ner")]
fn names(text: &str) -> Vec<NameSpan> {
    let tagger = newsbrief_ner::Tagger::default();
    tagger.entities(text).iter().map(NameSpan::from).collect()
}

#[cfg(not(feature = "ner"))]
fn names(_text: &str) -> Vec<NameSpan> {
    Vec::new()
}

fn describe(text: &str, doc: &str, mistake: &Mistake) -> String {
    match mistake {
        Mistake::Missed(gold) => format!("MISS\t{doc}\t{}", context(text, *gold)),
        Mistake::WrongSpan { gold, predicted } => {
            format!(
                "SPAN\t{doc}\tgold={}\tpred={}",
                context(text, *gold),
                context(text, *predicted)
            )
        }
        Mistake::WrongSpeaker {
            gold,
            source,
            predicted,
            cue,
        } => {
            let source: Vec<&str> = source.iter().map(|s| s.text(text)).collect();
            format!(
                "WHO\t{doc}\tgold={:?}\tpred={:?}\tcue={:?}\t{}",
                source.join(" "),
                predicted.map(|s| s.text(text)),
                cue.map(|c| c.text(text)),
                context(text, *gold)
            )
        }
        Mistake::Extra(predicted) => format!("EXTRA\t{doc}\t{}", context(text, *predicted)),
    }
}

fn context(text: &str, span: Span) -> String {
    let mut from = span.start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let head: String = span.text(text).chars().take(50).collect();
    format!("[{head}…] …{}…", text[from..to].replace('\n', " ⏎ "))
}

fn report(tally: &Tally, all: bool) {
    let scope = if all {
        "all quotes (partial included)"
    } else {
        "direct quotes (partial left out)"
    };
    println!("{scope}: gold {} predicted {}", tally.gold, tally.predicted);
    for (name, (p, r, f)) in [
        ("exact", tally.exact_f1()),
        ("overlap>=50%", tally.overlap_f1()),
    ] {
        println!("  {name:<13} P {p:.3}  R {r:.3}  F1 {f:.3}");
    }
    println!(
        "  speaker on {} matched quotes with a gold source: phrase {:.3}  phrase or name {:.3}",
        tally.with_source,
        tally.speaker_accuracy(),
        tally.speaker_or_name_accuracy()
    );
}
