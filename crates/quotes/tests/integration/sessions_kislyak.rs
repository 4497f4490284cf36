//! The quotes of the example story `examples/sessions-kislyak/` and who said them.

use std::path::PathBuf;

use newsbrief_quotes::{extract, Quote};

fn quotes_of(file: &str) -> (String, Vec<Quote>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/sessions-kislyak")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("example article");
    let quotes = extract(&text, &[]);
    (text, quotes)
}

/// The speaker of the quote starting with `opening`: its resolved name, or its phrase.
fn speaker_of(quotes: &[Quote], opening: &str) -> String {
    let quote = quotes
        .iter()
        .find(|q| q.text.starts_with(opening))
        .unwrap_or_else(|| panic!("no quote “{opening}…”"));
    let speaker = quote
        .speaker
        .as_ref()
        .unwrap_or_else(|| panic!("no speaker for “{opening}…”"));
    speaker
        .resolved_text
        .clone()
        .unwrap_or_else(|| speaker.text.clone())
}

fn assert_speaker(quotes: &[Quote], opening: &str, expected: &str) {
    let speaker = speaker_of(quotes, opening);
    assert!(
        speaker.contains(expected),
        "“{opening}…” attributed to {speaker:?}, expected {expected:?}"
    );
}

#[test]
fn opposing_views_article() {
    let (_, quotes) = quotes_of("004_5e607fb1a638b74a.txt");
    assert_speaker(&quotes, "If there is any evidence", "Franken");
    assert_speaker(
        &quotes,
        "I'm not aware of any of those activities",
        "Sessions",
    );
    assert_speaker(&quotes, "I have been called a surrogate", "Sessions");
    assert_speaker(&quotes, "I had simply asked him", "Franken");
    assert_speaker(&quotes, "He chose not to answer", "Franken");
    assert_speaker(&quotes, "And, of course, the ambassador", "Franken");
    assert_speaker(&quotes, "Now, after lying under oath", "Pelosi");
    assert_speaker(&quotes, "Sessions is not fit to serve", "Pelosi");
    assert_speaker(&quotes, "Now Jeff Sessions is", "Warren");
    assert_speaker(&quotes, "This is not fake news", "Warren");
    let franken = quotes
        .iter()
        .find(|q| q.text.starts_with("I had simply"))
        .and_then(|q| q.cue);
    assert_eq!(franken.map(|c| c.len()), Some("told".len()));
}

#[test]
fn huffington_post_article() {
    let (text, quotes) = quotes_of("002_bdf7c71cacdd55a0.txt");
    assert_speaker(&quotes, "lying under oath", "Pelosi");
    assert_speaker(
        &quotes,
        "I never met with any Russian officials",
        "Sessions",
    );
    assert_speaker(&quotes, "Never has an administration", "Klaas");
    assert_speaker(&quotes, "Politically, this makes", "Klaas");
    assert_speaker(&quotes, "unaware of those activities", "Sessions");
    assert_speaker(&quotes, "I have been called a surrogate", "Sessions");
    assert_speaker(&quotes, "Whether he will cooperate", "Klass");
    let multi_paragraph = quotes
        .iter()
        .find(|q| q.text.starts_with("I never met"))
        .expect("Sessions quote");
    assert!(
        multi_paragraph.text.ends_with("It is false."),
        "{:?}",
        multi_paragraph.text
    );
    let partial = quotes
        .iter()
        .find(|q| q.text == "unaware of those activities")
        .expect("partial quote");
    assert!(partial.partial);
    assert_eq!(
        &text[partial.span.start..partial.span.end],
        "unaware of those activities"
    );
    assert!(
        !quotes.iter().any(|q| q.text == "peace plan"),
        "scare quotes are not quotes"
    );
}

#[test]
fn other_articles() {
    let (_, quotes) = quotes_of("003_6a909094e5581284.txt");
    assert_speaker(&quotes, "They generally discussed", "Hope Hicks");
    assert_speaker(&quotes, "Jared has had meetings", "Hope Hicks");
    assert_speaker(&quotes, "Let me be clear", "Sessions");
    assert_speaker(&quotes, "My response to Senator Franken", "Sessions");
    let (_, quotes) = quotes_of("001_bf47dad83f23f974.txt");
    assert_speaker(&quotes, "He was asked during the hearing", "Flores");
    let (_, quotes) = quotes_of("000_ed4ec6554b1582a8.txt");
    assert_speaker(&quotes, "I mean it could be Russia", "Trump");
    assert_speaker(&quotes, "This has to be the first time", "Sullivan");
    assert_speaker(&quotes, "erosion of trust", "Trump");
    assert!(!quotes.iter().any(|q| q.text == "Guccifer 2.0"));
}
