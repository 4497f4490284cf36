//! The pattern grammar: regex rules that find time expressions and say what they mean.
//!
//! Every rule is a case-insensitive regex plus a builder that checks the context of the match and
//! turns its captures into a [`Meaning`]. All rules run over the whole text (each in linear time);
//! overlapping matches are settled longest first.

mod amounts;
mod calendar;
mod clock;
mod refs;
mod relative;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;

use crate::meaning::{Candidate, Meaning};
use crate::tense::Tense;
use crate::types::TimexType;

/// A regex match with its surroundings, handed to a rule's builder.
pub struct Hit<'t> {
    caps: Captures,
    text: &'t str,
}

impl<'t> Hit<'t> {
    /// The text of a named group, if it took part in the match.
    pub fn group(&self, name: &str) -> Option<&'t str> {
        let span = self.caps.get_group_by_name(name)?;
        self.text.get(span.range())
    }

    /// The whole match.
    pub fn matched(&self) -> &'t str {
        self.caps
            .get_match()
            .and_then(|m| self.text.get(m.range()))
            .unwrap_or("")
    }

    /// Text before the match.
    pub fn before(&self) -> &'t str {
        let start = self.caps.get_match().map_or(0, |m| m.start());
        self.text.get(..start).unwrap_or("")
    }

    /// Text after the match.
    pub fn after(&self) -> &'t str {
        let end = self.caps.get_match().map_or(0, |m| m.end());
        self.text.get(end..).unwrap_or("")
    }

    /// The start of the text after the match (a few words), lower-cased, leading spaces removed.
    pub fn next_words(&self) -> String {
        self.after()
            .trim_start()
            .chars()
            .take(40)
            .collect::<String>()
            .to_lowercase()
    }

    /// The word just before the match, lower-cased ("" at the start of the text).
    pub fn previous_word(&self) -> String {
        let before = self.before().trim_end();
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '$')
            .collect();
        word.chars().rev().collect::<String>().to_lowercase()
    }

    /// The direction the words around the match give it, if any: a possessive ("Tuesday's vote",
    /// an event already reported) and "since" point back; "as soon as", "as early as" and a
    /// deadline ("by August") point forward.
    pub fn own_tense(&self) -> Option<Tense> {
        let after = self.after();
        if after.starts_with("'s") || after.starts_with("\u{2019}s") {
            return Some(Tense::Past);
        }
        // "since October", "since shortly after the Oct. 23 slaying": always a time gone by.
        let before_words: Vec<String> = self
            .before()
            .rsplit(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .take(4)
            .map(str::to_lowercase)
            .collect();
        if before_words.iter().any(|word| word == "since") {
            return Some(Tense::Past);
        }
        let before = self.before().trim_end();
        let tail = |chars: usize| -> String {
            let start = before
                .char_indices()
                .rev()
                .nth(chars.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            before.get(start..).unwrap_or("").to_lowercase()
        };
        let soon = ["as soon as", "as early as"]
            .iter()
            .any(|phrase| tail(12).ends_with(phrase));
        // "by August" is a deadline ahead, unless seen from the past ("had filed … by Wednesday").
        let deadline = self.previous_word() == "by"
            && !tail(60)
                .split(|c: char| !c.is_alphabetic())
                .any(|word| word == "had");
        (soon || deadline).then_some(Tense::Future)
    }

    /// True when the named group starts with a capital letter in the original text.
    pub fn capitalised(&self, name: &str) -> bool {
        self.group(name)
            .and_then(|g| g.chars().next())
            .is_some_and(char::is_uppercase)
    }
}

/// What a builder returns: type, meaning and TIMEX3 `mod`.
pub struct Built {
    pub kind: TimexType,
    pub meaning: Meaning,
    pub modifier: Option<&'static str>,
    /// Leave a leading "the" out of the span: it belongs to the noun of "the third-quarter loss".
    pub drop_article: bool,
    /// The direction the wording gives, overriding the tense of the clause.
    pub tense: Option<Tense>,
}

impl Built {
    pub fn new(kind: TimexType, meaning: Meaning) -> Self {
        Built {
            kind,
            meaning,
            modifier: None,
            drop_article: false,
            tense: None,
        }
    }

    pub fn date(meaning: Meaning) -> Self {
        Built::new(TimexType::Date, meaning)
    }

    pub fn with_modifier(mut self, modifier: Option<&'static str>) -> Self {
        self.modifier = modifier;
        self
    }

    /// Resolve in the direction `tense` gives, whatever the tense of the clause.
    pub fn with_tense(mut self, tense: Option<Tense>) -> Self {
        self.tense = tense;
        self
    }

    /// Drop a leading "the" when the expression is a hyphenated modifier ("the two-week delay").
    pub fn adjectival_if(mut self, hyphenated: bool) -> Self {
        self.drop_article = hyphenated;
        self
    }
}

type Builder = fn(&Hit) -> Option<Built>;

/// One rule of the grammar.
pub struct Rule {
    regex: Regex,
    build: Builder,
}

impl Rule {
    /// A rule from a pattern (made case-insensitive and word-bounded at its start) and a builder.
    ///
    /// Word boundaries are ASCII ones: a Unicode `\b` stops the lazy DFA at the first non-ASCII
    /// byte (a curly quote, a dash) and falls back to far slower engines, while the grammar only
    /// ever puts boundaries next to ASCII letters and digits. Digits are ASCII ones too: the values
    /// are read with `str::parse`, which knows no other, and Unicode's digit class made compiling
    /// the grammar (once per process) a sixth slower. Literal prefilters are off: finding them in
    /// these case-insensitive alternations costs more than all the searches of a brief.
    pub fn new(pattern: &str, build: Builder) -> Rule {
        let pattern = format!(r"(?i)\b(?:{pattern})")
            .replace(r"\b", r"(?-u:\b)")
            .replace(r"\d", "[0-9]");
        let regex = Regex::builder()
            .configure(Regex::config().auto_prefilter(false))
            .build(&pattern)
            .expect("grammar patterns are constant and valid");
        Rule { regex, build }
    }
}

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut all = Vec::new();
        all.extend(calendar::rules());
        all.extend(relative::rules());
        all.extend(clock::rules());
        all.extend(amounts::rules());
        all.extend(refs::rules());
        all
    })
}

