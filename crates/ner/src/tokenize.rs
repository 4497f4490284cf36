//! Splits raw article text into CoNLL-2003-style tokens and sentences, keeping byte offsets.
//!
//! Punctuation is split off words, possessive `'s` / `’s` and a bare possessive apostrophe become
//! their own tokens, `n't` is split as in the Penn Treebank, and abbreviations ("U.S.", "Sen.",
//! "J.") keep their period. Sentences end after `.`, `!` or `?` (and any closing quotes or
//! brackets) before a capital or an opening quote, and at every line break.

use std::ops::Range;

/// A token: byte range of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token text in `source`.
    pub fn text(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

/// Longest sentence handed to the tagger; longer runs are cut (keeps pathological input bounded).
pub const MAX_SENTENCE_TOKENS: usize = 250;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
    "adm", "cmdr", "st", "jr", "sr", "co", "corp", "inc", "ltd", "bros", "vs", "v", "etc", "jan",
    "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "ft", "mt", "rev", "hon",
    "pres", "supt", "ariz", "calif", "colo", "conn", "fla", "ga", "kan", "ky", "md", "mich",
    "minn", "mont", "neb", "nev", "okla", "tenn", "tex", "va", "vt", "wis", "wyo", "dept", "univ",
    "assn", "approx",
];

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '(' | '[' | '{' | '«' | '‹' | '`' | '„' | '¿' | '¡' | '*'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '›'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '*'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Whether `word` (without its final period) is an abbreviation that keeps the period.
fn keeps_period(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() && first.is_alphabetic() {
        return true; // initials: "J."
    }
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true; // "U.S", "a.m"
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chunk_start: Option<usize> = None;
    for (index, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                split_chunk(text, start, index, &mut tokens);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(index);
        }
    }
    if let Some(start) = chunk_start {
        split_chunk(text, start, text.len(), &mut tokens);
    }
    tokens
}

/// Splits one whitespace-free chunk `text[start..end]` at dashes, then peels punctuation.
fn split_chunk(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let chunk = &text[start..end];
    let mut piece_start = start;
    let mut iter = chunk.char_indices().peekable();
    while let Some((offset, c)) = iter.next() {
        let at = start + offset;
        let width = c.len_utf8();
        let double_hyphen = c == '-' && matches!(iter.peek(), Some((_, '-')));
        if is_dash(c) || double_hyphen {
            let mut dash_end = at + width;
            if double_hyphen {
                while let Some(&(next_offset, '-')) = iter.peek() {
                    dash_end = start + next_offset + 1;
                    iter.next();
                }
            }
            split_word(text, piece_start, at, tokens);
            tokens.push(Token {
                start: at,
                end: dash_end,
            });
            piece_start = dash_end;
        }
    }
    split_word(text, piece_start, end, tokens);
}

