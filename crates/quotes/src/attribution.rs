//! Finding the cue verb and the speaker's phrase of each quoted stretch.
//!
//! The frame of a quote is the writer's text around it in the same sentence:
//! after the closing mark (`“…,” Franken told CNN`, `“…,” said Franken`,
//! `“…” – Warren tweeted`) and before the opening mark (`Flores said, “…”`,
//! `Sessions replied he was “…”`). A quote with no cue in its sentence takes
//! the cue of the sentence before it (`Pelosi said in a statement. “…”`,
//! `He added:` on its own line) or, failing that, continues the speaker of the
//! quote just before it (`“…,” he added. “…”`).

use crate::lexicon;
use crate::marks::QuotedStretch;
use crate::text::{is_capitalised, Token};
use crate::{NameSpan, Span};

/// Words a speaker phrase may have.
const MAX_SPEAKER_WORDS: usize = 9;
/// Words between a quote and a cue that follows it.
const MAX_WORDS_TO_CUE: usize = 10;
/// Words between a quote and a cue that follows a speaker's apposition
/// (`“…,” Trump, the 2016 GOP presidential front-runner, said`).
const MAX_WORDS_TO_CUE_PAST_APPOSITION: usize = 16;
/// Tokens of writer's text looked at on either side of a quote.
const MAX_FRAME_TOKENS: usize = 80;
/// Words after a cue that may end the sentence before a quote (`said in a statement.`).
const MAX_WORDS_AFTER_CUE: usize = 6;
/// Words of a determiner phrase taken as the speaker when nothing better is found (`The ad says`).
const MAX_DETERMINED_PHRASE_WORDS: usize = 4;
/// Words of a name credited after a dash (`“…” ― Oscar P. Quintero`).
const MAX_CREDIT_WORDS: usize = 5;
/// Writer's words between a quote and the one before it that it may continue.
const MAX_WORDS_TO_CONTINUE: usize = 40;

/// What the frame of one quoted stretch says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attribution {
    pub cue: Option<Span>,
    pub speaker: Option<Span>,
    /// The quote is a fragment inside the writer's sentence.
    pub partial: bool,
}

/// One attribution per stretch, in the same order.
pub fn attribute(
    text: &str,
    tokens: &[Token],
    names: &[NameSpan],
    stretches: &[QuotedStretch],
) -> Vec<Attribution> {
    let frames = Frames {
        text,
        tokens,
        names,
        stretches,
    };
    let mut found: Vec<Attribution> = Vec::with_capacity(stretches.len());
    for index in 0..stretches.len() {
        let quote = frames.quote_tokens(index);
        let partial = frames.is_partial(&quote);
        let order: &[Frame] = if partial {
            &[Frame::Before, Frame::After]
        } else {
            &[Frame::After, Frame::Before, Frame::PreviousSentence]
        };
        let previous_cue = found.last().and_then(|a| a.cue);
        let mut cue_only = None;
        let mut attribution = None;
        for &frame in order {
            match frames.cue_in(frame, &quote, previous_cue) {
                Some((cue, Some(speaker))) => {
                    attribution = Some(Attribution {
                        cue: Some(cue),
                        speaker: Some(speaker),
                        partial,
                    });
                    break;
                }
                Some((cue, None)) => cue_only = cue_only.or(Some(cue)),
                None => {}
            }
        }
        let attribution = attribution.unwrap_or_else(|| {
            let continued = if partial {
                None
            } else {
                frames
                    .introduced_by_colon(&quote)
                    .or_else(|| frames.credit_line(&quote))
                    .or_else(|| frames.continued_speaker(index, &found))
            };
            Attribution {
                cue: if continued.is_some() { None } else { cue_only },
                speaker: continued,
                partial,
            }
        });
        found.push(attribution);
    }
    found
}

/// Where a quote's cue is looked for.
#[derive(Clone, Copy)]
enum Frame {
    After,
    Before,
    PreviousSentence,
}

/// A cue and the speaker phrase that goes with it, if one was found.
type CueAndSpeaker = (Span, Option<Span>);

/// Token indices of one quote: its opening mark, closing mark, and the
/// writer's text it may look at on either side.
struct QuoteTokens {
    open: usize,
    close: usize,
    /// First token after the previous quote's closing mark.
    lower_bound: usize,
    /// The next quote's opening mark (or the end).
    upper_bound: usize,
    content_end: usize,
}

