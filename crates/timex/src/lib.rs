//! Time expressions in news text, found and normalised in TIMEX3 style.
//!
//! [`annotate`] finds absolute dates ("June 14, 2016"), partial ones ("in September", "the 1970s"),
//! relative ones ("Wednesday", "last month", "two days later"), times, durations and sets, and gives
//! each its TIMEX3 type, value and precision. Relative expressions are resolved against an
//! [`Anchor`], the article's date; news is past-biased, so a bare "Tuesday" is the last Tuesday
//! unless the sentence is clearly about the future. [`find`] does the tagging alone, so that a text
//! whose date is unknown is tagged once, its anchor inferred ([`Found::infer_anchor`]) and its
//! expressions resolved ([`Found::resolve`]) afterwards. [`timeml`] reads and writes TimeML documents
//! and [`score`] computes the TempEval-3 Task A measures.

mod lexicon;
mod meaning;
mod resolve;
mod rules;
pub mod score;
mod tense;
pub mod timeml;
mod types;
mod value;

/// The calendar date type of the API (re-exported from `chrono`).
pub use chrono::NaiveDate;

pub use lexicon::number_word_value;
pub use types::{Precision, Timex, TimexType};
pub use value::date_range;

use meaning::{Candidate, Meaning};
use resolve::Resolver;
use tense::Tense;

/// The date relative expressions are resolved against, and whether it was inferred from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Anchor {
    pub date: Option<NaiveDate>,
    pub inferred: bool,
}

impl Anchor {
    /// The article's known date (from its metadata).
    pub fn known(date: NaiveDate) -> Self {
        Anchor {
            date: Some(date),
            inferred: false,
        }
    }

    /// No date: relative expressions get values with unknown digits (`XXXX-WXX-3`).
    pub fn unknown() -> Self {
        Anchor::default()
    }

    /// The known date when there is one, else the date inferred from the text ([`infer_anchor`]).
    pub fn known_or_inferred(date: Option<NaiveDate>, text: &str) -> Self {
        match date {
            Some(date) => Anchor::known(date),
            None => Anchor {
                date: infer_anchor(text),
                inferred: true,
            },
        }
    }
}

/// A stand-in for an unknown article date: the latest full date written in the text ("March 2,
/// 2017", "2017-03-02"); failing that, the latest day-and-month ("9 February") placed in the latest
/// year the text names. `None` when the text gives neither.
pub fn infer_anchor(text: &str) -> Option<NaiveDate> {
    find(text).infer_anchor()
}

/// The time expressions of one text, found but not yet resolved against an anchor: tag a text once
/// with [`find`], then infer its anchor and resolve it as often as needed without tagging it again.
#[derive(Debug, Clone, Default)]
pub struct Found {
    candidates: Vec<Candidate>,
    /// The tense of the clause around each candidate (it depends on the text only).
    tenses: Vec<Tense>,
}

/// Find the time expressions of `text` (the expensive step of [`annotate`]).
pub fn find(text: &str) -> Found {
    let candidates = rules::candidates(text);
    let tenses = candidates
        .iter()
        .map(|candidate| {
            candidate
                .tense
                .unwrap_or_else(|| tense::tense_around(text, candidate.start, candidate.end))
        })
        .collect();
    Found { candidates, tenses }
}

impl Found {
    /// How many expressions were found.
    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    /// True when the text has no time expression.
    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// See [`infer_anchor`].
    pub fn infer_anchor(&self) -> Option<NaiveDate> {
        let full = self
            .candidates
            .iter()
            .filter_map(|candidate| match candidate.meaning {
                Meaning::MonthDay {
                    year: Some(year),
                    month,
                    day: Some(day),
                    ..
                } => NaiveDate::from_ymd_opt(year, month, day),
                _ => None,
            })
            .max();
        if full.is_some() {
            return full;
        }
        let latest_year = self
            .candidates
            .iter()
            .filter_map(|candidate| match candidate.meaning {
                Meaning::Year(year)
                | Meaning::MonthDay {
                    year: Some(year), ..
                } => Some(year),
                _ => None,
            })
            .max()?;
        self.candidates
            .iter()
            .filter_map(|candidate| match candidate.meaning {
                Meaning::MonthDay {
                    year: None,
                    month,
                    day: Some(day),
                    ..
                } => NaiveDate::from_ymd_opt(latest_year, month, day),
                _ => None,
            })
            .max()
    }

