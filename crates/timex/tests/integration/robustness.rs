//! Bad input: arbitrary text never panics, impossible dates and extreme years give sensible values,
//! and long runs of numbers are tagged in bounded time.

use std::time::{Duration, Instant};

use newsbrief_timex::{annotate, find, infer_anchor, timeml, Anchor, NaiveDate, TimexType};
use proptest::prelude::*;

fn anchor() -> Anchor {
    Anchor::known(NaiveDate::from_ymd_opt(2017, 3, 2).unwrap())
}

proptest! {
    #[test]
    fn annotate_never_panics(text in ".{0,300}", year in -300_000i32..300_000, day in 0u32..400) {
        let date = NaiveDate::from_yo_opt(year, day.clamp(1, 365));
        for timex in annotate(&text, Anchor { date, inferred: false }) {
            prop_assert!(timex.start < timex.end && timex.end <= text.len());
            prop_assert!(text.is_char_boundary(timex.start) && text.is_char_boundary(timex.end));
            let _ = timex.date_range();
        }
        let _ = infer_anchor(&text);
    }

    #[test]
    fn date_like_text_never_panics(words in proptest::collection::vec(
        "(March|Feb\\.|Tuesday|last|next|the|year|years|ago|2017|99999|0|31|30|February|quarter|third|a|week|-|,|1/2|p\\.m\\.|12:61|every|century|'80s|fiscal)", 0..40)) {
        let text = words.join(" ");
        let _ = annotate(&text, anchor());
        let _ = annotate(&text, Anchor::unknown());
        let _ = annotate(&text, Anchor::known(NaiveDate::MAX));
        let _ = annotate(&text, Anchor::known(NaiveDate::MIN));
    }

    #[test]
    fn timeml_parse_never_panics(text in "(<TEXT>|</TEXT>|<TIMEX3 tid=\"t1\" value=\"x\">|</TIMEX3>|<DCT>|</DCT>|<|>|a|\\s){0,30}") {
        if let Ok(document) = timeml::parse(&text) {
            let _ = document.with_timexes(&annotate(&document.text, anchor()));
        }
    }
}

#[test]
fn impossible_dates_keep_the_month() {
    let timexes = annotate("It was signed on February 30, 2017.", anchor());
    assert_eq!(timexes.len(), 1);
    assert_eq!(timexes[0].value, "2017-02");
    let timexes = annotate("It was signed on February 30.", anchor());
    assert_eq!(timexes[0].value, "2017-02");
    assert!(timexes[0].date_range().is_some());
}

#[test]
fn far_years() {
    let timexes = annotate("The treaty of 1066 and the plan for 2150.", anchor());
    let values: Vec<&str> = timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["1066", "2150"]);
    assert!(annotate("In 9999 and 12345 and 0042.", anchor()).is_empty());
    let far = annotate("It happened on March 3, 9999.", anchor());
    assert_eq!(far[0].value, "9999-03-03");
}

#[test]
fn no_date_at_all() {
    let text = "The minister said on Tuesday that talks would resume last month.";
    assert_eq!(infer_anchor(text), None);
    let timexes = annotate(text, Anchor::known_or_inferred(None, text));
    assert_eq!(timexes.len(), 2);
    assert_eq!(timexes[0].value, "XXXX-WXX-2");
    assert_eq!(timexes[1].value, "XXXX-XX");
    assert!(timexes.iter().all(|t| !t.anchored_on_inferred));
}

#[test]
fn thousands_of_numbers_in_bounded_time() {
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!("{} {}, {} days ", i % 2100, i % 31, i));
    }
    let started = Instant::now();
    let timexes = annotate(&text, anchor());
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    assert!(timexes.iter().any(|t| t.kind == TimexType::Duration));
}

#[test]
fn year_zero_and_five_digit_years() {
    // Five-digit and zero years are not dates; the day and month still are.
    let timexes = annotate("It happened on March 3, 99999 and in the year 0.", anchor());
    let values: Vec<&str> = timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2017-03-03"]);
    let numeric = annotate("Logged 0000-01-01 and 99999-01-01.", anchor());
    assert!(numeric
        .iter()
        .all(|t| t.date_range().is_none_or(|(first, last)| first <= last)));
    assert!(annotate("The year 0 and the year 99999.", anchor())
        .iter()
        .all(|t| t.kind != TimexType::Date || t.value.len() <= 10));
}

#[test]
fn an_article_of_five_thousand_numbers() {
    let text: String = (0..5_000)
        .map(|i| format!("{}", (i * 7919) % 100_000))
        .collect::<Vec<_>>()
        .join(", ");
    let started = Instant::now();
    let found = find(&text);
    let timexes = found.resolve(&text, anchor());
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    // Only four-digit numbers in 1000–2199 can be years; no amount becomes a day or a duration.
    assert!(timexes.iter().all(|t| t.kind == TimexType::Date));
    assert!(timexes.iter().all(|t| t
        .value
        .parse::<i32>()
        .is_ok_and(|y| (1000..=2199).contains(&y))));
    assert_eq!(found.infer_anchor(), None);
}

#[test]
fn found_once_resolves_like_annotate() {
    let text =
        "Flynn resigned on February 13, 2017. Sessions met Kislyak in July and on Wednesday.";
    let found = find(text);
    assert_eq!(found.infer_anchor(), NaiveDate::from_ymd_opt(2017, 2, 13));
    for anchor in [anchor(), Anchor::unknown(), Anchor::known(NaiveDate::MAX)] {
        assert_eq!(found.resolve(text, anchor), annotate(text, anchor));
    }
    let empty = find("No date here at all.");
    assert!(empty.is_empty());
    assert_eq!(empty.infer_anchor(), None);
    assert!(empty.resolve("No date here at all.", anchor()).is_empty());
    // A text that is not the one the expressions were found in gives empty texts, never a panic.
    assert!(found
        .resolve("short", anchor())
        .iter()
        .all(|t| t.text.is_empty()));
}
