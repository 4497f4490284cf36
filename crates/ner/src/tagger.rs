//! The tagger: features, model scores and Viterbi decoding over documents, sentences or raw text.

use std::sync::{Arc, LazyLock};

use serde::Serialize;

use crate::clusters::Clusters;
use crate::external_clusters::ExternalClusters;
use crate::features::{
    add_second_pass_features, sentence_features, DocumentContext, FirstPassVotes,
};
use crate::gazetteer::Gazetteer;
use crate::model::{Model, ModelError};
use crate::tag::{spans, EntityKind, Tag, TAG_COUNT};
use crate::tokenize::{sentences, tokenize};
use crate::viterbi::best_tags;

static COMMITTED_MODEL: &[u8] = include_bytes!("../model/ner.bin");
static COMMITTED_SECOND_MODEL: &[u8] = include_bytes!("../model/ner-second.bin");
/// The committed word-cluster table (`word<TAB>path` lines; see [`Clusters::parse`]).
pub static COMMITTED_CLUSTERS: &str = include_str!("../model/clusters.tsv");
static COMMITTED_EXTERNAL_CLUSTERS: &[u8] = include_bytes!("../model/external-clusters.bin");
static COMMITTED_GAZETTEER: &[u8] = include_bytes!("../model/gazetteer.bin");
static COMMITTED_EXTERNAL_NAMES: &[u8] = include_bytes!("../model/external-names.bin");

/// The first-pass model, the optional second-pass model, the gazetteer of training names and
/// that of external name lists.
type CommittedModels = (
    Arc<Model>,
    Option<Arc<Model>>,
    Arc<Gazetteer>,
    Arc<Gazetteer>,
);

static DEFAULT_MODELS: LazyLock<Result<CommittedModels, ModelError>> = LazyLock::new(|| {
    let first = Model::decode(COMMITTED_MODEL)?;
    let second = Model::decode(COMMITTED_SECOND_MODEL)?;
    let gazetteer = Gazetteer::decode(COMMITTED_GAZETTEER)?;
    let external = Gazetteer::decode(COMMITTED_EXTERNAL_NAMES)?;
    Ok((
        Arc::new(first),
        (second.feature_count() > 0).then(|| Arc::new(second)),
        Arc::new(gazetteer),
        Arc::new(external),
    ))
});
static DEFAULT_CLUSTERS: LazyLock<Arc<Clusters>> = LazyLock::new(|| {
    Arc::new(Clusters::parse(COMMITTED_CLUSTERS).with_external(committed_external_clusters()))
});

/// The best tags of one sentence's features under `model`.
pub fn decode(model: &Model, features: &[Vec<u64>]) -> Vec<Tag> {
    let scores: Vec<[f32; TAG_COUNT]> = features
        .iter()
        .map(|token| {
            let mut scores = [0f32; TAG_COUNT];
            model.score(token, &mut scores);
            scores
        })
        .collect();
    best_tags(&scores, model.transitions())
        .into_iter()
        .map(Tag::from_index)
        .collect()
}

/// The committed gazetteer of external name lists (places, people's names, nationalities, clubs).
pub fn committed_external_names() -> Result<Arc<Gazetteer>, ModelError> {
    let (_, _, _, external) = DEFAULT_MODELS.as_ref().map_err(Clone::clone)?;
    Ok(Arc::clone(external))
}

/// The committed gazetteer of the training data's names.
pub fn committed_gazetteer() -> Result<Arc<Gazetteer>, ModelError> {
    let (_, _, gazetteer, _) = DEFAULT_MODELS.as_ref().map_err(Clone::clone)?;
    Ok(Arc::clone(gazetteer))
}

/// The committed external clusters (a unit test checks them; empty if they did not decode).
pub fn committed_external_clusters() -> ExternalClusters {
    ExternalClusters::decode_static(COMMITTED_EXTERNAL_CLUSTERS).unwrap_or_default()
}

/// The committed word-cluster table, with the external clusters beside it.
pub fn committed_clusters() -> Arc<Clusters> {
    Arc::clone(&DEFAULT_CLUSTERS)
}

/// An entity mention in a text: byte range and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

