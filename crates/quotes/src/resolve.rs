//! Resolving a speaker's phrase to the name mention it refers to: a name
//! inside the phrase ("White House spokeswoman Hope Hicks"), the antecedent
//! of a pronoun ("he"), or the person a description stands for earlier in the
//! article ("the spokesperson" ← "the Justice Department’s spokesperson, Sarah
//! Isgur Flores"; "the senator" ← "Sen. Al Franken").

use crate::lexicon;
use crate::marks::QuotedStretch;
use crate::text::{is_capitalised, Token};
use crate::{NameKind, NameSpan, Span};

/// Bytes before a pronoun searched for its antecedent.
const PRONOUN_REACH: usize = 1_500;
/// Bytes before the speaker the previous speaker may be to stand for a pronoun.
const PREVIOUS_SPEAKER_REACH: usize = 2_500;
/// Tokens between a name and the head noun of its apposition (`Flores, a spokeswoman`).
const APPOSITION_TOKENS: usize = 8;
/// Name mentions before a description looked at.
const MAX_CANDIDATES: usize = 400;

pub struct Resolver<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Name mentions outside quotes, sorted by start.
    names: Vec<NameSpan>,
}

impl<'a> Resolver<'a> {
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        names: &[NameSpan],
        stretches: &[QuotedStretch],
    ) -> Resolver<'a> {
        let outside_quotes = names
            .iter()
            .copied()
            .filter(|n| {
                let at = stretches.partition_point(|q| q.close_end <= n.start);
                stretches.get(at).is_none_or(|q| n.end <= q.open)
            })
            .collect();
        Resolver {
            text,
            tokens,
            names: outside_quotes,
        }
    }

    /// The name mention `speaker` refers to. `previous` is the last speaker
    /// phrase resolved in the article and its name.
    pub fn resolve(&self, speaker: Span, previous: Option<(Span, Span)>) -> Option<Span> {
        if let Some((_, name)) = previous.filter(|(phrase, _)| *phrase == speaker) {
            return Some(name);
        }
        let words: Vec<&Token> = self.tokens_in(speaker);
        let last = *words.last()?;
        let last_word = &self.text[last.start..last.end];
        if words.len() == 1 && lexicon::is_pronoun(last_word) {
            return self.antecedent(speaker, last_word, previous);
        }
        if is_capitalised(self.text, last) {
            return self
                .name_inside(speaker)
                .or(Some(speaker).filter(|_| !lexicon::is_non_name_capital(last_word)));
        }
        if lexicon::is_speaker_noun(last_word) {
            return self.described(speaker, last_word);
        }
        None
    }

    fn tokens_in(&self, span: Span) -> Vec<&Token> {
        let first = self.tokens.partition_point(|t| t.start < span.start);
        self.tokens[first..]
            .iter()
            .take_while(|t| t.end <= span.end)
            .filter(|t| t.is_word)
            .collect()
    }

    /// The last name in the phrase, a person if there is one.
    fn name_inside(&self, speaker: Span) -> Option<Span> {
        let first = self.names.partition_point(|n| n.start < speaker.start);
        let inside: Vec<&NameSpan> = self.names[first..]
            .iter()
            .take_while(|n| n.start < speaker.end)
            .filter(|n| n.end <= speaker.end)
            .collect();
        inside
            .iter()
            .rev()
            .find(|n| n.kind == NameKind::Person)
            .or_else(|| inside.last())
            .map(|n| Span::new(n.start, n.end))
    }

    fn antecedent(
        &self,
        speaker: Span,
        pronoun: &str,
        previous: Option<(Span, Span)>,
    ) -> Option<Span> {
        if !matches!(
            lexicon::normalise(pronoun).as_str(),
            "he" | "she" | "i" | "we" | "they"
        ) {
            return None;
        }
        let mut window_start = speaker.start.saturating_sub(PRONOUN_REACH);
        while !self.text.is_char_boundary(window_start) {
            window_start -= 1;
        }
        let paragraph_start = self.text[window_start..speaker.start]
            .rfind('\n')
            .map_or(window_start, |i| window_start + i + 1);
        let in_paragraph = self.nearest_name_before(speaker.start, paragraph_start);
        if in_paragraph.is_some() {
            return in_paragraph;
        }
        let recent_speaker = previous
            .filter(|(phrase, _)| {
                phrase.end <= speaker.start && speaker.start - phrase.end <= PREVIOUS_SPEAKER_REACH
            })
            .map(|(_, name)| name);
        recent_speaker.or_else(|| {
            self.nearest_name_before(speaker.start, speaker.start.saturating_sub(PRONOUN_REACH))
        })
    }

    /// The last person (or unknown-kind) name ending before `end` and starting at or after `floor`.
    fn nearest_name_before(&self, end: usize, floor: usize) -> Option<Span> {
        let before = self.names.partition_point(|n| n.start < end);
        self.names[..before]
            .iter()
            .rev()
            .take_while(|n| n.start >= floor)
            .find(|n| n.end <= end && self.may_be_a_person(n))
            .map(|n| Span::new(n.start, n.end))
    }

    /// A person mention, or a fallback mention that is not an acronym ("US", "FBI").
    fn may_be_a_person(&self, name: &NameSpan) -> bool {
        match name.kind {
            NameKind::Person => true,
            NameKind::Unknown => self.text[name.start..name.end]
                .chars()
                .any(char::is_lowercase),
            _ => false,
        }
    }

    /// The person a description headed by `noun` stands for, named earlier in
    /// apposition (`spokeswoman Hope Hicks`, `Flores, a spokeswoman`) or with
    /// the matching title (`Sen. Al Franken` for "the senator").
    fn described(&self, speaker: Span, noun: &str) -> Option<Span> {
        let head = lexicon::normalise(noun);
        let titles = lexicon::titles_for_noun(noun);
        let before = self.names.partition_point(|n| n.start < speaker.start);
        for name in self.names[..before].iter().rev().take(MAX_CANDIDATES) {
            if name.end > speaker.start
                || name.kind != NameKind::Person && name.kind != NameKind::Unknown
            {
                continue;
            }
            let at = self.tokens.partition_point(|t| t.start < name.start);
            let preceding: Vec<String> = self.tokens[at.saturating_sub(3)..at]
                .iter()
                .map(|t| lexicon::normalise(&self.text[t.start..t.end]))
                .collect();
            let named_after_noun = preceding.iter().rev().take(2).any(|w| *w == head);
            let titled = preceding
                .last()
                .is_some_and(|w| titles.contains(&w.as_str()));
            let end_token = self.tokens.partition_point(|t| t.start < name.end);
            let followed_by_description = self
                .tokens
                .get(end_token)
                .is_some_and(|t| &self.text[t.start..t.end] == ",")
                && self.tokens[end_token..]
                    .iter()
                    .take(APPOSITION_TOKENS)
                    .any(|t| lexicon::normalise(&self.text[t.start..t.end]) == head);
            if named_after_noun || titled || followed_by_description {
                return Some(Span::new(name.start, name.end));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract, NameKind, NameSpan};

    fn resolved(text: &str, names: &[NameSpan]) -> Vec<Option<String>> {
        extract(text, names)
            .into_iter()
            .map(|q| q.speaker.and_then(|s| s.resolved_text))
            .collect()
    }

    #[test]
    fn descriptions_resolve_through_apposition_and_titles() {
        let text = "The Justice Department’s spokesperson, Sarah Isgur Flores, spoke.\n\n“No,” the spokesperson said.\n\nSen. Al Franken asked.\n\n“Why?” the senator said.";
        assert_eq!(
            resolved(text, &[]),
            vec![
                Some("Sarah Isgur Flores".to_string()),
                Some("Al Franken".to_string())
            ]
        );
    }

    #[test]
    fn pronouns_resolve_to_the_nearest_person() {
        let text = "Jeff Sessions spoke to the FBI on Monday. “I did not,” he said.";
        assert_eq!(resolved(text, &[]), vec![Some("Jeff Sessions".to_string())]);
        let names = [
            NameSpan {
                start: 0,
                end: 13,
                kind: NameKind::Person,
            },
            NameSpan {
                start: 28,
                end: 31,
                kind: NameKind::Organization,
            },
        ];
        assert_eq!(
            resolved(text, &names),
            vec![Some("Jeff Sessions".to_string())]
        );
    }

    #[test]
    fn a_name_inside_the_phrase_wins() {
        let text = "“Fine,” White House spokeswoman Hope Hicks said.";
        assert_eq!(resolved(text, &[]), vec![Some("Hope Hicks".to_string())]);
    }
}
