//! Learning the word-cluster table from unlabelled text: every frequent word is described by
//! the positive pointwise mutual information of its left and right neighbours (restricted to the
//! most frequent words), then grouped by two-level spherical k-means (coarse clusters, each
//! split into fine ones). The path of a word is `coarse-fine`; deterministic for a given input.

use std::collections::{BTreeMap, HashMap};

use crate::features::word_key;
use crate::tokenize::tokenize;

/// Settings of [`learn_clusters`].
#[derive(Debug, Clone, Copy)]
pub struct ClusterOptions {
    /// Words seen fewer times are not clustered.
    pub min_count: usize,
    /// Most words clustered (the most frequent ones).
    pub max_words: usize,
    /// Number of most frequent words used as context features.
    pub context_words: usize,
    pub coarse: usize,
    pub fine: usize,
    pub iterations: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            min_count: 4,
            max_words: 40_000,
            context_words: 1000,
            coarse: 32,
            fine: 16,
            iterations: 12,
        }
    }
}

type SparseVector = Vec<(u32, f32)>;

/// Learns the cluster table (`word<TAB>path` lines, sorted by word) from raw texts.
pub fn learn_clusters<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    options: ClusterOptions,
) -> String {
    let streams: Vec<Vec<String>> = texts
        .into_iter()
        .map(|text| {
            tokenize(text)
                .into_iter()
                .map(|token| word_key(token.text(text)).into_owned())
                .collect()
        })
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for word in streams.iter().flatten() {
        *counts.entry(word.as_str()).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|&(_, count)| count >= options.min_count)
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.truncate(options.max_words);
    let rank: HashMap<&str, usize> = ranked
        .iter()
        .enumerate()
        .map(|(rank, &(word, _))| (word, rank))
        .collect();
    let contexts = options.context_words.min(ranked.len());

    let mut pairs: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); ranked.len()];
    let mut context_totals = vec![0f32; 2 * contexts];
    let mut total = 0f32;
    for stream in &streams {
        for (position, word) in stream.iter().enumerate() {
            let Some(&row) = rank.get(word.as_str()) else {
                continue;
            };
            let neighbours = [(position.checked_sub(1), 0), (Some(position + 1), contexts)];
            for (neighbour, offset) in neighbours {
                let context = neighbour
                    .and_then(|at| stream.get(at))
                    .and_then(|w| rank.get(w.as_str()));
                if let Some(&context) = context.filter(|&&context| context < contexts) {
                    let dimension = (offset + context) as u32;
                    *pairs[row].entry(dimension).or_default() += 1.0;
                    context_totals[dimension as usize] += 1.0;
                    total += 1.0;
                }
            }
        }
    }
    let vectors: Vec<SparseVector> = pairs
        .iter()
        .map(|row| {
            let word_total: f32 = row.values().sum();
            let mut vector: SparseVector = row
                .iter()
                .filter_map(|(&dimension, &count)| {
                    let pmi =
                        (count * total / (word_total * context_totals[dimension as usize])).ln();
                    (pmi > 0.0).then_some((dimension, pmi))
                })
                .collect();
            let norm = vector.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
            vector.iter_mut().for_each(|(_, v)| *v /= norm.max(1e-9));
            vector
        })
        .collect();
    let members: Vec<usize> = (0..vectors.len())
        .filter(|&row| !vectors[row].is_empty())
        .collect();
    let dimensions = 2 * contexts;
    let coarse = spherical_kmeans(
        &vectors,
        &members,
        dimensions,
        options.coarse,
        options.iterations,
        1,
    );
    let mut lines: Vec<String> = Vec::with_capacity(members.len());
    for cluster in 0..options.coarse {
        let inside: Vec<usize> = members
            .iter()
            .zip(&coarse)
            .filter(|(_, &c)| c == cluster)
            .map(|(&row, _)| row)
            .collect();
        let fine = spherical_kmeans(
            &vectors,
            &inside,
            dimensions,
            options.fine,
            options.iterations,
            cluster as u64 + 2,
        );
        for (&row, fine) in inside.iter().zip(fine) {
            lines.push(format!("{}\t{cluster}-{fine}", ranked[row].0));
        }
    }
    lines.sort();
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// Assigns each of `members` to one of `k` clusters by spherical k-means (cosine similarity),
/// seeded deterministically from `seed`.
fn spherical_kmeans(
    vectors: &[SparseVector],
    members: &[usize],
    dimensions: usize,
    k: usize,
    iterations: usize,
    seed: u64,
) -> Vec<usize> {
    if members.is_empty() || k == 0 {
        return vec![0; members.len()];
    }
    let k = k.min(members.len());
    let seeds = crate::train::shuffled(members.len(), seed);
    let mut centroids = vec![0f32; k * dimensions];
    for (cluster, &member) in seeds.iter().take(k).enumerate() {
        for &(dimension, value) in &vectors[members[member]] {
            centroids[cluster * dimensions + dimension as usize] = value;
        }
    }
    let mut assignment = vec![0usize; members.len()];
    for _ in 0..iterations {
        for (slot, &member) in members.iter().enumerate() {
            let vector = &vectors[member];
            let similarity = |cluster: usize| -> f32 {
                vector
                    .iter()
                    .map(|&(d, v)| v * centroids[cluster * dimensions + d as usize])
                    .sum()
            };
            assignment[slot] = (0..k).fold(0, |best, cluster| {
                if similarity(cluster) > similarity(best) {
                    cluster
                } else {
                    best
                }
            });
        }
        centroids.iter_mut().for_each(|value| *value = 0.0);
        for (slot, &member) in members.iter().enumerate() {
            for &(dimension, value) in &vectors[member] {
                centroids[assignment[slot] * dimensions + dimension as usize] += value;
            }
        }
        for centroid in centroids.chunks_mut(dimensions) {
            let norm = centroid.iter().map(|v| v * v).sum::<f32>().sqrt();
            if norm > 0.0 {
                centroid.iter_mut().for_each(|v| *v /= norm);
            }
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let text =
            "the senator said . the governor said . the senator spoke . the governor spoke . \
                    in paris today . in london today . in paris now . in london now . ";
        let options = ClusterOptions {
            min_count: 2,
            context_words: 20,
            coarse: 2,
            fine: 1,
            ..ClusterOptions::default()
        };
        let table = learn_clusters([text.repeat(3).as_str()], options);
        let clusters = crate::clusters::Clusters::parse(&table);
        assert_eq!(clusters.get("senator"), clusters.get("governor"));
        assert_eq!(clusters.get("paris"), clusters.get("london"));
        assert!(clusters.get("senator").is_some());
    }
}
