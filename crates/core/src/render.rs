//! Render: a brief as Markdown, plain text or JSON.
//!
//! Markdown marks each summary sentence with its sources, footnote style: `[2; 1, 4]` means taken from
//! source 2 and also reported by sources 1 and 4 (numbers are 1-based positions in the source list).
//! A source that gives a different figure, date or name for what the sentence states is no support; it is
//! named after the marks: `[1; 2, 4] — source 3 says “as much as 20 minutes”`.
//!
//! Markdown and plain text carry the same sections (chosen with [`RenderOptions::sections`]) and are kept
//! to a readable length: each list stops at its cap ([`MAX_ENTITIES`], [`MAX_PLACES`], [`MAX_QUOTES`],
//! [`MAX_TIMELINE`], [`MAX_SINGLE_SOURCE`], [`MAX_DISCREPANCIES`]) and says how many more there are. JSON
//! keeps everything.

mod details;

use std::fmt::Write;
use std::str::FromStr;

use crate::brief::{Brief, Source};
use crate::corroboration::Claim;
use crate::entities::Entity;
use crate::quotations::StoryQuote;
use details::{
    copies_note, count, differs, discrepancy, distinct_docs, in_summary, link, marks, shorten,
    source_details, source_list, source_name, timeline_notes,
};

/// Most people and organisations listed.
pub const MAX_ENTITIES: usize = 10;
/// Most places listed.
pub const MAX_PLACES: usize = 10;
/// Most quotes listed, all speakers together.
pub const MAX_QUOTES: usize = 8;
/// Most quotes listed for one speaker.
pub const MAX_QUOTES_PER_SPEAKER: usize = 2;
/// Most timeline entries listed (those most sources report, the latest first among equals; shown in date
/// order).
pub const MAX_TIMELINE: usize = 12;
/// Most single-source claims listed (besides the summary's own).
pub const MAX_SINGLE_SOURCE: usize = 8;
/// Most discrepancies listed.
pub const MAX_DISCREPANCIES: usize = 8;
/// Most aliases shown beside an entity.
const MAX_ALIASES: usize = 6;

/// A section of a brief in the human formats (Markdown, text, the HTML page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Summary,
    Entities,
    Quotes,
    Timeline,
    Sourcing,
    Sources,
}

impl Section {
    /// Every section, in the order a brief shows them.
    pub const ALL: [Section; 6] = [
        Section::Summary,
        Section::Entities,
        Section::Quotes,
        Section::Timeline,
        Section::Sourcing,
        Section::Sources,
    ];

    /// The section's name, as `--sections` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Entities => "entities",
            Section::Quotes => "quotes",
            Section::Timeline => "timeline",
            Section::Sourcing => "sourcing",
            Section::Sources => "sources",
        }
    }
}

/// Why a list of sections could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SectionError {
    #[error(
        "unknown section `{0}` (the sections are summary, entities, quotes, timeline, sourcing, sources)"
    )]
    Unknown(String),
    #[error("no section named (the sections are summary, entities, quotes, timeline, sourcing, sources)")]
    Empty,
}

impl FromStr for Section {
    type Err = SectionError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let name = name.trim();
        Section::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| SectionError::Unknown(name.to_owned()))
    }
}

/// Reads a comma-separated list of sections ("summary,quotes"); each once, in the brief's order.
pub fn parse_sections(list: &str) -> Result<Vec<Section>, SectionError> {
    let mut sections = list
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(Section::from_str)
        .collect::<Result<Vec<_>, _>>()?;
    if sections.is_empty() {
        return Err(SectionError::Empty);
    }
    sections.sort_unstable();
    sections.dedup();
    Ok(sections)
}

/// What the human formats show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// The sections shown (the title and any warnings always are).
    pub sections: Vec<Section>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            sections: Section::ALL.to_vec(),
        }
    }
}

/// The brief as Markdown, every section.
pub fn markdown(brief: &Brief) -> String {
    markdown_with(brief, &RenderOptions::default())
}

/// The brief as Markdown, for a terminal or a document.
pub fn markdown_with(brief: &Brief, opts: &RenderOptions) -> String {
    write(brief, opts, Style::Markdown)
}

