//! Brief: the analyses of a story put together, with the sources they point into.

use serde::Serialize;

use crate::corroboration::{self, Corroboration};
use crate::document::Document;
use crate::entities::{self, Entity};
use crate::quotations::{self, QuoteGroup};
use crate::summary::{self, SummaryOptions, SummarySentence, Support};
use crate::timeline::{self, TimelineEntry};
use crate::Article;

/// What a brief should contain.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BriefOptions {
    pub summary: SummaryOptions,
}

/// Why no brief could be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BriefError {
    #[error("no articles to brief")]
    NoArticles,
    #[error("none of the {0} articles has any prose to summarise")]
    NoProse(usize),
}

/// One article of the story as the brief lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Index of the article in the input (what `doc` fields refer to).
    pub doc: usize,
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// Words of article prose after cleaning.
    pub words: usize,
}

/// A sourced brief of one story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    pub sources: Vec<Source>,
    pub summary: Vec<SummarySentence>,
    /// Words in the summary.
    pub words: usize,
    /// People, organisations and places, most central first.
    pub entities: Vec<Entity>,
    /// Quotes grouped by speaker, most quoted first.
    pub quotes: Vec<QuoteGroup>,
    /// Dated events, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// The story's claims across articles: which outlets report each, which only one reports, and where
    /// outlets differ on a detail.
    pub corroboration: Corroboration,
    /// Things the reader should know about the input (an article with no prose, say).
    pub warnings: Vec<String>,
}

/// Builds the brief of the story told by `articles`.
pub fn build_brief(articles: &[Article], opts: &BriefOptions) -> Result<Brief, BriefError> {
    if articles.is_empty() {
        return Err(BriefError::NoArticles);
    }
    let mut warnings = Vec::new();
    let docs: Vec<Document> = articles
        .iter()
        .map(|a| Document::analyse(&a.text))
        .collect();
    let sources: Vec<Source> = articles
        .iter()
        .zip(&docs)
        .enumerate()
        .map(|(doc, (a, analysed))| {
            let words = analysed
                .prose()
                .map(|s| summary::word_count(&a.text[s.range.clone()]))
                .sum();
            if words == 0 {
                warnings.push(format!("{}: no article prose found after cleaning", a.id));
            }
            let title = a
                .title
                .clone()
                .or_else(|| analysed.headline(&a.text).map(str::to_owned));
            Source {
                doc,
                id: a.id.clone(),
                title,
                outlet: a.outlet.clone(),
                published: a.published.clone(),
                url: a.url.clone(),
                words,
            }
        })
        .collect();
    if sources.iter().all(|s| s.words == 0) {
        return Err(BriefError::NoProse(articles.len()));
    }
    let mut summary = summary::summarize_analysed(articles, &docs, &opts.summary);
    let words = summary.words();
    let found = entities::analyse(articles, &docs);
    let quotes = quotations::quotations(articles, &found.names, |d, s, e| found.name_at(d, s, e));
    // Time expressions are found once per article, for the timeline and the date comparisons.
    let dates: Vec<newsbrief_timex::Found> = articles
        .iter()
        .map(|a| newsbrief_timex::find(&a.text))
        .collect();
    let timeline = timeline::timeline(articles, &docs, &dates);
    let corroboration =
        corroboration::corroborate(articles, &docs, &dates, &found.names, |d, s, e| {
            found.name_at(d, s, e)
        });
    for sentence in &mut summary.sentences {
        sentence.support = support(&corroboration, sentence);
    }
    Ok(Brief {
        sources,
        summary: summary.sentences,
        words,
        entities: found.entities,
        quotes,
        timeline,
        corroboration,
        warnings,
    })
}

/// The other articles that report what a summary sentence says (see [`Corroboration::support`]); none
/// when no other article does.
fn support(corroboration: &Corroboration, sentence: &SummarySentence) -> Vec<Support> {
    corroboration
        .support(sentence.doc, sentence.start, sentence.end)
        .into_iter()
        .map(|(doc, score)| Support { doc, score })
        .collect()
}
