//! The same article typed differently (quote-mark styles, line-break styles,
//! hard wrapping, no-break spaces, ASCII dashes) gives the same quotes and
//! speakers, at the same places once offsets are mapped. The article is
//! self-written.

use newsbrief_quotes::perturb::{rewrite, Perturbation};
use newsbrief_quotes::{extract, Quote, Span};

const ARTICLE: &str = "\
The city council voted 7-2 on Tuesday to close the old Harbor Street bridge, ending a debate that ran for most of the year.

“This bridge has carried our families for ninety years, and we owe them a safe one,” Mayor Linda Okafor said after the vote.

Council member Raymond Ellis, who voted against the plan, disagreed. “We are closing a road that three thousand people use every day,” he said. “Nobody has told them where to go.”

The state engineer, Priya Nandakumar, wrote in her report that the deck was “beyond repair.” She added: “The ‘temporary’ braces installed in 2009 were never meant to last this long.

“Every month we wait, the risk grows.”

Residents were divided. “I walk across it every morning,” said Tomás Rivera, 67, a retired teacher who has lived near the bridge since 1981. “I will miss it, but I understand.”

Ellis said he would ask the state for money to build a replacement — and keep asking. “If they say no, we will ask again,” he said.
";

/// The same kind of article as a wire service types it: `''` at both ends.
const WIRE_ARTICLE: &str = "\
Two candidates met on Monday – a week before the vote – in a school gymnasium that was filled well past its capacity.

''We came here to listen, not to shout,'' said Maria Castillo, a nurse who drove two hours to attend. ''I heard what I needed to hear.''

The moderator, Glen Baptiste, said the crowd had been ''patient.'' Later he added, ''Next time we will need a bigger room.''
";

/// (quote, speaker phrase) of the direct quotes, in order.
fn direct_quotes(text: &str) -> Vec<(String, Option<String>)> {
    extract(text, &[])
        .into_iter()
        .filter(|q| !q.partial)
        .map(|q| (q.text, q.speaker.map(|s| s.text)))
        .collect()
}

/// (quote span, speaker span) of the direct quotes.
fn spans(quotes: &[Quote]) -> Vec<(Span, Option<Span>)> {
    quotes
        .iter()
        .filter(|q| !q.partial)
        .map(|q| (q.span, q.speaker.as_ref().map(|s| s.span)))
        .collect()
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    pairs
        .iter()
        .map(|(quote, speaker)| (quote.to_string(), Some(speaker.to_string())))
        .collect()
}

#[test]
fn the_article_gives_its_quotes_and_speakers() {
    assert_eq!(
        direct_quotes(ARTICLE),
        owned(&[
            (
                "This bridge has carried our families for ninety years, and we owe them a safe one,",
                "Mayor Linda Okafor"
            ),
            (
                "We are closing a road that three thousand people use every day,",
                "he"
            ),
            ("Nobody has told them where to go.", "he"),
            (
                "The ‘temporary’ braces installed in 2009 were never meant to last this long.\n\n“Every month we wait, the risk grows.",
                "She"
            ),
            ("I walk across it every morning,", "Tomás Rivera"),
            ("I will miss it, but I understand.", "Tomás Rivera"),
            ("If they say no, we will ask again,", "he"),
        ])
    );
    assert_eq!(
        direct_quotes(WIRE_ARTICLE),
        owned(&[
            ("We came here to listen, not to shout,", "Maria Castillo"),
            ("I heard what I needed to hear.", "Maria Castillo"),
            ("Next time we will need a bigger room.", "he"),
        ])
    );
}

#[test]
fn every_rewrite_keeps_the_quotes_and_speakers_in_place() {
    for perturbation in Perturbation::ALL {
        let changes = [ARTICLE, WIRE_ARTICLE]
            .iter()
            .any(|article| rewrite(article, perturbation).text != *article);
        assert!(changes, "{} changes neither article", perturbation.name());
    }
    for article in [ARTICLE, WIRE_ARTICLE] {
        let original = spans(&extract(article, &[]));
        for perturbation in Perturbation::ALL {
            let rewritten = rewrite(article, perturbation);
            let expected: Vec<(Span, Option<Span>)> = original
                .iter()
                .map(|(quote, speaker)| {
                    (rewritten.span(*quote), speaker.map(|s| rewritten.span(s)))
                })
                .collect();
            let found = spans(&extract(&rewritten.text, &[]));
            assert_eq!(
                found,
                expected,
                "{}:\n{}",
                perturbation.name(),
                rewritten.text
            );
        }
    }
}
