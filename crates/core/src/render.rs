//! Render: a brief as Markdown, plain text or JSON.
//!
//! Markdown marks each summary sentence with its sources, footnote style: `[2; 1, 4]` means taken from
//! source 2 and also reported by sources 1 and 4 (numbers are 1-based positions in the source list).

use std::fmt::Write;

use crate::brief::{Brief, Source};
use crate::summary::SummarySentence;

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
