//! Timeline: the story's dated events, merged across articles and sorted by date.
//!
//! Each article is tagged once by `newsbrief-timex`; its calendar dates are resolved against the article's
//! date, or a date inferred from the story's texts. A sentence is dated by its most precise date (a day
//! before a month, the first of equally precise ones), so it appears once in the timeline. Sentences that carry the same date and say much the
//! same thing in several articles become one entry with several sources; when two articles report what
//! looks like one event under different dates, both entries stay and each names the other as a conflict.

use std::collections::BTreeMap;
use std::ops::Range;

use newsbrief_timex::{Anchor, Found, NaiveDate, Precision, Timex, TimexType};
use serde::Serialize;

use crate::document::{Document, Sentence};
use crate::summary::vector::{idf, SparseVec};
use crate::terms::Vocabulary;
use crate::{Article, Span};

/// One dated event of the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// The TIMEX3 value: "2016-06-14", "2016-09", "2016".
    pub date: String,
    pub precision: &'static str,
    /// The sentence the date anchors (from the first source).
    pub text: String,
    /// Where each article reports it: the sentence's span.
    pub sources: Vec<Span>,
    /// True when the date was resolved against an article date inferred from the text.
    pub inferred: bool,
    /// Indices of entries that seem to report the same event under another date.
    pub conflicts: Vec<usize>,
}

/// A dated sentence before merging.
struct Dated {
    value: String,
    precision: Precision,
    range: (NaiveDate, NaiveDate),
    span: Span,
    text: String,
    inferred: bool,
    vector: SparseVec,
}

/// Sentences this similar, with the same date, report one event.
const SAME_EVENT: f32 = 0.2;
/// Sentences this similar, with different dates, look like one event dated differently.
const CONFLICT: f32 = 0.6;
/// Longest event text kept, in characters.
const MAX_TEXT: usize = 400;

/// The timeline of a story. `docs` are the analysed articles and `found` their time expressions
/// (`newsbrief_timex::find`), in the same order.
pub fn timeline(articles: &[Article], docs: &[Document], found: &[Found]) -> Vec<TimelineEntry> {
    let mut vocabulary = Vocabulary::default();
    let mut bags = Vec::new();
    let mut dated = Vec::new();
    let story_date = story_anchor(articles, found);
    for (doc, ((article, analysed), found)) in articles.iter().zip(docs).zip(found).enumerate() {
        let anchor = match article.published_date() {
            Some(date) => Anchor::known(date),
            None => Anchor {
                date: story_date,
                inferred: true,
            },
        };
        let prose: Vec<_> = analysed.prose().collect();
        for (sentence, (timex, precision, range)) in
            sentence_dates(&article.text, found.resolve(&article.text, anchor), &prose)
        {
            let raw = &article.text[sentence.clone()];
            let mut text: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.len() > MAX_TEXT {
                let cut = (0..=MAX_TEXT)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                text.truncate(cut);
                text.push('…');
            }
            bags.push(vocabulary.terms(raw));
            dated.push(Dated {
                value: timex.value,
                precision,
                range,
                span: Span {
                    doc,
                    start: sentence.start,
                    end: sentence.end,
                },
                text,
                inferred: timex.anchored_on_inferred,
                vector: SparseVec::default(),
            });
        }
    }
    let weights = idf(bags.iter().map(Vec::as_slice), vocabulary.len());
    for (d, bag) in dated.iter_mut().zip(&bags) {
        d.vector = SparseVec::tf_idf(bag, &weights);
    }
    dated.sort_by(|a, b| a.range.cmp(&b.range).then(a.span.cmp(&b.span)));
    merge(dated)
}

/// How far past the latest full date a day-and-month without a year may lie and still be taken as the
/// story's date.
const DAY_MONTH_REACH: i64 = 45;

