//! Inputs users have and outputs they expect (issue 16): text files in legacy encodings, the brief's
//! title, singular counts.

use newsbrief_core::brief::{build_brief, BriefOptions};
use newsbrief_core::ingest::{self, IngestError};
use newsbrief_core::{render, Article};

const FRENCH: &str = "Le conseil municipal a voté mardi un budget de 12 millions d'euros pour la rénovation \
    du théâtre. «C'est une décision très attendue», a déclaré la maire, Hélène Dupré, après la séance.";

#[test]
fn windows_1252_text_is_decoded_with_a_note() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(FRENCH);
    assert!(std::str::from_utf8(&bytes).is_err());
    let (articles, notes) = ingest::articles_from_file_noted("conseil.txt", &bytes).unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].text, FRENCH);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("windows-1252"), "{notes:?}");
    // The plain entry point reads it too.
    assert_eq!(
        ingest::article_from_bytes("a", &bytes).unwrap().text,
        FRENCH
    );
}

#[test]
fn latin1_curly_quotes_and_dashes_decode() {
    // Windows-1252 bytes for ‘ ’ “ ” – and é.
    let bytes = b"The caf\xe9 reopened on Monday \x96 its owner said \x93we\x92re back\x94 \x97 after a fire.";
    let (articles, notes) = ingest::articles_from_file_noted("cafe.txt", bytes).unwrap();
    assert_eq!(
        articles[0].text,
        "The café reopened on Monday – its owner said “we’re back” — after a fire."
    );
    assert!(!notes.is_empty());
}

#[test]
fn utf8_text_is_kept_byte_for_byte_without_a_note() {
    let text = "\u{feff}Héllo — a UTF-8 article. It stays as it is.";
    let (articles, notes) = ingest::articles_from_file_noted("a.txt", text.as_bytes()).unwrap();
    assert_eq!(articles[0].text, text);
    assert!(notes.is_empty());
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in FRENCH.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let (articles, notes) = ingest::articles_from_file_noted("a.txt", &bytes).unwrap();
    assert_eq!(articles[0].text, FRENCH);
    assert!(notes[0].contains("UTF-16LE"), "{notes:?}");
}

#[test]
fn binary_files_are_still_refused() {
    assert_eq!(
        ingest::article_from_bytes("a", b"ab\0cd"),
        Err(IngestError::Binary)
    );
    // No NUL byte, but control bytes throughout: not text in any encoding.
    let bytes: Vec<u8> = (0..2000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .map(|b| if b == 0 { 1 } else { b })
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert_eq!(
        ingest::articles_from_file("noise.txt", &bytes),
        Err(IngestError::Binary)
    );
}

fn story() -> Vec<Article> {
    let no_prose = Article::new(
        "stamp.txt",
        "Published on Apr 1, 2017\n\nShare\nTweet\nEmail\nSubscribe\n",
    );
    let marked = Article::new(
        "marked.md",
        "# Millbrook bridge closes for six weeks of repairs\n\n\
         The Millbrook bridge will close on Monday for six weeks of repairs, the county said on Friday. \
         Engineers found cracks in two of its steel beams during an inspection in March. \
         Drivers will be sent through the town centre while the work goes on, county officials said.\n",
    );
    let other = Article::new(
        "other.txt",
        "Bridge repairs to shut Millbrook crossing\n\n\
         The county will close the Millbrook bridge on Monday for repairs expected to last six weeks. \
         An inspection in March found cracks in two steel beams, engineers said. \
         Traffic will be diverted through the town centre during the work.\n",
    );
    vec![no_prose, marked, other]
}

#[test]
fn title_is_a_headline_of_an_article_with_prose_without_heading_marks() {
    let brief = build_brief(&story(), &BriefOptions::default()).unwrap();
    let title = brief.title.clone().expect("a title");
    assert!(!title.starts_with('#'), "{title}");
    assert!(!title.contains("Published"), "{title}");
    assert!(
        [
            "Millbrook bridge closes for six weeks of repairs",
            "Bridge repairs to shut Millbrook crossing"
        ]
        .contains(&title.as_str()),
        "{title}"
    );
    let md = render::markdown(&brief);
    assert!(md.starts_with(&format!("# {title}\n")), "{md}");
    let json: serde_json::Value = serde_json::from_str(&render::json(&brief)).unwrap();
    assert_eq!(json["title"], title.as_str());
    // No source is titled with heading marks or a publication stamp.
    for s in &brief.sources {
        if let Some(t) = &s.title {
            assert!(!t.starts_with('#') && !t.contains("Published"), "{t}");
        }
    }
}

#[test]
fn an_article_without_prose_never_titles_the_story() {
    let mut articles = story();
    articles[0] = Article::new(
        "links.txt",
        "Bridge closure live updates\n\nShare\nTweet\nEmail\nSubscribe\n",
    );
    let brief = build_brief(&articles, &BriefOptions::default()).unwrap();
    assert_ne!(brief.title.as_deref(), Some("Bridge closure live updates"));
    assert!(brief.title.is_some());
}

#[test]
fn counts_of_one_are_singular() {
    let articles = vec![Article::new(
        "one.txt",
        "Council passes budget\n\nThe city council passed the budget on Tuesday after a long debate. \
         Mayor Ana Ruiz said the vote was a relief.\n",
    )];
    let brief = build_brief(&articles, &BriefOptions::default()).unwrap();
    let md = render::markdown(&brief);
    assert!(md.contains("_1 source ·"), "{md}");
    for wrong in ["1 sources", "1 mentions", "1 claims", "1 words"] {
        assert!(!md.contains(&format!(" {wrong}")), "{wrong} in\n{md}");
        assert!(!md.contains(&format!("\n{wrong}")), "{wrong} in\n{md}");
        assert!(!md.contains(&format!("_{wrong}")), "{wrong} in\n{md}");
    }
}
