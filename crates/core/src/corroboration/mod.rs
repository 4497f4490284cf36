//! Corroboration: the story's statements grouped across articles into claims, which outlets report each,
//! which claims only one outlet reports, and where outlets agree on a claim but differ on a detail.
//!
//! Statements are the first prose sentences of each article. Two statements of different articles tell the
//! same claim when their TF-IDF cosine over stemmed content terms is high, or fairly high and they give
//! the same number of the same thing ([`compare::same_claim`]). Claims are formed greedily around the
//! statements matched by the most articles, one statement per article, each matched to the claim's first
//! statement (no chaining, so a claim never drifts into a neighbouring one); a statement already in one
//! claim also joins every other claim whose first statement it matches (one sentence may tell two claims). Within a claim, a number counting the same thing, an
//! explicitly written date, or a name in the same slot that differ are reported as discrepancies; each
//! statement is compared with the first and with the others it matches directly, so a discrepancy lists
//! every article's value.
//!
//! Faithfulness: an article that gives a different number, date or name for the same fact is a
//! discrepancy, never support ([`Corroboration::support`] leaves it out). Figures agree as
//! [`numbers::compatible`] says: exact figures must be equal, hedged ones ("about", "nearly", "up to",
//! "as much as") within 5%, and only open bounds ("more than", "fewer than") allow more.
//! No model is downloaded: names come from the story's entity analysis, dates from `newsbrief-timex`.

pub mod compare;
pub mod gold;
pub mod numbers;

use std::collections::{BTreeMap, BTreeSet};

use newsbrief_quotes::NameSpan;
use newsbrief_timex::{Anchor, Found, Precision, TimexType};
use serde::Serialize;

use crate::budget::{Cancel, Cancelled};
use crate::document::Document;
use crate::summary::vector::{idf, SparseVec};
use crate::terms::{words, Vocabulary};
use crate::Article;
use compare::{DateValue, Difference, Features, Name};

/// Most statements taken from one article (its first prose sentences), so time stays bounded.
pub const MAX_STATEMENTS: usize = 60;
/// Fewest content terms a sentence needs to count as a statement.
const MIN_TERMS: usize = 4;
/// Words of context shown on each side of a differing value.
const CONTEXT_WORDS: usize = 6;

/// Where one article reports a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimSource {
    pub doc: usize,
    /// Byte span of the statement in the article's original text.
    pub start: usize,
    pub end: usize,
    /// Similarity to the claim's first statement, 0–1 (1 for that statement).
    pub score: f64,
}

/// One value of a detail on which the sources of a claim differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiscrepancyValue {
    pub doc: usize,
    /// The value as written.
    pub value: String,
    /// Byte span of the value in the article's original text.
    pub start: usize,
    pub end: usize,
    /// The words around it in its sentence.
    pub context: String,
    /// The value as a reader would quote it: for a number its hedge and what it counts ("as much as 20
    /// minutes"), otherwise the value as written.
    pub said: String,
}

/// A detail on which outlets reporting one claim differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discrepancy {
    /// "number", "date", "name" or "place".
    pub kind: &'static str,
    /// One value per article of the claim that gives one, in the order the claim's statements were
    /// compared (the claim's first statement first when it gives one).
    pub values: Vec<DiscrepancyValue>,
}

/// A claim of the story: statements of several articles (or one) that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The claim as its most corroborated statement words it.
    pub text: String,
    /// Article and byte span of that statement.
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    /// Every article that reports it, that statement first.
    pub sources: Vec<ClaimSource>,
    pub single_source: bool,
    /// How close the claim is to the story as a whole (cosine to the centroid of all statements), 0–1.
    pub centrality: f64,
    pub discrepancies: Vec<Discrepancy>,
}

