//! Guide: focused and update ("what's new") summaries. The learned salience of each candidate is mixed
//! with its relevance to the reader's question ([`super::focus`]) and, when articles were seen before,
//! with its novelty against them ([`super::novelty`]); a candidate that restates a seen sentence is left
//! out even when re-reported. The mix keeps the salience's range, so MMR selection works as for a plain
//! summary.

use serde::Serialize;

use super::concepts::ConceptWeights;
use super::focus::Focus;
use super::novelty::Seen;
use super::stems::Stemmed;
use super::SummaryOptions;

/// How focus and novelty weigh against salience.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GuideWeights {
    /// Share of the score given to relevance to the focus (the rest is salience).
    pub focus: f32,
    /// [`GuideWeights::focus`] in an update summary: the focus says what the story is about, which the
    /// seen articles covered already, so it weighs less there (none by default: on the DUC 2007 update
    /// topics any weight lowered the scores of sets B and C; the focus still ranks the entities, quotes
    /// and timeline).
    pub update_focus: f32,
    /// Share of the score given to novelty, in an update summary.
    pub novelty: f32,
    /// A candidate at least this similar (cosine) to a seen sentence says nothing new and is left out.
    pub repeat: f32,
    /// Concept coverage in an update summary's selection ([`super::concepts`]).
    pub concepts: ConceptWeights,
}

impl Default for GuideWeights {
    fn default() -> Self {
        GuideWeights {
            focus: 0.6,
            update_focus: 0.0,
            novelty: 0.45,
            repeat: 0.6,
            concepts: ConceptWeights::default(),
        }
    }
}

/// Something the reader should know about a focused or update summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryNote {
    /// No article has any word of the focus: the summary is the story's plain one.
    FocusNotFound,
    /// Everything the new articles say, the seen ones said already.
    NothingNew,
}

impl SummaryNote {
    /// The note in one sentence, for the reader.
    pub fn message(self) -> &'static str {
        match self {
            SummaryNote::FocusNotFound => {
                "No article uses any word of the focus; this is the story's general summary."
            }
            SummaryNote::NothingNew => {
                "Nothing new: everything these articles say was already in the articles seen before."
            }
        }
    }
}

/// What [`rescore`] found besides the new scores.
pub struct Rescored {
    /// What the reader should know about the summary.
    pub notes: Vec<SummaryNote>,
    /// In an update summary, each candidate's novelty against the seen articles (0–1; 0 for one left out):
    /// the summary reads its newest facts first.
    pub novelty: Option<Vec<f32>>,
}

/// Rewrites `scores` (one per candidate; `stemmed` holds their stems and the seen articles') for the focus
/// and seen articles of `opts`; a candidate that repeats a seen sentence gets a score of minus infinity
/// (never chosen).
pub fn rescore(stemmed: &Stemmed, scores: &mut [f32], opts: &SummaryOptions) -> Rescored {
    let mut notes = Vec::new();
    let relevance = opts.focus.as_deref().map(|question| {
        let focus = Focus::new(question, &stemmed.candidates);
        if !focus.matched() {
            notes.push(SummaryNote::FocusNotFound);
        }
        focus.scaled()
    });
    let novelty = (!opts.seen.is_empty()).then(|| {
        let mut seen = Seen::new(stemmed.seen_sentences());
        seen.compare_all(stemmed.candidates.iter().map(Vec::as_slice))
            .into_iter()
            .map(|c| (c.closest < opts.guide.repeat).then(|| c.novelty()))
            .collect::<Vec<_>>()
    });
    let (low, high) = super::finite_range(scores).unwrap_or((0.0, 0.0));
    let span = high - low;
    let w = opts.guide;
    let focus_weight = if novelty.is_some() {
        w.update_focus
    } else {
        w.focus
    };
    for (i, score) in scores.iter_mut().enumerate() {
        let mut mixed = if span > 0.0 {
            (*score - low) / span
        } else {
            0.5
        };
        if let Some(r) = &relevance {
            mixed = (1.0 - focus_weight) * mixed + focus_weight * r[i];
        }
        if let Some(n) = &novelty {
            match n[i] {
                Some(n) => mixed = (1.0 - w.novelty) * mixed + w.novelty * n,
                None => {
                    *score = f32::NEG_INFINITY;
                    continue;
                }
            }
        }
        *score = if span > 0.0 {
            low + span * mixed
        } else {
            mixed
        };
    }
    if novelty.is_some() && scores.iter().all(|s| !s.is_finite()) {
        notes.push(SummaryNote::NothingNew);
    }
    Rescored {
        notes,
        novelty: novelty.map(|n| n.into_iter().map(|n| n.unwrap_or(0.0)).collect()),
    }
}
