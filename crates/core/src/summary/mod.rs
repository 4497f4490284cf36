//! Summary: a multi-document extractive summary within a word budget, with provenance.
//!
//! The method, in stages:
//! 1. [`candidates`]: the prose sentences of every article that can stand alone in a summary.
//! 2. [`features`]: for each candidate, its position in its article, its centrality in the story (TF-IDF cosine
//!    to the other articles, and its rank by it), its cross-article support (how strongly each other article
//!    states the same thing), how many articles share its terms and how central its article is, some of them
//!    scaled by the story's size; combined into one score by learned weights.
//! 3. [`select`]: MMR-style greedy selection that fills the word budget with whole sentences, never exceeding it,
//!    and skips sentences that repeat one already chosen or restate its fact in other words ([`restate`]); a
//!    sentence that opens with a pronoun ("She did not say …") is chosen only with the sentence before it in its
//!    article, and read right after it; then ordering so the summary reads as a story (an update summary reads
//!    its newest facts first).
//!
//! A focused or update summary ([`SummaryOptions::focus`], [`SummaryOptions::seen`]) mixes the learned score
//! with relevance to the focus and novelty against the seen articles before selection ([`guide`]); an update
//! summary's selection also rewards covering concepts the seen articles did not ([`concepts`]).
//!
//! Every chosen sentence keeps its article, its byte span there and the other articles that support it.

pub mod candidates;
mod compress;
mod concepts;
pub mod features;
pub(crate) mod focus;
mod guide;
pub(crate) mod novelty;
mod restate;
mod select;
pub(crate) mod stems;
pub(crate) mod vector;
mod weights;

use serde::Serialize;

use crate::document::Document;
use crate::Article;

pub use candidates::Candidate;
pub use concepts::{ConceptWeights, SeenConcepts};
pub use guide::{GuideWeights, SummaryNote};

/// How long a summary may be, and how it is built.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryOptions {
    /// Word budget (words are runs of non-space characters); the summary never exceeds it.
    pub words: usize,
    /// A candidate at least this similar (cosine) to a chosen sentence repeats it and is skipped.
    pub redundancy: f32,
    /// How much similarity to the chosen sentences lowers a candidate's score (MMR's trade-off).
    pub diversity: f32,
    /// Light compression: drop datelines, agency tags, short asides and trailing attributions.
    pub compress: bool,
    /// The reader's question: the summary answers it from the articles (a focused summary).
    pub focus: Option<String>,
    /// Texts of the articles the reader has already seen: the summary says what is new in the articles
    /// summarised (an update summary).
    pub seen: Vec<String>,
    /// How focus and novelty weigh against the learned score.
    pub guide: GuideWeights,
}

impl SummaryOptions {
    /// The default options with another word budget.
    pub fn with_words(words: usize) -> Self {
        SummaryOptions {
            words,
            ..SummaryOptions::default()
        }
    }
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            words: 250,
            redundancy: 0.3,
            diversity: 0.5,
            compress: true,
            focus: None,
            seen: Vec::new(),
            guide: GuideWeights::default(),
        }
    }
}

/// Another article that reports the content of a summary sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Support {
    /// Index of the article in the input.
    pub doc: usize,
    /// Similarity of the article's closest sentence, 0–1.
    pub score: f64,
}

/// A sentence of the summary, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarySentence {
    pub text: String,
    /// Index of the article it is taken from.
    pub doc: usize,
    /// Byte span in that article's original text.
    pub start: usize,
    pub end: usize,
    /// The other articles that report the same content, best first.
    pub support: Vec<Support>,
    /// Who said it, for a sentence that is nothing but a quotation (its article names the speaker around
    /// it: "Mayor Jane Smith told reporters:" before it, "… says Frank Jernigan." after it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// An extractive summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub sentences: Vec<SummarySentence>,
    /// What the reader should know about a focused or update summary (none for a plain one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<SummaryNote>,
}

impl Summary {
    /// The sentences joined by line breaks (the form ROUGE-Lsum and the batch output use).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, s) in self.sentences.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&s.text);
        }
        out
    }

    /// Number of words, counted as the budget counts them.
    pub fn words(&self) -> usize {
        self.sentences.iter().map(|s| word_count(&s.text)).sum()
    }
}

