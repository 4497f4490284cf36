//! Training: learning the [`Model`] from labelled streams.
//!
//! Each labelled stream is replayed with the gold stories as the detector's state (teacher forcing): for
//! every article, each candidate story the detector would score gives an example, positive when it is the
//! article's gold story (which is scored even when the index would not have proposed it). A logistic
//! model is fitted to the examples by Newton's method with a small L2 penalty, and the joining threshold
//! is then chosen by running the real detector over the streams and keeping the threshold with the best
//! mean B-cubed F1.

use std::collections::HashMap;

use crate::detector::{Detector, Settings, StoryId};
use crate::features::{self, Features, NAMES};
use crate::metrics::{self, Scores};
use crate::model::Model;
use crate::profile::Profile;

/// A labelled stream ready for training: article ids, their profiles and gold stories, in order.
pub struct Labelled {
    pub name: String,
    /// Whether the joining threshold is chosen on this stream too (a stream derived from another, such as
    /// its headlines alone, only adds examples for the weights).
    pub tunes_threshold: bool,
    pub ids: Vec<String>,
    pub profiles: Vec<Profile>,
    pub gold: Vec<String>,
}

impl Labelled {
    /// The gold stories as (id, story) pairs.
    pub fn gold_pairs(&self) -> Vec<(String, String)> {
        self.ids
            .iter()
            .cloned()
            .zip(self.gold.iter().cloned())
            .collect()
    }

    /// The part of the stream whose gold stories `keep` accepts, in order.
    pub fn subset(&self, name: &str, keep: impl Fn(&str) -> bool) -> Labelled {
        let mut out = Labelled {
            name: name.to_owned(),
            tunes_threshold: self.tunes_threshold,
            ids: Vec::new(),
            profiles: Vec::new(),
            gold: Vec::new(),
        };
        for i in 0..self.ids.len() {
            if keep(&self.gold[i]) {
                out.ids.push(self.ids[i].clone());
                out.profiles.push(self.profiles[i].clone());
                out.gold.push(self.gold[i].clone());
            }
        }
        out
    }
}

/// A training example: the features of (article, candidate story), whether the candidate is the article's
/// gold story, and whether the article is short.
pub type Example = (Features, bool, bool);

/// Teacher-forced examples of one stream.
pub fn examples(stream: &Labelled, settings: &Settings) -> Vec<Example> {
    let mut detector = Detector::new(settings.clone());
    let mut story_of_gold: HashMap<&str, StoryId> = HashMap::new();
    let mut out = Vec::new();
    for ((id, profile), gold) in stream.ids.iter().zip(&stream.profiles).zip(&stream.gold) {
        let target = story_of_gold.get(gold.as_str()).copied();
        if profile.furniture {
            // The detector never scores page furniture: it starts a story of its own.
            detector.place(id, profile, None, None);
            continue;
        }
        let candidates = detector.candidates(profile);
        let short = features::is_short(profile);
        let mut found = false;
        for (story, features) in &candidates {
            let positive = Some(*story) == target;
            found |= positive;
            out.push((*features, positive, short));
        }
        if target.is_some() && !found && std::env::var("STREAM_DEBUG").is_ok() {
            eprintln!("missed candidate for {id}");
        }
        if let (Some(t), false) = (target, found) {
            if let Some(features) = detector.features_for(profile, t) {
                out.push((features, true, short));
            }
        }
        detector.place(id, profile, target, None);
        if target.is_none() {
            story_of_gold.insert(gold, StoryId(detector.last_story()));
        }
    }
    out
}

