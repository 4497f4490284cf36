//! Metrics: how well predicted stories match gold ones — B-cubed and pairwise precision, recall and F1,
//! exactly as `score.py` of the labelled streams defines them (a gold article missing from the
//! prediction is a story of its own; predicted ids not in gold are ignored).

use std::collections::HashMap;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// B-cubed and pairwise scores of a prediction.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub bcubed: Prf,
    pub pairwise: Prf,
    pub articles: usize,
}

/// Scores `predicted` (article id → story) against `gold` (article id, story), over the gold articles.
pub fn score(gold: &[(String, String)], predicted: &HashMap<String, String>) -> Scores {
    // Dense labels: gold story and predicted story of each gold article.
    let mut gold_ids: HashMap<&str, usize> = HashMap::new();
    let mut pred_ids: HashMap<String, usize> = HashMap::new();
    let labels: Vec<(usize, usize)> = gold
        .iter()
        .map(|(id, g)| {
            let n = gold_ids.len();
            let g = *gold_ids.entry(g.as_str()).or_insert(n);
            // A missing article is a story of its own.
            let p = predicted
                .get(id)
                .map_or_else(|| format!("\u{0}missing:{id}"), |p| format!("p:{p}"));
            let n = pred_ids.len();
            let p = *pred_ids.entry(p).or_insert(n);
            (g, p)
        })
        .collect();
    let n = labels.len();
    if n == 0 {
        return Scores::default();
    }
    let mut joint: HashMap<(usize, usize), u64> = HashMap::new();
    let mut gold_size = vec![0u64; gold_ids.len()];
    let mut pred_size = vec![0u64; pred_ids.len()];
    for &(g, p) in &labels {
        *joint.entry((g, p)).or_insert(0) += 1;
        gold_size[g] += 1;
        pred_size[p] += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for &(g, p) in &labels {
        let both = joint[&(g, p)] as f64;
        precision += both / pred_size[p] as f64;
        recall += both / gold_size[g] as f64;
    }
    let bcubed = Prf::new(precision / n as f64, recall / n as f64);
    let pairs = |k: u64| k * k.saturating_sub(1) / 2;
    let tp: u64 = joint.values().map(|&k| pairs(k)).sum();
    let pred_pairs: u64 = pred_size.iter().map(|&k| pairs(k)).sum();
    let gold_pairs: u64 = gold_size.iter().map(|&k| pairs(k)).sum();
    let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    Scores {
        bcubed,
        pairwise: Prf::new(ratio(tp, pred_pairs), ratio(tp, gold_pairs)),
        articles: n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn perfect_and_singletons() {
        let g = gold(&[("a", "1"), ("b", "1"), ("c", "2")]);
        let same: HashMap<String, String> = g.iter().cloned().collect();
        let s = score(&g, &same);
        assert_eq!(s.bcubed.f1, 1.0);
        assert_eq!(s.pairwise.f1, 1.0);
        let none = score(&g, &HashMap::new());
        assert_eq!(none.bcubed.precision, 1.0);
        assert!((none.bcubed.recall - (0.5 + 0.5 + 1.0) / 3.0).abs() < 1e-12);
        assert_eq!(none.pairwise.precision, 0.0);
    }

    #[test]
    fn everything_in_one_story() {
        let g = gold(&[("a", "1"), ("b", "1"), ("c", "2")]);
        let all: HashMap<String, String> = ["a", "b", "c"]
            .iter()
            .map(|a| (a.to_string(), "x".to_string()))
            .collect();
        let s = score(&g, &all);
        assert_eq!(s.bcubed.recall, 1.0);
        assert!((s.bcubed.precision - (2.0 / 3.0 * 2.0 + 1.0 / 3.0) / 3.0).abs() < 1e-12);
        assert!((s.pairwise.precision - 1.0 / 3.0).abs() < 1e-12);
    }
}