/// How well the story's claims are sourced.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Corroboration {
    /// Claims reported by most articles first, then the most central.
    pub claims: Vec<Claim>,
    /// Claims reported by two or more articles.
    pub corroborated: usize,
    /// Indices (into `claims`) of the claims only one article reports, most central first.
    pub single_source: Vec<usize>,
    /// Indices (into `claims`) of the claims whose sources differ on a detail.
    pub discrepancies: Vec<usize>,
    /// For each summary sentence of a brief (in order), the discrepancies on a detail it states: set by
    /// the brief ([`Corroboration::discrepancies_at`]), empty outside one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub summary_discrepancies: Vec<Vec<DiscrepancyRef>>,
    /// Each statement (article, start offset) with the articles whose statements match it directly and
    /// the best similarity there; the claims already show what a reader needs, so it is not serialised.
    #[serde(skip)]
    pub matches: BTreeMap<(usize, usize), Vec<(usize, f64)>>,
    /// Each statement (article, start offset) with the other articles whose statements of the same claim
    /// give a different number, date or name: they are never its support.
    #[serde(skip)]
    pub conflicts: BTreeMap<(usize, usize), BTreeSet<usize>>,
}

/// One discrepancy of the corroboration: `claims[claim].discrepancies[discrepancy]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DiscrepancyRef {
    pub claim: usize,
    pub discrepancy: usize,
}

impl Corroboration {
    /// The other articles that report what a passage of an article (a byte span: one sentence or a few)
    /// says, best first, with their similarity: those whose statements match one of its statements
    /// directly, and the other sources of every claim one of its statements belongs to (scored against the
    /// claim's first statement, that one by the passage's own score). Empty when nothing else reports it.
    /// An article that gives a different number, date or name for what one of the passage's statements
    /// says is a discrepancy, not support: it is left out, whatever else of the passage it reports.
    pub fn support(&self, doc: usize, start: usize, end: usize) -> Vec<(usize, f64)> {
        let span = (doc, start)..(doc, end.max(start));
        let conflicting: BTreeSet<usize> = self
            .conflicts
            .range(span.clone())
            .flat_map(|(_, docs)| docs.iter().copied())
            .collect();
        let mut best: BTreeMap<usize, f64> = BTreeMap::new();
        let mut note = |other: usize, score: f64| {
            if other != doc && !conflicting.contains(&other) {
                let entry = best.entry(other).or_insert(score);
                *entry = entry.max(score);
            }
        };
        let inside = |s: &ClaimSource| s.doc == doc && start <= s.start && s.start < end;
        for (_, found) in self.matches.range(span) {
            for &(other, score) in found {
                note(other, score);
            }
        }
        for claim in &self.claims {
            let Some(own) = claim.sources.iter().find(|s| inside(s)) else {
                continue;
            };
            for s in &claim.sources {
                note(s.doc, if s.score >= 1.0 { own.score } else { s.score });
            }
        }
        let mut out: Vec<(usize, f64)> = best.into_iter().collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// The discrepancies on a detail a passage of an article (a byte span) states: those of the claims
    /// one of its statements belongs to in which the article's own value lies inside the passage.
    pub fn discrepancies_at(&self, doc: usize, start: usize, end: usize) -> Vec<DiscrepancyRef> {
        let inside = |d: usize, at: usize| d == doc && start <= at && at < end;
        let mut out = Vec::new();
        for (i, claim) in self.claims.iter().enumerate() {
            if !claim.sources.iter().any(|s| inside(s.doc, s.start)) {
                continue;
            }
            for (k, d) in claim.discrepancies.iter().enumerate() {
                if d.values.iter().any(|v| inside(v.doc, v.start)) {
                    out.push(DiscrepancyRef {
                        claim: i,
                        discrepancy: k,
                    });
                }
            }
        }
        out
    }
}

/// A statement: one sentence of one article, with what the comparison needs.
struct Statement {
    doc: usize,
    start: usize,
    end: usize,
    features: Features,
}

/// The corroboration of a story. `docs[i]` is `articles[i]` analysed, `found[i]` its time expressions
/// (`newsbrief_timex::find`), `names[i]` its entity mentions, and `canonical(doc, start, end)` the
/// canonical name of the entity a mention belongs to.
pub fn corroborate<'a>(
    articles: &[Article],
    docs: &[Document],
    found: &[Found],
    names: &[Vec<NameSpan>],
    cancel: &Cancel,
    canonical: impl Fn(usize, usize, usize) -> Option<&'a str>,
) -> Result<Corroboration, Cancelled> {
    let mut vocabulary = Vocabulary::default();
    let mut statements = Vec::new();
    let mut bags = Vec::new();
    let story_words = word_set(articles.iter().zip(docs).flat_map(|(article, analysed)| {
        analysed
            .prose()
            .take(MAX_STATEMENTS)
            .filter_map(|s| article.text.get(s.range.start..s.range.end))
    }));
    for (doc, (article, analysed)) in articles.iter().zip(docs).enumerate() {
        cancel.check()?;
        let text = article.text.as_str();
        let timexes = found
            .get(doc)
            .map(|f| explicit_dates(f, text, anchor(article)))
            .unwrap_or_default();
        let mentions = names.get(doc).map(Vec::as_slice).unwrap_or(&[]);
        for sentence in analysed.prose().take(MAX_STATEMENTS) {
            let (start, end) = (sentence.range.start, sentence.range.end);
            let Some(raw) = text.get(start..end) else {
                continue;
            };
            let bag = vocabulary.terms(&unprefixed(raw, &story_words));
            if bag.len() < MIN_TERMS {
                continue;
            }
            let dates: Vec<DateValue> = timexes
                .iter()
                .filter(|d| start <= d.start && d.end <= end)
                .cloned()
                .collect();
            let sentence_names = mentions
                .iter()
                .filter(|m| start <= m.start && m.end <= end)
                .map(|m| {
                    let key = canonical(doc, m.start, m.end)
                        .or_else(|| text.get(m.start..m.end))
                        .unwrap_or("")
                        .to_lowercase();
                    name(text, start, m, key)
                })
                .collect();
            let mut features = features(raw, start, dates, sentence_names);
            features.terms = sorted_set(bag.clone());
            features.name_terms = sorted_set(
                mentions
                    .iter()
                    .filter(|m| start <= m.start && m.end <= end)
                    .filter_map(|m| text.get(m.start..m.end))
                    .flat_map(|n| vocabulary.terms(n))
                    .collect(),
            );
            bags.push(bag);
            statements.push(Statement {
                doc,
                start,
                end,
                features,
            });
        }
    }
    let weights = idf(bags.iter().map(Vec::as_slice), vocabulary.len());
    for (s, bag) in statements.iter_mut().zip(&bags) {
        s.features.vector = SparseVec::tf_idf(bag, &weights);
    }
    group(articles, &statements, cancel)
}

