//! Brief: the analyses of a story put together, with the sources they point into.

use std::borrow::Cow;

use serde::Serialize;

use crate::budget::{self, Cancel, Cancelled};
use crate::corroboration::{self, Corroboration};
use crate::document::Document;
use crate::duplicates;
use crate::entities::{self, Entity};
use crate::guided::{self, BriefNote, SeenArticle, Update};
use crate::language::{self, ArticleLanguage};
use crate::quotations::{self, QuoteGroup};
use crate::summary::{self, SummaryOptions, SummarySentence, Support};
use crate::timeline::{self, TimelineEntry};
use crate::Article;

/// What a brief should contain.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BriefOptions {
    pub summary: SummaryOptions,
    /// The reader's question: a focused brief answers it (its summary, then entities, quotes and
    /// timeline entries that bear on it first).
    pub focus: Option<String>,
    /// Articles the reader has already seen: the brief says what is new (an update brief).
    pub seen: Vec<Article>,
}

/// Default word budget of an update ("what's new") brief: a reader who has seen the story wants less.
pub const UPDATE_WORDS: usize = 100;

/// Why no brief could be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BriefError {
    #[error("no articles to brief")]
    NoArticles,
    #[error("none of the {0} articles has any prose to summarise")]
    NoProse(usize),
    #[error("the brief was cancelled before it was done")]
    Cancelled,
    #[error("the focus is empty: give the question the brief should answer")]
    EmptyFocus,
}

impl From<Cancelled> for BriefError {
    fn from(_: Cancelled) -> Self {
        BriefError::Cancelled
    }
}

/// One report of the story as the brief lists it: an original article, with the copies of it that
/// other outlets ran (or the input repeated), which the brief counts as this one source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Index of the article among the input's originals — the input without its copies (what `doc`
    /// fields refer to; the index in the input when it has no copies).
    pub doc: usize,
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// Words of article prose after cleaning.
    pub words: usize,
    /// Articles of the input that are copies of this one ([`duplicates::copies_of`]), in input order; not
    /// analysed, so they add nothing to support or corroboration.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<Copy>,
}

/// An article of the input that is a copy of a source (the same report run again, perhaps lightly
/// edited).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Copy {
    pub id: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// A sourced brief of one story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    /// The story's title: the headline of its most central source with prose ([`story_title`]); none
    /// when no such source has a headline.
    pub title: Option<String>,
    pub sources: Vec<Source>,
    pub summary: Vec<SummarySentence>,
    /// Words in the summary.
    pub words: usize,
    /// People, organisations and places, most central first.
    pub entities: Vec<Entity>,
    /// Quotes grouped by speaker, most quoted first.
    pub quotes: Vec<QuoteGroup>,
    /// Dated events, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// The story's claims across articles: which outlets report each, which only one reports, and where
    /// outlets differ on a detail.
    pub corroboration: Corroboration,
    /// Things the reader should know about the input (an article with no prose, say).
    pub warnings: Vec<String>,
    /// The sources not in English: summarised, but without names, quotes and dates (absent when all
    /// are English).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<ArticleLanguage>,
    /// What [`Brief::languages`] means for the reader, in one sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language_note: Option<String>,
    /// The question a focused brief answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    /// What an update brief was built against: its summary is "what's new" since these articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update: Option<Update>,
    /// Notes on a focused or update brief (the focus found nowhere, nothing new).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<BriefNote>,
}

/// Builds the brief of the story told by `articles`.
pub fn build_brief(articles: &[Article], opts: &BriefOptions) -> Result<Brief, BriefError> {
    build_brief_cancellable(articles, opts, &Cancel::new())
}

