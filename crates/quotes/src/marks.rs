//! Pairing quotation marks into quoted stretches.
//!
//! Double marks only (straight `"`, curly `“ ”`, low `„`, guillemets `« »`,
//! and pairs of single marks typed for a double one: ``` `` ``` `''` `‘‘` `’’`):
//! single marks (‘ ’ ') are nested quotes or apostrophes and never open a
//! top-level quote. One pass over the text, so 10,000 marks in a row cost
//! linear time. A quote left open at the end of its paragraph continues only
//! when the next paragraph opens with a mark (the multi-paragraph convention)
//! and is dropped otherwise, so an unbalanced mark never swallows the article.

/// Paragraphs one quote may span.
const MAX_PARAGRAPHS: usize = 12;
/// Bytes one quote may span.
const MAX_BYTES: usize = 12_000;

/// A quoted stretch: `open..close_end` covers the marks, `start..end` the words between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotedStretch {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close_end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Opens or closes by context: `"`, and the wire-style `''` that some
    /// papers type at both ends (`''We may,'' he said`).
    Straight,
    /// `’’`: a mistyped closing mark, which never opens.
    DoubledApostrophe,
}

/// The quotation mark `rest` starts with, and its length in bytes. Pairs of
/// single marks are double marks: TeX and wire style ``` ``…'' ``` and `''…''`,
/// and the curly `‘‘…’’` some converters produce.
fn mark_at(rest: &str) -> Option<(Role, usize)> {
    // every mark begins with one of these bytes (the curly ones with E2, guillemets with C2): most
    // characters are turned away here
    if !matches!(
        rest.as_bytes().first(),
        Some(b'`' | b'\'' | b'"' | 0xC2 | 0xE2)
    ) {
        return None;
    }
    for (pair, role) in [
        ("``", Role::Open),
        ("‘‘", Role::Open),
        ("''", Role::Straight),
        ("’’", Role::DoubledApostrophe),
    ] {
        if rest.starts_with(pair) {
            return Some((role, pair.len()));
        }
    }
    let c = rest.chars().next()?;
    let role = match c {
        '“' | '„' | '«' => Role::Open,
        '”' | '»' => Role::Close,
        '"' => Role::Straight,
        _ => return None,
    };
    Some((role, c.len_utf8()))
}

struct Open {
    mark: usize,
    content: usize,
    paragraphs: usize,
    /// The quote runs on into a paragraph whose opening mark is still to come.
    awaiting_continuation_mark: bool,
    /// The quote opened where a quotation of its own starts (paragraph start,
    /// after `:` `,` or a sentence end), so it may run on into the next paragraph.
    may_continue: bool,
}

/// All quoted stretches of `text`, in order, non-overlapping.
pub fn quoted_stretches(text: &str) -> Vec<QuotedStretch> {
    let mut found = Vec::new();
    let mut open: Option<Open> = None;
    let mut previous: Option<char> = None;
    let mut previous_visible: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c == '\n' {
            if let Some(current) = open.take() {
                open = continue_into_next_paragraph(text, i, current);
            }
            previous = Some(c);
            previous_visible = None;
            continue;
        }
        let closing_single_before_pair = matches!(c, '\'' | '’')
            && previous.is_some_and(|p| !p.is_whitespace())
            && text[i..].chars().take(3).filter(|&n| n == c).count() == 3;
        let mark = if closing_single_before_pair {
            None
        } else {
            mark_at(&text[i..])
        };
        let Some((mark, mark_len)) = mark else {
            previous = Some(c);
            if !c.is_whitespace() {
                previous_visible = Some(c);
            }
            continue;
        };
        let close_end = i + mark_len;
        while chars.peek().is_some_and(|&(j, _)| j < close_end) {
            chars.next();
        }
        let next = if mark_len > c.len_utf8() {
            text[close_end..].chars().next()
        } else {
            next
        };
        let last = text[..close_end].chars().next_back().unwrap_or(c);
        if let Some(current) = open.as_mut().filter(|o| o.awaiting_continuation_mark) {
            current.awaiting_continuation_mark = false;
            previous = Some(last);
            previous_visible = Some(last);
            continue;
        }
        let closes = match mark {
            Role::Close => open.is_some() || !looks_like_opening(previous, next),
            Role::Open => open.is_some() && looks_like_closing(next),
            Role::Straight => open.is_some() && !looks_like_opening(previous, next),
            Role::DoubledApostrophe => open.is_some(),
        };
        match (&open, closes) {
            (Some(current), true) => {
                if has_words(&text[current.content..i]) {
                    found.push(QuotedStretch {
                        open: current.mark,
                        start: current.content,
                        end: i,
                        close_end,
                    });
                }
                open = None;
            }
            (_, false) if mark != Role::DoubledApostrophe => {
                let may_continue = previous_visible
                    .is_none_or(|p| matches!(p, ':' | ',' | '.' | '!' | '?' | '—' | '–' | '-'));
                open = Some(Open {
                    mark: i,
                    content: close_end,
                    paragraphs: 1,
                    awaiting_continuation_mark: false,
                    may_continue,
                })
            }
            _ => {}
        }
        previous = Some(last);
        previous_visible = Some(last);
    }
    found
}

