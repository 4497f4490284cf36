//! Budget: how much of an article is analysed in full, and the signal that stops a brief being built.
//!
//! The summary reads every sentence of every article (its stages are linear). Entities, quotes, the
//! timeline and corroboration read the first [`sentence_cap`] sentences of each article:
//! [`FULLY_ANALYSED_SENTENCES`], fewer when a brief has so many articles that their share of
//! [`SENTENCES_PER_BRIEF`] is smaller (never fewer than [`LEAST_SENTENCES`]). Real articles are far
//! shorter; the cap keeps a hostile or accidental input (a whole book, a line pasted a hundred thousand
//! times, two hundred long uploads) within bounded time and memory. Offsets stay offsets into the original
//! text: the analysed part is a prefix of it.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::document::Document;
use crate::Article;

/// Most sentences of one article that entities, quotes, the timeline and corroboration read.
pub const FULLY_ANALYSED_SENTENCES: usize = 2_000;
/// Sentences of all the articles of one brief that they read, shared out equally.
pub const SENTENCES_PER_BRIEF: usize = 20_000;
/// The share of an article never goes below this, however many articles a brief has.
pub const LEAST_SENTENCES: usize = 100;

/// Sentences of each article read in full when a brief has `articles` articles.
pub fn sentence_cap(articles: usize) -> usize {
    (SENTENCES_PER_BRIEF / articles.max(1)).clamp(LEAST_SENTENCES, FULLY_ANALYSED_SENTENCES)
}

/// The articles and documents as entities, quotes, the timeline and corroboration read them: each cut
/// after its [`sentence_cap`]th sentence, with a note naming the articles that were cut. Borrowed when
/// no article is that long.
pub fn analysed_in_full<'a>(
    articles: &'a [Article],
    docs: &'a [Document],
) -> (Cow<'a, [Article]>, Cow<'a, [Document]>, Vec<String>) {
    let cap = sentence_cap(articles.len());
    if docs.iter().all(|d| d.sentences.len() <= cap) {
        return (Cow::Borrowed(articles), Cow::Borrowed(docs), Vec::new());
    }
    let mut cut = Vec::new();
    let (cut_articles, cut_docs) = articles
        .iter()
        .zip(docs)
        .map(|(article, doc)| {
            let Some(last) = doc
                .sentences
                .get(cap - 1)
                .filter(|_| doc.sentences.len() > cap)
            else {
                return (article.clone(), doc.clone());
            };
            cut.push((article.id.as_str(), doc.sentences.len()));
            let text = article.text[..last.range.end].to_string();
            let sentences = doc.sentences[..cap].to_vec();
            (
                Article {
                    text,
                    ..article.clone()
                },
                Document { sentences },
            )
        })
        .unzip();
    let read = format!("entities, quotes, the timeline and sourcing read the first {cap}");
    let note = match cut.as_slice() {
        [(id, sentences)] => format!("{id}: {sentences} sentences; {read}"),
        [first, second, third, rest @ ..] if !rest.is_empty() => format!(
            "{}, {}, {} and {} more have over {cap} sentences; {read} of each",
            first.0,
            second.0,
            third.0,
            rest.len()
        ),
        several => {
            let ids: Vec<&str> = several.iter().map(|(id, _)| *id).collect();
            format!(
                "{} have over {cap} sentences; {read} of each",
                ids.join(", ")
            )
        }
    };
    (Cow::Owned(cut_articles), Cow::Owned(cut_docs), vec![note])
}

/// Asks a brief in progress to stop: clones share one signal, so the side that gave up waiting (a server
/// whose time limit passed) keeps a clone and the work checks another between its steps.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A signal not yet given.
    pub fn new() -> Self {
        Cancel::default()
    }

    /// Gives the signal: the work stops at its next check.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether the signal was given.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once the signal was given: the work's checkpoint (`cancel.check()?`).
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

/// The work stopped at a checkpoint because its [`Cancel`] was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_articles_are_cut_at_a_sentence_end_and_noted() {
        let long: String = (0..FULLY_ANALYSED_SENTENCES + 50)
            .map(|i| format!("Sentence number {i} is here. "))
            .collect();
        let articles = [
            Article::new("short", "One short article here."),
            Article::new("long", long),
        ];
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| Document::analyse(&a.text))
            .collect();
        let (cut, cut_docs, notes) = analysed_in_full(&articles, &docs);
        assert_eq!(cut[0], articles[0]);
        assert_eq!(cut_docs[1].sentences.len(), FULLY_ANALYSED_SENTENCES);
        assert!(cut[1].text.ends_with("is here."));
        assert!(articles[1].text.starts_with(&cut[1].text));
        assert_eq!(notes.len(), 1);
        assert!(notes[0].starts_with("long: 2050 sentences"), "{notes:?}");
    }

    #[test]
    fn many_articles_share_the_brief_s_sentences() {
        assert_eq!(sentence_cap(1), FULLY_ANALYSED_SENTENCES);
        assert_eq!(sentence_cap(0), FULLY_ANALYSED_SENTENCES);
        assert_eq!(sentence_cap(40), SENTENCES_PER_BRIEF / 40);
        assert_eq!(sentence_cap(10_000), LEAST_SENTENCES);
    }

    #[test]
    fn short_articles_are_borrowed() {
        let articles = [Article::new("a", "Just one sentence.")];
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| Document::analyse(&a.text))
            .collect();
        let (cut, _, notes) = analysed_in_full(&articles, &docs);
        assert!(matches!(cut, Cow::Borrowed(_)));
        assert!(notes.is_empty());
    }

    #[test]
    fn a_clone_carries_the_signal() {
        let cancel = Cancel::new();
        let seen_by_work = cancel.clone();
        assert!(!seen_by_work.is_cancelled());
        cancel.cancel();
        assert!(seen_by_work.is_cancelled());
    }
}