/// TIMEX3 `mod` of a prefix word ("early" → START, "late" → END, "mid" → MID).
pub fn modifier_of(word: Option<&str>) -> Option<&'static str> {
    let word = word?.to_ascii_lowercase();
    let word = word.trim_start_matches("the ").trim();
    if word.starts_with("early") || word.starts_with("beginning") || word.starts_with("start") {
        Some("START")
    } else if word.starts_with("late") && !word.starts_with("later") || word.starts_with("end") {
        Some("END")
    } else if word.starts_with("mid") {
        Some("MID")
    } else {
        None
    }
}

/// All matches of all rules, overlaps settled (longest first, then the earlier rule), in text order.
pub fn candidates(text: &str) -> Vec<Candidate> {
    let mut found: Vec<(usize, Candidate)> = Vec::new();
    for (order, rule) in rules().iter().enumerate() {
        for caps in rule.regex.captures_iter(text) {
            let Some(whole) = caps.get_match() else {
                continue;
            };
            let (start, end) = (whole.start(), whole.end());
            let hit = Hit { caps, text };
            if let Some(built) = (rule.build)(&hit) {
                let (start, end) = trim_span(text, start, end, built.drop_article);
                if start < end {
                    found.push((
                        order,
                        Candidate {
                            start,
                            end,
                            kind: built.kind,
                            meaning: built.meaning,
                            modifier: built.modifier,
                            tense: built.tense,
                        },
                    ));
                }
            }
        }
    }
    found.sort_by(|(ra, a), (rb, b)| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(ra.cmp(rb))
            .then(a.start.cmp(&b.start))
    });
    // Chosen spans never overlap, so a map from start to end finds any clash by its neighbours.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut chosen: Vec<Candidate> = Vec::new();
    for (_, candidate) in found {
        let clash_before = taken
            .range(..=candidate.start)
            .next_back()
            .is_some_and(|(_, &end)| end > candidate.start);
        let clash_after = taken
            .range(candidate.start..)
            .next()
            .is_some_and(|(&start, _)| start < candidate.end);
        if !clash_before && !clash_after {
            taken.insert(candidate.start, candidate.end);
            chosen.push(candidate);
        }
    }
    chosen.sort_by_key(|c| c.start);
    let ends = range_ends(text, &mut chosen);
    if !ends.is_empty() {
        // a year written after a second day ("22, 2016") is inside it now
        chosen.retain(|c| !ends.iter().any(|e| e.start <= c.start && c.end <= e.end));
        chosen.extend(ends);
        chosen.sort_by_key(|c| c.start);
    }
    chosen
}