/// The date undated articles are read against: the latest known publication date of the story's
/// articles; failing that, the latest date the texts themselves give, where a day and month without a
/// year ("March 2") is placed in the latest year the story names, if that puts it shortly after the
/// latest full date. Articles of one story appear within days of each other, so one date serves all.
fn story_anchor(articles: &[Article], found: &[Found]) -> Option<NaiveDate> {
    if let Some(date) = articles.iter().filter_map(Article::published_date).max() {
        return Some(date);
    }
    let found: Vec<String> = articles
        .iter()
        .zip(found)
        .flat_map(|(a, f)| f.resolve(&a.text, Anchor::unknown()))
        .filter(|t| t.kind == TimexType::Date)
        .map(|t| t.value)
        .collect();
    let full = found
        .iter()
        .filter_map(|v| v.get(..10)?.parse::<NaiveDate>().ok())
        .max();
    let latest_year = found
        .iter()
        .filter_map(|v| v.get(..4)?.parse::<i32>().ok())
        .max()?;
    let day_month = found
        .iter()
        .filter_map(|v| {
            let rest = v.strip_prefix("XXXX-")?;
            NaiveDate::parse_from_str(&format!("{latest_year}-{}", rest.get(..5)?), "%Y-%m-%d").ok()
        })
        .filter(|d| full.is_none_or(|f| *d > f && (*d - f).num_days() <= DAY_MONTH_REACH))
        .max();
    day_month.or(full)
}

/// A dated expression kept for a sentence: the expression, its precision and the days it covers.
type SentenceDate = (Timex, Precision, (NaiveDate, NaiveDate));

/// Verbs that report speech: a date right after one ("said on March 2 that …") dates the report,
/// not the event the sentence tells.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "told",
    "tells",
    "reported",
    "reports",
    "stated",
    "wrote",
    "tweeted",
    "added",
    "noted",
    "declared",
    "explained",
];

/// True when one of the three words before `start` in `text` (within `sentence`) reports speech.
fn dates_a_report(text: &str, sentence: &Range<usize>, start: usize) -> bool {
    text.get(sentence.start..start.max(sentence.start))
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(3)
        .any(|word| {
            REPORTING.contains(
                &word
                    .to_lowercase()
                    .trim_matches(|c: char| !c.is_alphabetic()),
            )
        })
}

/// The date of each prose sentence that has one, in text order: its most precise calendar date of day or
/// month precision (the first of equally precise ones), with that precision and the days it covers. The
/// date of a report ("said on March 2 that they met in December") gives way to any other date of the
/// sentence. Dates outside prose sentences are ignored.
fn sentence_dates(
    text: &str,
    timexes: Vec<Timex>,
    prose: &[&Sentence],
) -> Vec<(Range<usize>, SentenceDate)> {
    let mut best: BTreeMap<usize, ((bool, Precision), SentenceDate)> = BTreeMap::new();
    for timex in timexes {
        let Some(precision) = timex
            .precision
            .filter(|p| matches!(p, Precision::Month | Precision::Day))
        else {
            continue;
        };
        if timex.kind != TimexType::Date {
            continue;
        }
        let Some(range) = timex.date_range() else {
            continue;
        };
        let Some(sentence) = prose
            .iter()
            .position(|s| s.range.start <= timex.start && timex.end <= s.range.end)
        else {
            continue;
        };
        let event = prose
            .get(sentence)
            .is_some_and(|s| !dates_a_report(text, &s.range, timex.start));
        let rank = (event, precision);
        if best.get(&sentence).is_none_or(|(kept, _)| rank > *kept) {
            best.insert(sentence, (rank, (timex, precision, range)));
        }
    }
    best.into_iter()
        .filter_map(|(i, (_, date))| Some((prose.get(i)?.range.clone(), date)))
        .collect()
}

