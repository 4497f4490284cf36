//! Token interning with a stem cache: every distinct raw token is stemmed once and mapped to a
//! small integer id of its stem, so counting and LCS compare integers.

use rustc_hash::FxHashMap;

/// Which stemmer turns a raw token into its counted form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stemming {
    /// NLTK's Porter (rouge-score), applied to tokens longer than 3 bytes.
    Nltk,
    /// ROUGE-1.5.5's WordNet exceptions then Porter, applied to tokens longer than 3 bytes.
    Rouge155,
    /// No stemming.
    Off,
}

/// Above this many cached tokens the cache is emptied (ids stay valid within one call).
const MAX_CACHED: usize = 2_000_000;

/// Maps raw tokens to ids of their stems.
#[derive(Debug, Clone)]
pub struct Vocab {
    stemming: Stemming,
    stem_ids: FxHashMap<String, u32>,
    raw_ids: FxHashMap<String, u32>,
}

impl Vocab {
    pub fn new(stemming: Stemming) -> Self {
        Vocab {
            stemming,
            stem_ids: FxHashMap::default(),
            raw_ids: FxHashMap::default(),
        }
    }

    /// Empties the caches when they grew too large; call only between texts of one pair.
    pub fn trim(&mut self) {
        if self.raw_ids.len() > MAX_CACHED {
            self.raw_ids.clear();
            self.stem_ids.clear();
        }
    }

    /// The id of the stem of `raw` (lowercase ASCII alphanumerics).
    pub fn id(&mut self, raw: &str) -> u32 {
        if let Some(&id) = self.raw_ids.get(raw) {
            return id;
        }
        let stemmed = if raw.len() > 3 {
            match self.stemming {
                Stemming::Nltk => crate::porter_nltk::stem(raw),
                Stemming::Rouge155 => crate::porter155::morph_stem(raw),
                Stemming::Off => raw.to_string(),
            }
        } else {
            raw.to_string()
        };
        let next = self.stem_ids.len() as u32;
        let id = *self.stem_ids.entry(stemmed).or_insert(next);
        self.raw_ids.insert(raw.to_string(), id);
        id
    }
}

/// Tokens of a text as ids, with the end of every newline-separated sentence.
#[derive(Debug, Default, Clone)]
pub struct TokenizedText {
    pub ids: Vec<u32>,
    /// Exclusive end index in `ids` of each sentence, in order.
    pub sentence_ends: Vec<usize>,
}

impl TokenizedText {
    /// The token ids of each sentence.
    pub fn sentences(&self) -> impl Iterator<Item = &[u32]> {
        let mut start = 0;
        self.sentence_ends.iter().map(move |&end| {
            let s = &self.ids[start..end];
            start = end;
            s
        })
    }
}

/// rouge-score's tokenizer: Python `str.lower()`, then every run of `[a-z0-9]` is a token; sentences
/// are the non-empty `\n`-separated lines.
pub fn tokenize_rouge_score(
    text: &str,
    vocab: &mut Vocab,
    out: &mut TokenizedText,
    buf: &mut String,
) {
    out.ids.clear();
    out.sentence_ends.clear();
    buf.clear();
    for c in text.chars() {
        if c.is_ascii() {
            let lower = c.to_ascii_lowercase();
            if lower.is_ascii_lowercase() || lower.is_ascii_digit() {
                buf.push(lower);
                continue;
            }
            flush(buf, vocab, &mut out.ids);
            if c == '\n' {
                out.sentence_ends.push(out.ids.len());
            }
        } else {
            // A few characters lowercase to ASCII (U+0130 to "i̇", U+212A KELVIN SIGN to "k").
            for lower in c.to_lowercase() {
                if lower.is_ascii_lowercase() || lower.is_ascii_digit() {
                    buf.push(lower);
                } else {
                    flush(buf, vocab, &mut out.ids);
                }
            }
        }
    }
    flush(buf, vocab, &mut out.ids);
    out.sentence_ends.push(out.ids.len());
}

/// Whether rouge-score's tokenizer finds any token in `text` (rouge-score scores ROUGE-L and
/// ROUGE-Lsum of a text without tokens as the integers `0`, not `0.0`).
pub fn has_rouge_score_tokens(text: &str) -> bool {
    text.chars().any(|c| {
        c.to_lowercase()
            .any(|l| l.is_ascii_lowercase() || l.is_ascii_digit())
    })
}

fn flush(buf: &mut String, vocab: &mut Vocab, ids: &mut Vec<u32>) {
    if !buf.is_empty() {
        ids.push(vocab.id(buf));
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rouge_score_tokens_and_sentences() {
        let mut vocab = Vocab::new(Stemming::Nltk);
        let mut out = TokenizedText::default();
        let mut buf = String::new();
        tokenize_rouge_score(
            "The cats ran.\nThe CAT runs!\n\n",
            &mut vocab,
            &mut out,
            &mut buf,
        );
        assert_eq!(out.ids.len(), 6);
        assert_eq!(out.ids[1], out.ids[4], "cats and CAT share the stem cat");
        let sentences: Vec<&[u32]> = out.sentences().filter(|s| !s.is_empty()).collect();
        assert_eq!(sentences.len(), 2);
    }

    #[test]
    fn texts_with_and_without_tokens() {
        assert!(has_rouge_score_tokens("-- a --"));
        assert!(has_rouge_score_tokens("\u{212A}"));
        assert!(!has_rouge_score_tokens(" ... \n é ?"));
        assert!(!has_rouge_score_tokens(""));
    }

    #[test]
    fn kelvin_sign_lowercases_to_k() {
        let mut vocab = Vocab::new(Stemming::Off);
        let mut out = TokenizedText::default();
        let mut buf = String::new();
        tokenize_rouge_score("o\u{212A}", &mut vocab, &mut out, &mut buf);
        let plain = vocab.id("ok");
        assert_eq!(out.ids, vec![plain]);
    }
}
