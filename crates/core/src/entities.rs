//! Entities: the people, organisations and places of a story, with their aliases merged.
//!
//! `newsbrief-ner` tags each article and merges the mentions across the story ("Attorney General Jeff
//! Sessions", "Sessions", "Session's"); this stage keeps the kinds a reader looks for and knows which
//! entity any mention span belongs to (so a quote's speaker can be named by its entity).

use newsbrief_ner::{merge, EntityKind, Mention, StoryEntity, Tagger};
use newsbrief_quotes::NameSpan;
use serde::Serialize;

use crate::budget::{Cancel, Cancelled};
use crate::document::Document;
use crate::language;
use crate::Article;

/// A person, organisation or place of the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Canonical name: the most frequent full form.
    pub name: String,
    /// "person", "organization" or "place".
    pub kind: &'static str,
    /// The written forms; `variant` marks a misspelt or non-standard one.
    pub aliases: Vec<newsbrief_ner::Alias>,
    pub mentions: usize,
    /// Indices of the articles that mention it.
    pub docs: Vec<usize>,
}

/// What the entity analysis gives the rest of the brief.
pub struct Analysis {
    /// Most central first.
    pub entities: Vec<Entity>,
    /// Every article's name mentions, for the quote finder.
    pub names: Vec<Vec<NameSpan>>,
    merged: Vec<StoryEntity>,
}

impl Analysis {
    /// The entity one of whose mentions overlaps `start..end` of article `doc`, if any.
    fn entity_at(&self, doc: usize, start: usize, end: usize) -> Option<&StoryEntity> {
        self.merged.iter().find(|e| {
            e.spans
                .iter()
                .any(|&(d, s, t)| d == doc && s < end && start < t)
        })
    }

    /// The canonical name of the entity a mention span belongs to, if any.
    pub fn name_at(&self, doc: usize, start: usize, end: usize) -> Option<&str> {
        self.entity_at(doc, start, end).map(|e| e.name.as_str())
    }

    /// The person or organisation a mention span belongs to, with its kind: who may be named as a
    /// speaker (a place or a thing never speaks).
    pub fn speaker_at(&self, doc: usize, start: usize, end: usize) -> Option<(&str, EntityKind)> {
        self.entity_at(doc, start, end)
            .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
            .map(|e| (e.name.as_str(), e.kind))
    }
}

/// Tags every article and merges the story's entities. Mentions in web junk that cleaning dropped
/// ("Open Image Modal", "Popular Video") are left out: only those inside `docs`' sentences count.
/// Articles not in English ([`language::is_english`]) have no mentions.
pub fn analyse(articles: &[Article], docs: &[Document]) -> Analysis {
    analysis(articles, mentions(articles, docs))
}

/// [`analyse`] when the caller knows which articles are in English (`english[d]`), stopping between
/// articles once `cancel` is given.
pub fn analyse_english(
    articles: &[Article],
    docs: &[Document],
    english: &[bool],
    cancel: &Cancel,
) -> Result<Analysis, Cancelled> {
    let tagger = Tagger::default();
    let mentions = articles
        .iter()
        .zip(docs)
        .zip(english)
        .map(|((a, d), &english)| cancel.check().map(|()| mentions_of(&tagger, a, d, english)))
        .collect::<Result<_, _>>()?;
    Ok(analysis(articles, mentions))
}

/// The story's entities merged from each article's mentions.
fn analysis(articles: &[Article], mentions: Vec<Vec<Mention>>) -> Analysis {
    let docs: Vec<(&str, &[Mention])> = articles
        .iter()
        .zip(&mentions)
        .map(|(a, m)| (a.text.as_str(), m.as_slice()))
        .collect();
    let merged = merge(&docs);
    let entities = merged
        .iter()
        .filter(|e| e.kind != EntityKind::Other)
        .map(|e| Entity {
            name: e.name.clone(),
            kind: e.kind.name(),
            aliases: e.aliases.clone(),
            mentions: e.mentions,
            docs: e.docs.clone(),
        })
        .collect();
    let names = mentions
        .iter()
        .map(|ms| ms.iter().map(NameSpan::from).collect())
        .collect();
    Analysis {
        entities,
        names,
        merged,
    }
}

/// The named-entity mentions of each article that lie in its kept text (`docs` are the analysed articles).
/// The tagger knows English only: an article in another language ([`language::is_english`]) has none.
pub fn mentions(articles: &[Article], docs: &[Document]) -> Vec<Vec<Mention>> {
    let tagger = Tagger::default();
    articles
        .iter()
        .zip(docs)
        .map(|(a, d)| mentions_of(&tagger, a, d, language::is_english(&a.text, d)))
        .collect()
}

/// One article's mentions that lie in its kept sentences (none when it is not in `english`).
fn mentions_of(tagger: &Tagger, article: &Article, doc: &Document, english: bool) -> Vec<Mention> {
    if !english {
        return Vec::new();
    }
    let mut found = tagger.entities(&article.text);
    // The sentences are in text order and do not overlap: only the last one starting at or before a
    // mention can hold it.
    found.retain(|m| {
        let after = doc.sentences.partition_point(|s| s.range.start <= m.start);
        after > 0 && m.end <= doc.sentences[after - 1].range.end
    });
    found
}
