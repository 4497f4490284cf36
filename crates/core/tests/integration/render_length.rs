//! The human formats of a brief (issue 16, items 6, 7 and 14): a readable length with "N more" where a
//! list stops, single-source claims of the summary not repeated, plain text with every section, the
//! sections chosen, sources linked to their address. Checked on the user's example story.

use newsbrief_core::render::{self, RenderOptions, Section, SectionError};
use newsbrief_core::{build_brief, Brief, BriefOptions};

use crate::common;

use common::example;

fn brief() -> Brief {
    build_brief(&example(), &BriefOptions::default()).unwrap()
}

/// The lines of a section of a Markdown brief (from its `## heading` to the next one), blank ones left out.
fn section<'a>(md: &'a str, heading: &str) -> Vec<&'a str> {
    md.lines()
        .skip_while(|l| *l != format!("## {heading}"))
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| !l.is_empty())
        .collect()
}

fn items<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("- "))
        .collect()
}

#[test]
fn the_markdown_brief_stops_each_list_at_its_cap_and_says_how_many_more() {
    let brief = brief();
    let md = render::markdown(&brief);
    let words = md.split_whitespace().count();
    assert!(words < 1600, "{words} words:\n{md}");

    let notable = brief
        .entities
        .iter()
        .filter(|e| e.kind != "place" && (e.docs.len() > 1 || e.mentions > 1))
        .count();
    assert!(notable > render::MAX_ENTITIES, "the example has {notable}");
    let people = section(&md, "People and organisations");
    assert_eq!(items(&people).len(), render::MAX_ENTITIES);
    let more = format!(
        "_… and {} more people and organisations._",
        notable - render::MAX_ENTITIES
    );
    assert!(people.contains(&more.as_str()), "{people:#?}");

    let quotes = section(&md, "Quotes");
    let total: usize = brief.quotes.iter().map(|g| g.quotes.len()).sum();
    assert_eq!(items(&quotes).len(), render::MAX_QUOTES);
    let more = format!("_… and {} more quotes._", total - render::MAX_QUOTES);
    assert!(quotes.contains(&more.as_str()), "{quotes:#?}");

    let timeline = section(&md, "Timeline");
    assert_eq!(items(&timeline).len(), render::MAX_TIMELINE);
    let more = format!(
        "_… and {} more dated events._",
        brief.timeline.len() - render::MAX_TIMELINE
    );
    assert!(timeline.contains(&more.as_str()), "{timeline:#?}");
    // In the timeline's own (date) order.
    let mut entries = brief.timeline.iter();
    for line in items(&timeline) {
        assert!(
            entries.any(|e| line.contains(&e.text)),
            "out of order: {line}"
        );
    }
}

#[test]
fn single_source_claims_of_the_summary_are_not_repeated() {
    let brief = brief();
    let md = render::markdown(&brief);
    let sourcing = section(&md, "How well sourced");
    let listed = items(&sourcing);
    for s in &brief.summary {
        for line in &listed {
            assert!(!line.contains(&s.text), "summary sentence repeated: {line}");
        }
    }
    let c = &brief.corroboration;
    let in_summary = sourcing[0]
        .split(" (")
        .nth(1)
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("the count says how many single-source claims are in the summary");
    assert!(in_summary >= 1, "{}", sourcing[0]);
    let others = c.single_source.len() - in_summary;
    assert!(others > render::MAX_SINGLE_SOURCE);
    let more = format!(
        "_… and {} more claims._",
        others - render::MAX_SINGLE_SOURCE
    );
    assert!(sourcing.contains(&more.as_str()), "{sourcing:#?}");
    assert!(!md.contains("(in the summary)"));
}

#[test]
fn plain_text_keeps_every_section() {
    let text = render::text(&brief());
    for heading in [
        "Summary",
        "People and organisations",
        "Quotes",
        "Timeline",
        "How well sourced",
        "Sources",
    ] {
        let underlined = format!("\n{heading}\n{}\n", "-".repeat(heading.chars().count()));
        assert!(text.contains(&underlined), "no {heading} in\n{text}");
    }
    assert!(!text.contains("**") && !text.contains("## "), "{text}");
    assert!(text.contains("… and "), "{text}");
}

#[test]
fn only_the_sections_asked_for_are_shown() {
    let brief = brief();
    let opts = RenderOptions {
        sections: render::parse_sections("sources, summary").unwrap(),
    };
    assert_eq!(opts.sections, [Section::Summary, Section::Sources]);
    let md = render::markdown_with(&brief, &opts);
    assert!(
        md.contains("## Summary") && md.contains("## Sources"),
        "{md}"
    );
    for left_out in [
        "## People",
        "## Quotes",
        "## Timeline",
        "## How well sourced",
    ] {
        assert!(!md.contains(left_out), "{left_out} in\n{md}");
    }
    let text = render::text_with(&brief, &opts);
    assert!(!text.contains("Quotes\n------"), "{text}");
    assert_eq!(
        render::parse_sections("summary,people"),
        Err(SectionError::Unknown("people".into()))
    );
    assert_eq!(render::parse_sections(" , "), Err(SectionError::Empty));
}

#[test]
fn markdown_links_a_source_to_its_address() {
    let mut articles = example();
    articles[0].url = Some("https://example.org/relations".into());
    articles[1].url = Some("javascript:alert(1)".into());
    let brief = build_brief(&articles, &BriefOptions::default()).unwrap();
    let md = render::markdown(&brief);
    let sources = section(&md, "Sources");
    assert!(
        sources[0].starts_with(
            "1. **[Recent U.S. and Russian Relations](https://example.org/relations)** ("
        ),
        "{sources:#?}"
    );
    assert!(!md.contains("javascript:"), "{md}");
    let text = render::text(&brief);
    assert!(text.contains("<https://example.org/relations>"), "{text}");
}