fn sorted_set(mut ids: Vec<u32>) -> Vec<u32> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The lowercased words of some texts.
fn word_set<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    texts.flat_map(words).map(str::to_lowercase).collect()
}

/// Shortest word left once a negative prefix is dropped.
const MIN_UNPREFIXED: usize = 4;

/// The words of a text, a negative prefix "un" dropped when the rest is itself a word of the story
/// ("unaware" → "aware"), so that "unaware" and "not aware" share a term. Negation words are stop words,
/// so the terms ignore polarity either way.
fn unprefixed(text: &str, story: &BTreeSet<String>) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        let lower = word.to_lowercase();
        let rest = lower
            .strip_prefix("un")
            .filter(|r| r.chars().count() >= MIN_UNPREFIXED && story.contains(*r));
        out.push_str(rest.unwrap_or(word));
        out.push(' ');
    }
    out
}

/// One statement's features, its vector still to be set.
fn features(raw: &str, start: usize, dates: Vec<DateValue>, names: Vec<Name>) -> Features {
    let excluded: Vec<(usize, usize)> = dates
        .iter()
        .map(|d| (d.start - start, d.end - start))
        .collect();
    let numbers = numbers::numbers(raw, &excluded)
        .into_iter()
        .map(|mut n| {
            n.start += start;
            n.end += start;
            n.phrase = (n.phrase.0 + start, n.phrase.1 + start);
            n
        })
        .collect();
    Features {
        vector: SparseVec::default(),
        terms: Vec::new(),
        name_terms: Vec::new(),
        numbers,
        dates,
        names,
        lower: raw.to_lowercase(),
    }
}

/// A mention with its slot: the word before it in its sentence (none after punctuation or "and").
fn name(text: &str, sentence_start: usize, m: &NameSpan, key: String) -> Name {
    let before_text = text.get(sentence_start..m.start).unwrap_or("");
    let trimmed = before_text.trim_end();
    let last = trimmed
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    let before = if trimmed.len() < before_text.len()
        && !last.is_empty()
        && last.chars().all(char::is_alphabetic)
        && !matches!(last.as_str(), "and" | "or" | "nor" | "with")
    {
        last
    } else {
        String::new()
    };
    Name {
        kind: m.kind,
        key,
        start: m.start,
        end: m.end,
        before,
    }
}