/// [`build_brief`], stopping with [`BriefError::Cancelled`] soon after `cancel` is given (it is checked
/// between the stages, between the articles of a stage, and between the statements corroboration compares).
pub fn build_brief_cancellable(
    articles: &[Article],
    opts: &BriefOptions,
    cancel: &Cancel,
) -> Result<Brief, BriefError> {
    if articles.is_empty() {
        return Err(BriefError::NoArticles);
    }
    let focus = match opts.focus.as_deref().map(str::trim) {
        Some("") => return Err(BriefError::EmptyFocus),
        other => other,
    };
    let mut warnings = Vec::new();
    // Copies of one report are analysed once, as their first article: the brief's `doc` indices are
    // positions among these originals.
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let copy_of = duplicates::copies_of(&texts);
    let (kept, mut copies): (Cow<[Article]>, Vec<Vec<Copy>>) =
        if copy_of.iter().all(Option::is_none) {
            (Cow::Borrowed(articles), vec![Vec::new(); articles.len()])
        } else {
            originals(articles, &copy_of)
        };
    let articles: &[Article] = &kept;
    let docs: Vec<Document> = articles
        .iter()
        .map(|a| cancel.check().map(|()| Document::analyse(&a.text)))
        .collect::<Result<_, _>>()?;
    let sources: Vec<Source> = articles
        .iter()
        .zip(&docs)
        .zip(&mut copies)
        .enumerate()
        .map(|(doc, ((a, analysed), copies))| {
            let words = analysed
                .prose()
                .map(|s| summary::word_count(&a.text[s.range.clone()]))
                .sum();
            if words == 0 {
                warnings.push(format!("{}: no article prose found after cleaning", a.id));
            }
            let title = a
                .title
                .as_deref()
                .or_else(|| analysed.headline(&a.text))
                .and_then(clean_title);
            Source {
                doc,
                id: a.id.clone(),
                title,
                outlet: a.outlet.clone(),
                published: a.published.clone(),
                url: a.url.clone(),
                words,
                copies: std::mem::take(copies),
            }
        })
        .collect();
    if sources.iter().all(|s| s.words == 0) {
        return Err(BriefError::NoProse(texts.len()));
    }
    warnings.extend(
        sources
            .iter()
            .filter(|s| !s.copies.is_empty())
            .map(copies_warning),
    );
    cancel.check()?;
    // The brief's focus and seen articles, where given, are the summary's.
    let summary_options = SummaryOptions {
        focus: focus
            .map(str::to_owned)
            .or_else(|| opts.summary.focus.clone()),
        seen: if opts.seen.is_empty() {
            opts.summary.seen.clone()
        } else {
            opts.seen.iter().map(|a| a.text.clone()).collect()
        },
        ..opts.summary.clone()
    };
    let mut summary = summary::summarize_analysed(articles, &docs, &summary_options);
    let words = summary.words();
    // The other analyses read each article up to its sentence cap.
    let (articles, docs, cut) = budget::analysed_in_full(articles, &docs);
    warnings.extend(cut);
    cancel.check()?;
    // Only English is analysed for names, quotes and dates; other languages are summarised only.
    let languages: Vec<ArticleLanguage> = articles
        .iter()
        .zip(docs.iter())
        .enumerate()
        .filter_map(|(doc, (a, d))| {
            let (code, name) = language::not_english(&a.text, d)?;
            Some(ArticleLanguage { doc, code, name })
        })
        .collect();
    let english: Vec<bool> = (0..articles.len())
        .map(|doc| languages.iter().all(|l| l.doc != doc))
        .collect();
    // Names and time expressions do not depend on each other: found side by side (each stage also
    // loads what it needs once per process, the tagger's model and the time grammar).
    let (found, dates) = rayon::join(
        || entities::analyse_english(&articles, &docs, &english, cancel),
        || time_expressions(&articles, &english, cancel),
    );
    let (found, dates) = (found?, dates?);
    cancel.check()?;
    let quotes = quotations::quotations(&articles, &english, &found.names, |d, s, e| {
        found.speaker_at(d, s, e)
    });
    let timeline = timeline::timeline(&articles, &docs, &dates);
    cancel.check()?;
    let mut corroboration =
        corroboration::corroborate(&articles, &docs, &dates, &found.names, cancel, |d, s, e| {
            found.name_at(d, s, e)
        })?;
    for sentence in &mut summary.sentences {
        sentence.support = support(&corroboration, sentence);
        // A quoted sentence's speaker as the quotes section names them, where it has the quotation.
        let own = sentence.speaker.take();
        sentence.speaker =
            own.map(|own| quoted_speaker(&quotes, sentence).map_or(own, str::to_owned));
    }
    // The discrepancies on a detail each summary sentence states, shown beside it.
    corroboration.summary_discrepancies = summary
        .sentences
        .iter()
        .map(|s| corroboration.discrepancies_at(s.doc, s.start, s.end))
        .collect();
    let (mut entities, mut quotes, mut timeline) = (found.entities, quotes, timeline);
    if let Some(question) = focus {
        guided::rank(
            question,
            &articles,
            &docs,
            &mut entities,
            &mut quotes,
            &mut timeline,
        );
    }
    let update = (!opts.seen.is_empty()).then(|| {
        let (quotes_already_seen, timeline_already_seen) = guided::drop_seen(
            &opts.seen,
            opts.summary.guide.repeat,
            &mut quotes,
            &mut timeline,
        );
        Update {
            seen: opts
                .seen
                .iter()
                .map(|a| SeenArticle {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    published: a.published.clone(),
                })
                .collect(),
            quotes_already_seen,
            timeline_already_seen,
        }
    });
    let title = story_title(&sources, &summary.sentences);
    Ok(Brief {
        title,
        sources,
        summary: summary.sentences,
        words,
        entities,
        quotes,
        timeline,
        corroboration,
        warnings,
        language_note: language::note(&languages, articles.len()),
        languages,
        focus: focus.map(str::to_owned),
        update,
        notes: summary.notes.into_iter().map(BriefNote::from).collect(),
    })
}

