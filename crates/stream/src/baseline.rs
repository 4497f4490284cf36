//! Baselines: the classic single-pass story clustering rules newsbrief is measured against, on the same
//! stemmed terms and online document frequencies — a TF-IDF centroid with a cosine threshold (with or
//! without a time window), and GDELT's rule (cosine at least the threshold and at least five shared words).
//! They compare each article with every open story, so they are for benchmarks, not for use.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::profile::Profile;

/// A classic single-pass rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Baseline {
    /// Join the most similar story centroid when the cosine is at least the threshold; with a window, only
    /// stories active within that many days are open.
    Centroid { window_days: Option<f32> },
    /// As `Centroid` with no window, and also at least this many shared terms.
    Gdelt { min_shared: usize },
}

struct Cluster {
    centroid: FxHashMap<u64, f32>,
    norm: f32,
    last_time: Option<i64>,
}

/// Runs a baseline with a cosine threshold over a stream; returns each article's story.
pub fn run(
    baseline: Baseline,
    threshold: f32,
    ids: &[String],
    profiles: &[Profile],
) -> HashMap<String, String> {
    let mut df: FxHashMap<u64, u32> = FxHashMap::default();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut out = HashMap::new();
    for (n, (id, p)) in ids.iter().zip(profiles).enumerate() {
        let docs = n as f32;
        let mut v: Vec<(u64, f32)> = p
            .terms
            .iter()
            .map(|&(t, w)| {
                let d = df.get(&t).copied().unwrap_or(0) as f32;
                (t, w * (((docs + 1.0) / (d + 1.0)).ln() + 1.0))
            })
            .collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        let mut best: Option<(usize, f32)> = None;
        for (k, c) in clusters.iter().enumerate() {
            let open = match (baseline, p.time, c.last_time) {
                (
                    Baseline::Centroid {
                        window_days: Some(days),
                    },
                    Some(a),
                    Some(b),
                ) => ((a - b).abs() as f32) <= days * 86_400.0,
                _ => true,
            };
            if !open || c.norm == 0.0 {
                continue;
            }
            let mut dot = 0.0;
            let mut shared = 0;
            for (t, w) in &v {
                if let Some(cw) = c.centroid.get(t) {
                    dot += w * cw;
                    shared += 1;
                }
            }
            let cosine = dot / c.norm;
            let enough = match baseline {
                Baseline::Gdelt { min_shared } => shared >= min_shared,
                Baseline::Centroid { .. } => true,
            };
            if enough && cosine >= threshold && best.is_none_or(|(_, b)| cosine > b) {
                best = Some((k, cosine));
            }
        }
        let k = match best {
            Some((k, _)) => k,
            None => {
                clusters.push(Cluster {
                    centroid: FxHashMap::default(),
                    norm: 0.0,
                    last_time: None,
                });
                clusters.len() - 1
            }
        };
        let c = &mut clusters[k];
        for (t, w) in &v {
            *c.centroid.entry(*t).or_insert(0.0) += w;
        }
        c.norm = c.centroid.values().map(|w| w * w).sum::<f32>().sqrt();
        c.last_time = p.time.or(c.last_time);
        for &(t, _) in &p.terms {
            *df.entry(t).or_insert(0) += 1;
        }
        out.insert(id.clone(), format!("b{k}"));
    }
    out
}
