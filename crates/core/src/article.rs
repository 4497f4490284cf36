//! The input of the pipeline: articles and clusters of articles about one story.

use serde::Serialize;

/// One news article: its id (file name or index), its original text, and what is known about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    pub url: Option<String>,
}

impl Article {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// The calendar day of [`Article::published`], when it starts with one ("2017-03-02T…").
    pub fn published_date(&self) -> Option<newsbrief_timex::NaiveDate> {
        self.published
            .as_deref()
            .and_then(|p| p.get(..10))
            .and_then(|p| p.parse().ok())
    }
}

/// The articles of one story, with the human reference summary when the input has one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cluster {
    pub id: String,
    pub articles: Vec<Article>,
    pub reference: Option<String>,
    /// The question a focused summary of the cluster answers (`"focus"`).
    pub focus: Option<String>,
    /// Articles the reader has already seen (`"seen"`): the summary says what is new.
    pub seen: Vec<Article>,
}

/// A byte span in one article of the input: `doc` is the article's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
}
