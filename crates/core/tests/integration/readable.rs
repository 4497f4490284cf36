//! Summary sentences read on their own (issue 16, item 3): no Markdown list or heading mark reaches a
//! summary sentence (its span starts after the mark), no sentence opens with a pronoun whose antecedent —
//! the sentence before it in its article — is not the summary sentence right before it, and no newsletter
//! or mailing-list sign-up line is ever chosen.
//!
//! The story is made up for the test: a flood in a small town told by three outlets, two of them written
//! in Markdown.

use newsbrief_core::document::Document;
use newsbrief_core::{summarize, Article, SummaryOptions};

const GAZETTE: &str = "# Millbrook diner floods as Ash River rises\n\n\
Floodwater from the Ash River filled the basements of a dozen shops on Main Street in Millbrook on Tuesday night.\n\n\
* Tom Becker, a diner owner, said: “We lost the whole kitchen and every freezer in one night.”\n\
* Ellen Park, who runs the bakery next door, said her ovens were under two feet of water.\n\n\
Mayor Ruth Alvarez visited the street.\n\n\
She did not give a reopening date for the shops or for the road along the river.\n\n\
Just fill in your contact details in the form below to join our mailing list and keep up to date with the flood as it develops.\n";

const COURIER: &str = "## Ash River floods Main Street shops\n\n\
- The Ash River flooded a dozen shops on Main Street in Millbrook overnight on Tuesday, county officials said.\n\
- The county opened a shelter at the high school for families whose homes took water.\n\n\
Becker spoke.\n\n\
He said the diner would need new wiring, new freezers and a new floor before it could open again.\n\n\
The river crested at 19 feet early on Wednesday, four feet above flood stage, the weather service said.\n\n\
Sign up for the Courier's morning briefing and get every local story delivered to your inbox before breakfast, free of charge.\n";

const RADIO: &str = "Millbrook shops flooded\n\n\
A dozen shops on Main Street in Millbrook flooded on Tuesday night when the Ash River rose, officials said.\n\n\
They said it was the worst flooding in the town since the spring of 1998, when the river reached 21 feet.\n\n\
Volunteers filled sandbags outside the fire station on Wednesday morning as more rain was forecast.\n\n\
It was not yet clear how much the repairs would cost, and the state has not declared an emergency.\n";

fn story() -> Vec<Article> {
    vec![
        Article::new("gazette", GAZETTE),
        Article::new("courier", COURIER),
        Article::new("radio", RADIO),
    ]
}

const MARKS: [char; 6] = ['#', '*', '-', '+', '•', '>'];

/// Every budget from a short summary to one that takes every sentence it may.
fn summaries() -> Vec<(usize, newsbrief_core::Summary)> {
    let articles = story();
    [40, 80, 120, 250, 1000]
        .into_iter()
        .map(|words| {
            (
                words,
                summarize(&articles, &SummaryOptions::with_words(words)),
            )
        })
        .collect()
}

#[test]
fn markdown_marks_stay_out_of_summary_sentences_and_their_spans() {
    let articles = story();
    for (words, summary) in summaries() {
        for s in &summary.sentences {
            let original = &articles[s.doc].text[s.start..s.end];
            assert!(
                !s.text.starts_with(MARKS) && !original.starts_with(MARKS),
                "{words} words: {:?} (span {original:?})",
                s.text
            );
        }
    }
    // The list items themselves can be chosen, without their marks.
    let all = summarize(&articles, &SummaryOptions::with_words(1000));
    assert!(
        all.sentences
            .iter()
            .any(|s| s.text.starts_with("Tom Becker, a diner owner, said:")),
        "{}",
        all.text()
    );
}

#[test]
fn headlines_and_headings_lose_their_marks() {
    let doc = Document::analyse(GAZETTE);
    assert_eq!(
        doc.headline(GAZETTE),
        Some("Millbrook diner floods as Ash River rises")
    );
    let doc = Document::analyse(COURIER);
    assert_eq!(
        doc.headline(COURIER),
        Some("Ash River floods Main Street shops")
    );
    let first = doc.prose().next().unwrap();
    assert!(COURIER[first.range.clone()].starts_with("The Ash River flooded"));
}

