//! Runs the hand-annotated gold set (`tests/data/gold.jsonl`, see the README
//! there) through `split` and through a plain Unicode sentence splitter (UAX
//! #29, the `unicode-segmentation` crate) and scores both on sentence
//! boundaries. `split` must reach a boundary F1 of at least 0.99.
//!
//! `cargo test -p newsbrief-split --test integration gold:: -- --nocapture` prints the
//! scores and every boundary `split` gets wrong.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::Deserialize;
use unicode_segmentation::UnicodeSegmentation;

const GOLD: &str = include_str!("../data/gold.jsonl");

#[derive(Deserialize)]
struct Passage {
    source: String,
    /// "tuning" (chosen for hard cases, used while writing the rules) or
    /// "heldout" (drawn at random, annotated after the rules were frozen).
    set: String,
    text: String,
    sentences: Vec<String>,
}

fn passages() -> Vec<Passage> {
    GOLD.lines()
        .filter(|line| !line.trim().is_empty())
        .enumerate()
        .map(|(n, line)| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("gold line {}: {e}", n + 1))
        })
        .collect()
}

/// Byte offsets at which sentences end, except the last one.
fn boundaries(ranges: &[Range<usize>]) -> BTreeSet<usize> {
    let count = ranges.len().saturating_sub(1);
    ranges.iter().take(count).map(|r| r.end).collect()
}

/// The gold sentences as ranges of the passage text, found in order.
fn gold_ranges(passage: &Passage) -> Vec<Range<usize>> {
    let mut from = 0;
    passage
        .sentences
        .iter()
        .map(|sentence| {
            let start = from
                + passage.text[from..]
                    .find(sentence.as_str())
                    .unwrap_or_else(|| {
                        panic!("{}: sentence not in text: {sentence}", passage.source)
                    });
            from = start + sentence.len();
            start..from
        })
        .collect()
}

fn unicode_split(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices()
        .filter_map(|(start, piece)| {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            (!trimmed.is_empty()).then(|| start + lead..start + lead + trimmed.len())
        })
        .collect()
}

#[derive(Default, Debug)]
struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
}

impl Score {
    fn add(&mut self, gold: &BTreeSet<usize>, found: &BTreeSet<usize>) {
        self.true_positives += gold.intersection(found).count();
        self.false_positives += found.difference(gold).count();
        self.false_negatives += gold.difference(found).count();
    }

    fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn report(&self, name: &str) -> String {
        format!(
            "{name}: boundaries {} gold, P {:.4} R {:.4} F1 {:.4} ({} missed, {} spurious)",
            self.true_positives + self.false_negatives,
            self.precision(),
            self.recall(),
            self.f1(),
            self.false_negatives,
            self.false_positives
        )
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn context(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .nth(40)
        .map_or(text.len(), |(i, _)| at + i);
    format!("{}⟂{}", &text[start..at], &text[at..end]).replace('\n', "⏎")
}

#[test]
fn gold_set_boundary_f1() {
    let passages = passages();
    let mut ours = Score::default();
    let mut baseline = Score::default();
    let mut by_set = BTreeMap::<&str, (Score, Score)>::new();
    for passage in &passages {
        let gold = boundaries(&gold_ranges(passage));
        let found = boundaries(&newsbrief_split::split(&passage.text));
        let unicode = boundaries(&unicode_split(&passage.text));
        for &at in found.symmetric_difference(&gold) {
            let kind = if gold.contains(&at) {
                "missed"
            } else {
                "spurious"
            };
            println!(
                "{kind:8} [{}] {}: {}",
                passage.set,
                passage.source,
                context(&passage.text, at)
            );
        }
        ours.add(&gold, &found);
        baseline.add(&gold, &unicode);
        let (set_ours, set_baseline) = by_set.entry(&passage.set).or_default();
        set_ours.add(&gold, &found);
        set_baseline.add(&gold, &unicode);
    }
    println!("{} passages", passages.len());
    for (set, (set_ours, set_baseline)) in &by_set {
        println!("[{set}] {}", set_ours.report("newsbrief-split"));
        println!(
            "[{set}] {}",
            set_baseline.report("unicode-segmentation (UAX #29)")
        );
    }
    println!("[all] {}", ours.report("newsbrief-split"));
    println!(
        "[all] {}",
        baseline.report("unicode-segmentation (UAX #29)")
    );
    assert!(
        ours.true_positives + ours.false_negatives >= 300,
        "gold set too small"
    );
    assert!(ours.f1() >= 0.99, "{}", ours.report("newsbrief-split"));
}
