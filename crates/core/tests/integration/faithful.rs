//! A sourced brief never over-claims (issue 16, item 1): an outlet that gives a different number for the
//! same fact is a discrepancy of that fact, never support of the summary sentence that states it; hedged
//! figures that agree within the tolerance ("about 14,000" and "nearly 14,000") still count as support.
//!
//! The story is made up for the test: a local bridge closure told by four outlets. Sources 1, 2 and 4 say
//! detours add up to 25 minutes, source 3 "as much as 20 minutes"; sources 1 and 2 count about / nearly
//! 14,000 vehicles a day, source 3 roughly 12,000.

use newsbrief_core::corroboration::Corroboration;
use newsbrief_core::{build_brief, render, Article, BriefOptions};

const GAZETTE: &str = "Millbrook bridge to close for six weeks of repairs\n\n\
The Ash River Bridge in Millbrook will close to all traffic on Monday for six weeks of deck repairs, county officials said.\n\n\
Detours will add up to 25 minutes to commutes between Millbrook and Easton, the county roads department said.\n\n\
About 14,000 vehicles cross the bridge each day, according to county traffic counts.\n\n\
The repairs will cost $4.2 million and will replace the concrete deck and the steel railings.\n\n\
Shop owners on Main Street said they worried that customers would stay away during the closure.\n";

const COURIER: &str = "Ash River Bridge closing Monday\n\n\
The Ash River Bridge will close to all traffic on Monday for six weeks of deck repairs, Millbrook county officials said.\n\n\
Nearly 14,000 vehicles cross the bridge each day, county traffic counts show.\n\n\
The repairs will cost $4.2 million and will replace the concrete deck and the steel railings.\n\n\
Detours will add up to 25 minutes to commutes between Millbrook and Easton, according to the county roads department.\n\n\
School buses will use the Route 9 bridge, the school district said in a letter to parents.\n";

const RADIO: &str = "Millbrook's Ash River Bridge shuts for repairs\n\n\
County officials said the Ash River Bridge will close to all traffic on Monday for six weeks of deck repairs.\n\n\
Detours will add as much as 20 minutes to commutes between Millbrook and Easton, the county roads department said.\n\n\
Roughly 12,000 cars cross the bridge each day, according to county traffic counts.\n\n\
The county said the bridge deck had been patched twice since its last full repair in 1998.\n";

const TIMES: &str = "Bridge closure will mean long detours\n\n\
Drivers face detours when the Ash River Bridge closes to all traffic on Monday for six weeks of deck repairs, county officials said.\n\n\
The county roads department said detours will add up to 25 minutes to commutes between Millbrook and Easton.\n\n\
The repairs will cost $4.2 million and will replace the concrete deck and the steel railings.\n\n\
A farmers market that meets beside the bridge on Saturdays will move to the town green.\n";

fn story() -> Vec<Article> {
    [
        ("gazette", "Millbrook Gazette", GAZETTE),
        ("courier", "Easton Courier", COURIER),
        ("radio", "Valley Radio", RADIO),
        ("times", "County Times", TIMES),
    ]
    .into_iter()
    .map(|(id, outlet, text)| Article {
        outlet: Some(outlet.to_owned()),
        ..Article::new(id, text)
    })
    .collect()
}

/// The byte span of the sentence of `text` that contains `needle`.
fn sentence(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?}"));
    let start = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
    let end = at + text[at..].find('\n').unwrap_or(text.len() - at);
    (start, end)
}

fn supporters(c: &Corroboration, doc: usize, text: &str, needle: &str) -> Vec<usize> {
    let (start, end) = sentence(text, needle);
    let mut docs: Vec<usize> = c.support(doc, start, end).iter().map(|s| s.0).collect();
    docs.sort_unstable();
    docs
}

/// The numbers each discrepancy of the corroboration gives, per article (0-based).
fn differing_values(c: &Corroboration) -> Vec<Vec<(usize, String)>> {
    c.claims
        .iter()
        .flat_map(|claim| &claim.discrepancies)
        .map(|d| {
            let mut v: Vec<(usize, String)> =
                d.values.iter().map(|v| (v.doc, v.value.clone())).collect();
            v.sort();
            v
        })
        .collect()
}