impl Mention {
    /// The mention text in `source`.
    pub fn text(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

/// Characters of text markup (Markdown headings, emphasis, quotes, list bullets, rules) that are
/// never part of a name.
fn is_markup_mark(c: char) -> bool {
    matches!(
        c,
        '#' | '*' | '_' | '>' | '|' | '~' | '`' | '=' | '+' | '•' | '·' | '▪' | '-' | '–' | '—'
    ) || c.is_whitespace()
}

/// The span `start..end` without markup marks at either end ("# Millbrook" → "Millbrook"); none
/// when nothing with a letter or digit is left.
fn without_marks(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let span = text.get(start..end)?;
    let trimmed = span.trim_start_matches(is_markup_mark);
    let start = start + (span.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(is_markup_mark);
    let end = start + trimmed.len();
    trimmed
        .chars()
        .any(char::is_alphanumeric)
        .then_some((start, end))
}

/// A named-entity tagger: a model plus the word-cluster table and gazetteers its features use.
#[derive(Clone)]
pub struct Tagger {
    model: Arc<Model>,
    /// The second-pass model, over first-pass predictions (document consistency), if any.
    second: Option<Arc<Model>>,
    clusters: Arc<Clusters>,
    gazetteer: Arc<Gazetteer>,
    /// External name lists, matched in the first pass's base features.
    external: Arc<Gazetteer>,
}

impl Default for Tagger {
    /// The committed model (decoded once, lazily). If it could not be decoded the tagger finds
    /// no entities; [`Tagger::committed`] reports that error instead.
    fn default() -> Self {
        Tagger::committed().unwrap_or_else(|_| Tagger::new(Model::default(), Clusters::empty()))
    }
}

impl Tagger {
    /// The committed model and clusters.
    pub fn committed() -> Result<Tagger, ModelError> {
        let (model, second, gazetteer, external) = DEFAULT_MODELS.as_ref().map_err(Clone::clone)?;
        Ok(Tagger {
            model: Arc::clone(model),
            second: second.clone(),
            clusters: committed_clusters(),
            gazetteer: Arc::clone(gazetteer),
            external: Arc::clone(external),
        })
    }

    /// A one-pass tagger over a given model and cluster table.
    pub fn new(model: Model, clusters: Clusters) -> Tagger {
        Tagger {
            model: Arc::new(model),
            second: None,
            clusters: Arc::new(clusters),
            gazetteer: Arc::default(),
            external: Arc::default(),
        }
    }

    /// A one-pass tagger over a given model and shared cluster table.
    pub fn with_shared_clusters(model: Model, clusters: Arc<Clusters>) -> Tagger {
        Tagger {
            model: Arc::new(model),
            second: None,
            clusters,
            gazetteer: Arc::default(),
            external: Arc::default(),
        }
    }

    /// The same tagger with a second pass over the first one's predictions.
    pub fn with_second_pass(mut self, second: Model) -> Tagger {
        self.second = Some(Arc::new(second));
        self
    }

    /// The same tagger matching names of a gazetteer.
    pub fn with_gazetteer(mut self, gazetteer: Arc<Gazetteer>) -> Tagger {
        self.gazetteer = gazetteer;
        self
    }

    /// The same tagger matching the names of external name lists.
    pub fn with_external_names(mut self, external: Arc<Gazetteer>) -> Tagger {
        self.external = external;
        self
    }

    /// Tags the sentences (word lists) of one document; document-level features span them all.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Tag>> {
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(AsRef::as_ref).collect())
            .collect();
        let mut features = self.first_pass_features(&words);
        for (sentence, sentence_features_out) in words.iter().zip(features.iter_mut()) {
            self.gazetteer.add_features(sentence, sentence_features_out);
        }
        let first: Vec<Vec<Tag>> = features
            .iter()
            .map(|sentence| decode(&self.model, sentence))
            .collect();
        let Some(second) = &self.second else {
            return first;
        };
        let votes = FirstPassVotes::new(&words, &first);
        for ((sentence, tags), sentence_features_out) in
            words.iter().zip(&first).zip(features.iter_mut())
        {
            add_second_pass_features(sentence, tags, &votes, sentence_features_out);
        }
        features
            .iter()
            .map(|sentence| decode(second, sentence))
            .collect()
    }

    /// The per-token features a document gets, first pass only, with matches of the external
    /// name lists but without those of the training names (for training, which adds jackknifed
    /// matches).
    pub fn first_pass_features<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Vec<u64>>> {
        let context = DocumentContext::new(sentences);
        sentences
            .iter()
            .map(|sentence| {
                let words: Vec<&str> = sentence.iter().map(AsRef::as_ref).collect();
                let mut out = Vec::with_capacity(words.len());
                sentence_features(&words, &context, &self.clusters, &mut out);
                self.external.add_external_features(&words, &mut out);
                out
            })
            .collect()
    }

    /// Tags one tokenised sentence on its own.
    pub fn tag_tokens(&self, words: &[&str]) -> Vec<Tag> {
        self.tag_document(&[words.to_vec()])
            .pop()
            .unwrap_or_default()
    }

    /// The entity mentions of a raw text (one document), as byte ranges into it.
    pub fn entities(&self, text: &str) -> Vec<Mention> {
        let tokens = tokenize(text);
        let ranges = sentences(text, &tokens);
        let words: Vec<Vec<&str>> = ranges
            .iter()
            .map(|range| {
                tokens[range.clone()]
                    .iter()
                    .map(|token| token.text(text))
                    .collect()
            })
            .collect();
        let tags = self.tag_document(&words);
        let mut mentions = Vec::new();
        for (range, sentence_tags) in ranges.iter().zip(&tags) {
            for (first, end, kind) in spans(sentence_tags) {
                let start = tokens[range.start + first].start;
                let stop = tokens[range.start + end - 1].end;
                if let Some((start, end)) = without_marks(text, start, stop) {
                    mentions.push(Mention { start, end, kind });
                }
            }
        }
        mentions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_external_clusters_decode_in_order() {
        let checked = ExternalClusters::decode(COMMITTED_EXTERNAL_CLUSTERS).unwrap();
        assert!(checked.len() > 100_000);
        assert_eq!(committed_external_clusters().len(), checked.len());
        assert!(checked.path("London").is_some() && checked.path("the").is_some());
    }

    #[test]
    fn markup_marks_are_never_part_of_a_name() {
        let text = "# Millbrook";
        assert_eq!(without_marks(text, 0, text.len()), Some((2, 11)));
        let text = "**Tom Becker** -";
        assert_eq!(without_marks(text, 0, text.len()), Some((2, 12)));
        assert_eq!(without_marks("## --", 0, 5), None);
        let text =
            "## Millbrook\n\n* Tom Becker, who owns the Riverside Diner in Millbrook, spoke.\n";
        for mention in Tagger::default().entities(text) {
            let name = mention.text(text);
            assert!(
                !name.starts_with(is_markup_mark) && !name.ends_with(is_markup_mark),
                "{name:?}"
            );
        }
    }
}
