//! Focused and update briefs (issue 15) on the example story, and their bad inputs: an empty focus is an
//! error; a focus no article mentions and seen articles identical to the new ones give a brief with a
//! clear note, never an empty answer or an error.

use newsbrief_core::{build_brief, render, BriefError, BriefOptions, SummaryNote, SummaryOptions};

mod common;

use common::example;

fn focused(question: &str) -> BriefOptions {
    BriefOptions {
        summary: SummaryOptions::with_words(100),
        focus: Some(question.to_owned()),
        ..BriefOptions::default()
    }
}

#[test]
fn a_plain_brief_has_no_focus_update_or_notes() {
    let brief = build_brief(&example(), &BriefOptions::default()).unwrap();
    let json = render::json(&brief);
    for key in ["\"focus\"", "\"update\"", "\"notes\""] {
        assert!(!json.contains(key), "{key} in a plain brief");
    }
    assert!(render::markdown(&brief).contains("## Summary"));
}

#[test]
fn a_focused_brief_answers_the_question() {
    let articles = example();
    let question = "What did Al Franken ask Sessions at the confirmation hearing?";
    let brief = build_brief(&articles, &focused(question)).unwrap();
    assert_eq!(brief.focus.as_deref(), Some(question));
    assert!(brief.notes.is_empty(), "{:?}", brief.notes);
    assert!(brief.words <= 100 && !brief.summary.is_empty());
    let text: String = brief.summary.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("Franken"), "{text}");
    // The plain summary of the same length does not bring Franken up.
    let plain = build_brief(
        &articles,
        &BriefOptions {
            summary: SummaryOptions::with_words(100),
            ..BriefOptions::default()
        },
    )
    .unwrap();
    let plain_text: String = plain.summary.iter().map(|s| s.text.as_str()).collect();
    assert_ne!(text, plain_text);
    // Franken's quotes come first, and every sentence still points into its article.
    assert_eq!(
        brief.quotes[0].speaker, "Al Franken",
        "{:?}",
        brief.quotes[0]
    );
    for s in &brief.summary {
        let source = &articles[s.doc].text[s.start..s.end];
        assert!(!source.is_empty());
    }
    let markdown = render::markdown(&brief);
    assert!(
        markdown.contains(&format!("_Focus: {question}_")),
        "{markdown}"
    );
}

#[test]
fn an_update_brief_says_what_is_new() {
    let articles = example();
    let (seen, new) = articles.split_at(2);
    let opts = BriefOptions {
        summary: SummaryOptions::with_words(100),
        seen: seen.to_vec(),
        ..BriefOptions::default()
    };
    let brief = build_brief(new, &opts).unwrap();
    let update = brief.update.as_ref().expect("update");
    assert_eq!(update.seen.len(), 2);
    assert!(brief.notes.is_empty());
    assert!(!brief.summary.is_empty() && brief.words <= 100);
    // No summary sentence is one the reader has seen.
    for s in &brief.summary {
        assert!(
            seen.iter().all(|a| !a.text.contains(&s.text)),
            "seen already: {}",
            s.text
        );
    }
    let markdown = render::markdown(&brief);
    assert!(markdown.contains("## What's new"), "{markdown}");
    assert!(!markdown.contains("## Summary"));
}

#[test]
fn seen_articles_identical_to_the_new_ones_give_a_note() {
    let articles = example();
    let opts = BriefOptions {
        seen: articles.clone(),
        ..BriefOptions::default()
    };
    let brief = build_brief(&articles, &opts).unwrap();
    assert!(brief.summary.is_empty());
    assert_eq!(brief.notes.len(), 1);
    assert_eq!(brief.notes[0].kind, SummaryNote::NothingNew);
    assert!(!brief.sources.is_empty());
    assert!(brief.quotes.is_empty() && brief.timeline.is_empty());
    let markdown = render::markdown(&brief);
    assert!(markdown.contains("Nothing new"), "{markdown}");
}

#[test]
fn a_focus_no_article_mentions_gives_a_note_and_the_plain_summary() {
    let brief = build_brief(&example(), &focused("volcanic eruptions in Iceland")).unwrap();
    assert_eq!(brief.notes.len(), 1);
    assert_eq!(brief.notes[0].kind, SummaryNote::FocusNotFound);
    assert!(!brief.summary.is_empty());
    assert!(render::text(&brief).contains("No article uses any word of the focus"));
}

#[test]
fn an_empty_focus_is_an_error() {
    for question in ["", "   \n"] {
        assert_eq!(
            build_brief(&example(), &focused(question)),
            Err(BriefError::EmptyFocus)
        );
    }
}
