//! Render: a brief as Markdown, plain text or JSON.
//!
//! Markdown marks each summary sentence with its sources, footnote style: `[2; 1, 4]` means taken from
//! source 2 and also reported by sources 1 and 4 (numbers are 1-based positions in the source list).
//! A source that gives a different figure, date or name for what the sentence states is no support; it is
//! named after the marks: `[1; 2, 4] — source 3 says “as much as 20 minutes”`.

use std::fmt::Write;

use crate::brief::{Brief, Source};
use crate::corroboration::{Claim, Discrepancy};
use crate::summary::SummarySentence;

/// Most entities listed in the Markdown brief.
const MAX_ENTITIES: usize = 25;
/// Most single-source claims listed under "How well sourced".
const MAX_SINGLE_SOURCE: usize = 8;
/// Longest claim text shown under "How well sourced", in characters.
const MAX_CLAIM_CHARS: usize = 240;

/// The brief as Markdown, for a terminal or a document.
pub fn markdown(brief: &Brief) -> String {
    let mut out = String::new();
    let title = brief.title.as_deref().unwrap_or("Story");
    let _ = writeln!(out, "# {}\n", title.trim());
    let _ = writeln!(
        out,
        "_{}{} · summary of {}_\n",
        count(brief.sources.len(), "source", "sources"),
        copies_note(brief),
        count(brief.words, "word", "words")
    );
    if let Some(note) = &brief.language_note {
        let _ = writeln!(out, "_{note}_\n");
    }
    out.push_str("## Summary\n\n");
    for (i, s) in brief.summary.iter().enumerate() {
        let _ = writeln!(out, "{} {}{}\n", s.text, marks(s), differs(brief, i));
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
                "- **{}** ({}, {}{also}) [{}]",
                e.name,
                e.kind,
                count(e.mentions, "mention", "mentions"),
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
        if brief.timeline.iter().any(|e| e.inferred) {
            out.push_str(
                "_Some articles carry no date: their relative dates (\"Wednesday\", \"in September\") are read \
                 against the story's date as inferred from the text._\n\n",
            );
        }
        for entry in &brief.timeline {
            let _ = writeln!(
                out,
                "- **{}** {} [{}]{}",
                entry.date,
                entry.text,
                source_list(&entry.sources),
                timeline_notes(brief, entry)
            );
        }
        out.push('\n');
    }
    sourcing(brief, true, &mut out);
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
    for (i, s) in brief.summary.iter().enumerate() {
        let _ = writeln!(out, "{} {}{}", s.text, marks(s), differs(brief, i));
    }
    out.push('\n');
    sourcing(brief, false, &mut out);
    out.push_str("Sources:\n");
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

/// The "How well sourced" section: how many claims several sources report, the single-source claims that
/// matter (those in the summary first, then the most central), and each discrepancy with its sources.
fn sourcing(brief: &Brief, markdown: bool, out: &mut String) {
    let c = &brief.corroboration;
    if c.claims.is_empty() {
        return;
    }
    let bold = |t: &str| {
        if markdown {
            format!("**{t}**")
        } else {
            t.to_owned()
        }
    };
    if markdown {
        out.push_str("## How well sourced\n\n");
    } else {
        out.push_str("How well sourced:\n");
    }
    let _ = writeln!(
        out,
        "{} {} reported by two or more sources, {} by one source only.\n",
        count(c.corroborated, "claim", "claims"),
        if c.corroborated == 1 { "is" } else { "are" },
        c.single_source.len()
    );
    let in_summary = |claim: &Claim| {
        brief.summary.iter().any(|s| {
            claim
                .sources
                .iter()
                .any(|x| x.doc == s.doc && x.start == s.start)
        })
    };
    let mut singles: Vec<&Claim> = c
        .single_source
        .iter()
        .filter_map(|&i| c.claims.get(i))
        .collect();
    singles.sort_by_key(|claim| !in_summary(claim));
    if !singles.is_empty() {
        let _ = writeln!(out, "{}\n", bold("Reported by one source only:"));
        for claim in singles.iter().take(MAX_SINGLE_SOURCE) {
            let note = if in_summary(claim) {
                " (in the summary)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "- {} [{}]{note}",
                shorten(&claim.text),
                source_name(brief, claim.doc)
            );
        }
        out.push('\n');
    }
    let differing: Vec<&Claim> = c
        .discrepancies
        .iter()
        .filter_map(|&i| c.claims.get(i))
        .collect();
    if !differing.is_empty() {
        let _ = writeln!(out, "{}\n", bold("Where sources differ:"));
        for claim in differing {
            for d in &claim.discrepancies {
                let _ = writeln!(out, "- {}", discrepancy(brief, claim, d));
            }
        }
        out.push('\n');
    }
}

/// "A number differs in '…': Source 2 (CNN): '…50 other ambassadors…' — Source 4: '…'".
fn discrepancy(brief: &Brief, claim: &Claim, d: &Discrepancy) -> String {
    let values: Vec<String> = d
        .values
        .iter()
        .map(|v| format!("{}: “{}”", source_name(brief, v.doc), v.context))
        .collect();
    format!(
        "The {} differs in “{}”: {}",
        d.kind,
        shorten(&claim.text),
        values.join(" — ")
    )
}

/// "Source 2 (CNN)", or "Source 2" when the outlet is unknown.
fn source_name(brief: &Brief, doc: usize) -> String {
    match brief.sources.get(doc).and_then(|s| s.outlet.as_deref()) {
        Some(outlet) => format!("Source {} ({outlet})", doc + 1),
        None => format!("Source {}", doc + 1),
    }
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_CLAIM_CHARS {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(MAX_CLAIM_CHARS).collect();
    s.push('…');
    s
}

/// The brief as pretty-printed JSON.
pub fn json(brief: &Brief) -> String {
    serde_json::to_string_pretty(brief).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The 1-based numbers of the articles of some spans, each once.
/// Other sources date what looks like the same event differently: their dates and sources.
fn timeline_notes(brief: &Brief, entry: &crate::timeline::TimelineEntry) -> String {
    let mut notes = String::new();
    let others: Vec<String> = entry
        .conflicts
        .iter()
        .filter_map(|&i| brief.timeline.get(i))
        .map(|other| format!("{} [{}]", other.date, source_list(&other.sources)))
        .collect();
    if !others.is_empty() {
        let _ = write!(notes, " — dated differently: {}", others.join("; "));
    }
    notes
}

fn source_list(spans: &[crate::Span]) -> String {
    let mut docs: Vec<usize> = spans.iter().map(|s| s.doc + 1).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What other sources say where they differ from summary sentence `i` on a detail it states:
/// " — source 3 (Radio) says “as much as 20 minutes”; source 4 says “Tuesday”", or nothing.
fn differs(brief: &Brief, i: usize) -> String {
    let (Some(sentence), Some(refs)) = (
        brief.summary.get(i),
        brief.corroboration.summary_discrepancies.get(i),
    ) else {
        return String::new();
    };
    let normal = |v: &str| -> String {
        v.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut notes: Vec<String> = Vec::new();
    for r in refs {
        let Some(d) = brief
            .corroboration
            .claims
            .get(r.claim)
            .and_then(|c| c.discrepancies.get(r.discrepancy))
        else {
            continue;
        };
        let own = d
            .values
            .iter()
            .find(|v| v.doc == sentence.doc && sentence.start <= v.start && v.start < sentence.end);
        let Some(own) = own else { continue };
        for v in &d.values {
            if v.doc == sentence.doc || normal(&v.value) == normal(&own.value) {
                continue;
            }
            let note = format!(
                "{} says “{}”",
                source_name(brief, v.doc).replacen("Source", "source", 1),
                v.said
            );
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
    }
    if notes.is_empty() {
        String::new()
    } else {
        format!(" — {}", notes.join("; "))
    }
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
    if !source.copies.is_empty() {
        let copies: Vec<String> = source
            .copies
            .iter()
            .map(|c| match &c.outlet {
                Some(outlet) => format!("{outlet} ({})", c.id),
                None => c.id.clone(),
            })
            .collect();
        let _ = write!(d, " — also run by: {}", copies.join(", "));
    }
    d
}

/// "1 source", "3 sources": a number and the noun that agrees with it.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// " (and 3 copies, counted once)" after the number of sources, when some articles are copies of others.
fn copies_note(brief: &Brief) -> String {
    match brief.sources.iter().map(|s| s.copies.len()).sum::<usize>() {
        0 => String::new(),
        1 => " (and 1 copy, counted once)".to_owned(),
        n => format!(" (and {n} copies, counted once)"),
    }
}