/// Groups dated sentences into entries and marks conflicting dates.
fn merge(dated: Vec<Dated>) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, d) in dated.iter().enumerate() {
        let same = entries.iter().zip(&members).position(|(e, m)| {
            e.date == d.value
                && m.iter().any(|&j| {
                    dated[j].vector.cosine(&d.vector) >= SAME_EVENT || dated[j].span == d.span
                })
        });
        match same {
            Some(k) => {
                if !entries[k].sources.contains(&d.span) {
                    entries[k].sources.push(d.span);
                }
                entries[k].inferred &= d.inferred;
                members[k].push(i);
            }
            None => {
                entries.push(TimelineEntry {
                    date: d.value.clone(),
                    precision: d.precision.as_str(),
                    text: d.text.clone(),
                    sources: vec![d.span],
                    inferred: d.inferred,
                    conflicts: Vec::new(),
                });
                members.push(vec![i]);
            }
        }
    }
    for a in 0..entries.len() {
        for b in a + 1..entries.len() {
            let clash = members[a].iter().any(|&i| {
                members[b].iter().any(|&j| {
                    dated[i].span.doc != dated[j].span.doc
                        && !overlapping(dated[i].range, dated[j].range)
                        && dated[i].vector.cosine(&dated[j].vector) >= CONFLICT
                })
            });
            if clash {
                entries[a].conflicts.push(b);
                entries[b].conflicts.push(a);
            }
        }
    }
    entries
}

/// Dates of different precision that contain each other ("2016" and "2016-07") do not conflict.
fn overlapping(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsbrief_timex::find;

    /// The timeline of articles analysed as a brief analyses them.
    fn timeline_of(articles: &[Article]) -> Vec<TimelineEntry> {
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| Document::analyse(&a.text))
            .collect();
        let found: Vec<Found> = articles.iter().map(|a| find(&a.text)).collect();
        timeline(articles, &docs, &found)
    }

    fn dates_of(articles: &[Article]) -> Vec<String> {
        timeline_of(articles).into_iter().map(|e| e.date).collect()
    }

    fn story() -> Vec<Article> {
        let mut a = Article::new(
            "a",
            "Flynn resigned on February 13, 2017, after talks with the ambassador.",
        );
        a.published = Some("2017-03-02".into());
        let mut b = Article::new(
            "b",
            "Michael Flynn resigned Feb. 13 after his talks with the Russian ambassador.",
        );
        b.published = Some("2017-03-03".into());
        let c = Article::new(
            "c",
            "The DNC servers were hacked, officials said on June 14, 2016.",
        );
        vec![a, b, c]
    }

    #[test]
    fn undated_story_is_read_against_its_latest_date() {
        let articles = [
            Article::new(
                "a",
                "Flynn resigned on February 13, 2017. The first meeting was in July.",
            ),
            Article::new(
                "b",
                "The White House said on March 2 that the two met in December.",
            ),
        ];
        let found: Vec<Found> = articles.iter().map(|a| find(&a.text)).collect();
        assert_eq!(
            story_anchor(&articles, &found),
            NaiveDate::from_ymd_opt(2017, 3, 2)
        );
        let dates = dates_of(&articles);
        // "said on March 2 that the two met in December" is dated by the meeting, not the statement.
        assert_eq!(dates, ["2016-07", "2016-12", "2017-02-13"]);
    }

    #[test]
    fn a_sentence_is_dated_once_by_its_most_precise_date() {
        let mut a = Article::new(
            "a",
            "Sessions was confirmed on Feb. 1 after talks in December. The meetings were in July and September.",
        );
        a.published = Some("2017-03-02".into());
        assert_eq!(dates_of(&[a]), ["2016-07", "2017-02-01"]);
    }

    #[test]
    fn merges_one_event_from_two_outlets_and_sorts_by_date() {
        let t = timeline_of(&story());
        let dates: Vec<&str> = t.iter().map(|e| e.date.as_str()).collect();
        assert_eq!(dates, ["2016-06-14", "2017-02-13"]);
        assert_eq!(t[1].sources.len(), 2);
        assert_eq!(t[1].precision, "day");
        assert!(!t[1].inferred);
    }
}
