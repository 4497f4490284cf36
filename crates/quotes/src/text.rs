//! Tokens, sentence starts and paragraphs of an article: the coordinates the
//! attribution rules walk over. Every token is a byte range into the text.

use crate::lexicon;

/// A word ("Sessions’", "U.S.", "don’t") or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub is_word: bool,
    /// Index of the paragraph (line) the token is on.
    pub paragraph: usize,
    /// True when a sentence starts at this token.
    pub starts_sentence: bool,
}

/// Abbreviations, besides titles, that keep their period.
const ABBREVIATIONS: &[&str] = &[
    "jr", "sr", "st", "inc", "co", "corp", "ltd", "no", "vs", "mt", "ft",
];

/// Splits `text` into tokens, marking paragraph indices and sentence starts.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut paragraph = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c == '\n' {
            paragraph += 1;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token {
                start,
                end: start + c.len_utf8(),
                is_word: false,
                paragraph,
                starts_sentence: false,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            let joins = if next.is_alphanumeric() {
                true
            } else if matches!(next, '\'' | '’' | '-' | '.' | '&') {
                text[i + next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            } else {
                false
            };
            if !joins {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        if let Some(&(i, next)) = chars.peek() {
            let word = &text[start..end];
            let keeps_period = next == '.' && keeps_its_period(word);
            let possessive_s = matches!(next, '\'' | '’')
                && word.ends_with('s')
                && !text[i + next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if keeps_period || possessive_s {
                end = i + next.len_utf8();
                chars.next();
            }
        }
        tokens.push(Token {
            start,
            end,
            is_word: true,
            paragraph,
            starts_sentence: false,
        });
    }
    mark_sentence_starts(text, &mut tokens);
    tokens
}

fn keeps_its_period(word: &str) -> bool {
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_letter
        || word.contains('.')
        || lexicon::is_title(word)
        || ABBREVIATIONS.contains(&lexicon::normalise(word).as_str())
}

fn mark_sentence_starts(text: &str, tokens: &mut [Token]) {
    let starts: Vec<usize> = newsbrief_split::split(text)
        .into_iter()
        .map(|range| range.start)
        .collect();
    let mut next_start = starts.iter().peekable();
    let mut previous_paragraph = None;
    for token in tokens.iter_mut() {
        while next_start.peek().is_some_and(|&&s| s < token.start) {
            next_start.next();
        }
        let split_here = next_start.peek().is_some_and(|&&s| s == token.start);
        token.starts_sentence = split_here || previous_paragraph != Some(token.paragraph);
        previous_paragraph = Some(token.paragraph);
    }
}

/// True when the token starts with an upper-case letter.
pub fn is_capitalised(text: &str, token: &Token) -> bool {
    token.is_word
        && text[token.start..token.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn keeps_abbreviations_apostrophes_and_possessives_in_words() {
        assert_eq!(
            words("Sen. Al Franken’s U.S. don’t Sessions’ view."),
            vec![
                "Sen.",
                "Al",
                "Franken’s",
                "U.S.",
                "don’t",
                "Sessions’",
                "view",
                "."
            ]
        );
    }

    #[test]
    fn marks_sentence_and_paragraph_starts() {
        let text = "He left. She said “Go.”\nThey ran";
        let tokens = tokenize(text);
        let starts: Vec<&str> = tokens
            .iter()
            .filter(|t| t.starts_sentence)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(starts, vec!["He", "She", "They"]);
        assert_eq!(tokens.last().map(|t| t.paragraph), Some(1));
    }
}