/// Peels opening and closing punctuation, possessives and `n't` off `text[start..end]`.
fn split_word(text: &str, mut start: usize, mut end: usize, tokens: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    while let Some(c) = text[start..end].chars().next() {
        if !is_opening(c) || start + c.len_utf8() > end {
            break;
        }
        tokens.push(Token {
            start,
            end: start + c.len_utf8(),
        });
        start += c.len_utf8();
    }
    let mut trailing = Vec::new();
    while end > start {
        let word = &text[start..end];
        let Some(c) = word.chars().next_back() else {
            break;
        };
        let width = c.len_utf8();
        if c == '.' {
            let stem = &word[..word.len() - 1];
            if stem.ends_with('.') {
                // an ellipsis "..." or "word..."
                let dots_start = stem.trim_end_matches('.').len();
                trailing.push(Token {
                    start: start + dots_start,
                    end,
                });
                end = start + dots_start;
                continue;
            }
            if keeps_period(stem) {
                break;
            }
            trailing.push(Token {
                start: end - 1,
                end,
            });
            end -= 1;
            continue;
        }
        if is_closing(c) {
            // "Sessions'" keeps the apostrophe as a possessive token below
            let possessive = matches!(c, '\'' | '’') && word.len() > width && {
                let before = word[..word.len() - width].chars().next_back();
                matches!(before, Some('s' | 'S' | 'z' | 'x'))
            };
            if possessive && trailing.is_empty() {
                trailing.push(Token {
                    start: end - width,
                    end,
                });
                end -= width;
                break;
            }
            trailing.push(Token {
                start: end - width,
                end,
            });
            end -= width;
            continue;
        }
        break;
    }
    if end > start {
        let word = &text[start..end];
        let lower_tail: String = word
            .chars()
            .rev()
            .take(3)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let lower_tail = lower_tail.to_lowercase();
        let possessive = ["'s", "’s"]
            .iter()
            .find(|suffix| lower_tail.ends_with(*suffix) && word.len() > suffix.len());
        let negation = ["n't", "n’t"]
            .iter()
            .find(|suffix| lower_tail == **suffix && word.len() > suffix.len());
        if let Some(suffix) = negation.or(possessive) {
            let split = end - suffix.len();
            tokens.push(Token { start, end: split });
            tokens.push(Token { start: split, end });
        } else {
            tokens.push(Token { start, end });
        }
    }
    tokens.extend(trailing.into_iter().rev());
}

/// Groups tokens into sentences (ranges of token indexes), none longer than [`MAX_SENTENCE_TOKENS`].
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for index in 0..tokens.len() {
        let next = tokens.get(index + 1);
        let ends = match next {
            None => true,
            Some(next) => {
                let gap = text.get(tokens[index].end..next.start).unwrap_or("");
                gap.contains('\n')
                    || (ends_sentence(text, tokens, index) && starts_sentence(next.text(text)))
            }
        };
        if ends || index + 1 - start >= MAX_SENTENCE_TOKENS {
            ranges.push(start..index + 1);
            start = index + 1;
        }
    }
    ranges
}

/// Whether the token at `index` closes a sentence: a final `.`, `!`, `?`, or a closing quote or
/// bracket right after one.
fn ends_sentence(text: &str, tokens: &[Token], index: usize) -> bool {
    let mut at = index;
    loop {
        let word = tokens[at].text(text);
        if matches!(word, "." | "!" | "?" | "..." | "…") {
            return true;
        }
        let closing = matches!(word, "\"" | "”" | "’" | "'" | ")" | "]");
        if !closing || at == 0 || index - at >= 3 {
            return false;
        }
        at -= 1;
    }
}

fn starts_sentence(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || is_opening(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|token| token.text(text))
            .collect()
    }

    #[test]
    fn splits_punctuation_and_possessives() {
        assert_eq!(
            words(
                "“I don't know,” Sen. Sessions' aide told U.S. officials at AG Session's office."
            ),
            [
                "“",
                "I",
                "do",
                "n't",
                "know",
                ",",
                "”",
                "Sen.",
                "Sessions",
                "'",
                "aide",
                "told",
                "U.S.",
                "officials",
                "at",
                "AG",
                "Session",
                "'s",
                "office",
                "."
            ]
        );
    }

    #[test]
    fn splits_dashes_and_ellipses() {
        assert_eq!(
            words("Warren—who else...—tweeted -- (again)"),
            ["Warren", "—", "who", "else", "...", "—", "tweeted", "--", "(", "again", ")"]
        );
    }

    #[test]
    fn finds_sentences() {
        let text = "Sessions met Kislyak. He said “no.” Then\nFranken asked.";
        let tokens = tokenize(text);
        let ranges = sentences(text, &tokens);
        let firsts: Vec<&str> = ranges
            .iter()
            .map(|range| tokens[range.start].text(text))
            .collect();
        assert_eq!(firsts, ["Sessions", "He", "Then", "Franken"]);
    }
}