fn anchor(article: &Article) -> Anchor {
    article
        .published_date()
        .map_or_else(Anchor::unknown, Anchor::known)
}

/// Calendar dates written out with a number ("June 14, 2016", "July 2016"), day or month precision:
/// relative ones ("Tuesday") depend on each article's date and would invent discrepancies.
fn explicit_dates(found: &Found, text: &str, anchor: Anchor) -> Vec<DateValue> {
    found
        .resolve(text, anchor)
        .into_iter()
        .filter(|t| t.kind == TimexType::Date && t.text.chars().any(|c| c.is_ascii_digit()))
        .filter(|t| matches!(t.precision, Some(Precision::Day | Precision::Month)))
        .filter_map(|t| {
            let (first, last) = t.date_range()?;
            Some(DateValue {
                value: t.value,
                first,
                last,
                start: t.start,
                end: t.end,
            })
        })
        .collect()
}

/// Matches of a statement in other articles: (statement index, similarity), best first; and the pairs
/// of matching statements that differ on a detail.
type Matches = (Vec<Vec<(usize, f32)>>, Vec<(usize, usize)>);

fn matches(statements: &[Statement], cancel: &Cancel) -> Result<Matches, Cancelled> {
    let mut found = vec![Vec::new(); statements.len()];
    let mut differing = Vec::new();
    for i in 0..statements.len() {
        cancel.check()?;
        for j in i + 1..statements.len() {
            if statements[i].doc == statements[j].doc {
                continue;
            }
            if let Some((score, differences)) =
                compare::judge(&statements[i].features, &statements[j].features)
            {
                found[i].push((j, score));
                found[j].push((i, score));
                if !differences.is_empty() {
                    differing.push((i, j));
                }
            }
        }
    }
    for m in &mut found {
        m.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    Ok((found, differing))
}

/// Groups the statements into claims.
fn group(
    articles: &[Article],
    statements: &[Statement],
    cancel: &Cancel,
) -> Result<Corroboration, Cancelled> {
    let (found, mut differing) = matches(statements, cancel)?;
    let centroid = SparseVec::centroid(statements.iter().map(|s| &s.features.vector));
    let centrality: Vec<f32> = statements
        .iter()
        .map(|s| s.features.vector.cosine(&centroid))
        .collect();
    let reach = |i: usize| {
        let mut docs: Vec<usize> = found[i].iter().map(|&(j, _)| statements[j].doc).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    };
    let mut order: Vec<usize> = (0..statements.len()).collect();
    let reaches: Vec<usize> = order.iter().map(|&i| reach(i)).collect();
    order.sort_by(|&a, &b| {
        reaches[b]
            .cmp(&reaches[a])
            .then(centrality[b].total_cmp(&centrality[a]))
            .then(a.cmp(&b))
    });
    let mut taken = vec![false; statements.len()];
    let mut groups: Vec<Vec<(usize, f32)>> = Vec::new();
    for seed in order {
        if taken[seed] {
            continue;
        }
        taken[seed] = true;
        let mut members = vec![(seed, 1.0f32)];
        for &(j, score) in &found[seed] {
            let doc = statements[j].doc;
            if !taken[j] && members.iter().all(|&(m, _)| statements[m].doc != doc) {
                taken[j] = true;
                members.push((j, score));
            }
        }
        groups.push(members);
    }
    // A statement another claim took still reports this claim when it matches its seed and its article
    // is not yet among the claim's sources: one sentence may tell two claims.
    for members in &mut groups {
        let seed = members[0].0;
        for &(j, score) in &found[seed] {
            let doc = statements[j].doc;
            if members.iter().all(|&(m, _)| statements[m].doc != doc) {
                members.push((j, score));
            }
        }
    }
    let mut claims: Vec<Claim> = groups
        .iter()
        .map(|members| {
            claim(
                articles,
                statements,
                members,
                centrality[members[0].0],
                &mut differing,
            )
        })
        .collect();
    claims.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(b.centrality.total_cmp(&a.centrality))
            .then((a.doc, a.start).cmp(&(b.doc, b.start)))
    });
    let corroborated = claims.iter().filter(|c| !c.single_source).count();
    let single_source = (0..claims.len())
        .filter(|&i| claims[i].single_source)
        .collect();
    let discrepancies = (0..claims.len())
        .filter(|&i| !claims[i].discrepancies.is_empty())
        .collect();
    let matches = statements
        .iter()
        .zip(&found)
        .map(|(s, m)| {
            let mut best: Vec<(usize, f64)> = Vec::new();
            for &(j, score) in m {
                let other = statements[j].doc;
                // Best first, so the first match of each article is its best.
                if best.iter().all(|&(d, _)| d != other) {
                    best.push((other, round(score)));
                }
            }
            ((s.doc, s.start), best)
        })
        .collect();
    let mut conflicts: BTreeMap<(usize, usize), BTreeSet<usize>> = BTreeMap::new();
    for &(i, j) in &differing {
        let (a, b) = (&statements[i], &statements[j]);
        conflicts.entry((a.doc, a.start)).or_default().insert(b.doc);
        conflicts.entry((b.doc, b.start)).or_default().insert(a.doc);
    }
    Ok(Corroboration {
        claims,
        corroborated,
        single_source,
        discrepancies,
        summary_discrepancies: Vec::new(),
        matches,
        conflicts,
    })
}

