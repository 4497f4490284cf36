//! Scores `newsbrief_quotes::extract` on PolNeAR with `newsbrief_quotes::eval`
//! (see that module for how quotes and speakers are matched).
//!
//! Usage: `polnear-eval DIR [--all] [--attributed-only] [--errors] [--ner]` where DIR
//! holds `text/` and `attributions/` (e.g. `../shared/data/polnear/dev`). Each
//! article is scored against its first annotation file (sorted by name).
//! Without `--all`, partial extracted quotes are left out; `--attributed-only`
//! also leaves out extracted quotes without a speaker; `--errors` lists every
//! mistake (MISS, SPAN, WHO, EXTRA) with its context. Built with
//! `--features ner`, `--ner` passes the committed named-entity tagger's
//! mentions to the extractor instead of the capitalisation fallback.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsbrief_quotes::eval::{gold_quotes, score, Mistake, Tally};
use newsbrief_quotes::{extract, NameSpan, Quote, Span};

struct Options {
    all: bool,
    attributed_only: bool,
    errors: bool,
    ner: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let options = Options {
        all: flag("--all"),
        attributed_only: flag("--attributed-only"),
        errors: flag("--errors"),
        ner: flag("--ner"),
    };
    if options.ner && !cfg!(feature = "ner") {
        eprintln!("polnear-eval: --ner needs a build with --features ner");
        return ExitCode::FAILURE;
    }
    let Some(dir) = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
    else {
        eprintln!("usage: polnear-eval DIR [--all] [--attributed-only] [--errors] [--ner]");
        return ExitCode::FAILURE;
    };
    match run(&dir, &options) {
        Ok(tally) => {
            report(&tally, options.all);
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("polnear-eval: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path, options: &Options) -> std::io::Result<Tally> {
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
    let mut tally = Tally::default();
    for (base, ann_path) in &annotations {
        let Ok(text) = std::fs::read_to_string(dir.join("text").join(format!("{base}.txt"))) else {
            continue;
        };
        let ann = std::fs::read_to_string(ann_path)?;
        let gold = gold_quotes(&text, &ann, options.all);
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
