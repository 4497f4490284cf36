//! Details: the small pieces of a rendered brief that Markdown and plain text share — source marks,
//! source names, what differing sources say, timeline notes, counts.

use std::fmt::Write;

use crate::brief::{Brief, Source};
use crate::corroboration::{Claim, Discrepancy};
use crate::summary::SummarySentence;
use crate::timeline::TimelineEntry;

/// Longest claim text shown under "How well sourced", in characters.
const MAX_CLAIM_CHARS: usize = 240;

/// `[origin; supporters]`, 1-based.
pub(super) fn marks(s: &SummarySentence) -> String {
    let mut m = format!("[{}", s.doc + 1);
    for (i, sup) in s.support.iter().enumerate() {
        let _ = write!(m, "{}{}", if i == 0 { "; " } else { ", " }, sup.doc + 1);
    }
    m.push(']');
    m
}

/// What other sources say where they differ from summary sentence `i` on a detail it states:
/// " — source 3 (Radio) says “as much as 20 minutes”; source 4 says “Tuesday”", or nothing.
pub(super) fn differs(brief: &Brief, i: usize) -> String {
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

/// Whether a claim is one of the summary's sentences (its span in the same article overlaps one).
pub(super) fn in_summary(brief: &Brief, claim: &Claim) -> bool {
    brief.summary.iter().any(|s| {
        claim
            .sources
            .iter()
            .any(|x| x.doc == s.doc && x.start < s.end && s.start < x.end)
    })
}

/// "The number differs in “…”: Source 2 (CNN): “…50 other ambassadors…” — Source 4: “…”".
pub(super) fn discrepancy(brief: &Brief, claim: &Claim, d: &Discrepancy) -> String {
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
pub(super) fn source_name(brief: &Brief, doc: usize) -> String {
    match brief.sources.get(doc).and_then(|s| s.outlet.as_deref()) {
        Some(outlet) => format!("Source {} ({outlet})", doc + 1),
        None => format!("Source {}", doc + 1),
    }
}

/// A claim's text cut to [`MAX_CLAIM_CHARS`] characters.
pub(super) fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_CLAIM_CHARS {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(MAX_CLAIM_CHARS).collect();
    s.push('…');
    s
}

/// Other sources date what looks like the same event differently: " — dated differently: 2016-07-18 [2]".
pub(super) fn timeline_notes(brief: &Brief, entry: &TimelineEntry) -> String {
    let others: Vec<String> = entry
        .conflicts
        .iter()
        .filter_map(|&i| brief.timeline.get(i))
        .map(|other| format!("{} [{}]", other.date, source_list(&other.sources)))
        .collect();
    if others.is_empty() {
        String::new()
    } else {
        format!(" — dated differently: {}", others.join("; "))
    }
}

/// The 1-based numbers of the articles of some spans, each once, in order: "1, 3".
pub(super) fn source_list(spans: &[crate::Span]) -> String {
    distinct_docs(spans)
        .iter()
        .map(|d| (d + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The articles of some spans, each once, in order.
pub(super) fn distinct_docs(spans: &[crate::Span]) -> Vec<usize> {
    let mut docs: Vec<usize> = spans.iter().map(|s| s.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    docs
}

/// The source's web address when it is one a reader can follow (http or https, nothing that would break
/// a Markdown link).
pub(super) fn link(source: &Source) -> Option<&str> {
    let url = source.url.as_deref()?.trim();
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    let plain = !url
        .chars()
        .any(|c| c.is_whitespace() || "<>()[]\"".contains(c));
    (web && plain).then_some(url)
}

/// The outlet, date and copies of a source after its title: " · CNN · 2017-03-02 — also run by: …".
pub(super) fn source_details(source: &Source) -> String {
    let mut d = String::new();
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
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// " (and 3 copies, counted once)" after the number of sources, when some articles are copies of others.
pub(super) fn copies_note(brief: &Brief) -> String {
    match brief.sources.iter().map(|s| s.copies.len()).sum::<usize>() {
        0 => String::new(),
        1 => " (and 1 copy, counted once)".to_owned(),
        n => format!(" (and {n} copies, counted once)"),
    }
}