/// The time expressions of each article (none for one not in English), found once for the timeline
/// and the date comparisons.
fn time_expressions(
    articles: &[Article],
    english: &[bool],
    cancel: &Cancel,
) -> Result<Vec<newsbrief_timex::Found>, BriefError> {
    articles
        .iter()
        .zip(english)
        .map(|(a, &english)| {
            cancel.check()?;
            Ok(if english {
                newsbrief_timex::find(&a.text)
            } else {
                newsbrief_timex::Found::default()
            })
        })
        .collect()
}

/// The speaker the quotes section gives a summary sentence that is a quotation (the story's fullest form of
/// the name, where the summary alone had the article's phrase).
fn quoted_speaker<'a>(quotes: &'a [QuoteGroup], sentence: &SummarySentence) -> Option<&'a str> {
    quotes
        .iter()
        .find(|group| {
            group.quotes.iter().any(|quote| {
                quote.sources.iter().any(|span| {
                    span.doc == sentence.doc
                        && span.start < sentence.end
                        && sentence.start < span.end
                })
            })
        })
        .map(|group| group.speaker.as_str())
}

/// The other articles that report what a summary sentence says (see [`Corroboration::support`]); none
/// when no other article does. An article that gives a different number, date or name for it is not
/// among them: it is one of the sentence's discrepancies (`Corroboration::summary_discrepancies`).
fn support(corroboration: &Corroboration, sentence: &SummarySentence) -> Vec<Support> {
    corroboration
        .support(sentence.doc, sentence.start, sentence.end)
        .into_iter()
        .map(|(doc, score)| Support { doc, score })
        .collect()
}

/// The input's originals, each with the copies of it (`copy_of` as [`duplicates::copies_of`] gives it).
fn originals(
    articles: &[Article],
    copy_of: &[Option<usize>],
) -> (Cow<'static, [Article]>, Vec<Vec<Copy>>) {
    let mut position = vec![0; articles.len()];
    let mut kept = Vec::new();
    let mut copies: Vec<Vec<Copy>> = Vec::new();
    for (i, (article, original)) in articles.iter().zip(copy_of).enumerate() {
        match original {
            Some(j) => copies[position[*j]].push(Copy {
                id: article.id.clone(),
                outlet: article.outlet.clone(),
                // Analysed for nothing but its headline, as a source's title falls back to it.
                title: match &article.title {
                    Some(title) => clean_title(title),
                    None => Document::analyse(&article.text)
                        .headline(&article.text)
                        .and_then(clean_title),
                },
                url: article.url.clone(),
            }),
            None => {
                position[i] = kept.len();
                kept.push(article.clone());
                copies.push(Vec::new());
            }
        }
    }
    (Cow::Owned(kept), copies)
}

