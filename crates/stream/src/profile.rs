//! Profile: what the detector knows of one article — its stemmed content terms, the capitalised names it
//! mentions, its headline terms, its time, and a fingerprint for finding copies of it.

use newsbrief_core::clean::{self, BlockKind};
use newsbrief_core::duplicates::Fingerprint;
use newsbrief_core::terms::{self, stable_hash};
use newsbrief_core::Article;
use serde::{Deserialize, Serialize};

/// A sparse vector: (term id, weight) pairs sorted by term id.
pub type Terms = Vec<(u64, f32)>;

/// Headline terms count this many times as much as body terms.
const TITLE_WEIGHT: f32 = 2.0;

/// A text of at least this many words of which fewer survive cleaning is page furniture.
const FURNITURE_WORDS: usize = 25;

/// Words of the opening of an article whose terms weigh [`LEAD_WEIGHT`] (the lead states the story).
const LEAD_WORDS: usize = 120;
const LEAD_WEIGHT: f32 = 1.5;

/// An article as the detector sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Content terms of headline and body, sublinear term frequency, L2-normalised, sorted by id.
    pub terms: Terms,
    /// Capitalised names (not at a sentence start), sublinear frequency, L2-normalised, sorted by id.
    pub names: Terms,
    /// Distinct stems of the headline (the title, or the first kept line when it reads as one), sorted.
    pub title: Vec<u64>,
    /// Publication time, seconds since 1970 (a bare date is the start of its day, UTC).
    pub time: Option<i64>,
    /// MinHash signature for near-duplicate detection.
    pub fingerprint: Fingerprint,
    /// Hash of the whole text, for exact repeats.
    pub text_hash: u64,
    /// Content words counted (an article of a headline only has a handful).
    pub words: u32,
    /// Whether the text is page furniture rather than an article (almost nothing of it survives cleaning):
    /// it says nothing of any story, so it stays on its own.
    pub furniture: bool,
}

impl Profile {
    /// The profile of an article.
    pub fn of(article: &Article) -> Profile {
        let cleaned = clean::clean(&article.text);
        let mut body = String::with_capacity(article.text.len());
        let mut headline = article.title.clone().filter(|t| !t.trim().is_empty());
        for block in &cleaned.blocks {
            let line = &article.text[block.range.clone()];
            if block.kind == BlockKind::Headline && headline.is_none() {
                headline = Some(line.to_owned());
                continue;
            }
            body.push_str(line);
            body.push('\n');
        }
        let furniture = furniture(&article.text, &cleaned);
        if body.trim().is_empty() && headline.is_none() {
            // Nothing survived cleaning (a bare headline, say): the text as it is.
            body.push_str(&article.text);
        }
        let headline = headline.unwrap_or_default();

        let mut counts: Vec<(u64, f32)> = Vec::new();
        let title_stems = terms::stem_ids(&headline);
        counts.extend(title_stems.iter().map(|&t| (t, TITLE_WEIGHT)));
        let (lead, rest) = body.split_at(lead_end(&body));
        let lead_stems = terms::stem_ids(lead);
        let rest_stems = terms::stem_ids(rest);
        let words = (title_stems.len() + lead_stems.len() + rest_stems.len()) as u32;
        counts.extend(lead_stems.iter().map(|&t| (t, LEAD_WEIGHT)));
        counts.extend(rest_stems.iter().map(|&t| (t, 1.0)));
        let mut names = Vec::new();
        if !is_shouting(&headline) {
            name_ids(&headline, &mut names);
        }
        name_ids(&body, &mut names);
        let mut title = title_stems;
        title.sort_unstable();
        title.dedup();
        Profile {
            terms: sublinear(counts),
            names: sublinear(names.into_iter().map(|n| (n, 1.0)).collect()),
            title,
            time: article.published.as_deref().and_then(parse_time),
            fingerprint: Fingerprint::of(&article.text),
            text_hash: stable_hash(article.text.trim().as_bytes()),
            words,
            furniture,
        }
    }
}

/// Whether a text is page furniture rather than an article: a crawl notice, a sign-up form, a tweet
/// widget — at least [`FURNITURE_WORDS`] words of which fewer survive cleaning. It says nothing of any story
/// (and the same notice under two ids is not one report run twice).
pub fn is_furniture(text: &str) -> bool {
    furniture(text, &clean::clean(text))
}

fn furniture(text: &str, cleaned: &clean::Cleaned) -> bool {
    let kept_words: usize = cleaned.blocks.iter().map(|b| b.words).sum();
    kept_words < FURNITURE_WORDS
        && terms::words(text).take(FURNITURE_WORDS).count() >= FURNITURE_WORDS
}

/// Where the body's first [`LEAD_WORDS`] words end (the start of the next word).
fn lead_end(body: &str) -> usize {
    terms::words(body)
        .nth(LEAD_WORDS)
        .map_or(body.len(), |w| w.as_ptr() as usize - body.as_ptr() as usize)
}

