//! Precision and recall of corroboration on the committed gold set of labelled sentence pairs.
//!
//! `cargo run --release -p newsbrief-core --example corroboration_eval [PAIRS.jsonl] [--errors]
//!  [--clusters DEV.jsonl,TRAIN.jsonl]`
//!
//! Without `--clusters` each pair is judged on its own (what the committed test does). With the Multi-News
//! files the pairs come from, each pair is judged in its whole story: the cluster is corroborated as a brief
//! would be, and a pair counts as "same claim" when both sentences land in one claim, as a discrepancy when
//! that claim reports a discrepancy between their two articles. A sentence that is no statement of the story
//! (split otherwise, past the cap, too short) counts as not matched.

use std::collections::BTreeMap;

use newsbrief_core::corroboration::{corroborate, gold, Corroboration};
use newsbrief_core::document::Document;
use newsbrief_core::{entities, ingest, Article, Cancel};

const DEFAULT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/corroboration/pairs.jsonl"
);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let clusters = args
        .iter()
        .position(|a| a == "--clusters")
        .and_then(|i| args.get(i + 1));
    let path = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            !a.starts_with("--") && !matches!(i.checked_sub(1).and_then(|j| args.get(j)), Some(p) if p == "--clusters")
        })
        .map_or(DEFAULT, |(_, a)| a.as_str());
    let pairs = read(path, gold::parse);
    let started = std::time::Instant::now();
    let e = match clusters {
        None => gold::evaluate(&pairs),
        Some(list) => in_stories(&pairs, list),
    };
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

fn read<T>(path: &str, parse: impl Fn(&str) -> Result<T, String>) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(1);
    });
    parse(&text).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    })
}

/// Judges every pair inside its whole corroborated story.
fn in_stories(pairs: &[gold::GoldPair], files: &str) -> gold::Evaluation {
    let wanted: std::collections::BTreeSet<&str> =
        pairs.iter().map(|p| p.cluster.as_str()).collect();
    let mut stories: BTreeMap<String, (Vec<Article>, Corroboration)> = BTreeMap::new();
    for file in files.split(',') {
        let text = read(file, |t| Ok(t.to_owned()));
        for line in text.lines() {
            let Ok(cluster) = ingest::parse_cluster_line(line) else {
                continue;
            };
            if !wanted.contains(cluster.id.as_str()) {
                continue;
            }
            let articles = cluster.articles;
            let docs: Vec<Document> = articles
                .iter()
                .map(|a| Document::analyse(&a.text))
                .collect();
            let dates: Vec<_> = articles
                .iter()
                .map(|a| newsbrief_timex::find(&a.text))
                .collect();
            let found = entities::analyse(&articles, &docs);
            let c = corroborate(
                &articles,
                &docs,
                &dates,
                &found.names,
                &Cancel::new(),
                |d, s, e| found.name_at(d, s, e),
            )
            .expect("a signal never given");
            stories.insert(cluster.id, (articles, c));
        }
    }
    let judged: Vec<(bool, bool)> = pairs
        .iter()
        .map(|p| {
            let Some((articles, c)) = stories.get(&p.cluster) else {
                return (false, false);
            };
            // Multi-News clusters hold duplicate articles: look in the pair's own article first, and never
            // put both sentences in one article.
            // A sentence may report several claims: the pair is one claim when some claim holds both.
            let claims_of = |sentence: &str, own: usize, not: Option<usize>| {
                let (doc, offset) = locate(articles, sentence, own, not)?;
                let claims: Vec<usize> = (0..c.claims.len())
                    .filter(|&i| {
                        c.claims[i]
                            .sources
                            .iter()
                            .any(|s| s.doc == doc && s.start <= offset && offset < s.end)
                    })
                    .collect();
                Some((doc, claims))
            };
            let a = claims_of(&p.a, p.doc_a, None);
            let b = claims_of(&p.b, p.doc_b, a.as_ref().map(|(doc, _)| *doc));
            let (Some((da, a)), Some((db, b))) = (a, b) else {
                return (false, false);
            };
            let shared: Vec<usize> = a.into_iter().filter(|i| b.contains(i)).collect();
            if shared.is_empty() || da == db {
                return (false, false);
            }
            let differ = shared.iter().any(|&i| {
                c.claims[i].discrepancies.iter().any(|d| {
                    d.values.iter().any(|v| v.doc == da) && d.values.iter().any(|v| v.doc == db)
                })
            });
            (true, differ)
        })
        .collect();
    gold::score(pairs, &judged)
}

/// The article and byte offset of the end of a (whitespace-normalised) gold sentence: in article `own` if
/// it is there, else in the first other article but `not`.
fn locate(
    articles: &[Article],
    sentence: &str,
    own: usize,
    not: Option<usize>,
) -> Option<(usize, usize)> {
    // Its end: the proposer joined lines, so a gold sentence may begin with a heading or a dateline that
    // the story keeps apart.
    let chars: Vec<char> = sentence.trim_end().chars().collect();
    let probe: String = chars[chars.len().saturating_sub(40)..].iter().collect();
    let order = std::iter::once(own).chain((0..articles.len()).filter(|&d| d != own));
    order.filter(|&d| Some(d) != not).find_map(|doc| {
        let a = articles.get(doc)?;
        let mut normal = String::new();
        let mut origin = Vec::new();
        let mut last_space = false;
        for (i, ch) in a.text.char_indices() {
            let space = ch.is_whitespace();
            if space && last_space {
                continue;
            }
            let c = if space { ' ' } else { ch };
            normal.push(c);
            origin.extend(std::iter::repeat_n(i, c.len_utf8()));
            last_space = space;
        }
        let at = normal.find(probe.as_str())?;
        Some((doc, *origin.get(at)?))
    })
}