/// Summarises the articles of one story within `opts.words` words.
pub fn summarize(articles: &[Article], opts: &SummaryOptions) -> Summary {
    let docs: Vec<Document> = articles
        .iter()
        .map(|a| Document::analyse(&a.text))
        .collect();
    summarize_analysed(articles, &docs, opts)
}

/// [`summarize`] for articles already cleaned and split (`docs[i]` is `articles[i]` analysed).
pub fn summarize_analysed(
    articles: &[Article],
    docs: &[Document],
    opts: &SummaryOptions,
) -> Summary {
    let prepared = Prepared::from_documents(articles, docs);
    let mut scores: Vec<f32> = prepared
        .featured
        .features
        .iter()
        .map(|f| features::score(f, &weights::WEIGHTS))
        .collect();
    if opts.focus.is_none() && opts.seen.is_empty() {
        return prepared.choose(&scores, opts);
    }
    let texts = prepared.pool.candidates.iter().map(|c| c.text.as_str());
    let stemmed = stems::Stemmed::new(texts, opts.seen.iter().map(String::as_str));
    let rescored = guide::rescore(&stemmed, &mut scores, opts);
    // An update (there is novelty against seen articles) covers new concepts and reads newest first.
    let (concepts, order) = match &rescored.novelty {
        Some(novelty) => (
            (opts.guide.concepts.gain > 0.0).then(|| {
                concepts::Concepts::new(
                    &prepared.pool,
                    &stemmed,
                    opts.focus.as_deref(),
                    opts.guide.concepts,
                )
            }),
            select::Order::NewestFirst(novelty),
        ),
        None => (None, select::Order::Story),
    };
    Summary {
        notes: rescored.notes,
        ..prepared.choose_with(&scores, opts, concepts.as_ref(), order)
    }
}

/// The candidates of a story with their features, before any scoring: what a trained scorer sees.
pub struct Prepared {
    pub pool: candidates::Pool,
    pub featured: features::Featured,
}

impl Prepared {
    pub fn new(articles: &[Article]) -> Prepared {
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| Document::analyse(&a.text))
            .collect();
        Prepared::from_documents(articles, &docs)
    }

    /// Like [`Prepared::new`], for articles already cleaned and split.
    pub fn from_documents(articles: &[Article], docs: &[Document]) -> Prepared {
        let pool = candidates::collect(articles, docs);
        let featured = features::featurize(&pool, articles.len());
        Prepared { pool, featured }
    }

    /// The summary that the given per-candidate scores select, in the story's reading order.
    pub fn choose(&self, scores: &[f32], opts: &SummaryOptions) -> Summary {
        self.choose_with(scores, opts, None, select::Order::Story)
    }

    /// [`Prepared::choose`], adding concept coverage to the selection when given, in the given order.
    fn choose_with(
        &self,
        scores: &[f32],
        opts: &SummaryOptions,
        concepts: Option<&concepts::Concepts>,
        order: select::Order,
    ) -> Summary {
        let chosen = select::select(&self.pool, scores, opts, concepts, order);
        let sentences = chosen
            .into_iter()
            .map(|i| {
                let c = &self.pool.candidates[i];
                let support = self.featured.support[i]
                    .iter()
                    .map(|&(doc, score)| Support {
                        doc,
                        score: (score as f64 * 1000.0).round() / 1000.0,
                    })
                    .collect();
                SummarySentence {
                    text: c.summary_text(opts.compress).to_owned(),
                    doc: c.doc,
                    start: c.range.start,
                    end: c.range.end,
                    support,
                    speaker: c.speaker.clone(),
                }
            })
            .collect();
        Summary {
            sentences,
            notes: Vec::new(),
        }
    }
}

/// The lowest and highest finite scores (a candidate left out scores minus infinity); `None` when none is.
fn finite_range(scores: &[f32]) -> Option<(f32, f32)> {
    scores
        .iter()
        .filter(|s| s.is_finite())
        .fold(None, |range, &s| match range {
            None => Some((s, s)),
            Some((low, high)) => Some((f32::min(low, s), f32::max(high, s))),
        })
}

/// Words as the budget counts them: runs of non-space characters.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}