/// Sums repeated ids, damps counts (1 + ln tf) and normalises to unit length; sorted by id.
fn sublinear(mut counts: Vec<(u64, f32)>) -> Terms {
    counts.sort_unstable_by_key(|&(t, _)| t);
    let mut out: Terms = Vec::with_capacity(counts.len());
    for (t, w) in counts {
        match out.last_mut() {
            Some((last, sum)) if *last == t => *sum += w,
            _ => out.push((t, w)),
        }
    }
    for (_, w) in &mut out {
        *w = 1.0 + w.ln().max(0.0);
    }
    let norm = out.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut out {
            *w /= norm;
        }
    }
    out
}

/// A line in capitals (wire headlines often are): its capitals say nothing of names.
fn is_shouting(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic());
    let (upper, all) = letters.fold((0, 0), |(u, a), c| (u + c.is_uppercase() as usize, a + 1));
    all > 0 && upper * 10 >= all * 8
}

/// Capitalised words that are not the first of a sentence, nor a weekday, month, title or pronoun, and
/// pairs of adjacent capitalised words ("Al Gore"): the names of people, places and organisations, the
/// strongest evidence of which story an article tells.
fn name_ids(text: &str, out: &mut Vec<u64>) {
    let base = text.as_ptr() as usize;
    let mut lowered = String::new();
    // The previous capitalised word (lowercased) and where it ended.
    let mut previous: Option<(String, usize)> = None;
    for word in terms::words(text) {
        let start = word.as_ptr() as usize - base;
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !capitalised {
            previous = None;
            continue;
        }
        lowered.clear();
        lowered.extend(word.chars().flat_map(char::to_lowercase));
        let named = NOT_NAMES.binary_search(&lowered.as_str()).is_err() && lowered.len() >= 2;
        if named && !starts_sentence(&text[..start]) {
            out.push(name_key(&[&lowered]));
        }
        if let Some((first, end)) = &previous {
            if named && &text[*end..start] == " " {
                out.push(name_key(&[first, &lowered]));
            }
        }
        previous = named.then(|| (lowered.clone(), start + word.len()));
    }
}

/// The id of a name of one or more lowercased words.
fn name_key(words: &[&str]) -> u64 {
    let mut key = b"N:".to_vec();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            key.push(b' ');
        }
        key.extend_from_slice(w.as_bytes());
    }
    stable_hash(&key)
}

/// Whether a word after `before` begins a sentence or a line.
fn starts_sentence(before: &str) -> bool {
    match before
        .trim_end_matches([' ', '\t', '"', '\'', '“', '‘', '(', '['])
        .chars()
        .next_back()
    {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '\n' | '\r' | '—' | '-' | '|' | '*' | '#'
        ),
    }
}

/// Capitalised words that name no one: weekdays, months, honorifics, pronouns, sentence openers.
const NOT_NAMES: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "april",
    "as",
    "at",
    "august",
    "but",
    "by",
    "december",
    "dr",
    "february",
    "for",
    "friday",
    "from",
    "he",
    "her",
    "his",
    "i",
    "if",
    "in",
    "it",
    "its",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "mr",
    "mrs",
    "ms",
    "november",
    "october",
    "of",
    "on",
    "one",
    "or",
    "saturday",
    "september",
    "she",
    "sunday",
    "that",
    "the",
    "their",
    "there",
    "they",
    "this",
    "thursday",
    "to",
    "tuesday",
    "we",
    "wednesday",
    "when",
    "with",
    "you",
];

/// Seconds since 1970 of a publication time (the one reader of them: `core::article_json`).
pub use newsbrief_core::article_json::parse_published as parse_time;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_names_are_sorted() {
        assert!(NOT_NAMES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn names_skip_sentence_starts_and_months() {
        let mut ids = Vec::new();
        name_ids(
            "The senator met Kislyak in March. Sessions said so.",
            &mut ids,
        );
        assert_eq!(ids, vec![stable_hash(b"N:kislyak")]);
        ids.clear();
        name_ids("Al Gore won.", &mut ids);
        assert_eq!(ids, vec![stable_hash(b"N:gore"), stable_hash(b"N:al gore")]);
    }

    #[test]
    fn times_parse_in_both_forms() {
        assert_eq!(parse_time("1970-01-02"), Some(86_400));
        assert_eq!(parse_time("1970-01-01T00:01:00Z"), Some(60));
        assert_eq!(parse_time("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(parse_time("yesterday"), None);
    }

    #[test]
    fn headline_terms_weigh_more_and_vectors_are_unit_length() {
        let mut a = Article::new("a", "The minister resigned today over the budget.");
        a.title = Some("Minister resigns".into());
        let p = Profile::of(&a);
        let norm: f32 = p.terms.iter().map(|(_, w)| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-4);
        assert_eq!(p.title.len(), 2);
        let minister = stable_hash(b"minist");
        let budget = stable_hash(b"budget");
        let weight = |t| p.terms.iter().find(|(id, _)| *id == t).map(|&(_, w)| w);
        assert!(weight(minister) > weight(budget));
    }
}
