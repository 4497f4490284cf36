//! Candidates: the sentences of a story that may enter its summary, with their term vectors.

use std::ops::Range;

use super::compress;
use super::vector::{self, SparseVec};
use crate::document::{Document, Sentence};
use crate::terms::{Vocabulary, Written};
use crate::Article;

/// A sentence that may enter the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub doc: usize,
    pub range: Range<usize>,
    /// The sentence text with its inner line breaks folded into spaces.
    pub text: String,
    /// The text lightly compressed (see `compress`), when compression removed something.
    pub compressed: Option<String>,
    /// Position among its article's prose sentences.
    pub position: usize,
    pub words: usize,
    /// Words of the compressed text (equal to `words` when there is none).
    pub compressed_words: usize,
    /// Share of the sentence's characters that stand inside quotation marks.
    pub quoted: f32,
    /// The article's prose sentences the candidate spans (a quotation may run over several).
    pub sentences: Range<usize>,
    /// Opens with a pronoun ("She", "They", "It", "His" …) that only the sentence before it in its article
    /// resolves: the candidate may enter a summary only right after a candidate that ends with that sentence.
    pub leading_pronoun: bool,
    /// Share of words that start with a capital letter (names).
    pub capitalised: f32,
    /// The capitalised words and figures it writes, as term ids (see [`super::restate`]).
    pub specifics: Vec<Written>,
    /// Nothing but a quotation (its speaker named around it, see [`speaker`]).
    pub bare_quotation: bool,
    /// Who said a bare quotation that does not name them itself, to show beside it.
    pub speaker: Option<String>,
}

impl Candidate {
    /// The text a summary shows: compressed when asked and possible.
    pub fn summary_text(&self, compress: bool) -> &str {
        match &self.compressed {
            Some(short) if compress => short,
            _ => &self.text,
        }
    }

    /// The words the candidate costs in a summary's budget.
    pub fn summary_words(&self, compress: bool) -> usize {
        if compress {
            self.compressed_words
        } else {
            self.words
        }
    }
}

/// All candidates of a story with their TF-IDF vectors and per-article vectors.
pub struct Pool {
    pub candidates: Vec<Candidate>,
    pub vectors: Vec<SparseVec>,
    /// One vector per article (over all its candidate sentences).
    pub doc_vectors: Vec<SparseVec>,
    /// How many prose sentences each article has.
    pub doc_lengths: Vec<usize>,
    /// The headlines of the story's articles taken together (empty when none has one).
    pub headlines: SparseVec,
}

/// Shortest and longest sentences worth putting in a summary, in words.
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 80;
/// Only an article's first sentences compete: news puts what matters first, and this bounds the work on
/// very long inputs.
const MAX_PER_ARTICLE: usize = 200;
/// Sentences of all the articles that compete, shared out equally (the features compare every candidate
/// with every other article's, so this bounds that work on stories of hundreds of articles).
const MAX_PER_STORY: usize = 4_000;
/// An article's share never goes below this.
const LEAST_PER_ARTICLE: usize = 3;

/// How many of each article's first sentences compete when a story has `articles` articles.
fn per_article(articles: usize) -> usize {
    (MAX_PER_STORY / articles.max(1)).clamp(LEAST_PER_ARTICLE, MAX_PER_ARTICLE)
}

/// Keeps the sentences of the analysed articles (`docs[i]` is `articles[i]` cleaned and split) that can
/// stand in a summary. A story whose every sentence is shorter than [`MIN_WORDS`] (a bulletin, a list of
/// headlines) is not left without a summary: then its short sentences compete.
pub fn collect(articles: &[Article], docs: &[Document]) -> Pool {
    let pool = collect_from(articles, docs, MIN_WORDS);
    if pool.candidates.is_empty() {
        return collect_from(articles, docs, 1);
    }
    pool
}