#[test]
fn a_different_number_is_a_discrepancy_never_support() {
    let articles = story();
    let brief = build_brief(&articles, &BriefOptions::default()).unwrap();
    let c = &brief.corroboration;

    // Detours: 1, 2 and 4 agree on 25 minutes; 3 says 20.
    assert_eq!(supporters(c, 0, GAZETTE, "up to 25 minutes"), [1, 3]);
    assert_eq!(
        supporters(c, 2, RADIO, "as much as 20 minutes"),
        [] as [usize; 0]
    );
    // Traffic: about 14,000 and nearly 14,000 agree; roughly 12,000 does not.
    assert_eq!(supporters(c, 0, GAZETTE, "About 14,000"), [1]);
    assert_eq!(supporters(c, 1, COURIER, "Nearly 14,000"), [0]);
    assert_eq!(supporters(c, 2, RADIO, "Roughly 12,000"), [] as [usize; 0]);
    // Agreeing facts stay support.
    assert_eq!(supporters(c, 0, GAZETTE, "$4.2 million"), [1, 3]);
    assert_eq!(supporters(c, 0, GAZETTE, "close to all traffic"), [1, 2, 3]);

    // Both differences are listed, each with every article's figure, and nothing else is.
    let found = differing_values(c);
    let minutes = vec![
        (0, "25".to_owned()),
        (1, "25".to_owned()),
        (2, "20".to_owned()),
        (3, "25".to_owned()),
    ];
    let vehicles = vec![
        (0, "14,000".to_owned()),
        (1, "14,000".to_owned()),
        (2, "12,000".to_owned()),
    ];
    assert!(found.contains(&minutes), "{found:?}");
    assert!(found.contains(&vehicles), "{found:?}");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(c.discrepancies.len(), 2);

    // No summary sentence lists as support an article that gives a different figure for its fact.
    for s in &brief.summary {
        let docs: Vec<usize> = s.support.iter().map(|x| x.doc).collect();
        if s.text.contains("25 minutes") || s.text.contains("14,000") {
            assert!(!docs.contains(&2), "{}: {docs:?}", s.text);
        }
        if s.text.contains("20 minutes") || s.text.contains("12,000") {
            assert!(
                !docs.iter().any(|d| [0, 1, 3].contains(d)),
                "{}: {docs:?}",
                s.text
            );
        }
    }
}

#[test]
fn discrepancies_are_shown_beside_the_summary_sentence() {
    let articles = story();
    let options = BriefOptions {
        summary: newsbrief_core::SummaryOptions {
            words: 400,
            ..Default::default()
        },
        ..Default::default()
    };
    let brief = build_brief(&articles, &options).unwrap();
    let markdown = render::markdown(&brief);
    let summary = markdown
        .split("## Summary")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .unwrap();
    let line = summary
        .lines()
        .find(|l| l.contains("up to 25 minutes"))
        .unwrap_or_else(|| panic!("{summary}"));
    assert!(
        line.contains("source 3 (Valley Radio) says “as much as 20 minutes”"),
        "{line}"
    );
    if let Some(line) = summary.lines().find(|l| l.contains("About 14,000")) {
        assert!(line.contains("says “Roughly 12,000 cars”"), "{line}");
    }

    // In JSON each summary sentence that a discrepancy concerns points at the corroboration's entry.
    let json: serde_json::Value = serde_json::from_str(&render::json(&brief)).unwrap();
    let sentences = json["summary"].as_array().unwrap();
    let i = sentences
        .iter()
        .position(|s| s["text"].as_str().unwrap().contains("up to 25 minutes"))
        .unwrap();
    let refs = json["corroboration"]["summary_discrepancies"][i]
        .as_array()
        .unwrap();
    assert!(!refs.is_empty());
    let (claim, k) = (
        refs[0]["claim"].as_u64().unwrap() as usize,
        refs[0]["discrepancy"].as_u64().unwrap() as usize,
    );
    let d = &json["corroboration"]["claims"][claim]["discrepancies"][k];
    assert_eq!(d["kind"], "number");
}

#[test]
fn one_figure_each_of_things_named_differently_is_compared() {
    let a = "About 14,000 vehicles cross the Ash River Bridge each day, according to county traffic counts.\n\n\
The bridge will close on Monday for six weeks of deck repairs, county officials said.\n";
    let b = "Roughly 12,000 cars use the Ash River Bridge each day, according to county traffic counts.\n\n\
A farmers market beside the bridge will move to the town green on Saturdays.\n";
    let articles = vec![Article::new("a", a), Article::new("b", b)];
    let brief = build_brief(&articles, &BriefOptions::default()).unwrap();
    let c = &brief.corroboration;
    assert!(supporters(c, 0, a, "About 14,000").is_empty());
    assert!(supporters(c, 1, b, "Roughly 12,000").is_empty());
    assert_eq!(
        differing_values(c),
        [vec![(0, "14,000".to_owned()), (1, "12,000".to_owned())]]
    );
}
