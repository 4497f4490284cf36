//! Quotations: who said what in the story, each quote once with every article that carries it.
//!
//! Quotes and their speakers come from `newsbrief-quotes`, article by article. Here they are grouped by
//! speaker across the story (a speaker's name is reduced to a key, so "Jeff Sessions", "Sessions" and
//! "Sessions'" meet), and the same quote carried by several outlets is merged into one with all its sources.

use newsbrief_quotes::{extract, NameSpan, Quote, Span as QuoteSpan};
use serde::Serialize;

use crate::{Article, Span};

/// All the quotes of one speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteGroup {
    /// The fullest form of the speaker's name found in the story.
    pub speaker: String,
    pub quotes: Vec<StoryQuote>,
}

/// One quote, with every article that carries it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryQuote {
    /// The quoted words, as the first source gives them.
    pub text: String,
    /// The quoted words in each article that carries them.
    pub sources: Vec<Span>,
    /// The verb that introduces the quote in the first source ("said", "told", "tweeted").
    pub cue: Option<String>,
    /// A fragment quoted inside the writer's own sentence.
    pub partial: bool,
}

/// Two quotes whose word sets overlap this much (Jaccard) are the same quote.
const SAME_QUOTE: f32 = 0.7;

/// The quotes of the story grouped by speaker, most quoted speaker first. `names[d]` are the named-entity
/// mentions of article `d` (may be empty: the quote finder then falls back on capitalised words);
/// `entity_at(doc, start, end)` names the story entity a span belongs to, if any.
pub fn quotations<'a>(
    articles: &[Article],
    names: &[Vec<NameSpan>],
    entity_at: impl Fn(usize, usize, usize) -> Option<&'a str>,
) -> Vec<QuoteGroup> {
    let mut groups: Vec<(String, QuoteGroup, Vec<Vec<String>>)> = Vec::new();
    for (doc, article) in articles.iter().enumerate() {
        let doc_names = names.get(doc).map(Vec::as_slice).unwrap_or(&[]);
        for quote in extract(&article.text, doc_names) {
            let Some((name, key)) = speaker(&quote, |s| entity_at(doc, s.start, s.end)) else {
                continue;
            };
            let words = normalised_words(&quote.text);
            if words.len() < 2 {
                continue;
            }
            let span = Span {
                doc,
                start: quote.span.start,
                end: quote.span.end,
            };
            let group = match groups.iter().position(|(k, _, _)| *k == key) {
                Some(g) => g,
                None => {
                    groups.push((
                        key,
                        QuoteGroup {
                            speaker: name.clone(),
                            quotes: Vec::new(),
                        },
                        Vec::new(),
                    ));
                    groups.len() - 1
                }
            };
            let (_, group, seen) = &mut groups[group];
            if name.len() > group.speaker.len() {
                group.speaker = name;
            }
            match seen.iter().position(|w| same_quote(w, &words)) {
                Some(q) if !group.quotes[q].sources.contains(&span) => {
                    group.quotes[q].sources.push(span)
                }
                Some(_) => {}
                None => {
                    group.quotes.push(StoryQuote {
                        text: quote.text.split_whitespace().collect::<Vec<_>>().join(" "),
                        sources: vec![span],
                        cue: quote.cue.map(|c| c.text(&article.text).to_owned()),
                        partial: quote.partial,
                    });
                    seen.push(words);
                }
            }
        }
    }
    let mut out: Vec<QuoteGroup> = groups.into_iter().map(|(_, g, _)| g).collect();
    out.sort_by(|a, b| {
        b.quotes
            .len()
            .cmp(&a.quotes.len())
            .then(a.speaker.cmp(&b.speaker))
    });
    out
}

/// The speaker's name (its story entity's name, else the resolved mention, else the phrase) and its
/// grouping key: the last capitalised word without a possessive ending.
fn speaker<'a>(
    quote: &Quote,
    entity_at: impl Fn(QuoteSpan) -> Option<&'a str>,
) -> Option<(String, String)> {
    let s = quote.speaker.as_ref()?;
    let entity = s
        .resolved
        .and_then(&entity_at)
        .or_else(|| entity_at(s.span));
    let name = entity
        .or(s.resolved_text.as_deref())
        .unwrap_or(&s.text)
        .trim();
    let last = name
        .split_whitespace()
        .rev()
        .find(|w| w.starts_with(char::is_uppercase))?;
    let key = last
        .trim_end_matches(['\'', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (!key.is_empty()).then(|| (name.to_owned(), key))
}

fn normalised_words(text: &str) -> Vec<String> {
    let mut w: Vec<String> = crate::terms::words(text).map(str::to_lowercase).collect();
    w.sort();
    w.dedup();
    w
}

fn same_quote(a: &[String], b: &[String]) -> bool {
    let common = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let union = a.len() + b.len() - common;
    union > 0 && common as f32 / union as f32 >= SAME_QUOTE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_quote_from_two_outlets_is_one() {
        let articles = [
            Article::new("a", "“I have no idea what this allegation is about,” Sessions said on Wednesday."),
            Article::new("b", "Attorney General Jeff Sessions said: “I have no idea what this allegation is about.”"),
        ];
        let groups = quotations(&articles, &[], |_, _, _| None);
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0].quotes.len(), 1);
        assert_eq!(groups[0].quotes[0].sources.len(), 2);
        assert!(groups[0].speaker.contains("Sessions"));
    }
}