/// An opening curly mark typed before a space, punctuation or the end closes
/// the open quote (`a fascist?“ he asked`, `the ‘two-step’ “ – increasing`):
/// a quote opens onto its first word.
fn looks_like_closing(next: Option<char>) -> bool {
    next.is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | ')'))
}

/// A straight mark after a space and before a word opens a quote even when
/// another is open (that one was never closed).
fn looks_like_opening(previous: Option<char>, next: Option<char>) -> bool {
    let after_space =
        previous.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
    let before_word = next.is_some_and(char::is_alphanumeric);
    after_space && before_word
}

/// Keeps `current` open across the line break at `newline` when it may
/// continue and the next non-blank line starts with an opening mark (which the
/// scan then skips).
fn continue_into_next_paragraph(text: &str, newline: usize, current: Open) -> Option<Open> {
    let rest = &text[newline..];
    let opens_next = matches!(
        mark_at(rest.trim_start()),
        Some((Role::Open | Role::Straight, _))
    );
    let within_bounds = current.paragraphs < MAX_PARAGRAPHS && newline - current.mark < MAX_BYTES;
    if current.may_continue && opens_next && within_bounds {
        Some(Open {
            paragraphs: current.paragraphs + 1,
            awaiting_continuation_mark: true,
            ..current
        })
    } else {
        None
    }
}

fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        quoted_stretches(text)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks_with_nested_single_quotes() {
        let text = "“It is the ‘fine-tuned machine’,” he said. \"Don’t,\" she said, \"go.\"";
        assert_eq!(
            contents(text),
            vec!["It is the ‘fine-tuned machine’,", "Don’t,", "go."]
        );
    }

    #[test]
    fn continues_a_quote_into_a_paragraph_that_opens_with_a_mark() {
        let text = "He said: “One.\n\n“Two.”\nNext “three.\nNot a quote.";
        assert_eq!(contents(text), vec!["One.\n\n“Two."]);
    }

    #[test]
    fn mistyped_closing_marks_still_close() {
        let text = "“A fascist?“ he asked. He called it a “question’’ then.";
        assert_eq!(contents(text), vec!["A fascist?", "question"]);
    }

    #[test]
    fn an_opening_mark_before_a_space_closes_after_a_nested_quote() {
        let text = "“Do the ‘two-step’ “ – he said. “Go.”";
        assert_eq!(contents(text), vec!["Do the ‘two-step’ ", "Go."]);
    }

    #[test]
    fn a_closing_mark_typed_to_open_a_paragraph_opens() {
        let text = "”They are not like him,” she said.\n\n”Fear. I am afraid.” ― A reader";
        assert_eq!(
            contents(text),
            vec!["They are not like him,", "Fear. I am afraid."]
        );
    }

    #[test]
    fn a_fragment_left_open_mid_sentence_does_not_run_on() {
        let text = "It was a “question that.\n“You called women pigs,” Kelly said.";
        assert_eq!(contents(text), vec!["You called women pigs,"]);
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let text = "He said “never closed.\nLater “closed” here.";
        assert_eq!(contents(text), vec!["closed"]);
    }

    #[test]
    fn pairs_of_single_marks_typed_for_double_ones_are_quotes() {
        let wire = "''We may,'' he said. ``It's over,'' she said, ''you'll see.''";
        assert_eq!(contents(wire), vec!["We may,", "It's over,", "you'll see."]);
        let spans = quoted_stretches(wire);
        assert_eq!((spans[0].open, spans[0].start), (0, 2));
        assert_eq!(&wire[spans[0].end..spans[0].close_end], "''");
    }

    #[test]
    fn wire_style_quote_runs_over_paragraphs() {
        let text = "He said: ''One.\n\n''Two.''\n\nThe players' union ''agreed.''";
        assert_eq!(contents(text), vec!["One.\n\n''Two.", "agreed."]);
    }

    #[test]
    fn a_nested_quote_closing_before_the_pair_keeps_its_mark() {
        let text = "''He said, 'Eight years,''' he recalled. ''Go.''";
        assert_eq!(contents(text), vec!["He said, 'Eight years,'", "Go."]);
    }

    #[test]
    fn many_marks_in_a_row_give_no_quotes() {
        assert!(contents(&"\"".repeat(10_000)).is_empty());
        assert!(contents(&"“".repeat(10_000)).is_empty());
    }
}