/// The brief as plain text, every section.
pub fn text(brief: &Brief) -> String {
    text_with(brief, &RenderOptions::default())
}

/// The brief as plain text: the Markdown brief's sections without its marks (headings underlined).
pub fn text_with(brief: &Brief, opts: &RenderOptions) -> String {
    write(brief, opts, Style::Text)
}

/// The brief as pretty-printed JSON (everything, whatever the sections and caps of the other formats).
pub fn json(brief: &Brief) -> String {
    serde_json::to_string_pretty(brief).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Markdown or plain text: how headings, emphasis and links are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Markdown,
    Text,
}

impl Style {
    fn title(self, out: &mut String, title: &str) {
        match self {
            Style::Markdown => {
                let _ = writeln!(out, "# {title}\n");
            }
            Style::Text => {
                let _ = writeln!(out, "{title}\n{}\n", "=".repeat(title.chars().count()));
            }
        }
    }

    fn heading(self, out: &mut String, heading: &str) {
        match self {
            Style::Markdown => {
                let _ = writeln!(out, "## {heading}\n");
            }
            Style::Text => {
                let _ = writeln!(out, "{heading}\n{}\n", "-".repeat(heading.chars().count()));
            }
        }
    }

    fn bold(self, text: &str) -> String {
        match self {
            Style::Markdown => format!("**{text}**"),
            Style::Text => text.to_owned(),
        }
    }

    fn italic(self, text: &str) -> String {
        match self {
            Style::Markdown => format!("_{text}_"),
            Style::Text => text.to_owned(),
        }
    }

    /// A list's last line when some of it was left out: "_… and 15 more people and organisations._".
    /// A line of its own, not part of the list above it.
    fn more(self, out: &mut String, left_out: usize, one: &str, many: &str) {
        if left_out > 0 {
            let line = format!(
                "… and {} more {}.",
                left_out,
                if left_out == 1 { one } else { many }
            );
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", self.italic(&line));
        }
    }
}

