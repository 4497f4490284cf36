//! Name mentions: the caller's, checked, or a capitalisation fallback
//! ("Sen. Al Franken" → "Al Franken", "Trump’s" → "Trump") when none are given.

use crate::lexicon;
use crate::text::{is_capitalised, Token};
use crate::{NameKind, NameSpan};

/// The caller's mentions that fit `text`, sorted; the fallback when there are none.
pub fn usable_or_fallback(text: &str, tokens: &[Token], names: &[NameSpan]) -> Vec<NameSpan> {
    let mut usable: Vec<NameSpan> = names
        .iter()
        .copied()
        .filter(|n| n.start < n.end && text.get(n.start..n.end).is_some())
        .collect();
    if usable.is_empty() {
        return capitalised_sequences(text, tokens);
    }
    usable.sort();
    usable.dedup();
    usable
}

/// Runs of capitalised words, without leading titles and function words.
pub fn capitalised_sequences(text: &str, tokens: &[Token]) -> Vec<NameSpan> {
    let mut found = Vec::new();
    let mut run: Vec<&Token> = Vec::new();
    for token in tokens.iter().chain(std::iter::once(&Token {
        start: text.len(),
        end: text.len(),
        is_word: false,
        paragraph: usize::MAX,
        starts_sentence: true,
    })) {
        let joins = is_capitalised(text, token)
            && run
                .last()
                .is_none_or(|last| last.paragraph == token.paragraph && !token.starts_sentence);
        if joins {
            run.push(token);
            continue;
        }
        if let Some(name) = name_in_run(text, &run) {
            found.push(name);
        }
        run.clear();
        if is_capitalised(text, token) {
            run.push(token);
        }
    }
    found
}

fn name_in_run(text: &str, run: &[&Token]) -> Option<NameSpan> {
    let skip = run
        .iter()
        .take_while(|t| {
            let word = &text[t.start..t.end];
            lexicon::is_non_name_capital(word) || lexicon::is_title(word)
        })
        .count();
    let words = run.get(skip..)?;
    let first = words.first()?;
    let last = words.last()?;
    let last_word = &text[last.start..last.end];
    let end = last.start + possessive_stripped(last_word).len();
    (end > first.start).then_some(NameSpan {
        start: first.start,
        end,
        kind: NameKind::Unknown,
    })
}

fn possessive_stripped(word: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn fallback_drops_titles_function_words_and_possessives() {
        let text = "In January, Attorney General Jeff Sessions met Sen. Al Franken’s aide.";
        let tokens = tokenize(text);
        let names: Vec<&str> = capitalised_sequences(text, &tokens)
            .iter()
            .map(|n| &text[n.start..n.end])
            .collect();
        assert_eq!(names, vec!["Jeff Sessions", "Al Franken"]);
    }
}