/// A claim from its statements, the first being its seed. The seed is compared with every other statement,
/// and two others with each other when they also tell the same claim directly, so that a discrepancy lists
/// each article's value; the pairs that differ are added to `differing`.
fn claim(
    articles: &[Article],
    statements: &[Statement],
    members: &[(usize, f32)],
    centrality: f32,
    differing: &mut Vec<(usize, usize)>,
) -> Claim {
    let seed = &statements[members[0].0];
    let mut sources: Vec<ClaimSource> = members
        .iter()
        .map(|&(i, score)| ClaimSource {
            doc: statements[i].doc,
            start: statements[i].start,
            end: statements[i].end,
            score: round(score),
        })
        .collect();
    sources[1..].sort_by_key(|s| s.doc);
    let mut discrepancies: Vec<(String, Discrepancy)> = Vec::new();
    for (k, &(i, _)) in members.iter().enumerate() {
        for &(j, _) in &members[k + 1..] {
            let (a, b) = (&statements[i], &statements[j]);
            // Two statements that each match the seed but not each other may tell different parts of it.
            if k > 0 && compare::same_claim(&a.features, &b.features).is_none() {
                continue;
            }
            let found = compare::differences(&a.features, &b.features);
            for d in &found {
                add_difference(articles, a.doc, b.doc, d, &mut discrepancies);
            }
            if !found.is_empty() {
                differing.push((i, j));
            }
        }
    }
    Claim {
        text: squash(
            articles[seed.doc]
                .text
                .get(seed.start..seed.end)
                .unwrap_or(""),
        ),
        doc: seed.doc,
        start: seed.start,
        end: seed.end,
        single_source: sources.len() == 1,
        sources,
        centrality: round(centrality),
        discrepancies: discrepancies.into_iter().map(|(_, d)| d).collect(),
    }
}

/// Adds one difference (between statements of articles `a_doc` and `b_doc`) to the claim's
/// discrepancies, merging those of the same slot: one value per article.
fn add_difference(
    articles: &[Article],
    a_doc: usize,
    b_doc: usize,
    d: &Difference,
    out: &mut Vec<(String, Discrepancy)>,
) {
    let value = |doc: usize, (start, end): (usize, usize), (from, to): (usize, usize)| {
        let text = &articles[doc].text;
        DiscrepancyValue {
            doc,
            value: squash(text.get(start..end).unwrap_or("")),
            start,
            end,
            context: context(text, start, end),
            said: squash(text.get(from..to).unwrap_or("")),
        }
    };
    let position = out.iter().position(|(slot, _)| *slot == d.slot);
    let entry = match position {
        Some(k) => &mut out[k].1,
        None => {
            out.push((
                d.slot.clone(),
                Discrepancy {
                    kind: d.kind,
                    values: Vec::new(),
                },
            ));
            let last = out.len() - 1;
            &mut out[last].1
        }
    };
    for (doc, span, said) in [(a_doc, d.a, d.a_said), (b_doc, d.b, d.b_said)] {
        if entry.values.iter().all(|v| v.doc != doc) {
            entry.values.push(value(doc, span, said));
        }
    }
}

