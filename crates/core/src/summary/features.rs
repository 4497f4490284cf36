//! Features: how strongly each candidate sentence deserves a place in the summary.
//!
//! Each candidate gets the feature vector below; its score is the dot product with the weights in
//! [`super::weights`], learned from Multi-News training clusters by
//! `cargo run --release -p newsbrief-core --example summary_model -- train` (see docs/BENCHMARKS.md).
//!
//! | # | feature | meaning |
//! | --- | --- | --- |
//! | 0 | bias | 1 |
//! | 1 | lead | 1 / (1 + position in its article) |
//! | 2 | first | 1 for an article's first prose sentence |
//! | 3 | relative position | position / number of prose sentences in the article |
//! | 4 | support | mean over the other articles of their closest sentence's cosine |
//! | 5 | supporters | share of the other articles at or above [`SUPPORT_THRESHOLD`] |
//! | 6 | article centrality | cosine of its article to the other articles |
//! | 7 | headline | cosine to the story's headlines |
//! | 8 | quoted | share of characters inside quotation marks |
//! | 9 | needs context | opens with "But", "He added", "This" … |
//! | 10 | numbers | share of words with a digit |
//! | 11 | names | share of capitalised words |
//! | 12 | lead × centrality | 1/(1+position) × the sentence's TF-IDF cosine to the other articles |
//! | 13 | second | 1 for an article's second prose sentence |
//! | 14 | third or fourth | 1 for its third or fourth |
//! | 15 | lead article | centrality of the article's first sentence (articles whose lead is typical of the story lead the summary) |
//!
//! Sentence length is not a feature either (only the candidate filter's 6–80 words): trained on train and
//! scored on dev, or the other way round, the model without its two length features scored 0.2 ROUGE-1
//! higher both ways (docs/BENCHMARKS.md). Centrality on its own is not a feature: with it, the regression leans on it at the expense of position
//! (removing it raised ROUGE-1/2 by 0.2/0.9 on train and 0.3/0.5 on dev; see docs/BENCHMARKS.md).

use super::candidates::Pool;
use super::vector::SparseVec;

/// Similarity at which another article counts as reporting the same content.
pub const SUPPORT_THRESHOLD: f32 = 0.25;

/// Number of features per candidate.
pub const N_FEATURES: usize = 16;

/// Feature names, in order (for the training tool and ablations).
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "bias",
    "lead",
    "first",
    "relative_position",
    "support",
    "supporters",
    "article_centrality",
    "headline",
    "quoted",
    "needs_context",
    "numbers",
    "names",
    "lead_x_centrality",
    "second",
    "third_or_fourth",
    "article_first_sentence_support",
];

/// Per-candidate features and supporting articles.
pub struct Featured {
    pub features: Vec<[f32; N_FEATURES]>,
    /// For each candidate: (article, similarity) of the other articles that support it, best first.
    pub support: Vec<Vec<(usize, f32)>>,
}

/// Computes the features of every candidate of the pool.
pub fn featurize(pool: &Pool, n_docs: usize) -> Featured {
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
    let others = n_docs.saturating_sub(1).max(1) as f32;
    let centrality = centrality(pool, &others_centroid);
    let mut lead_support = vec![0.0f32; n_docs];
    for (c, &central) in pool.candidates.iter().zip(&centrality) {
        if lead_support[c.doc] == 0.0 {
            lead_support[c.doc] = central.max(f32::MIN_POSITIVE);
        }
    }

    let best = best_per_article(pool, n_docs);
    let mut features = Vec::with_capacity(pool.candidates.len());
    let mut support = Vec::with_capacity(pool.candidates.len());
    for (i, c) in pool.candidates.iter().enumerate() {
        let v = &pool.vectors[i];
        let best_per_doc = &best[i * n_docs..(i + 1) * n_docs];
        let mut supporters: Vec<(usize, f32)> = best_per_doc
            .iter()
            .enumerate()
            .filter(|&(d, &s)| d != c.doc && s >= SUPPORT_THRESHOLD)
            .map(|(d, &s)| (d, s))
            .collect();
        supporters.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

        let lead = 1.0 / (1.0 + c.position as f32);
        features.push([
            1.0,
            lead,
            f32::from(u8::from(c.position == 0)),
            c.position as f32 / pool.doc_lengths[c.doc].max(1) as f32,
            best_per_doc.iter().sum::<f32>() / others,
            supporters.len() as f32 / others,
            article_centrality[c.doc],
            v.cosine(&pool.headlines),
            c.quoted,
            f32::from(u8::from(c.needs_context)),
            c.numbers,
            c.capitalised,
            lead * centrality[i],
            f32::from(u8::from(c.position == 1)),
            f32::from(u8::from(c.position == 2 || c.position == 3)),
            lead_support[c.doc],
        ]);
        support.push(supporters);
    }
    Featured { features, support }
}

/// For each candidate, the cosine of its vector to the centroid of the other articles (each centroid is
/// scattered into a dense array once, for all the candidates of its article).
fn centrality(pool: &Pool, others_centroid: &[SparseVec]) -> Vec<f32> {
    let dims = others_centroid
        .iter()
        .map(SparseVec::dims)
        .max()
        .unwrap_or(0);
    let mut dense = vec![0.0f32; dims];
    let mut out = vec![0.0f32; pool.candidates.len()];
    for (d, centroid) in others_centroid.iter().enumerate() {
        centroid.scatter(&mut dense);
        for ((c, v), slot) in pool.candidates.iter().zip(&pool.vectors).zip(&mut out) {
            if c.doc == d {
                *slot = v.dot_dense(&dense);
            }
        }
        centroid.unscatter(&mut dense);
    }
    out
}

/// For each candidate `i` and article `d` (at `i * n_docs + d`): the similarity of the closest sentence
/// of article `d` to candidate `i` (0 for its own article). Each pair is compared once, against the
/// candidate's vector scattered into a dense array.
fn best_per_article(pool: &Pool, n_docs: usize) -> Vec<f32> {
    let n = pool.candidates.len();
    let mut best = vec![0.0f32; n * n_docs];
    let dims = pool.vectors.iter().map(SparseVec::dims).max().unwrap_or(0);
    let mut dense = vec![0.0f32; dims];
    for (i, c) in pool.candidates.iter().enumerate() {
        let v = &pool.vectors[i];
        v.scatter(&mut dense);
        for (j, other) in pool.candidates.iter().enumerate().skip(i + 1) {
            if other.doc != c.doc {
                let sim = pool.vectors[j].dot_dense(&dense);
                let mine = &mut best[i * n_docs + other.doc];
                *mine = mine.max(sim);
                let theirs = &mut best[j * n_docs + c.doc];
                *theirs = theirs.max(sim);
            }
        }
        v.unscatter(&mut dense);
    }
    best
}

/// The score of a feature vector under the given weights.
pub fn score(features: &[f32; N_FEATURES], weights: &[f32; N_FEATURES]) -> f32 {
    features.iter().zip(weights).map(|(f, w)| f * w).sum()
}