    /// Normalise the expressions against `anchor`, in text order. `text` must be the text they
    /// were found in (spans that do not fit it get an empty `text` field, never a panic).
    pub fn resolve(&self, text: &str, anchor: Anchor) -> Vec<Timex> {
        let mut resolver = Resolver::new(anchor.date);
        self.candidates
            .iter()
            .zip(&self.tenses)
            .map(|(candidate, &tense)| {
                let value = resolver.value(&candidate.meaning, tense);
                let relative = candidate.meaning.is_relative();
                Timex {
                    start: candidate.start,
                    end: candidate.end,
                    text: text
                        .get(candidate.start..candidate.end)
                        .unwrap_or("")
                        .to_owned(),
                    kind: candidate.kind,
                    precision: match candidate.kind {
                        TimexType::Date | TimexType::Time => value::precision(&value),
                        TimexType::Duration | TimexType::Set => None,
                    },
                    value,
                    modifier: candidate.modifier,
                    anchored_on_inferred: relative && anchor.inferred && anchor.date.is_some(),
                }
            })
            .collect()
    }
}

/// Find and normalise the time expressions of `text`, in text order: [`find`] then [`Found::resolve`].
pub fn annotate(text: &str, anchor: Anchor) -> Vec<Timex> {
    find(text).resolve(text, anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str, anchor: (i32, u32, u32)) -> Vec<(String, TimexType, String)> {
        let date = NaiveDate::from_ymd_opt(anchor.0, anchor.1, anchor.2);
        annotate(
            text,
            Anchor {
                date,
                inferred: false,
            },
        )
        .into_iter()
        .map(|t| (t.text, t.kind, t.value))
        .collect()
    }

    fn first(text: &str, anchor: (i32, u32, u32)) -> (String, TimexType, String) {
        tagged(text, anchor)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing in {text:?}"))
    }

    #[test]
    fn kinds_of_expressions() {
        let march = (2017, 3, 2);
        let cases = [
            (
                "It was approved on 2016-12-29.",
                "2016-12-29",
                TimexType::Date,
            ),
            ("Music of the 1970s.", "197", TimexType::Date),
            ("He resigned two days later.", "2017-03-04", TimexType::Date),
            (
                "He said earlier this week that",
                "2017-W09",
                TimexType::Date,
            ),
            ("after a 20-minute meeting", "PT20M", TimexType::Duration),
            ("they met every Monday", "XXXX-WXX-1", TimexType::Set),
            ("The vote is at 3 p.m.", "2017-03-02T15:00", TimexType::Time),
            (
                "Profit rose in the third quarter.",
                "2016-Q3",
                TimexType::Date,
            ),
            ("Prices are high now.", "PRESENT_REF", TimexType::Date),
            ("He recently said", "PAST_REF", TimexType::Date),
            ("plans for the future", "FUTURE_REF", TimexType::Date),
            ("in fiscal 1998", "1998", TimexType::Date),
            ("It lasted three years.", "P3Y", TimexType::Duration),
            ("She left last month.", "2017-02", TimexType::Date),
            ("It rose 5% last year.", "2016", TimexType::Date),
            (
                "They spoke yesterday morning.",
                "2017-03-01TMO",
                TimexType::Time,
            ),
            ("Sales reached $5 million a year.", "P1Y", TimexType::Set),
            (
                "He was born on Christmas Day, 1990.",
                "1990-12-25",
                TimexType::Date,
            ),
        ];
        for (text, value, kind) in cases {
            let (_, got_kind, got_value) = first(text, march);
            assert_eq!((got_value.as_str(), got_kind), (value, kind), "{text}");
        }
    }

    #[test]
    fn extents_follow_timeml() {
        assert_eq!(
            first("a third-quarter loss", (1998, 11, 2)).0,
            "third-quarter"
        );
        assert_eq!(
            first("Stocks fell in the past two years.", (1998, 11, 2)).0,
            "the past two years"
        );
        assert_eq!(
            first("in the year-ago quarter", (1998, 11, 2)).0,
            "the year-ago quarter"
        );
        assert_eq!(
            first("On Friday, Oct. 23, 1998 the", (1998, 11, 2)).0,
            "Friday, Oct. 23, 1998"
        );
        assert!(tagged("a 45-year-old man", (1998, 11, 2)).is_empty());
        assert!(tagged("You may go.", (1998, 11, 2)).is_empty());
        assert!(tagged("he told USA Today.", (1998, 11, 2)).is_empty());
        assert_eq!(
            first("Stocks fell. Today they rose.", (1998, 11, 2)).2,
            "1998-11-02"
        );
    }

    #[test]
    fn conventions_of_news_annotation() {
        let march = (2017, 3, 2);
        let cases = [
            ("It opened in June last year.", "June last year", "2016-06"),
            (
                "It ends on May 5 next year.",
                "May 5 next year",
                "2018-05-05",
            ),
            (
                "Profit fell in the third quarter of last year.",
                "the third quarter of last year",
                "2016-Q3",
            ),
            (
                "It was built in the summer of last year.",
                "the summer of last year",
                "2016-SU",
            ),
            ("Sales in the year ended June 30 rose.", "the year", "P1Y"),
            ("Sales for the full year rose.", "the full year", "2017"),
            ("They met Friday night.", "Friday night", "2017-02-24"),
            (
                "They met Friday evening.",
                "Friday evening",
                "2017-02-24TEV",
            ),
            (
                "Rates may rise in the near term.",
                "the near term",
                "FUTURE_REF",
            ),
        ];
        for (text, span, value) in cases {
            let (got_span, _, got_value) = first(text, march);
            assert_eq!(
                (got_span.as_str(), got_value.as_str()),
                (span, value),
                "{text}"
            );
        }
        assert!(tagged("Jan Kavan signed.", march).is_empty());
    }

    #[test]
    fn both_ends_of_a_day_range_are_dates() {
        let anchor = (2016, 9, 10);
        let values = |text: &str| -> Vec<(String, String)> {
            tagged(text, anchor)
                .into_iter()
                .map(|(span, _, value)| (span, value))
                .collect()
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            values("The festival runs Sept. 19 to 22 in Manhattan."),
            [pair("Sept. 19", "2016-09-19"), pair("22", "2016-09-22")]
        );
        assert_eq!(
            values("It ran Sept. 19 to 22, 2015."),
            [
                pair("Sept. 19", "2015-09-19"),
                pair("22, 2015", "2015-09-22")
            ]
        );
        assert_eq!(
            values("Voting is Nov. 8-9."),
            [pair("Nov. 8", "2016-11-08"), pair("9", "2016-11-09")]
        );
        // counts after a date are no second day
        assert_eq!(values("On March 3 and 12 others were hurt.").len(), 1);
        assert_eq!(values("Shares rose on May 3 to 5 percent.").len(), 1);
        assert_eq!(values("It fell on May 3 to 5.5 points.").len(), 1);
    }

    #[test]
    fn future_tense_points_forward() {
        assert_eq!(
            first("The committee will meet Tuesday.", (2017, 3, 2)).2,
            "2017-03-07"
        );
        assert_eq!(
            first("The committee met Tuesday.", (2017, 3, 2)).2,
            "2017-02-28"
        );
        assert_eq!(
            first("The ruling will come in September.", (2017, 3, 2)).2,
            "2017-09"
        );
    }

    #[test]
    fn wording_gives_the_direction() {
        // 2017-03-02 is a Thursday.
        let cases = [
            ("Lawyers will appeal Wednesday's ruling.", "2017-03-01"),
            ("He could arrive as soon as Tuesday.", "2017-03-07"),
            ("Talks resume Saturday in Geneva.", "2017-03-04"),
            ("Talks began Saturday in Geneva.", "2017-02-25"),
            ("The talks are supposed to conclude by May.", "2017-05"),
            (
                "Police have searched for him since the Oct. 23 attack.",
                "2016-10-23",
            ),
            ("He was shot last Oct. 23 at home.", "2016-10-23"),
            (
                "She will be named commander for a mission in December.",
                "2017-12",
            ),
            ("It happened last fall.", "2016-FA"),
        ];
        for (text, value) in cases {
            assert_eq!(first(text, (2017, 3, 2)).2, value, "{text}");
        }
        assert_eq!(
            first("It happened last fall.", (2017, 2, 10)).2,
            "2016-FA",
            "February is still in the winter that began in December"
        );
    }

    #[test]
    fn narrative_references() {
        let values = |text: &str| -> Vec<String> {
            tagged(text, (2017, 3, 2))
                .into_iter()
                .map(|t| t.2)
                .collect()
        };
        assert_eq!(
            values("He became a general in May 1995, and the following year he moved to Paris."),
            ["1995-05", "1996"]
        );
        assert_eq!(
            values("The plant opened in 2009. Later that year it closed."),
            ["2009", "2009"]
        );
        assert_eq!(
            values("Third-quarter profit rose from the 2016 quarter."),
            ["2016-Q3", "2016-Q3"]
        );
    }

    #[test]
    fn later_counts_from_the_last_day_named() {
        let values: Vec<String> = tagged(
            "On June 14, 2016 the servers were hacked; two days later the DNC said so.",
            (2017, 3, 2),
        )
        .into_iter()
        .map(|t| t.2)
        .collect();
        assert_eq!(values, ["2016-06-14", "2016-06-16"]);
    }

    #[test]
    fn year_earlier_follows_the_quarter() {
        let values: Vec<String> = tagged(
            "Third-quarter profit rose from a year earlier.",
            (1998, 11, 2),
        )
        .into_iter()
        .map(|t| t.2)
        .collect();
        assert_eq!(values, ["1998-Q3", "1997-Q3"]);
    }
}