struct Frames<'a> {
    text: &'a str,
    tokens: &'a [Token],
    names: &'a [NameSpan],
    stretches: &'a [QuotedStretch],
}

impl Frames<'_> {
    fn word(&self, index: usize) -> &str {
        self.tokens
            .get(index)
            .map_or("", |t| &self.text[t.start..t.end])
    }

    fn token_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.start < byte)
    }

    fn cue_in(
        &self,
        frame: Frame,
        quote: &QuoteTokens,
        previous_cue: Option<Span>,
    ) -> Option<CueAndSpeaker> {
        match frame {
            Frame::After => self.cue_after(quote),
            Frame::Before => self.cue_before(quote),
            Frame::PreviousSentence => self.cue_in_previous_sentence(quote, previous_cue),
        }
    }

    fn quote_tokens(&self, index: usize) -> QuoteTokens {
        let stretch = self.stretches[index];
        let lower_bound = index.checked_sub(1).map_or(0, |previous| {
            self.token_at(self.stretches[previous].close_end)
        });
        let upper_bound = self
            .stretches
            .get(index + 1)
            .map_or(self.tokens.len(), |next| self.token_at(next.open));
        QuoteTokens {
            open: self.token_at(stretch.open),
            // The last token of the closing mark (a pair such as `''` is two).
            close: self
                .token_at(stretch.close_end)
                .saturating_sub(1)
                .max(self.token_at(stretch.end)),
            lower_bound,
            upper_bound,
            content_end: stretch.end,
        }
    }

    /// First token of the writer's text before the quote in its sentence.
    fn clause_start(&self, quote: &QuoteTokens) -> usize {
        let Some(paragraph) = self.tokens.get(quote.open).map(|t| t.paragraph) else {
            return quote.open;
        };
        let floor = quote
            .lower_bound
            .max(quote.open.saturating_sub(MAX_FRAME_TOKENS));
        let mut start = quote.open;
        while start > floor
            && !self.tokens[start].starts_sentence
            && self.tokens[start - 1].paragraph == paragraph
        {
            start -= 1;
        }
        start
    }

    /// One past the last token of the writer's text after the quote in its sentence.
    fn clause_end(&self, quote: &QuoteTokens) -> usize {
        let after = quote.close + 1;
        let paragraph = self.tokens.get(quote.close).map_or(0, |t| t.paragraph);
        let ceiling = quote.upper_bound.min(after + MAX_FRAME_TOKENS);
        let mut end = after;
        while end < ceiling {
            let token = &self.tokens[end];
            if token.paragraph != paragraph || (token.starts_sentence && end != after) {
                break;
            }
            end += 1;
        }
        end
    }

    fn is_partial(&self, quote: &QuoteTokens) -> bool {
        let clause_start = self.clause_start(quote);
        let lead_ok = clause_start >= quote.open || {
            let before = self.word(quote.open - 1);
            matches!(before, ":" | "," | "—" | "–" | "-" | "(") || lexicon::is_cue_verb(before)
        };
        let content = self.text[..quote.content_end].trim_end();
        let content_ends_clause =
            content.ends_with(['.', ',', '!', '?', '…', '—', '–', '-', ';', ':']);
        let after = self.clause_end(quote);
        let tail_ok = content_ends_clause
            || after == quote.close + 1
            || matches!(
                self.word(quote.close + 1),
                "," | "." | ";" | ":" | "!" | "?" | "—" | "–" | "-" | ")"
            )
            || self.cue_after(quote).is_some();
        !(lead_ok && tail_ok)
    }

    /// `“…,” Franken told CNN`, `“…,” said Sen. Al Franken`, `“…” – Warren tweeted`.
    fn cue_after(&self, quote: &QuoteTokens) -> Option<CueAndSpeaker> {
        let end = self.clause_end(quote);
        let mut first = quote.close + 1;
        // `“… this long.” He added that …`: a full stop ends the sentence,
        // and a capitalised word after the mark starts the next one.
        let content = self.text[..quote.content_end].trim_end();
        let next_starts_sentence = self
            .tokens
            .get(first)
            .is_some_and(|t| t.is_word && is_capitalised(self.text, t));
        if content.ends_with('.') && !content.ends_with("..") && next_starts_sentence {
            return None;
        }
        while first < end && !self.tokens[first].is_word {
            if !matches!(self.word(first), "," | "—" | "–" | "-" | ":" | ";") {
                return None;
            }
            first += 1;
        }
        let mut words = 0;
        let mut seen_comma = false;
        // An apposition may hold any words (`Mr. Daniloff, now 81 and retired
        // in Cambridge, Mass., said`) as long as a comma closes it before the cue.
        let mut in_free_apposition = false;
        for index in first..end {
            let token = &self.tokens[index];
            if token.is_word {
                if let Some(cue) = self.cue_at(index, end) {
                    if in_free_apposition && self.word(index - 1) != "," {
                        return None;
                    }
                    let speaker = if index == first {
                        self.phrase_after(cue.1, end)
                    } else {
                        self.phrase_between(first, index)
                    };
                    return speaker.map(|s| (cue.0, Some(s)));
                }
                words += 1;
                let limit = if seen_comma {
                    MAX_WORDS_TO_CUE_PAST_APPOSITION
                } else {
                    MAX_WORDS_TO_CUE
                };
                if words >= limit {
                    return None;
                }
                if !self.may_be_in_speaker_phrase(index) {
                    if !seen_comma {
                        return None;
                    }
                    in_free_apposition = true;
                }
            } else if !matches!(self.word(index), "," | "(" | ")" | ".") {
                return None;
            } else {
                seen_comma |= self.word(index) == ",";
            }
        }
        None
    }

    /// `Flores said, “…”`, `Sessions replied he was “…”`, `According to CNN, “…”`.
    fn cue_before(&self, quote: &QuoteTokens) -> Option<CueAndSpeaker> {
        let start = self.clause_start(quote);
        self.last_cue_in(start, quote.open, quote.open)
    }

    /// `“…” ― Sonya Herridge` or `“…” — Paul Ryan (@SpeakerRyan)`: a name
    /// credited after a dash, ending the paragraph or followed by a bracket.
    fn credit_line(&self, quote: &QuoteTokens) -> Option<Span> {
        let mut dash = quote.close + 1;
        if matches!(self.word(dash), "." | ",") {
            dash += 1;
        }
        if !matches!(self.word(dash), "―" | "—" | "–" | "-") {
            return None;
        }
        let paragraph = self.tokens[dash].paragraph;
        let first = dash + 1;
        let mut last = None;
        for index in first..quote.upper_bound.min(first + MAX_CREDIT_WORDS + 1) {
            let token = &self.tokens[index];
            if token.paragraph != paragraph || self.word(index) == "(" {
                break;
            }
            if !is_capitalised(self.text, token) {
                return None;
            }
            last = Some(index);
        }
        let last = last?;
        let ends_credit = self
            .tokens
            .get(last + 1)
            .is_none_or(|next| next.paragraph != paragraph || self.word(last + 1) == "(");
        ends_credit.then(|| Span::new(self.tokens[first].start, self.tokens[last].end))
    }

    /// `More from Blumenthal and Cohen: “…”`: the last name of a clause that
    /// introduces the quote with a colon and no cue verb.
    fn introduced_by_colon(&self, quote: &QuoteTokens) -> Option<Span> {
        let before = quote
            .open
            .checked_sub(1)
            .filter(|&i| i >= quote.lower_bound)?;
        if self.word(before) != ":" {
            return None;
        }
        let paragraph = self.tokens[before].paragraph;
        let floor = quote
            .lower_bound
            .max(before.saturating_sub(MAX_FRAME_TOKENS));
        let mut start = before;
        while start > floor
            && !self.tokens[start].starts_sentence
            && self.tokens[start - 1].paragraph == paragraph
        {
            start -= 1;
        }
        self.nearest_name(start, before)
            .or_else(|| self.pronoun_at(start))
    }

    /// `Pelosi said in a statement. “…”` and `He added:` closing the paragraph before.
    /// A sentence that already gave the quote before its cue (`previous_cue`) is not looked at.
    fn cue_in_previous_sentence(
        &self,
        quote: &QuoteTokens,
        previous_cue: Option<Span>,
    ) -> Option<CueAndSpeaker> {
        if self.clause_start(quote) < quote.open || quote.open <= quote.lower_bound {
            return None;
        }
        let end = quote.open;
        let last = &self.tokens[end - 1];
        let open_paragraph = self.tokens[quote.open].paragraph;
        let same_paragraph = last.paragraph == open_paragraph;
        if !same_paragraph && self.word(end - 1) != ":" {
            return None;
        }
        let floor = quote.lower_bound.max(end.saturating_sub(MAX_FRAME_TOKENS));
        let mut start = end - 1;
        while start > floor
            && !self.tokens[start].starts_sentence
            && self.tokens[start - 1].paragraph == last.paragraph
        {
            start -= 1;
        }
        let region = Span::new(self.tokens[start].start, self.tokens[end - 1].end);
        if previous_cue.is_some_and(|cue| region.overlap(&cue) > 0) {
            return None;
        }
        let found = self.last_cue_in(start, end, end)?;
        let words_after_cue = (self.token_at(found.0.end)..end)
            .filter(|&i| self.tokens[i].is_word)
            .count();
        (words_after_cue <= MAX_WORDS_AFTER_CUE).then_some(found)
    }

    /// The last cue in `start..end` with its subject.
    fn last_cue_in(&self, start: usize, end: usize, limit: usize) -> Option<CueAndSpeaker> {
        for index in (start..end).rev() {
            if !self.tokens[index].is_word {
                continue;
            }
            if let Some((cue, after_cue)) = self.cue_at(index, limit) {
                let speaker = self.speaker_of_cue(start, index, after_cue, limit);
                return Some((cue, speaker));
            }
        }
        None
    }

    /// The speaker of the cue at token `cue` in the clause `start..limit`:
    /// after it when inverted (`According to CNN,`, `Said Comey,`, `explained
    /// Rosenberg,`), the clause's subject for a coordinated or participle cue
    /// (`Trump … and said,`, `Albright urged …, saying`), else the phrase
    /// just before it.
    fn speaker_of_cue(
        &self,
        start: usize,
        cue: usize,
        after_cue: usize,
        limit: usize,
    ) -> Option<Span> {
        let word = self.word(cue);
        let inverted = word.eq_ignore_ascii_case("according")
            || is_capitalised(self.text, &self.tokens[cue])
            || (cue == start || self.word(cue - 1) == ",")
                && !lexicon::takes_listener_object(word)
                && self.names_up_to_the_quote(after_cue, limit);
        if inverted {
            return self.phrase_after(after_cue, limit);
        }
        let mut before = cue;
        while before > start && lexicon::is_verb_filler(self.word(before - 1)) {
            before -= 1;
        }
        let coordinated =
            before > start && matches!(self.word(before - 1), "and" | ",") && word.ends_with("ing")
                || before > start && self.word(before - 1) == "and";
        let clause_subject = || {
            self.pronoun_at(start)
                .or_else(|| self.first_name(start, cue))
        };
        if coordinated {
            return clause_subject();
        }
        self.subject_before(start, cue)
            .or_else(|| self.nearest_name(start, cue))
            .or_else(clause_subject)
            .or_else(|| self.determined_phrase_before(start, cue))
    }

    /// A short noun phrase opened by a determiner just before the cue: `The ad says`.
    fn determined_phrase_before(&self, start: usize, cue: usize) -> Option<Span> {
        let mut end = cue;
        while end > start && lexicon::is_verb_filler(self.word(end - 1)) {
            end -= 1;
        }
        let floor = start.max(end.saturating_sub(MAX_DETERMINED_PHRASE_WORDS));
        let first = (floor..end)
            .rev()
            .find(|&i| lexicon::is_determiner(self.word(i)))?;
        let plain_words = (first + 1..end)
            .all(|i| self.tokens[i].is_word && !lexicon::is_phrase_stop(self.word(i)));
        (plain_words && first + 1 < end)
            .then(|| Span::new(self.tokens[first].start, self.tokens[end - 1].end))
    }

    /// True when a capitalised phrase runs from `first` to the `,`/`:` just before `limit`.
    fn names_up_to_the_quote(&self, first: usize, limit: usize) -> bool {
        let Some(last) = limit.checked_sub(1) else {
            return false;
        };
        if first >= last || !matches!(self.word(last), "," | ":") {
            return false;
        }
        let words = first..last;
        words.len() <= MAX_SPEAKER_WORDS
            && is_capitalised(self.text, &self.tokens[first])
            && !lexicon::is_pronoun(self.word(first))
            && (first..last).all(|i| self.tokens[i].is_word || self.word(i) == ",")
    }

    /// The cue starting at token `index`, and the first token after it.
    fn cue_at(&self, index: usize, end: usize) -> Option<(Span, usize)> {
        let word = self.word(index);
        let token = self.tokens.get(index)?;
        if word.eq_ignore_ascii_case("according") {
            let to = index + 1;
            return (to < end && self.word(to).eq_ignore_ascii_case("to"))
                .then(|| (Span::new(token.start, self.tokens[to].end), to + 1));
        }
        let lower_or_sentence_start = !is_capitalised(self.text, token) || token.starts_sentence;
        (lexicon::is_cue_verb(word) && lower_or_sentence_start)
            .then(|| (Span::new(token.start, token.end), index + 1))
    }

    fn may_be_in_speaker_phrase(&self, index: usize) -> bool {
        let word = self.word(index);
        is_capitalised(self.text, &self.tokens[index])
            || lexicon::is_title(word)
            || lexicon::is_pronoun(word)
            || lexicon::is_verb_filler(word)
            || lexicon::is_determiner(word)
            || !lexicon::is_phrase_stop(word)
            || matches!(
                lexicon::normalise(word).as_str(),
                "of" | "for" | "at" | "on" | "from" | "in"
            )
    }

    /// The speaker written between a quote and the cue after it, fillers dropped.
    fn phrase_between(&self, first: usize, cue: usize) -> Option<Span> {
        let commas: Vec<usize> = (first..cue).filter(|&i| self.word(i) == ",").collect();
        let (first, cue) = match (commas.first(), commas.last()) {
            (Some(&_), Some(&last))
                if (last + 1..cue)
                    .any(|i| self.tokens[i].is_word && !lexicon::is_verb_filler(self.word(i))) =>
            {
                (last + 1, cue)
            }
            (Some(&opening), _) => (first, opening),
            _ => (first, cue),
        };
        let mut end = cue;
        while end > first
            && (lexicon::is_verb_filler(self.word(end - 1)) || !self.tokens[end - 1].is_word)
        {
            end -= 1;
        }
        let words = (first..end).filter(|&i| self.tokens[i].is_word).count();
        (end > first && words <= MAX_SPEAKER_WORDS)
            .then(|| Span::new(self.tokens[first].start, self.tokens[end - 1].end))
    }

    /// The speaker after an inverted cue: `said Sen. Al Franken of Minnesota`,
    /// `according to CNN`, `said the 46-year-old`.
    fn phrase_after(&self, first: usize, end: usize) -> Option<Span> {
        if first >= end || !self.tokens[first].is_word {
            return None;
        }
        if lexicon::is_pronoun(self.word(first)) {
            return Some(Span::new(self.tokens[first].start, self.tokens[first].end));
        }
        let mut last_head = None;
        let mut last_word = first;
        let mut index = first;
        while index < end && index < first + MAX_SPEAKER_WORDS && self.tokens[index].is_word {
            let word = self.word(index);
            if is_capitalised(self.text, &self.tokens[index]) || lexicon::is_speaker_noun(word) {
                last_head = Some(index);
            } else if index > first
                && lexicon::is_phrase_stop(word)
                && !matches!(lexicon::normalise(word).as_str(), "of" | "for" | "at")
            {
                break;
            }
            last_word = index;
            index += 1;
        }
        let ends_clause = index >= end || !self.tokens[index].is_word;
        let last = match last_head {
            Some(head) => head,
            None if ends_clause
                && (lexicon::is_determiner(self.word(first)) || last_word < first + 3) =>
            {
                last_word
            }
            None => return None,
        };
        Some(Span::new(self.tokens[first].start, self.tokens[last].end))
    }

    /// The pronoun opening the clause at `start`: `She noted …, saying “…”`.
    fn pronoun_at(&self, start: usize) -> Option<Span> {
        let token = self.tokens.get(start)?;
        lexicon::is_pronoun(self.word(start)).then(|| Span::new(token.start, token.end))
    }

    /// The subject of the cue at `cue`, walking left: `Dr Brian Klaas, fellow at LSE, told`,
    /// `President Trump (via USA Today) responded`, `A Justice Department spokeswoman said`.
    fn subject_before(&self, start: usize, cue: usize) -> Option<Span> {
        let mut end = cue;
        while end > start
            && (lexicon::is_verb_filler(self.word(end - 1)) || self.is_lower_cue(end - 1))
        {
            end -= 1;
        }
        if end <= start {
            return None;
        }
        if self.word(end - 1) == ")" {
            let open = (start..end - 1)
                .rev()
                .take(20)
                .find(|&i| self.word(i) == "(")?;
            end = open;
        } else if self.word(end - 1) == "," {
            let comma = (start..end - 1)
                .rev()
                .take(25)
                .find(|&i| self.word(i) == ",")?;
            end = comma;
        }
        if end <= start {
            return None;
        }
        let head = end - 1;
        let head_word = self.word(head);
        if lexicon::is_pronoun(head_word) {
            let token = &self.tokens[head];
            return Some(Span::new(token.start, token.end));
        }
        let capitalised_head = is_capitalised(self.text, &self.tokens[head])
            && !lexicon::is_non_name_capital(head_word);
        if !(capitalised_head || lexicon::is_speaker_noun(head_word)) {
            return None;
        }
        let mut first = head;
        while first > start && head + 1 - first < MAX_SPEAKER_WORDS {
            let index = first - 1;
            let token = &self.tokens[index];
            let word = self.word(index);
            if !token.is_word {
                break;
            }
            if lexicon::is_determiner(word) {
                first = index;
                break;
            }
            let capitalised =
                is_capitalised(self.text, token) && !lexicon::is_non_name_capital(word);
            let joins_phrase = matches!(lexicon::normalise(word).as_str(), "of" | "for" | "at")
                && index > start
                && (is_capitalised(self.text, &self.tokens[index - 1])
                    || lexicon::is_speaker_noun(self.word(index - 1)));
            let modifier = !is_capitalised(self.text, token)
                && !lexicon::is_phrase_stop(word)
                && !lexicon::is_cue_verb(word)
                && !lexicon::is_verb_filler(word);
            if capitalised || lexicon::is_title(word) || joins_phrase || modifier {
                first = index;
            } else {
                break;
            }
        }
        Some(Span::new(self.tokens[first].start, self.tokens[head].end))
    }

    fn is_lower_cue(&self, index: usize) -> bool {
        lexicon::is_cue_verb(self.word(index)) && !is_capitalised(self.text, &self.tokens[index])
    }

    /// The last name mention between tokens `start` and `cue`.
    fn nearest_name(&self, start: usize, cue: usize) -> Option<Span> {
        let from = self.tokens.get(start)?.start;
        let to = self.tokens.get(cue)?.start;
        let before_cue = self.names.partition_point(|n| n.start < to);
        self.names[..before_cue]
            .iter()
            .rev()
            .take_while(|n| n.start >= from)
            .find(|n| n.end <= to)
            .map(|n| Span::new(n.start, n.end))
    }

    /// The first name mention between tokens `start` and `cue` that is not a
    /// possessive: the subject of a participle cue (`Albright urged women to
    /// vote for Clinton, saying`).
    fn first_name(&self, start: usize, cue: usize) -> Option<Span> {
        let from = self.tokens.get(start)?.start;
        let to = self.tokens.get(cue)?.start;
        let first = self.names.partition_point(|n| n.start < from);
        self.names[first..]
            .iter()
            .take_while(|n| n.end <= to)
            .find(|n| !self.text[n.end..].starts_with(['’', '\'']))
            .map(|n| Span::new(n.start, n.end))
    }

    /// The speaker of the nearest quote before `index` when only a little of
    /// the writer's text separates them.
    fn continued_speaker(&self, index: usize, found: &[Attribution]) -> Option<Span> {
        let previous = index.checked_sub(1)?;
        let speaker = found.get(previous)?.speaker?;
        let from = self.token_at(self.stretches[previous].close_end);
        let to = self.token_at(self.stretches[index].open);
        let words_between = (from..to).filter(|&i| self.tokens[i].is_word).count();
        let paragraphs_between = self
            .tokens
            .get(to)?
            .paragraph
            .saturating_sub(self.tokens.get(from.min(to))?.paragraph);
        (words_between <= MAX_WORDS_TO_CONTINUE && paragraphs_between <= 2).then_some(speaker)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract;

    /// (quote, speaker phrase, cue) of every quote in `text`.
    fn attributed(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        extract(text, &[])
            .into_iter()
            .map(|q| {
                (
                    q.text,
                    q.speaker.map(|s| s.text),
                    q.cue.map(|c| c.text(text).to_string()),
                )
            })
            .collect()
    }

    fn triple(
        quote: &str,
        speaker: &str,
        cue: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (
            quote.to_string(),
            Some(speaker.to_string()),
            cue.map(str::to_string),
        )
    }

    #[test]
    fn cue_after_the_quote() {
        assert_eq!(
            attributed("“We will win,” Franken told CNN."),
            vec![triple("We will win,", "Franken", Some("told"))]
        );
        assert_eq!(
            attributed("\"Go home,\" said Sen. Al Franken of Minnesota."),
            vec![triple(
                "Go home,",
                "Sen. Al Franken of Minnesota",
                Some("said")
            )]
        );
        assert_eq!(
            attributed("“Not normal.” – Warren tweeted."),
            vec![triple("Not normal.", "Warren", Some("tweeted"))]
        );
        assert_eq!(
            attributed("“Fine,” Rep. Glenn Thompson, R-Pa., said."),
            vec![triple("Fine,", "Rep. Glenn Thompson", Some("said"))]
        );
    }

    #[test]
    fn cue_after_an_apposition_of_any_words_closed_by_a_comma() {
        assert_eq!(
            attributed(
                "“I would be in Siberia,” Mr. Daniloff, now 81 and retired in Cambridge, said."
            ),
            vec![triple(
                "I would be in Siberia,",
                "Mr. Daniloff",
                Some("said")
            )]
        );
        assert_eq!(
            attributed("“It is over,” Mr. Peck, who runs it and more, then it said."),
            vec![("It is over,".to_string(), None, None)]
        );
    }

    #[test]
    fn a_name_credited_after_a_dash_is_the_speaker() {
        assert_eq!(
            attributed("“We need a bigger room.” ― Oscar P. Quintero\n“Not again”. — Paul Ryan (@SpeakerRyan) July 5"),
            vec![
                triple("We need a bigger room.", "Oscar P. Quintero", None),
                triple("Not again", "Paul Ryan", None),
            ]
        );
        assert_eq!(
            attributed("“It is late.” — and the vote went on."),
            vec![("It is late.".to_string(), None, None)]
        );
    }

    #[test]
    fn a_cue_in_the_next_sentence_is_not_the_quotes() {
        assert_eq!(
            attributed(
                "Mr. Trump continued: “It was during his term.” He added that the rest was fine."
            ),
            vec![triple(
                "It was during his term.",
                "Mr. Trump",
                Some("continued")
            )]
        );
        assert_eq!(
            attributed("“We will win”, Franken said. “It was his term”. He added that it was."),
            vec![
                triple("We will win", "Franken", Some("said")),
                triple("It was his term", "Franken", None),
            ]
        );
    }

    #[test]
    fn cue_after_a_closing_mark_typed_as_two_apostrophes() {
        assert_eq!(
            attributed("''It is a big story,'' the economist Jared Bernstein wrote."),
            vec![triple(
                "It is a big story,",
                "the economist Jared Bernstein",
                Some("wrote")
            )]
        );
        assert_eq!(
            attributed("``We will see,'' Mr. Garin said."),
            vec![triple("We will see,", "Mr. Garin", Some("said"))]
        );
    }

    #[test]
    fn cue_before_the_quote() {
        assert_eq!(
            attributed("Flores said, “He was asked.”"),
            vec![triple("He was asked.", "Flores", Some("said"))]
        );
        assert_eq!(
            attributed("A Justice Department spokeswoman said: “No.”"),
            vec![triple(
                "No.",
                "A Justice Department spokeswoman",
                Some("said")
            )]
        );
        assert_eq!(
            attributed("Said Comey, “It is painful.”"),
            vec![triple("It is painful.", "Comey", Some("Said"))]
        );
    }

    #[test]
    fn cue_in_the_sentence_before_and_continued_quotes() {
        let text = "Pelosi said in a statement. “He must resign.” Then: “Now.”\n\n“Still more.”";
        let found = attributed(text);
        assert_eq!(found[0], triple("He must resign.", "Pelosi", Some("said")));
        assert!(
            found
                .iter()
                .all(|(_, speaker, _)| speaker.as_deref() == Some("Pelosi")),
            "{found:?}"
        );
        let text = "“One,” he added. “Two.”";
        assert_eq!(attributed(text)[1], triple("Two.", "he", None));
    }

    #[test]
    fn partial_quotes_need_a_cue() {
        let found = extract(
            "Sessions replied he was “unaware of those activities”. He met “secret” people.",
            &[],
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].partial);
        assert_eq!(
            found[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Sessions")
        );
    }
}
