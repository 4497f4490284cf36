//! Quotations: who said what in the story, each quote once with every article that carries it.
//!
//! Quotes and their speakers come from `newsbrief-quotes`, article by article. Here they are grouped by
//! speaker across the story (a speaker's name is reduced to a key, so "Jeff Sessions", "Sessions" and
//! "Sessions'" meet), and the same quote carried by several outlets is merged into one with all its sources.

use newsbrief_ner::EntityKind;
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

/// Words that end the head of a speaker's phrase: what follows them is not the speaker ("a post on
/// Weibo", "officials in Millbrook").
const PREPOSITIONS: &[&str] = &[
    "about", "at", "by", "for", "from", "in", "near", "of", "on", "to", "via", "with",
];

/// The quotes of the story grouped by speaker, most quoted speaker first. `names[d]` are the named-entity
/// mentions of article `d` (may be empty: the quote finder then falls back on capitalised words);
/// `speaker_at(doc, start, end)` is the person or organisation of the story a span belongs to, if any:
/// only they are named as speakers. Articles with `analysed[d]` false (not in English) are skipped.
pub fn quotations<'a>(
    articles: &[Article],
    analysed: &[bool],
    names: &[Vec<NameSpan>],
    speaker_at: impl Fn(usize, usize, usize) -> Option<(&'a str, EntityKind)>,
) -> Vec<QuoteGroup> {
    let mut groups: Vec<(String, QuoteGroup, Vec<Vec<String>>)> = Vec::new();
    for (doc, article) in articles.iter().enumerate() {
        if !analysed.get(doc).copied().unwrap_or(true) {
            continue;
        }
        let doc_names = names.get(doc).map(Vec::as_slice).unwrap_or(&[]);
        for quote in extract(&article.text, doc_names) {
            let Some((name, key)) =
                speaker(&article.text, &quote, |s| speaker_at(doc, s.start, s.end))
            else {
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

/// The speaker's name and its grouping key (the last capitalised word without a possessive ending).
/// The speaker is a person or organisation of the story: the one a pronoun or description stands for
/// (resolved outside the phrase), else the one the phrase names — a person it ends with ("Secretary of
/// State Rex Tillerson"), the head of the phrase ("the Times", not the "U.S." of "U.S. officials" nor
/// the "Weibo" of "a post on Weibo"), or the organisation a spokesperson speaks for ("a spokesman for
/// the Justice Department"). A news outlet is a speaker only as the subject of the cue ("the Times
/// reported"); the outlet told something ("told the Times") is not in the speaker's phrase.
fn speaker<'a>(
    text: &str,
    quote: &Quote,
    speaker_at: impl Fn(QuoteSpan) -> Option<(&'a str, EntityKind)>,
) -> Option<(String, String)> {
    let s = quote.speaker.as_ref()?;
    let antecedent = s
        .resolved
        .filter(|r| r.end <= s.span.start || s.span.end <= r.start);
    let entity = match antecedent {
        Some(resolved) => speaker_at(resolved),
        None => named_in_phrase(text, s.span, &speaker_at),
    };
    let name = entity?.0.trim();
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

/// The person or organisation a speaker's phrase names (see [`speaker`]).
fn named_in_phrase<'a>(
    text: &str,
    phrase: QuoteSpan,
    speaker_at: &impl Fn(QuoteSpan) -> Option<(&'a str, EntityKind)>,
) -> Option<(&'a str, EntityKind)> {
    let words = phrase_words(text, phrase);
    let last = speaker_at(*words.last()?).filter(|(_, kind)| *kind == EntityKind::Person);
    let preposition = words
        .iter()
        .position(|w| PREPOSITIONS.contains(&w.text(text).to_lowercase().as_str()));
    let head = match preposition {
        Some(0) => None,
        Some(at) => Some(words[at - 1]),
        None => words.last().copied(),
    };
    let spoken_for = || {
        let at = preposition.filter(|&at| words[at].text(text).eq_ignore_ascii_case("for"))?;
        speaker_at(*words.get(at + 1..)?.last()?)
            .filter(|(_, kind)| *kind == EntityKind::Organization)
    };
    last.or_else(|| head.and_then(speaker_at))
        .or_else(spoken_for)
}

/// The words of a phrase as spans, without punctuation and possessive endings around them.
fn phrase_words(text: &str, phrase: QuoteSpan) -> Vec<QuoteSpan> {
    let Some(inside) = text.get(phrase.start..phrase.end) else {
        return Vec::new();
    };
    let mut words = Vec::new();
    let mut offset = 0;
    for raw in inside.split(' ') {
        let at = phrase.start + offset;
        offset += raw.len() + 1;
        let word = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let start = at + (raw.len() - word.len());
        let word = word
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        if !word.is_empty() {
            words.push(QuoteSpan::new(start, start + word.len()));
        }
    }
    words
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
        let sessions = |doc: usize, start: usize, end: usize| {
            let text = &articles[doc].text;
            text.get(start..end)
                .is_some_and(|s| s.contains("Sessions"))
                .then_some(("Jeff Sessions", EntityKind::Person))
        };
        let groups = quotations(&articles, &[true, true], &[], sessions);
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0].quotes.len(), 1);
        assert_eq!(groups[0].quotes[0].sources.len(), 2);
        assert!(groups[0].speaker.contains("Sessions"));
    }
}
