//! Features: how strongly each candidate sentence deserves a place in the summary.
//!
//! Each candidate gets the feature vector below; its score is the dot product with the weights in
//! [`super::weights`], learned from Multi-News clusters (train + dev less a fixed test part) by
//! `cargo run --release -p newsbrief-core --example summary_model -- train TRAIN DEV`; features are chosen
//! by its 5-fold cross-validation (`cv`, `ablate`; see docs/bench/summary.md).
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
//! | 9 | names | share of capitalised words |
//! | 10 | lead × centrality | 1/(1+position) × the sentence's TF-IDF cosine to the other articles |
//! | 11 | second | 1 for an article's second prose sentence |
//! | 12 | third or fourth | 1 for its third or fourth |
//! | 13 | lead article | centrality of the article's first sentence (articles whose lead is typical of the story lead the summary) |
//! | 14 | coverage × story size | how many of the other articles use the sentence's terms (Σ weight² × share of the other articles with the term) × (1 − 1/articles) |
//! | 15 | lead × story size | 1/(1+position) × (1 − 1/articles) |
//! | 16 | centrality rank × story size | the sentence's place among the story's candidates by centrality (1 the most central, 0 the least) × (1 − 1/articles) |
//!
//! The story-size factor (1 − 1/articles: 0 for one article, ½ for two, 0.96 for 25) lets one linear model weigh
//! position and centrality differently in small and large stories; it is bounded, so stories larger than
//! the training clusters (2–10 articles) do not push the scores out of the trained range. Cross-validated
//! on Multi-News and checked on 25-article DUC topics (docs/bench/summary.md), this beat the same
//! features without the factor; a LexRank-style degree centrality, an opener list ("But", "This" …) and the
//! share of words with a digit did not help and were dropped.
//!
//! Sentence length is not a feature either (only the candidate filter's 6–80 words): trained on train and
//! scored on dev, or the other way round, the model without its two length features scored 0.2 ROUGE-1
//! higher both ways (docs/BENCHMARKS.md). The raw centrality (cosine to the other articles) is not a feature
//! on its own: the regression leaned on it at the expense of position (removing it raised ROUGE-1/2 by
//! 0.2/0.9 on train and 0.3/0.5 on dev). Its rank among the story's candidates is; size-scaled copies of the
//! raw centrality, support, headline, first and quoted features lowered the cross-validated ROUGE-1 (46.77
//! against 46.85) and were not kept.

use super::candidates::Pool;
use super::vector::SparseVec;

/// Similarity at which another article counts as reporting the same content.
pub const SUPPORT_THRESHOLD: f32 = 0.25;

/// Number of features per candidate.
pub const N_FEATURES: usize = 17;

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
    "names",
    "lead_x_centrality",
    "second",
    "third_or_fourth",
    "article_first_sentence_support",
    "coverage_x_story_size",
    "lead_x_story_size",
    "centrality_rank_x_story_size",
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
    let coverage = coverage(pool, n_docs);
    let rank = percentile_ranks(&centrality);
    let story_size = 1.0 - 1.0 / n_docs.max(1) as f32;
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
            c.capitalised,
            lead * centrality[i],
            f32::from(u8::from(c.position == 1)),
            f32::from(u8::from(c.position == 2 || c.position == 3)),
            lead_support[c.doc],
            coverage[i] * story_size,
            lead * story_size,
            rank[i] * story_size,
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

/// For each candidate: Σ over its terms of weight² × the share of the other articles that use the term
/// (its unit TF-IDF vector's mass on the story's shared content terms).
fn coverage(pool: &Pool, n_docs: usize) -> Vec<f32> {
    let dims = pool
        .doc_vectors
        .iter()
        .map(SparseVec::dims)
        .max()
        .unwrap_or(0);
    let mut articles_with = vec![0u32; dims];
    for v in &pool.doc_vectors {
        for &(t, _) in v.entries() {
            articles_with[t as usize] += 1;
        }
    }
    let others = n_docs.saturating_sub(1).max(1) as f32;
    pool.vectors
        .iter()
        .map(|v| {
            v.entries()
                .iter()
                .map(|&(t, w)| {
                    let elsewhere = articles_with
                        .get(t as usize)
                        .map_or(0, |&a| a.saturating_sub(1));
                    w * w * elsewhere as f32 / others
                })
                .sum()
        })
        .collect()
}

/// Each value's place among all of them, 1 for the largest, 0 for the smallest (ties share the
/// lower place; a single value is 1).
fn percentile_ranks(values: &[f32]) -> Vec<f32> {
    let n = values.len();
    if n <= 1 {
        return vec![1.0; n];
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]).then(a.cmp(&b)));
    let mut ranks = vec![0.0f32; n];
    let mut k = 0;
    while k < n {
        let mut end = k;
        while end + 1 < n && values[order[end + 1]] == values[order[k]] {
            end += 1;
        }
        for &i in &order[k..=end] {
            ranks[i] = k as f32 / (n - 1) as f32;
        }
        k = end + 1;
    }
    ranks
}

/// The score of a feature vector under the given weights.
pub fn score(features: &[f32; N_FEATURES], weights: &[f32; N_FEATURES]) -> f32 {
    features.iter().zip(weights).map(|(f, w)| f * w).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::summary::candidates;
    use crate::Article;

    #[test]
    fn percentile_ranks_share_ties_and_span_zero_to_one() {
        assert_eq!(
            percentile_ranks(&[0.5, 0.1, 0.9, 0.5]),
            vec![1.0 / 3.0, 0.0, 1.0, 1.0 / 3.0]
        );
        assert_eq!(percentile_ranks(&[0.3]), vec![1.0]);
        assert!(percentile_ranks(&[]).is_empty());
    }

    #[test]
    fn coverage_favours_terms_the_other_articles_share() {
        let articles = [
            Article::new(
                "a",
                "The flood closed the bridge over the river on Monday.\n\nA bakery owner said her ovens were lost.",
            ),
            Article::new("b", "The river flood closed the old bridge early on Monday."),
            Article::new("c", "Officials said the flood had closed the bridge and the river road."),
        ];
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| Document::analyse(&a.text))
            .collect();
        let pool = candidates::collect(&articles, &docs);
        let shared = coverage(&pool, articles.len());
        let (flood, bakery) = (0, 1);
        assert_eq!(pool.candidates[bakery].doc, 0);
        assert!(shared[flood] > 0.5, "{shared:?}");
        assert!(shared[bakery] < 0.1, "{shared:?}");
    }
}