/// The second days of day ranges the grammar reads only the first of: "Sept. 19 to 22", "March 3-5",
/// "Nov. 8 and 9" give a second DATE for the bare day, in the first day's month (and year, or the
/// year written after the second day: "Sept. 19 to 22, 2016"), as TimeML marks ranges: one expression
/// for each end. A second day may take in the year written after it, already a candidate of its own
/// ("22, 2016"); a first day without a year takes that year too.
fn range_ends(text: &str, chosen: &mut [Candidate]) -> Vec<Candidate> {
    let mut ends = Vec::new();
    for index in 0..chosen.len() {
        let first = &chosen[index];
        let Meaning::MonthDay {
            year,
            month,
            day: Some(first_day),
            relation,
        } = first.meaning
        else {
            continue;
        };
        let after = text.get(first.end..).unwrap_or("");
        let Some((offset, length, day, written_year)) = second_day(after) else {
            continue;
        };
        let (start, end) = (first.end + offset, first.end + offset + length);
        if day <= first_day {
            continue;
        }
        let clash = chosen.get(index + 1).filter(|next| next.start < end);
        if clash.is_some_and(|next| !(matches!(next.meaning, Meaning::Year(_)) && next.end == end))
        {
            continue;
        }
        let year = year.or(written_year);
        ends.push(Candidate {
            start,
            end,
            kind: first.kind,
            meaning: Meaning::MonthDay {
                year,
                month,
                day: Some(day),
                relation,
            },
            modifier: None,
            tense: first.tense,
        });
        if let Meaning::MonthDay {
            year: first_year, ..
        } = &mut chosen[index].meaning
        {
            *first_year = year;
        }
    }
    ends
}

/// After a day of a month: a range word and a bare day number ("to 22", "-22", "and 22"), with the
/// year when one follows (", 2016"). Its offset and length in `after`, the day and the year. A number
/// that goes on ("22.5", "10:30") or counts something ("3-5 percent", "10 to 11 a.m.") is no day.
fn second_day(after: &str) -> Option<(usize, usize, u32, Option<i32>)> {
    const COUNTED: &[&str] = &[
        "percent", "per", "pct", "a.m", "p.m", "am", "pm", "points", "million", "billion",
        "people", "years", "months", "weeks", "days", "hours", "minutes", "degrees", "votes",
        "times", "o'clock",
    ];
    let joined = after.trim_start_matches(' ');
    let (joiner, rest) = ["-", "\u{2013}", "to ", "through ", "until ", "and "]
        .iter()
        .find_map(|word| joined.strip_prefix(word).map(|rest| (word.len(), rest)))?;
    let number = rest.trim_start_matches(' ');
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let tail = &number[digits..];
    let goes_on = tail.starts_with(['.', ':', '/', ',', '-'])
        && tail[1..].starts_with(|c: char| c.is_ascii_digit());
    let next_word: String = tail
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '\''))
        .collect::<String>()
        .trim_end_matches('.')
        .to_lowercase();
    // "and" also joins a count to the next clause ("on March 3 and 12 others"): only before punctuation
    let joined_by_and = joined.starts_with("and ");
    if goes_on
        || tail.starts_with('%')
        || COUNTED.contains(&next_word.as_str())
        || joined_by_and && !next_word.is_empty()
    {
        return None;
    }
    let day: u32 = number[..digits].parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let start = (after.len() - joined.len()) + joiner + (rest.len() - number.len());
    let year = tail
        .strip_prefix(", ")
        .filter(|year| year.len() >= 4 && year.as_bytes()[..4].iter().all(u8::is_ascii_digit))
        .filter(|year| !year[4..].starts_with(|c: char| c.is_ascii_digit()))
        .and_then(|year| year[..4].parse().ok());
    let length = digits + if year.is_some() { 6 } else { 0 };
    Some((start, length, day, year))
}

/// Drop trailing spaces and commas a pattern may have swallowed, and a leading article if asked.
fn trim_span(text: &str, start: usize, end: usize, drop_article: bool) -> (usize, usize) {
    let slice = text.get(start..end).unwrap_or("");
    let trimmed = slice.trim_end_matches([' ', ',', '\n', '\t', '\r', '-']);
    let end = start + trimmed.len();
    if drop_article
        && trimmed.len() > 4
        && trimmed
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("the "))
    {
        let rest = trimmed[4..].trim_start();
        return (end - rest.len(), end);
    }
    (start, end)
}
