//! Render: a brief as Markdown, plain text or JSON.
//!
//! Markdown marks each summary sentence with its sources, footnote style: `[2; 1, 4]` means taken from
//! source 2 and also reported by sources 1 and 4 (numbers are 1-based positions in the source list).

use std::fmt::Write;

use crate::brief::{Brief, Source};
use crate::summary::SummarySentence;

/// Most entities listed in the Markdown brief.
const MAX_ENTITIES: usize = 25;

/// The brief as Markdown, for a terminal or a document.
pub fn markdown(brief: &Brief) -> String {
    let mut out = String::new();
    let title = brief
        .sources
        .iter()
        .find_map(|s| s.title.as_deref())
        .unwrap_or("Story");
    let _ = writeln!(out, "# {}\n", title.trim());
    let _ = writeln!(
        out,
        "_{} sources · summary of {} words_\n",
        brief.sources.len(),
        brief.words
    );
    out.push_str("## Summary\n\n");
    for s in &brief.summary {
        let _ = writeln!(out, "{} {}\n", s.text, marks(s));
    }
    let notable = |e: &&crate::entities::Entity| e.docs.len() > 1 || e.mentions > 1;
    let people: Vec<_> = brief
        .entities
        .iter()
        .filter(|e| e.kind != "place")
        .filter(notable)
        .take(MAX_ENTITIES)
        .collect();
    if !people.is_empty() {
        out.push_str("## People and organisations\n\n");
        for e in people {
            let mut aliases: Vec<String> = e
                .aliases
                .iter()
                .filter(|a| a.text != e.name)
                .map(|a| {
                    if a.variant {
                        format!("{} (variant)", a.text)
                    } else {
                        a.text.clone()
                    }
                })
                .collect();
            aliases.truncate(6);
            let also = if aliases.is_empty() {
                String::new()
            } else {
                format!("; also {}", aliases.join(", "))
            };
            let docs: Vec<String> = e.docs.iter().map(|d| (d + 1).to_string()).collect();
            let _ = writeln!(
                out,
                "- **{}** ({}, {} mentions{also}) [{}]",
                e.name,
                e.kind,
                e.mentions,
                docs.join(", ")
            );
        }
        let places: Vec<&str> = brief
            .entities
            .iter()
            .filter(|e| e.kind == "place")
            .filter(notable)
            .map(|e| e.name.as_str())
            .collect();
        if !places.is_empty() {
            let _ = writeln!(out, "\nPlaces: {}.", places.join(", "));
        }
        out.push('\n');
    }
    if !brief.quotes.is_empty() {
        out.push_str("## Quotes\n\n");
        for group in &brief.quotes {
            let _ = writeln!(out, "**{}**\n", group.speaker);
            for q in &group.quotes {
                let docs: Vec<String> = q.sources.iter().map(|s| (s.doc + 1).to_string()).collect();
                let _ = writeln!(out, "- “{}” [{}]", q.text, docs.join(", "));
            }
            out.push('\n');
        }
    }
    if !brief.timeline.is_empty() {
        out.push_str("## Timeline\n\n");
        for entry in &brief.timeline {
            let _ = writeln!(
                out,
                "- **{}** {} [{}]",
                entry.date,
                entry.text,
                source_list(&entry.sources)
            );
        }
        out.push('\n');
    }
    out.push_str("## Sources\n\n");
    for source in &brief.sources {
        let _ = writeln!(out, "{}. {}", source.doc + 1, describe(source));
    }
    if !brief.warnings.is_empty() {
        out.push_str("\n## Warnings\n\n");
        for w in &brief.warnings {
            let _ = writeln!(out, "- {w}");
        }
    }
    out
}

/// The brief as plain text: the summary as one paragraph per sentence, then the sources.
pub fn text(brief: &Brief) -> String {
    let mut out = String::new();
    for s in &brief.summary {
        let _ = writeln!(out, "{} {}", s.text, marks(s));
    }
    out.push_str("\nSources:\n");
    for source in &brief.sources {
        let _ = writeln!(
            out,
            "  {}. {}",
            source.doc + 1,
            describe(source).replace("**", "")
        );
    }
    for w in &brief.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    out
}

/// The brief as pretty-printed JSON.
pub fn json(brief: &Brief) -> String {
    serde_json::to_string_pretty(brief).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The 1-based numbers of the articles of some spans, each once.
fn source_list(spans: &[crate::Span]) -> String {
    let mut docs: Vec<usize> = spans.iter().map(|s| s.doc + 1).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `[origin; supporters]`, 1-based.
fn marks(s: &SummarySentence) -> String {
    let mut m = format!("[{}", s.doc + 1);
    for (i, sup) in s.support.iter().enumerate() {
        let _ = write!(m, "{}{}", if i == 0 { "; " } else { ", " }, sup.doc + 1);
    }
    m.push(']');
    m
}

fn describe(source: &Source) -> String {
    let mut d = match &source.title {
        Some(t) => format!("**{}** ({})", t.trim(), source.id),
        None => source.id.clone(),
    };
    for extra in [&source.outlet, &source.published].into_iter().flatten() {
        let _ = write!(d, " · {extra}");
    }
    d
}
