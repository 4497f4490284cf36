//! Features: how strongly each candidate sentence deserves a place in the summary.
//!
//! - position: early sentences of an article carry its news (1/√(1+position));
//! - centrality: cosine of the sentence to the other articles of the story taken together;
//! - support: for each other article, the cosine of its closest sentence; their mean, and the list of
//!   articles at or above [`SUPPORT_THRESHOLD`] (the sentence's provenance);
//! - article centrality: how typical of the story the sentence's article is;
//! - penalties: mostly-quoted sentences and sentences that lean on the one before.

use super::candidates::Pool;
use super::vector::SparseVec;

/// Similarity at which another article counts as reporting the same content.
pub const SUPPORT_THRESHOLD: f32 = 0.25;

/// Per-candidate scores and supporting articles.
pub struct Scored {
    pub score: Vec<f32>,
    /// For each candidate: (article, similarity) of the other articles that support it, best first.
    pub support: Vec<Vec<(usize, f32)>>,
}

const W_POSITION: f32 = 0.35;
const W_CENTRALITY: f32 = 0.35;
const W_SUPPORT: f32 = 0.2;
const W_ARTICLE: f32 = 0.1;

pub fn score(pool: &Pool, n_docs: usize) -> Scored {
    let others_centroid: Vec<SparseVec> = (0..n_docs)
        .map(|d| {
            let others = pool
                .doc_vectors
                .iter()
                .enumerate()
                .filter(|&(o, _)| o != d || n_docs == 1);
            SparseVec::centroid(others.map(|(_, v)| v))
        })
        .collect();
    let article_centrality: Vec<f32> = (0..n_docs)
        .map(|d| pool.doc_vectors[d].cosine(&others_centroid[d]))
        .collect();

    let mut score = Vec::with_capacity(pool.candidates.len());
    let mut support = Vec::with_capacity(pool.candidates.len());
    for (i, c) in pool.candidates.iter().enumerate() {
        let v = &pool.vectors[i];
        let mut best_per_doc = vec![0.0f32; n_docs];
        for (j, other) in pool.candidates.iter().enumerate() {
            if other.doc != c.doc {
                let sim = v.cosine(&pool.vectors[j]);
                if sim > best_per_doc[other.doc] {
                    best_per_doc[other.doc] = sim;
                }
            }
        }
        let others = n_docs.saturating_sub(1).max(1) as f32;
        let support_mean = best_per_doc.iter().sum::<f32>() / others;
        let mut supporters: Vec<(usize, f32)> = best_per_doc
            .iter()
            .enumerate()
            .filter(|&(d, &s)| d != c.doc && s >= SUPPORT_THRESHOLD)
            .map(|(d, &s)| (d, s))
            .collect();
        supporters.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

        let position = 1.0 / (1.0 + c.position as f32).sqrt();
        let centrality = v.cosine(&others_centroid[c.doc]);
        let mut s = W_POSITION * position
            + W_CENTRALITY * centrality
            + W_SUPPORT * support_mean
            + W_ARTICLE * article_centrality[c.doc];
        if c.quoted > 0.5 {
            s *= 0.75;
        }
        if c.needs_context {
            s *= 0.8;
        }
        score.push(s);
        support.push(supporters);
    }
    Scored { score, support }
}
