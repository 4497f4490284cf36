//! Hostile and odd input: no panic, bounded time, spans that fit the text.

use std::time::{Duration, Instant};

use newsbrief_quotes::{extract, NameKind, NameSpan, Quote};
use proptest::prelude::*;

fn assert_spans_fit(text: &str, quotes: &[Quote]) {
    for quote in quotes {
        assert!(text.get(quote.span.start..quote.span.end).is_some());
        if let Some(speaker) = &quote.speaker {
            assert!(text.get(speaker.span.start..speaker.span.end).is_some());
        }
        if let Some(cue) = quote.cue {
            assert!(text.get(cue.start..cue.end).is_some());
        }
    }
}

fn timed(text: &str) -> (Vec<Quote>, Duration) {
    let started = Instant::now();
    let quotes = extract(text, &[]);
    (quotes, started.elapsed())
}

#[test]
fn ten_thousand_quote_marks_in_a_row() {
    for mark in ["\"", "“", "”", "„", "'", "’"] {
        let text = mark.repeat(10_000);
        let (quotes, took) = timed(&text);
        assert!(quotes.is_empty(), "{mark}");
        assert!(took < Duration::from_secs(2), "{mark}: {took:?}");
    }
    let text = "“a” ".repeat(10_000);
    let (quotes, took) = timed(&text);
    assert_spans_fit(&text, &quotes);
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn an_unclosed_quote_does_not_swallow_the_article() {
    let text = "Franken said: “This never closes.\nThe hearing went on. Sessions said, “I did not.” Later he left.\n".repeat(3);
    let quotes = extract(&text, &[]);
    assert!(quotes.iter().all(|q| !q.text.contains('\n')), "{quotes:?}");
    assert!(quotes.iter().any(|q| q.text == "I did not."));
}

#[test]
fn all_caps_and_no_capitals() {
    let caps = "“WE WILL WIN,” SAID TRUMP. “NOBODY CAN STOP US.”";
    let quotes = extract(caps, &[]);
    assert_eq!(quotes.len(), 2);
    assert_spans_fit(caps, &quotes);
    let lower = "“we will win,” said trump. “nobody can stop us,” he added.";
    let quotes = extract(lower, &[]);
    assert_eq!(quotes.len(), 2);
    assert_eq!(
        quotes[0].speaker.as_ref().map(|s| s.text.as_str()),
        Some("trump")
    );
}

#[test]
fn names_that_do_not_fit_the_text_are_ignored() {
    let text = "“Go,” Warren said.";
    let names = [
        NameSpan {
            start: 7,
            end: 500,
            kind: NameKind::Person,
        },
        NameSpan {
            start: 1,
            end: 2,
            kind: NameKind::Person,
        },
    ];
    assert_spans_fit(text, &extract(text, &names));
}

proptest! {
    #[test]
    fn never_panics_and_spans_fit(text in "(\\PC|[\"“”‘’'\\n,.:—]){0,400}", cuts in proptest::collection::vec((0usize..500, 0usize..500), 0..8)) {
        let names: Vec<NameSpan> = cuts.iter().map(|&(a, b)| NameSpan { start: a.min(b), end: a.max(b), kind: NameKind::Person }).collect();
        let quotes = extract(&text, &names);
        assert_spans_fit(&text, &quotes);
    }

    #[test]
    fn never_panics_on_quote_heavy_prose(words in proptest::collection::vec(prop_oneof![
        Just("“"), Just("”"), Just("\""), Just("said"), Just("he"), Just("Sen."), Just("Warren"), Just(","),
        Just("."), Just(":"), Just("\n"), Just("according"), Just("to"), Just("the"), Just("spokeswoman"), Just("(")
    ], 0..200)) {
        let text = words.join(" ");
        assert_spans_fit(&text, &extract(&text, &[]));
    }
}
