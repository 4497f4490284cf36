//! Scoring quote extraction against PolNeAR's brat stand-off attributions.
//!
//! Gold direct quotes are the contiguous pieces of attribution contents that
//! open with a quotation mark and close with one (trailing punctuation after
//! the mark allowed; double marks, and the pairs of single marks some papers
//! type instead: ``` ``…'' ``` and `''…''`); the quote is the text between the outer marks. In the
//! `all` scope every quoted stretch inside any content piece is gold (partial
//! quotes included). A prediction matches a gold quote exactly when the byte
//! spans are equal, and by overlap when they share at least half of the longer
//! span (one-to-one, greedy in text order). On overlap-matched quotes whose
//! gold attribution has a source, the speaker is right when the extracted
//! speaker phrase overlaps the gold source span ("phrase"), or when the phrase
//! or its resolved name does ("phrase or name").

use std::collections::BTreeMap;

use crate::{Quote, Span};

/// A gold quote and its attribution's source spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    pub span: Span,
    pub source: Vec<Span>,
}

/// Counts over a set of articles.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    pub gold: usize,
    pub predicted: usize,
    pub exact: usize,
    pub overlap: usize,
    pub with_source: usize,
    pub speaker_phrase: usize,
    pub speaker_phrase_or_name: usize,
}

impl Tally {
    /// (precision, recall, F1) of exact matches.
    pub fn exact_f1(&self) -> (f64, f64, f64) {
        f1(self.exact, self.gold, self.predicted)
    }

    /// (precision, recall, F1) of matches sharing half the longer span.
    pub fn overlap_f1(&self) -> (f64, f64, f64) {
        f1(self.overlap, self.gold, self.predicted)
    }

    /// Share of matched quotes with a gold source whose speaker phrase overlaps it.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_phrase, self.with_source)
    }

    /// Same, counting the resolved name too.
    pub fn speaker_or_name_accuracy(&self) -> f64 {
        ratio(self.speaker_phrase_or_name, self.with_source)
    }
}

/// One scoring mistake, for error analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    Missed(Span),
    WrongSpan {
        gold: Span,
        predicted: Span,
    },
    WrongSpeaker {
        gold: Span,
        source: Vec<Span>,
        predicted: Option<Span>,
        cue: Option<Span>,
    },
    Extra(Span),
}

/// Byte offset of every char index (plus the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The gold quotes of one article from its `.ann` text (char offsets, converted to bytes).
pub fn gold_quotes(text: &str, ann: &str, all: bool) -> Vec<GoldQuote> {
    let bytes = char_to_byte(text);
    let mut spans: BTreeMap<&str, (&str, Vec<Span>)> = BTreeMap::new();
    let mut relations = Vec::new();
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let (Some(id), Some(info)) = (fields.first(), fields.get(1)) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((kind, ranges)) = info.split_once(' ') else {
                continue;
            };
            let pieces = ranges
                .split(';')
                .filter_map(|r| {
                    let (s, e) = r.trim().split_once(' ')?;
                    let (s, e) = (
                        bytes.get(s.parse::<usize>().ok()?)?,
                        bytes.get(e.parse::<usize>().ok()?)?,
                    );
                    Some(Span::new(*s, *e))
                })
                .collect();
            spans.insert(id, (kind, pieces));
        } else if id.starts_with('E') {
            relations.push(*info);
        }
    }
    let mut gold = Vec::new();
    for relation in relations {
        let role = |name: &str| -> Vec<Span> {
            relation
                .split(' ')
                .filter_map(|arg| arg.split_once(':'))
                .filter(|(r, _)| r.starts_with(name))
                .filter_map(|(_, id)| spans.get(id))
                .flat_map(|(_, pieces)| pieces.clone())
                .collect()
        };
        let source = role("Source");
        for piece in role("Content") {
            for span in quoted_in(text, piece, all) {
                gold.push(GoldQuote {
                    span,
                    source: source.clone(),
                });
            }
        }
    }
    gold.sort_by_key(|g| g.span);
    gold
}