/// [`collect`] with sentences of `min_words` to [`MAX_WORDS`] words.
fn collect_from(articles: &[Article], docs: &[Document], min_words: usize) -> Pool {
    let mut vocabulary = Vocabulary::default();
    let mut candidates = Vec::new();
    let mut bags = Vec::new();
    let mut doc_lengths = Vec::with_capacity(articles.len());
    let mut headline_bags = Vec::new();
    let competing = per_article(articles.len());
    for (doc, (article, analysed)) in articles.iter().zip(docs).enumerate() {
        doc_lengths.push(analysed.prose().count());
        if let Some(h) = article
            .title
            .as_deref()
            .or_else(|| analysed.headline(&article.text))
        {
            headline_bags.push(vocabulary.terms(h));
        }
        let prose: Vec<_> = analysed.prose().take(competing).collect();
        let mut open_quote = false;
        for (i, s) in prose.iter().enumerate() {
            let inside_quote = open_quote && i > 0 && prose[i - 1].paragraph == s.paragraph;
            open_quote = inside_quote == quotes_balanced(&article.text[s.range.clone()]);
            if inside_quote {
                // The sentence continues a quotation opened earlier in its paragraph: on its own it
                // would lose its speaker.
                continue;
            }
            let Some(sentences) = quotation_unit(&article.text, &prose, i) else {
                continue;
            };
            let range = prose[sentences.start].range.start..prose[sentences.end - 1].range.end;
            let raw = &article.text[range.clone()];
            let stats = WordStats::of(raw);
            let words = stats.words;
            if !(min_words..=MAX_WORDS).contains(&words) || !stands_alone(raw) {
                continue;
            }
            // A bare quotation competes only when the article says who said it, shown beside it unless
            // the quotation already names them ("“…,” Levy said. “…”").
            let bare_quotation = unattributed_quote(raw);
            let speaker = if bare_quotation {
                let Some(speaker) = speaker(&article.text, &prose, &sentences) else {
                    continue;
                };
                (!raw.contains(speaker.as_str())).then_some(speaker)
            } else {
                None
            };
            let written = vocabulary.written_terms(raw);
            bags.push(written.iter().map(|w| w.id).collect());
            let specifics = written
                .into_iter()
                .filter(|w| w.capitalised || w.figure)
                .collect();
            let text = fold_whitespace(raw);
            let compressed = compress::compress(&text);
            let leading_pronoun =
                opens_with_pronoun(&text) || compressed.as_deref().is_some_and(opens_with_pronoun);
            candidates.push(Candidate {
                doc,
                range,
                compressed_words: compressed.as_deref().map_or(words, super::word_count),
                compressed,
                text,
                position: s.position,
                words,
                quoted: quoted_share(raw),
                sentences,
                leading_pronoun,
                capitalised: stats.capitalised,
                specifics,
                speaker,
                bare_quotation,
            });
        }
    }
    let idf = vector::idf(bags.iter().map(Vec::as_slice), vocabulary.len());
    let vectors: Vec<SparseVec> = bags.iter().map(|b| SparseVec::tf_idf(b, &idf)).collect();
    let doc_vectors = (0..articles.len())
        .map(|d| {
            SparseVec::centroid(
                candidates
                    .iter()
                    .zip(&vectors)
                    .filter(|(c, _)| c.doc == d)
                    .map(|(_, v)| v),
            )
        })
        .collect();
    let headline_vectors: Vec<SparseVec> = headline_bags
        .iter()
        .map(|b| SparseVec::tf_idf(b, &idf))
        .collect();
    Pool {
        candidates,
        vectors,
        doc_vectors,
        doc_lengths,
        headlines: SparseVec::centroid(headline_vectors.iter()),
    }
}

/// The words of `text` joined by single spaces (line breaks inside a sentence folded away).
fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// How many sentences before and after a bare quotation are read for its speaker.
const SPEAKER_SENTENCES: usize = 6;

/// How many sentences a quotation may run over and still be one candidate.
const MAX_QUOTE_SENTENCES: usize = 3;

/// The prose sentences (indices into `prose`) that sentence `i` stands for as a candidate, keeping
/// quotations whole: a sentence that opens a quotation closed later in its paragraph runs on to the closing
/// sentence; a sentence that is nothing but a quotation, continuing the quoted speaker of the sentence
/// before, is joined to that sentence.
fn quotation_unit(text: &str, prose: &[&Sentence], i: usize) -> Option<Range<usize>> {
    let s = prose[i];
    let raw = &text[s.range.clone()];
    if !quotes_balanced(raw) {
        return (i + 1..prose.len())
            .take(MAX_QUOTE_SENTENCES - 1)
            .take_while(|&j| prose[j].paragraph == s.paragraph)
            .find(|&j| quotes_balanced(&text[s.range.start..prose[j].range.end]))
            .map(|j| i..j + 1);
    }
    if unattributed_quote(raw) && i > 0 {
        let before = prose[i - 1];
        let before_text = &text[before.range.clone()];
        let continues = before.paragraph == s.paragraph
            && quotes_balanced(before_text)
            && before_text.contains(['"', '“'])
            && !unattributed_quote(before_text);
        return continues.then_some(i - 1..i + 1);
    }
    Some(i..i + 1)
}

/// Opens with a personal or possessive pronoun ("She did not say.", "It's", "Their"): outside its
/// article, nothing says who or what it stands for.
fn opens_with_pronoun(sentence: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "He", "She", "It", "They", "Him", "Her", "Them", "His", "Hers", "Its", "Their", "Theirs",
    ];
    let first = sentence.trim_start_matches(['"', '“', '‘', '\'', '(', '[', ' ']);
    let word = first
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    PRONOUNS.contains(&word)
}

