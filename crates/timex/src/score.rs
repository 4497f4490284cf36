//! The TempEval-3 Task A measures for time expressions: strict and relaxed span F1, and value and
//! type F1 (attribute accuracy over relaxed matches times relaxed F1), summed over documents.

use serde::Serialize;

use crate::timeml::GoldTimex;
use crate::types::Timex;

/// A span with its type and value, gold or system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

impl From<&Timex> for Annotation {
    fn from(timex: &Timex) -> Self {
        Annotation {
            start: timex.start,
            end: timex.end,
            kind: timex.kind.as_str().to_owned(),
            value: timex.value.clone(),
        }
    }
}

impl From<&GoldTimex> for Annotation {
    fn from(gold: &GoldTimex) -> Self {
        Annotation {
            start: gold.start,
            end: gold.end,
            kind: gold.kind.clone(),
            value: gold.value.clone(),
        }
    }
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(matched: usize, system: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(matched, system);
        let recall = ratio(matched, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Match counts, accumulated document by document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value: usize,
    pub kind: usize,
}

/// The Task A figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    pub strict: Prf,
    pub relaxed: Prf,
    pub value_f1: f64,
    pub type_f1: f64,
}

fn overlaps(a: &Annotation, b: &Annotation) -> bool {
    a.start < b.end && b.start < a.end
}

impl Counts {
    /// Add one document: system spans are paired one to one with overlapping gold spans
    /// (an identical span first).
    pub fn add(&mut self, gold: &[Annotation], system: &[Annotation]) {
        self.gold += gold.len();
        self.system += system.len();
        let mut used = vec![false; gold.len()];
        for sys in system {
            let exact = gold
                .iter()
                .enumerate()
                .find(|(i, g)| !used[*i] && g.start == sys.start && g.end == sys.end);
            let pair = exact.or_else(|| {
                gold.iter()
                    .enumerate()
                    .find(|(i, g)| !used[*i] && overlaps(g, sys))
            });
            if let Some((i, g)) = pair {
                used[i] = true;
                self.relaxed += 1;
                self.strict += usize::from(g.start == sys.start && g.end == sys.end);
                self.value += usize::from(g.value == sys.value);
                self.kind += usize::from(g.kind == sys.kind);
            }
        }
    }

    pub fn scores(&self) -> Scores {
        let relaxed = Prf::new(self.relaxed, self.system, self.gold);
        Scores {
            strict: Prf::new(self.strict, self.system, self.gold),
            relaxed,
            value_f1: Prf::new(self.value, self.system, self.gold).f1,
            type_f1: Prf::new(self.kind, self.system, self.gold).f1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, value: &str) -> Annotation {
        Annotation {
            start,
            end,
            kind: "DATE".into(),
            value: value.into(),
        }
    }

    #[test]
    fn strict_relaxed_and_value() {
        let gold = [
            span(0, 10, "1998"),
            span(20, 30, "1999"),
            span(40, 50, "2000"),
        ];
        let system = [
            span(0, 10, "1998"),
            span(22, 30, "1990"),
            span(60, 70, "2001"),
        ];
        let mut counts = Counts::default();
        counts.add(&gold, &system);
        let scores = counts.scores();
        assert!((scores.relaxed.f1 - 2.0 / 3.0).abs() < 1e-9);
        assert!((scores.strict.f1 - 1.0 / 3.0).abs() < 1e-9);
        // Value accuracy over relaxed matches (1/2) times relaxed F1 (2/3).
        assert!((scores.value_f1 - 1.0 / 3.0).abs() < 1e-9);
        assert!((scores.type_f1 - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn empty_is_zero_not_nan() {
        let scores = Counts::default().scores();
        assert_eq!(scores.relaxed.f1, 0.0);
    }
}