/// Marks that open a quote, pairs of single marks typed for a double one
/// first (`”` too: some articles type it at both ends).
const OPENING: [&str; 7] = ["``", "''", "“", "\"", "„", "«", "”"];
/// Marks that close a quote.
const CLOSING: [&str; 5] = ["''", "’’", "”", "\"", "»"];

/// The length of the mark of `marks` that `text` starts with.
fn mark_len(text: &str, marks: &[&str]) -> Option<usize> {
    marks
        .iter()
        .find(|m| text.starts_with(**m))
        .map(|m| m.len())
}

/// The quotes of one content piece: the whole piece when it is in marks, or
/// with `all` every stretch between marks inside it.
fn quoted_in(text: &str, piece: Span, all: bool) -> Vec<Span> {
    let raw = piece.text(text);
    let start = piece.start + (raw.len() - raw.trim_start().len());
    let trimmed = raw.trim().trim_end_matches(['.', ',', ';', ':', ' ']);
    let first = mark_len(trimmed, &OPENING);
    let last = CLOSING
        .iter()
        .find(|m| trimmed.ends_with(**m))
        .map(|m| m.len());
    if !all {
        return match (first, last) {
            (Some(first), Some(last)) if first + last < trimmed.len() => {
                vec![inner(
                    text,
                    Span::new(start + first, start + trimmed.len() - last),
                )]
            }
            _ => Vec::new(),
        };
    }
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    while at < raw.len() {
        let rest = &raw[at..];
        let mark = match open {
            None => mark_len(rest, &OPENING),
            Some(_) => mark_len(rest, &CLOSING),
        };
        match (open, mark) {
            (None, Some(len)) => open = Some(piece.start + at + len),
            (Some(from), Some(_)) => {
                found.push(inner(text, Span::new(from, piece.start + at)));
                open = None;
            }
            _ => {}
        }
        at += mark.unwrap_or_else(|| rest.chars().next().map_or(1, char::len_utf8));
    }
    found
}

fn inner(text: &str, span: Span) -> Span {
    let raw = span.text(text);
    let start = span.start + (raw.len() - raw.trim_start().len());
    Span::new(start, start + raw.trim().len())
}

/// Adds one article to `tally` and returns its mistakes.
pub fn score(gold: &[GoldQuote], predicted: &[Quote], tally: &mut Tally) -> Vec<Mistake> {
    let mut mistakes = Vec::new();
    tally.gold += gold.len();
    tally.predicted += predicted.len();
    let mut used = vec![false; predicted.len()];
    for g in gold {
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, p)| (i, p.span.overlap(&g.span)))
            .filter(|&(_, shared)| shared > 0)
            .max_by_key(|&(i, shared)| (shared, std::cmp::Reverse(i)));
        let Some((index, shared)) = best else {
            mistakes.push(Mistake::Missed(g.span));
            continue;
        };
        let p = &predicted[index];
        if shared * 2 < g.span.len().max(p.span.len()) {
            mistakes.push(Mistake::WrongSpan {
                gold: g.span,
                predicted: p.span,
            });
            continue;
        }
        used[index] = true;
        tally.overlap += 1;
        tally.exact += usize::from(p.span == g.span);
        if g.source.is_empty() {
            continue;
        }
        tally.with_source += 1;
        let phrase = p.speaker.as_ref().map(|s| s.span);
        let name = p.speaker.as_ref().and_then(|s| s.resolved);
        let hits = |span: Option<Span>| {
            span.is_some_and(|s| g.source.iter().any(|src| src.overlap(&s) > 0))
        };
        tally.speaker_phrase += usize::from(hits(phrase));
        tally.speaker_phrase_or_name += usize::from(hits(phrase) || hits(name));
        if !hits(phrase) {
            mistakes.push(Mistake::WrongSpeaker {
                gold: g.span,
                source: g.source.clone(),
                predicted: phrase,
                cue: p.cue,
            });
        }
    }
    for (p, _) in predicted.iter().zip(&used).filter(|(_, u)| !**u) {
        mistakes.push(Mistake::Extra(p.span));
    }
    mistakes
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn f1(hits: usize, gold: usize, predicted: usize) -> (f64, f64, f64) {
    let (p, r) = (ratio(hits, predicted), ratio(hits, gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}