/// Fits logistic-regression weights to the examples (Newton's method, L2 penalty `l2` on all but the bias).
pub fn fit(examples: &[(Features, bool)], l2: f64) -> Vec<f32> {
    const N: usize = NAMES.len();
    let mut w = [0f64; N];
    for _ in 0..50 {
        let mut grad = [0f64; N];
        let mut hess = [[0f64; N]; N];
        for (x, y) in examples {
            let z: f64 = x.iter().zip(&w).map(|(&a, b)| a as f64 * b).sum();
            let p: f64 = 1.0 / (1.0 + (-z).exp());
            let r = p - if *y { 1.0 } else { 0.0 };
            let s = (p * (1.0 - p)).max(1e-9);
            for i in 0..N {
                grad[i] += r * x[i] as f64;
                for j in 0..N {
                    hess[i][j] += s * x[i] as f64 * x[j] as f64;
                }
            }
        }
        for i in 1..N {
            grad[i] += l2 * w[i];
            hess[i][i] += l2;
        }
        hess[0][0] += 1e-9;
        let step = solve(hess, grad);
        let mut change = 0.0;
        for i in 0..N {
            w[i] -= step[i];
            change += step[i].abs();
        }
        if change < 1e-7 {
            break;
        }
    }
    w.iter().map(|&x| x as f32).collect()
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> [f64; N] {
    for col in 0..N {
        let pivot = (col..N)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col];
        for row in col + 1..N {
            let f = a[row][col] / d;
            for (x, p) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0f64; N];
    for row in (0..N).rev() {
        let rest: f64 = (row + 1..N).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < 1e-12 {
            0.0
        } else {
            (b[row] - rest) / a[row][row]
        };
    }
    x
}

/// Runs the detector over a stream; returns each article's story.
pub fn detect(stream: &Labelled, settings: &Settings) -> HashMap<String, String> {
    let mut detector = Detector::new(settings.clone());
    stream
        .ids
        .iter()
        .zip(&stream.profiles)
        .map(|(id, p)| (id.clone(), detector.assign(id, p).story.to_string()))
        .collect()
}

/// Scores the detector with `settings` on a stream.
pub fn evaluate(stream: &Labelled, settings: &Settings) -> Scores {
    metrics::score(&stream.gold_pairs(), &detect(stream, settings))
}

/// Fewest positive examples of short articles to fit their own weights on.
const MIN_SHORT_POSITIVES: usize = 50;

/// Trains a model on the streams: weights from the pooled examples, then the threshold (from `grid`) with
/// the best mean B-cubed F1 over the streams that tune it.
pub fn train(streams: &[&Labelled], l2: f64, grid: &[f32]) -> Model {
    let base = Settings::default();
    let examples: Vec<Example> = streams.iter().flat_map(|s| examples(s, &base)).collect();
    let split = |short: bool| -> Vec<(Features, bool)> {
        examples
            .iter()
            .filter(|e| e.2 == short)
            .map(|&(f, y, _)| (f, y))
            .collect()
    };
    let weights = fit(&split(false), l2);
    let short = split(true);
    // Too few short articles to learn from: they are weighed as the others.
    let short_weights = if short.iter().filter(|e| e.1).count() < MIN_SHORT_POSITIVES {
        weights.clone()
    } else {
        fit(&short, l2)
    };
    let mut model = Model {
        features: NAMES.iter().map(|s| s.to_string()).collect(),
        weights,
        short_weights,
        threshold: 0.5,
        trained_on: streams
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut best = (f64::MIN, 0.5);
    for &t in grid {
        model.threshold = t;
        let settings = Settings {
            model: model.clone(),
            ..base.clone()
        };
        let tuning: Vec<&&Labelled> = streams.iter().filter(|s| s.tunes_threshold).collect();
        let mean = tuning
            .iter()
            .map(|s| evaluate(s, &settings).bcubed.f1)
            .sum::<f64>()
            / tuning.len().max(1) as f64;
        if mean > best.0 {
            best = (mean, t);
        }
    }
    model.threshold = best.1;
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0]);
        assert!((x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9);
    }

    #[test]
    fn fits_a_separable_direction() {
        let mut ex = Vec::new();
        for i in 0..200 {
            let mut f = [0f32; NAMES.len()];
            f[0] = 1.0;
            f[1] = (i as f32) / 200.0;
            ex.push((f, i > 120));
        }
        let w = fit(&ex, 0.1);
        assert!(w[1] > 0.0);
    }
}
