//! Focused and update briefs (issue 15) on the example story, and their bad inputs: an empty focus is an
//! error; a focus no article mentions and seen articles identical to the new ones give a brief with a
//! clear note, never an empty answer or an error.

use newsbrief_core::{build_brief, render, BriefError, BriefOptions, SummaryNote, SummaryOptions};

use crate::common;

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

#[test]
fn an_update_summary_reads_its_newest_facts_first() {
    let article = |text: &str| newsbrief_core::Article {
        text: text.to_owned(),
        ..newsbrief_core::Article::default()
    };
    let seen = article(
        "The city council met on Monday to discuss the budget for next year. Council members argued \
         about the cost of road repairs for several hours. The mayor said the budget would be balanced by \
         the end of June.",
    );
    let new = article(
        "The city council, which met on Monday to discuss the budget, also voted to close two public \
         swimming pools this summer. On Tuesday a fire destroyed the old library on Main Street, officials \
         reported. Firefighters rescued three children from the burning library building downtown.",
    );
    let opts = SummaryOptions {
        seen: vec![seen.text.clone()],
        ..SummaryOptions::with_words(100)
    };
    let summary = newsbrief_core::summarize(std::slice::from_ref(&new), &opts);
    let texts: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
    assert!(texts.len() >= 2, "{texts:?}");
    // The sentence half of which the reader knew comes after the wholly new ones, though the article
    // opens with it.
    let at = |words: &str| texts.iter().position(|t| t.contains(words));
    match (at("fire destroyed"), at("swimming pools")) {
        (Some(fire), Some(council)) => assert!(fire < council, "{texts:?}"),
        _ => panic!("both facts belong in the update: {texts:?}"),
    }
    // The plain summary reads in the article's order.
    let plain = newsbrief_core::summarize(&[new], &SummaryOptions::with_words(100));
    assert!(
        plain.sentences[0].text.contains("swimming pools"),
        "{:?}",
        plain.sentences
    );
}