fn write(brief: &Brief, opts: &RenderOptions, style: Style) -> String {
    let mut out = String::new();
    let title = brief.title.as_deref().unwrap_or("Story").trim();
    style.title(&mut out, title);
    let byline = format!(
        "{}{} · summary of {}",
        count(brief.sources.len(), "source", "sources"),
        copies_note(brief),
        count(brief.words, "word", "words")
    );
    let _ = writeln!(out, "{}\n", style.italic(&byline));
    if let Some(note) = &brief.language_note {
        let _ = writeln!(out, "{}\n", style.italic(note));
    }
    if let Some(focus) = &brief.focus {
        let _ = writeln!(out, "{}\n", style.italic(&format!("Focus: {focus}")));
    }
    if let Some(update) = &brief.update {
        let line = format!(
            "What is new since {} seen before",
            count(update.seen.len(), "article", "articles")
        );
        let _ = writeln!(out, "{}\n", style.italic(&line));
    }
    for note in &brief.notes {
        let _ = writeln!(out, "{}\n", style.italic(&note.message));
    }
    for section in &opts.sections {
        match section {
            Section::Summary => summary(brief, style, &mut out),
            Section::Entities => entities(brief, style, &mut out),
            Section::Quotes => quotes(brief, style, &mut out),
            Section::Timeline => timeline(brief, style, &mut out),
            Section::Sourcing => sourcing(brief, style, &mut out),
            Section::Sources => sources(brief, style, &mut out),
        }
    }
    if !brief.warnings.is_empty() {
        style.heading(&mut out, "Warnings");
        for w in &brief.warnings {
            let _ = writeln!(out, "- {w}");
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn summary(brief: &Brief, style: Style, out: &mut String) {
    if brief.summary.is_empty() && !brief.notes.is_empty() {
        return; // the note above says why there is no summary
    }
    let heading = if brief.update.is_some() {
        "What's new"
    } else {
        "Summary"
    };
    style.heading(out, heading);
    for (i, s) in brief.summary.iter().enumerate() {
        let speaker = s
            .speaker
            .as_deref()
            .map_or_else(String::new, |speaker| format!(" — {speaker}"));
        let _ = writeln!(
            out,
            "{}{speaker} {}{}\n",
            s.text,
            marks(s),
            differs(brief, i)
        );
    }
}

/// Entities worth listing: named in several sources, or more than once.
fn notable(e: &&Entity) -> bool {
    e.docs.len() > 1 || e.mentions > 1
}

fn entities(brief: &Brief, style: Style, out: &mut String) {
    let people: Vec<&Entity> = brief
        .entities
        .iter()
        .filter(|e| e.kind != "place")
        .filter(notable)
        .collect();
    let places: Vec<&str> = brief
        .entities
        .iter()
        .filter(|e| e.kind == "place")
        .filter(notable)
        .map(|e| e.name.as_str())
        .collect();
    if people.is_empty() && places.is_empty() {
        return;
    }
    style.heading(out, "People and organisations");
    for e in people.iter().take(MAX_ENTITIES) {
        let aliases: Vec<String> = e
            .aliases
            .iter()
            .filter(|a| a.text != e.name)
            .take(MAX_ALIASES)
            .map(|a| {
                if a.variant {
                    format!("{} (variant)", a.text)
                } else {
                    a.text.clone()
                }
            })
            .collect();
        let also = if aliases.is_empty() {
            String::new()
        } else {
            format!("; also {}", aliases.join(", "))
        };
        let docs: Vec<String> = e.docs.iter().map(|d| (d + 1).to_string()).collect();
        let _ = writeln!(
            out,
            "- {} ({}, {}{also}) [{}]",
            style.bold(&e.name),
            e.kind,
            count(e.mentions, "mention", "mentions"),
            docs.join(", ")
        );
    }
    style.more(
        out,
        people.len().saturating_sub(MAX_ENTITIES),
        "person or organisation",
        "people and organisations",
    );
    if !places.is_empty() {
        let shown = places[..places.len().min(MAX_PLACES)].join(", ");
        let _ = match places.len().saturating_sub(MAX_PLACES) {
            0 => writeln!(out, "\nPlaces: {shown}."),
            n => writeln!(out, "\nPlaces: {shown} and {n} more."),
        };
    }
    out.push('\n');
}

/// The quotes listed: per speaker (most quoted first) those most sources carry, at most
/// [`MAX_QUOTES_PER_SPEAKER`] each and [`MAX_QUOTES`] in all.
fn chosen_quotes(brief: &Brief) -> Vec<(&str, Vec<&StoryQuote>)> {
    let mut left = MAX_QUOTES;
    let mut chosen = Vec::new();
    for group in &brief.quotes {
        if left == 0 {
            break;
        }
        let mut quotes: Vec<(usize, &StoryQuote)> = group.quotes.iter().enumerate().collect();
        quotes.sort_by_key(|&(i, q)| (std::cmp::Reverse(distinct_docs(&q.sources).len()), i));
        quotes.truncate(MAX_QUOTES_PER_SPEAKER.min(left));
        quotes.sort_by_key(|&(i, _)| i);
        left -= quotes.len();
        chosen.push((
            group.speaker.as_str(),
            quotes.into_iter().map(|(_, q)| q).collect(),
        ));
    }
    chosen
}

fn quotes(brief: &Brief, style: Style, out: &mut String) {
    if brief.quotes.is_empty() {
        return;
    }
    style.heading(out, "Quotes");
    let chosen = chosen_quotes(brief);
    for (speaker, quotes) in &chosen {
        let _ = writeln!(out, "{}\n", style.bold(speaker));
        for q in quotes {
            let _ = writeln!(out, "- “{}” [{}]", q.text, source_list(&q.sources));
        }
        out.push('\n');
    }
    let total: usize = brief.quotes.iter().map(|g| g.quotes.len()).sum();
    let shown: usize = chosen.iter().map(|(_, q)| q.len()).sum();
    style.more(out, total - shown, "quote", "quotes");
    if total > shown {
        out.push('\n');
    }
}

fn timeline(brief: &Brief, style: Style, out: &mut String) {
    if brief.timeline.is_empty() {
        return;
    }
    style.heading(out, "Timeline");
    if brief.timeline.iter().any(|e| e.inferred) {
        let note = "Some articles carry no date: their relative dates (\"Wednesday\", \"in September\") are \
                    read against the story's date as inferred from the text.";
        let _ = writeln!(out, "{}\n", style.italic(note));
    }
    // The entries most sources report (the latest first among equals), shown in date order.
    let mut chosen: Vec<usize> = (0..brief.timeline.len()).collect();
    chosen.sort_by_key(|&i| {
        (
            std::cmp::Reverse(distinct_docs(&brief.timeline[i].sources).len()),
            std::cmp::Reverse(i),
        )
    });
    chosen.truncate(MAX_TIMELINE);
    chosen.sort_unstable();
    for entry in chosen.iter().map(|&i| &brief.timeline[i]) {
        let _ = writeln!(
            out,
            "- {} {} [{}]{}",
            style.bold(&entry.date),
            entry.text,
            source_list(&entry.sources),
            timeline_notes(brief, entry)
        );
    }
    style.more(
        out,
        brief.timeline.len() - chosen.len(),
        "dated event",
        "dated events",
    );
    out.push('\n');
}

/// "How well sourced": how many claims several sources report, the single-source claims that are not
/// already summary sentences (most central first), and each discrepancy with its sources.
fn sourcing(brief: &Brief, style: Style, out: &mut String) {
    let c = &brief.corroboration;
    if c.claims.is_empty() {
        return;
    }
    style.heading(out, "How well sourced");
    let singles: Vec<&Claim> = c
        .single_source
        .iter()
        .filter_map(|&i| c.claims.get(i))
        .collect();
    let (summarised, others): (Vec<&Claim>, Vec<&Claim>) =
        singles.iter().partition(|claim| in_summary(brief, claim));
    let in_the_summary = match summarised.len() {
        0 => String::new(),
        n => format!(" ({n} of them in the summary above)"),
    };
    let _ = writeln!(
        out,
        "{} {} reported by two or more sources, {} by one source only{in_the_summary}.\n",
        count(c.corroborated, "claim", "claims"),
        if c.corroborated == 1 { "is" } else { "are" },
        singles.len()
    );
    if !others.is_empty() {
        let heading = if summarised.is_empty() {
            "Reported by one source only:"
        } else {
            "Reported by one source only, besides the summary:"
        };
        let _ = writeln!(out, "{}\n", style.bold(heading));
        for claim in others.iter().take(MAX_SINGLE_SOURCE) {
            let _ = writeln!(
                out,
                "- {} [{}]",
                shorten(&claim.text),
                source_name(brief, claim.doc)
            );
        }
        style.more(
            out,
            others.len().saturating_sub(MAX_SINGLE_SOURCE),
            "claim",
            "claims",
        );
        out.push('\n');
    }
    let differing: Vec<String> = c
        .discrepancies
        .iter()
        .filter_map(|&i| c.claims.get(i))
        .flat_map(|claim| {
            claim
                .discrepancies
                .iter()
                .map(move |d| discrepancy(brief, claim, d))
        })
        .collect();
    if !differing.is_empty() {
        let _ = writeln!(out, "{}\n", style.bold("Where sources differ:"));
        for line in differing.iter().take(MAX_DISCREPANCIES) {
            let _ = writeln!(out, "- {line}");
        }
        style.more(
            out,
            differing.len().saturating_sub(MAX_DISCREPANCIES),
            "difference",
            "differences",
        );
        out.push('\n');
    }
}

fn sources(brief: &Brief, style: Style, out: &mut String) {
    style.heading(out, "Sources");
    for source in &brief.sources {
        let _ = writeln!(out, "{}. {}", source.doc + 1, describe(source, style));
    }
    out.push('\n');
}

/// "**Title** (file.txt) · Outlet · date", the title linked to the source's address in Markdown (shown
/// after it in plain text).
fn describe(source: &Source, style: Style) -> String {
    let name = match &source.title {
        Some(t) => format!("{} ({})", style.bold(t.trim()), source.id),
        None => source.id.clone(),
    };
    let shown = match (link(source), style) {
        (Some(url), Style::Markdown) => match &source.title {
            Some(t) => format!(
                "**[{}]({url})** ({})",
                t.trim().replace('[', "\\[").replace(']', "\\]"),
                source.id
            ),
            None => format!("[{}]({url})", source.id),
        },
        (Some(url), Style::Text) => format!("{name} <{url}>"),
        (None, _) => name,
    };
    shown + &source_details(source)
}