/// The first word of a sentence, without opening quotes.
fn first_word(text: &str) -> &str {
    text.trim_start_matches(['"', '“', '‘', '\''])
        .split_whitespace()
        .next()
        .unwrap_or("")
}

#[test]
fn a_leading_pronoun_follows_its_antecedent() {
    let articles = story();
    for (words, summary) in summaries() {
        for (i, s) in summary.sentences.iter().enumerate() {
            let opener = first_word(&s.text).trim_end_matches([',', '\'', '’']);
            if !["He", "She", "They", "It", "His", "Her", "Their", "Its"].contains(&opener) {
                continue;
            }
            let doc = Document::analyse(&articles[s.doc].text);
            let prose: Vec<_> = doc.prose().collect();
            let at = prose
                .iter()
                .position(|p| p.range.start == s.start)
                .unwrap_or_else(|| panic!("{:?} is not a prose sentence", s.text));
            let before = i.checked_sub(1).map(|b| &summary.sentences[b]);
            let follows = at > 0
                && before.is_some_and(|b| {
                    b.doc == s.doc
                        && b.start <= prose[at - 1].range.start
                        && b.end >= prose[at - 1].range.end
                });
            assert!(
                follows,
                "{words} words: {:?} is not preceded by its antecedent:\n{}",
                s.text,
                summary.text()
            );
        }
    }
}

#[test]
fn a_pronoun_sentence_is_kept_with_its_antecedent() {
    // The Radio's second sentence leans on its first; when both fit, both are chosen, in order.
    let articles = vec![Article::new("radio", RADIO)];
    let summary = summarize(&articles, &SummaryOptions::with_words(1000));
    let texts: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
    let lead = texts
        .iter()
        .position(|t| t.starts_with("A dozen shops"))
        .unwrap_or_else(|| panic!("{texts:?}"));
    assert!(
        texts
            .get(lead + 1)
            .is_some_and(|t| t.starts_with("They said it was the worst")),
        "{texts:?}"
    );
}

#[test]
fn sign_up_lines_are_never_chosen() {
    for (words, summary) in summaries() {
        for s in &summary.sentences {
            let lower = s.text.to_lowercase();
            assert!(
                ![
                    "mailing list",
                    "newsletter",
                    "sign up",
                    "subscribe",
                    "inbox"
                ]
                .iter()
                .any(|p| lower.contains(p)),
                "{words} words: {:?}",
                s.text
            );
        }
    }
}

/// Four outlets open with the same fact in their own words; only one of those openings may enter the
/// summary (the others name nothing it does not).
#[test]
fn one_fact_worded_four_ways_is_stated_once() {
    let leads = [
        "The Ash River Bridge in Millbrook will close to all traffic on Monday for six weeks of deck repairs, county officials said.",
        "Drivers will need another way across the Ash River from Monday, when the county shuts the bridge for six weeks to repair its deck.",
        "Starting Monday the Millbrook bridge will be off-limits to cars and trucks for six weeks while crews rebuild the deck.",
        "Millbrook's Ash River Bridge closes Monday and will stay shut for six weeks of repairs to its deck, the county announced.",
    ];
    let rest = [
        "Detours will add up to 25 minutes to commutes between Millbrook and Easton.\n\nThe repairs will cost $4.2 million.",
        "School buses will use the Route 9 bridge, the school district said in a letter to parents.\n\nA federal grant pays for most of the work.",
        "The county said the deck had been patched twice since its last full repair in 1998.\n\nPedestrians can still use a walkway on the east side.",
        "A farmers market that meets beside the bridge on Saturdays will move to the town green.\n\nShop owners on Main Street said they worried that customers would stay away during the closure.",
    ];
    let articles: Vec<Article> = leads
        .iter()
        .zip(rest)
        .enumerate()
        .map(|(i, (lead, rest))| Article::new(format!("outlet-{i}"), format!("{lead}\n\n{rest}\n")))
        .collect();
    for words in [60, 120, 1000] {
        let summary = summarize(&articles, &SummaryOptions::with_words(words));
        let openings = summary
            .sentences
            .iter()
            .filter(|s| leads.contains(&s.text.as_str()))
            .count();
        assert_eq!(openings, 1, "{words} words:\n{}", summary.text());
    }
}