/// A few words either side of a span, within its line.
fn context(text: &str, start: usize, end: usize) -> String {
    let line_start = text
        .get(..start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| end + i);
    let before: Vec<&str> = text
        .get(line_start..start)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let after: Vec<&str> = text
        .get(end..line_end)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let mut out: Vec<&str> = before[before.len().saturating_sub(CONTEXT_WORDS)..].to_vec();
    let value = text.get(start..end).unwrap_or("");
    out.extend(value.split_whitespace());
    out.extend(after.iter().take(CONTEXT_WORDS));
    let mut s = out.join(" ");
    if before.len() > CONTEXT_WORDS {
        s.insert(0, '…');
    }
    if after.len() > CONTEXT_WORDS {
        s.push('…');
    }
    s
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn round(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

/// The verdict on one pair of sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct PairJudgement {
    /// Cosine of their TF-IDF vectors.
    pub score: f32,
    /// They report the same claim.
    pub same: bool,
    /// The kinds of detail they differ on (empty unless `same`).
    pub discrepancies: Vec<&'static str>,
}

/// A sentence pair to judge, with the story it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct SentencePair {
    /// Pairs of one story share their IDF, as the statements of one story do.
    pub story: String,
    pub a: String,
    pub b: String,
}

/// Judges sentence pairs as the story analysis would, each sentence analysed on its own (names tagged,
/// explicit dates read with no anchor). The IDF is taken over the sentences of the pairs of the same story,
/// the nearest the pairs alone come to the story's own statements. For the gold set.
pub fn judge_pairs(pairs: &[SentencePair]) -> Vec<PairJudgement> {
    let tagger = newsbrief_ner::Tagger::default();
    let mut vocabulary = Vocabulary::default();
    let mut analysed = Vec::new();
    for pair in pairs {
        let story_words = word_set(
            pairs
                .iter()
                .filter(|p| p.story == pair.story)
                .flat_map(|p| [p.a.as_str(), p.b.as_str()]),
        );
        for text in [&pair.a, &pair.b] {
            let names = tagger
                .entities(text)
                .iter()
                .map(|m| {
                    let span = NameSpan::from(m);
                    let key = text.get(m.start..m.end).unwrap_or("").to_lowercase();
                    name(text, 0, &span, key)
                })
                .collect();
            let dates = explicit_dates(&newsbrief_timex::find(text), text, Anchor::unknown());
            let bag = vocabulary.terms(&unprefixed(text, &story_words));
            let mut f = features(text, 0, dates, names);
            f.terms = sorted_set(bag.clone());
            f.name_terms = sorted_set(
                f.names
                    .iter()
                    .filter_map(|n| text.get(n.start..n.end))
                    .flat_map(|n| vocabulary.terms(n))
                    .collect(),
            );
            analysed.push((bag, f));
        }
    }
    let mut stories: Vec<&str> = pairs.iter().map(|p| p.story.as_str()).collect();
    stories.sort_unstable();
    stories.dedup();
    for story in stories {
        let members: Vec<usize> = (0..analysed.len())
            .filter(|&i| pairs.get(i / 2).is_some_and(|p| p.story == story))
            .collect();
        let weights = idf(
            members.iter().map(|&i| analysed[i].0.as_slice()),
            vocabulary.len(),
        );
        for &i in &members {
            let (bag, f) = &mut analysed[i];
            f.vector = SparseVec::tf_idf(bag, &weights);
        }
    }
    analysed
        .chunks(2)
        .filter_map(|pair| {
            let [(_, a), (_, b)] = pair else { return None };
            let judged = compare::judge(a, b);
            Some(PairJudgement {
                score: a.vector.cosine(&b.vector),
                same: judged.is_some(),
                discrepancies: judged
                    .map_or_else(Vec::new, |(_, d)| d.iter().map(|d| d.kind).collect()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(texts: &[&str]) -> Corroboration {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(format!("a{i}"), *t))
            .collect();
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| Document::analyse(&a.text))
            .collect();
        let dates: Vec<Found> = articles
            .iter()
            .map(|a| newsbrief_timex::find(&a.text))
            .collect();
        let found = crate::entities::analyse(&articles, &docs);
        corroborate(
            &articles,
            &docs,
            &dates,
            &found.names,
            &Cancel::new(),
            |d, s, e| found.name_at(d, s, e),
        )
        .expect("a signal never given")
    }

    #[test]
    fn groups_one_claim_across_outlets_and_finds_a_number_discrepancy() {
        let c = story(&[
            "The senator met the Russian ambassador at a gathering with 50 other ambassadors in July. \
             The weather in the capital was cold and grey all week long.",
            "The senator met the Russian ambassador at a gathering with 20 other ambassadors in July. \
             Local farmers expect a record harvest of apples this autumn season.",
        ]);
        let shared: Vec<&Claim> = c.claims.iter().filter(|c| !c.single_source).collect();
        assert_eq!(shared.len(), 1);
        assert_eq!(c.corroborated, 1);
        assert_eq!(c.single_source.len(), 2);
        let d = &shared[0].discrepancies;
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, "number");
        let values: Vec<&str> = d[0].values.iter().map(|v| v.value.as_str()).collect();
        assert!(values.contains(&"50") && values.contains(&"20"));
    }

    #[test]
    fn agreeing_numbers_are_no_discrepancy() {
        let c = story(&[
            "The senator met the Russian ambassador at a gathering with 50 other ambassadors in July.",
            "The senator met the Russian ambassador at a gathering with fifty other ambassadors in July.",
        ]);
        assert_eq!(c.corroborated, 1);
        assert!(c.discrepancies.is_empty());
    }

    #[test]
    fn a_negative_prefix_is_dropped_only_when_the_rest_is_a_word_of_the_story() {
        let story: BTreeSet<String> = ["aware".to_owned()].into();
        assert_eq!(
            unprefixed("Sessions was unaware, unclear", &story).trim(),
            "Sessions was aware unclear"
        );
    }

    #[test]
    fn support_comes_from_direct_matches_and_every_claim_of_the_sentence() {
        let c = story(&[
            "The senator met the Russian ambassador at a gathering with 50 other ambassadors in July.",
            "The senator met the Russian ambassador at a gathering with 50 other ambassadors in July.",
            "The senator met the Russian ambassador at a gathering in July, officials confirmed today.",
        ]);
        let all: Vec<usize> = c.support(2, 0, 200).iter().map(|&(d, _)| d).collect();
        assert_eq!(all, [0, 1]);
        assert!(c.support(2, 5, 200).is_empty());
    }

    #[test]
    fn pairs_are_judged() {
        let pair = |a: &str, b: &str| SentencePair {
            story: "s".to_owned(),
            a: a.to_owned(),
            b: b.to_owned(),
        };
        let pairs = vec![
            pair(
                "Flynn resigned on February 13, 2017 after the talks.",
                "Flynn resigned on February 14, 2017 after the talks.",
            ),
            pair(
                "Flynn resigned after the talks with the ambassador.",
                "Apple sold more phones in China than ever before.",
            ),
        ];
        let j = judge_pairs(&pairs);
        assert!(j[0].same && j[0].discrepancies == ["date"]);
        assert!(!j[1].same);
    }

    #[test]
    fn a_specific_shared_number_lowers_the_bar_and_shared_names_do_not() {
        let pair = |story: &str, a: &str, b: &str| SentencePair {
            story: story.to_owned(),
            a: a.to_owned(),
            b: b.to_owned(),
        };
        let pairs = vec![
            pair(
                "a",
                "The Boeing vanished on its way from Kuala Lumpur to Beijing with 239 people aboard.",
                "Flight MH370 vanished in March with 239 people on board, officials said.",
            ),
            pair(
                "b",
                "The Boeing vanished on its way from Kuala Lumpur to Beijing with 2 people aboard.",
                "Flight MH370 vanished in March with 2 people on board, officials said.",
            ),
            pair(
                "c",
                "The nominee Hillary Clinton lost the election.",
                "His statement was aimed at the nominee Hillary Clinton.",
            ),
        ];
        let j = judge_pairs(&pairs);
        assert!(j[0].score < compare::SAME_WITH_NUMBER, "{:?}", j[0]);
        assert!(j[0].same, "{:?}", j[0]);
        assert!(!j[1].same, "{:?}", j[1]);
        assert!(j[2].score >= compare::SAME && !j[2].same, "{:?}", j[2]);
    }
}
