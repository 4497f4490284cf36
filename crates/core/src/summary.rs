//! Multi-document extractive summary (being written).
use crate::Article;
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct SummaryOptions { pub words: usize }
impl Default for SummaryOptions { fn default() -> Self { SummaryOptions { words: 250 } } }

#[derive(Debug, Clone, Serialize)]
pub struct Support { pub doc: usize, pub score: f64 }

#[derive(Debug, Clone, Serialize)]
pub struct SummarySentence { pub text: String, pub doc: usize, pub start: usize, pub end: usize, pub support: Vec<Support> }

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary { pub sentences: Vec<SummarySentence> }
impl Summary { pub fn text(&self) -> String { self.sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n") } }

pub fn summarize(_articles: &[Article], _opts: &SummaryOptions) -> Summary { Summary::default() }