/// The story's title: the headline of its most central source with prose — the source the summary
/// takes most words from (the earliest in the summary on a tie), then the other sources with prose in
/// order. A source with no prose (a page of links, a bare date line) never names the story.
pub fn story_title(sources: &[Source], summary: &[SummarySentence]) -> Option<String> {
    let mut taken = vec![(0usize, usize::MAX); sources.len()];
    for (i, s) in summary.iter().enumerate() {
        if let Some((words, first)) = taken.get_mut(s.doc) {
            *words += summary::word_count(&s.text);
            *first = (*first).min(i);
        }
    }
    let mut order: Vec<usize> = (0..sources.len()).collect();
    // Stable: sources the summary does not use keep their input order, after those it does.
    order.sort_by_key(|&d| (std::cmp::Reverse(taken[d].0), taken[d].1));
    order
        .into_iter()
        .map(|d| &sources[d])
        .filter(|s| s.words > 0)
        .find_map(|s| s.title.clone())
}

/// A headline fit to show: heading marks (`# `) and surrounding space dropped; none when nothing is
/// left or the line is a publication stamp ("Published on Apr 1, 2017", "Updated 10:32 a.m. ET").
fn clean_title(line: &str) -> Option<String> {
    let title = line
        .trim()
        .trim_start_matches('#')
        .trim_end_matches('#')
        .trim();
    if title.is_empty() || is_stamp(title) {
        return None;
    }
    Some(title.to_owned())
}

/// Date words a publication stamp is made of, besides numbers.
const STAMP_WORDS: &str = "\
    published updated posted modified last first on at by am pm a.m p.m et est edt gmt utc bst pt \
    pst pdt ct cst cdt jan january feb february mar march apr april may jun june jul july aug \
    august sep sept september oct october nov november dec december mon monday tue tues tuesday wed \
    wednesday thu thur thurs thursday fri friday sat saturday sun sunday";

/// A line that only stamps a date or time: numbers, month and day names, and words such as "Published",
/// "Updated", "on", "at" ("Published on Apr 1, 2017", "Tuesday, March 7, 2017 10:30 am").
fn is_stamp(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let stamp_word = |w: &String| {
        w.chars().all(|c| c.is_ascii_digit() || c == '.')
            || STAMP_WORDS.split_whitespace().any(|s| s == w)
            || (w.starts_with(|c: char| c.is_ascii_digit())
                && w.trim_end_matches(['s', 't', 'n', 'd', 'h', 'r'])
                    .chars()
                    .all(|c| c.is_ascii_digit()))
    };
    !words.is_empty() && words.iter().all(stamp_word)
}

/// Most copies named in a warning.
const NAMED_COPIES: usize = 3;

/// "b.txt (Outlet B) is a copy of a.txt (AP): counted once, as one source", or for several "b.txt, c.txt,
/// d.txt and 2 more are copies of …".
fn copies_warning(source: &Source) -> String {
    let name = |id: &str, outlet: &Option<String>| match outlet {
        Some(outlet) => format!("{id} ({outlet})"),
        None => id.to_owned(),
    };
    let mut named: Vec<String> = source
        .copies
        .iter()
        .take(NAMED_COPIES)
        .map(|c| name(&c.id, &c.outlet))
        .collect();
    let more = source.copies.len() - named.len();
    let list = if more > 0 {
        format!("{} and {more} more", named.join(", "))
    } else {
        let last = named.pop().unwrap_or_default();
        if named.is_empty() {
            last
        } else {
            format!("{} and {last}", named.join(", "))
        }
    };
    let verb = if source.copies.len() == 1 {
        "is a copy"
    } else {
        "are copies"
    };
    format!(
        "{list} {verb} of {}: counted once, as one source",
        name(&source.id, &source.outlet)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_heading_marks_and_stamps_are_no_titles() {
        assert_eq!(
            clean_title("# Millbrook bridge closes"),
            Some("Millbrook bridge closes".to_owned())
        );
        assert_eq!(
            clean_title("  ## Budget passes ##"),
            Some("Budget passes".to_owned())
        );
        for stamp in [
            "Published on Apr 1, 2017",
            "Updated 10:32 a.m. ET March 3, 2017",
            "Tuesday, March 7th, 2017",
            "#",
        ] {
            assert_eq!(clean_title(stamp), None, "{stamp}");
        }
        for title in [
            "May Day march draws thousands",
            "Updated rules for 2018 budget",
        ] {
            assert!(clean_title(title).is_some(), "{title}");
        }
    }
}