/// Fragments and lead-ins that cannot open a summary line: a lowercase start, a trailing colon, a quotation
/// left open.
fn stands_alone(sentence: &str) -> bool {
    let first = sentence.trim_start_matches(|c: char| {
        matches!(
            c,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '–' | '—' | '•' | '*' | ' '
        )
    });
    let starts_well = first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let ends_well = !sentence.trim_end().ends_with([':', ',', ';']);
    starts_well && ends_well && quotes_balanced(sentence)
}

/// The speaker of a bare quotation, found by [`newsbrief_quotes::extract`] (capitalised words standing in
/// for names) in the stretch of prose around it: the two paragraphs before its own and the one after, where
/// news writes the speaker of a quotation that does not name one ("Smith told reporters:", "… says Frank
/// Jernigan."), at most [`SPEAKER_SENTENCES`] sentences each side (the quotes stage over whole articles
/// made a Multi-News batch a third slower). The name the speaker's phrase refers to, or the phrase itself
/// ("a Justice Department spokeswoman"); `None` when the stretch does not say, or says only "he" or "she"
/// (without the tagger's names, what a pronoun stands for is a guess: "Minneapolis" for "she says").
fn speaker(text: &str, prose: &[&Sentence], unit: &Range<usize>) -> Option<String> {
    let (first, last) = (prose.get(unit.start)?, prose.get(unit.end.checked_sub(1)?)?);
    let before = prose[unit.start.saturating_sub(SPEAKER_SENTENCES)..unit.start]
        .iter()
        .find(|s| s.paragraph + 2 >= first.paragraph)
        .map_or(first.range.start, |s| s.range.start);
    let after = prose[unit.end..]
        .iter()
        .take(SPEAKER_SENTENCES)
        .take_while(|s| s.paragraph <= last.paragraph + 1)
        .last()
        .map_or(last.range.end, |s| s.range.end);
    let window = text.get(before..after)?;
    let quote = first.range.start - before..last.range.end - before;
    newsbrief_quotes::extract(window, &[])
        .into_iter()
        .filter(|q| q.span.start < quote.end && quote.start < q.span.end)
        .find_map(|q| {
            let speaker = q
                .speaker
                .filter(|s| !s.is_pronoun() && !s.text.trim().is_empty())?;
            Some(
                speaker
                    .resolved_text
                    .unwrap_or_else(|| speaker.text.trim().to_owned()),
            )
        })
}

/// Every quotation opened in the sentence is closed in it (a quote running on into the next sentence
/// would be cut in half).
fn quotes_balanced(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let straight = bytes.iter().filter(|&&b| b == b'"').count();
    // Curly quotes start with the byte E2; most sentences have none, and skip the slower count.
    if !bytes.contains(&0xE2) {
        return straight % 2 == 0;
    }
    straight % 2 == 0 && sentence.matches('“').count() == sentence.matches('”').count()
}

/// A sentence that is nothing but a quotation says nothing of who said it.
fn unattributed_quote(sentence: &str) -> bool {
    let t = sentence.trim();
    let starts = t.starts_with(['"', '“']);
    let ends = t
        .trim_end_matches(['.', '?', '!', ' '])
        .ends_with(['"', '”'])
        || t.ends_with(['"', '”']);
    starts && ends && quoted_share(t) > 0.9
}

/// A sentence's word count, and the share of its words (its first word aside, which is capitalised
/// anyway) that start with a capital letter, from one pass over the words.
struct WordStats {
    words: usize,
    capitalised: f32,
}

impl WordStats {
    fn of(sentence: &str) -> WordStats {
        let (mut words, mut capitalised) = (0usize, 0usize);
        for w in sentence.split_whitespace() {
            words += 1;
            if words > 1 {
                capitalised += usize::from(w.starts_with(char::is_uppercase));
            }
        }
        let share = |hits: usize| {
            if words <= 1 {
                0.0
            } else {
                hits as f32 / (words - 1) as f32
            }
        };
        WordStats {
            words,
            capitalised: share(capitalised),
        }
    }
}

