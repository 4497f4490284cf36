//! Direct quotes in news text and who said them.
//!
//! [`extract`] finds the quoted stretches of an article (straight and curly
//! marks, wire-style `''` and TeX ``` `` ``` pairs, nested single quotes,
//! quotes running over several paragraphs, partial quotes inside a sentence;
//! hard-wrapped lines and `\r\n` read as plain paragraphs), the cue verb that attributes each one
//! ("said", "told CNN", "tweeted", "according to") before, after or around
//! the quote, the speaker's phrase ("Franken", "he", "a Justice Department
//! spokeswoman") and, where the article makes it clear, the name mention the
//! speaker refers to. Name mentions come from the caller (a named-entity
//! tagger); without them capitalised word sequences stand in.
//!
//! Every span is a byte range into the text given. The crate does no I/O, never
//! panics, and runs in time linear in the text (plus a bounded look-back per quote).

mod attribution;
pub mod eval;
mod layout;
mod lexicon;
mod marks;
mod names;
pub mod perturb;
mod resolve;
mod text;

use serde::Serialize;

/// A byte range `start..end` into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The spanned text, or "" when the span does not fit `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes shared with `other`.
    pub fn overlap(&self, other: &Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// What a name mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    Person,
    Organization,
    Place,
    Other,
    /// Found by the capitalisation fallback: kind not known.
    Unknown,
}

/// A named-entity mention the caller found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct NameSpan {
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
}

#[cfg(feature = "ner")]
impl From<&newsbrief_ner::Mention> for NameSpan {
    fn from(m: &newsbrief_ner::Mention) -> NameSpan {
        use newsbrief_ner::EntityKind;
        let kind = match m.kind {
            EntityKind::Person => NameKind::Person,
            EntityKind::Organization => NameKind::Organization,
            EntityKind::Place => NameKind::Place,
            EntityKind::Other => NameKind::Other,
        };
        NameSpan {
            start: m.start,
            end: m.end,
            kind,
        }
    }
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The speaker's phrase as written near the cue: "Franken", "he", "the senator".
    pub span: Span,
    pub text: String,
    /// The name mention the phrase refers to ("he" → an earlier "Jeff Sessions"), if clear.
    pub resolved: Option<Span>,
    /// The resolved mention's text.
    pub resolved_text: Option<String>,
}

impl Speaker {
    /// Whether the phrase is a bare personal pronoun ("he", "They"): who it is rests on `resolved` alone.
    pub fn is_pronoun(&self) -> bool {
        lexicon::is_pronoun(self.text.trim())
    }
}

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words without the quotation marks.
    pub span: Span,
    pub text: String,
    pub speaker: Option<Speaker>,
    /// The attributing verb: "said", "told", "tweeted", "according to".
    pub cue: Option<Span>,
    /// True for a quoted fragment inside the writer's own sentence (`he was “unaware of those activities”`).
    pub partial: bool,
}

/// The direct quotes of `text`, in order, with their speakers and cues.
///
/// `names` are named-entity mentions (any order; spans that do not fit `text`
/// are ignored); pass `&[]` to use the capitalisation fallback. Quoted
/// fragments with no attribution (scare quotes, titles) are left out. Text
/// hard-wrapped at a fixed width reads as its paragraphs, and `\r\n` as `\n`;
/// the `text` fields show soft wraps and carriage returns as spaces.
pub fn extract(text: &str, names: &[NameSpan]) -> Vec<Quote> {
    let normalised = layout::normalise(text);
    let text: &str = &normalised;
    let tokens = text::tokenize(text);
    let names = names::usable_or_fallback(text, &tokens, names);
    let stretches = marks::quoted_stretches(text);
    let attributions = attribution::attribute(text, &tokens, &names, &stretches);
    let resolver = resolve::Resolver::new(text, &tokens, &names, &stretches);
    let mut quotes: Vec<Quote> = Vec::new();
    let mut previous_resolved: Option<(Span, Span)> = None;
    for (stretch, found) in stretches.iter().zip(attributions) {
        if found.partial && found.cue.is_none() {
            continue;
        }
        let speaker = found.speaker.map(|span| {
            let resolved = resolver.resolve(span, previous_resolved);
            if let Some(name) = resolved {
                previous_resolved = Some((span, name));
            }
            Speaker {
                span,
                text: span.text(text).to_string(),
                resolved,
                resolved_text: resolved.map(|r| r.text(text).to_string()),
            }
        });
        let span = trimmed(text, Span::new(stretch.start, stretch.end));
        quotes.push(Quote {
            span,
            text: span.text(text).to_string(),
            speaker,
            cue: found.cue,
            partial: found.partial,
        });
    }
    quotes
}

fn trimmed(text: &str, span: Span) -> Span {
    let inner = span.text(text);
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.start + inner.trim_end().len();
    Span::new(start, end.max(start))
}