/// Share of characters inside quotation marks (straight or curly double quotes).
fn quoted_share(sentence: &str) -> f32 {
    // nothing is inside quotation marks until one opens (most sentences have none)
    if !sentence.contains('"') && !sentence.contains('“') {
        return 0.0;
    }
    let mut inside = false;
    let (mut quoted, mut total) = (0usize, 0usize);
    for c in sentence.chars() {
        match c {
            '"' => inside = !inside,
            '“' => inside = true,
            '”' => inside = false,
            _ if !c.is_whitespace() => {
                total += 1;
                if inside {
                    quoted += 1;
                }
            }
            _ => {}
        }
    }
    if total == 0 {
        0.0
    } else {
        quoted as f32 / total as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_stories_share_out_the_competing_sentences() {
        assert_eq!(per_article(1), MAX_PER_ARTICLE);
        assert_eq!(per_article(10), MAX_PER_ARTICLE);
        assert_eq!(per_article(150), MAX_PER_STORY / 150);
        assert_eq!(per_article(100_000), LEAST_PER_ARTICLE);
        let articles: Vec<Article> = (0..100)
            .map(|i| {
                let text: String = (0..100)
                    .map(|j| {
                        format!("Report number {i} says that item {j} was counted on Tuesday.\n")
                    })
                    .collect();
                Article::new(format!("a{i}"), text)
            })
            .collect();
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| Document::analyse(&a.text))
            .collect();
        let pool = collect(&articles, &docs);
        assert_eq!(pool.candidates.len(), 100 * per_article(100));
    }

    #[test]
    fn lead_ins_and_fragments_are_left_out() {
        assert!(!stands_alone("and then he left the building quietly."));
        assert!(!stands_alone(
            "He added the following statement to the record:"
        ));
        assert!(stands_alone("“It is false,” he said in the statement."));
        assert!(!stands_alone(
            "Sessions said: “I never met with any Russian officials."
        ));
    }

    #[test]
    fn a_bare_quotation_competes_only_with_its_speaker() {
        let story = |lead_in: &str| {
            let text = format!(
                "Council Plans Homes\n\nThe city council voted on Tuesday to sell the empty lot on Main \
                 Street to a housing charity.\n\n{lead_in}\n\n“The land has been empty for twenty years. \
                 Why leave it empty when families need homes?”\n"
            );
            let articles = [Article::new("a", text)];
            let docs: Vec<Document> = articles
                .iter()
                .map(|a| Document::analyse(&a.text))
                .collect();
            collect(&articles, &docs)
                .candidates
                .into_iter()
                .find(|c| c.text.starts_with('“'))
        };
        let quoted = story("Mayor Jane Smith told reporters:").expect("the quotation competes");
        assert!(quoted.text.ends_with("homes?”"), "{}", quoted.text);
        assert!(quoted
            .speaker
            .as_deref()
            .is_some_and(|s| s.contains("Smith")));
        assert_eq!(story("The vote was close."), None);
    }

    #[test]
    fn leading_pronouns() {
        for s in [
            "She did not give a reopening date.",
            "He said the diner would need new wiring.",
            "They said it was the worst flood since 1998.",
            "It was not yet clear how much the repairs would cost.",
            "It's the third flood this year.",
            "“His kitchen is gone,” a neighbour said.",
            "Their homes took water overnight.",
        ] {
            assert!(opens_with_pronoun(s), "{s}");
        }
        for s in [
            "Helen Park said her ovens were under water.",
            "Items in the store were lost.",
            "The mayor said she would visit.",
        ] {
            assert!(!opens_with_pronoun(s), "{s}");
        }
    }

    #[test]
    fn balanced_quotes_straight_and_curly() {
        assert!(quotes_balanced("“Yes,” he said, \"really\"."));
        assert!(!quotes_balanced("“Yes, he said."));
        assert!(!quotes_balanced("He said \"yes."));
        assert!(quotes_balanced("No quotes — just a dash and é."));
    }

    #[test]
    fn quoted_share_counts_inside_marks() {
        assert!(quoted_share("“All of this is quoted.”") > 0.9);
        assert_eq!(quoted_share("Nothing here is quoted."), 0.0);
    }

    #[test]
    fn collects_from_every_article() {
        let articles = [
            Article::new(
                "a",
                "Headline\n\nThe senator met the ambassador twice last year. Too short.",
            ),
            Article::new(
                "b",
                "The ambassador met the senator twice, officials said on Wednesday.",
            ),
        ];
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| Document::analyse(&a.text))
            .collect();
        let pool = collect(&articles, &docs);
        assert_eq!(pool.candidates.len(), 2);
        assert!(pool.vectors[0].cosine(&pool.vectors[1]) > 0.3);
    }

    #[test]
    fn a_story_of_short_sentences_still_has_candidates() {
        let analysed = |articles: &[Article]| -> Vec<Document> {
            articles
                .iter()
                .map(|a| Document::analyse(&a.text))
                .collect()
        };
        let bulletin = [Article::new(
            "a",
            "Fire hits town.\n\nMayor says calm.\n\nTen people hurt.",
        )];
        assert_eq!(collect(&bulletin, &analysed(&bulletin)).candidates.len(), 3);
        // Beside one sentence long enough, the short ones do not compete.
        let mixed = [Article::new(
            "a",
            "Fire hits town.\n\nThe fire destroyed the old library on Main Street on Tuesday.",
        )];
        assert_eq!(collect(&mixed, &analysed(&mixed)).candidates.len(), 1);
    }
}
