//! Line layout of an article: which line breaks end a paragraph and which only
//! wrap a long line (hard-wrapped text), and carriage returns.
//!
//! [`normalise`] gives a copy of the same byte length in which every paragraph
//! break is one `\n` and soft wraps and carriage returns are spaces, so the
//! rest of the crate reads one layout and byte offsets stay those of the
//! original text.

use std::borrow::Cow;

/// Single line breaks a text needs before it may count as hard-wrapped.
const MIN_WRAPS: usize = 3;
/// A line shorter than this share of the wrap width may end a paragraph.
const SHORT_LINE_SHARE: f64 = 0.6;
/// A wrapped line is at least this share of the wrap width.
const FULL_LINE_SHARE: f64 = 0.75;
/// Widest wrap, in characters, taken for a hard-wrapped text.
const MAX_WRAP_WIDTH: usize = 160;

/// `text` with soft wraps and carriage returns as spaces (same byte length).
pub fn normalise(text: &str) -> Cow<'_, str> {
    let wrapped = is_hard_wrapped(text);
    if !wrapped && !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (i, &byte) in text.as_bytes().iter().enumerate() {
        if byte == b'\r' {
            bytes[i] = if text.as_bytes().get(i + 1) == Some(&b'\n') {
                b' '
            } else {
                b'\n'
            };
        }
    }
    if wrapped {
        let lines = single_breaks(text);
        let width = line_width(text, &lines.iter().collect::<Vec<_>>());
        for line in lines {
            if !ends_paragraph(text, &line, width) {
                bytes[line.newline] = b' ';
            }
        }
    }
    // Only ASCII bytes were swapped for ASCII bytes, so the text is still UTF-8.
    String::from_utf8(bytes).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// A line followed by a single line break (the next line is not blank).
struct WrappedLine {
    start: usize,
    /// Byte offset of the `\n` (or of the `\r` of `\r\n`) ending the line.
    end: usize,
    newline: usize,
    /// The next line starts with blank space (an indented paragraph).
    next_indented: bool,
}

/// Every line that a single line break ends, in order.
fn single_breaks(text: &str) -> Vec<WrappedLine> {
    let mut found = Vec::new();
    let mut start = 0;
    for (newline, _) in text.match_indices('\n') {
        let end = if text[..newline].ends_with('\r') {
            newline - 1
        } else {
            newline
        };
        let line = &text[start..end];
        let next_line = text[newline + 1..].split('\n').next().unwrap_or("");
        if !line.trim().is_empty() && !next_line.trim().is_empty() {
            found.push(WrappedLine {
                start,
                end,
                newline,
                next_indented: next_line.starts_with(char::is_whitespace),
            });
        }
        start = newline + 1;
    }
    found
}

/// True when most single line breaks look like wraps at a fixed width: they
/// fall inside a sentence on lines of nearly the same (modest) length, and
/// often before a lower-case word. Lists, headlines and one-line paragraphs
/// do not.
fn is_hard_wrapped(text: &str) -> bool {
    let lines = single_breaks(text);
    let inside_sentence: Vec<&WrappedLine> = lines
        .iter()
        .filter(|line| !ends_a_sentence(&text[line.start..line.end]))
        .collect();
    let width = line_width(text, &inside_sentence);
    let full: Vec<&&WrappedLine> = inside_sentence
        .iter()
        .filter(|line| line_length(text, line) as f64 >= width as f64 * FULL_LINE_SHARE)
        .collect();
    let before_lower_case = full
        .iter()
        .filter(|line| {
            text[line.newline + 1..]
                .trim_start()
                .starts_with(char::is_lowercase)
        })
        .count();
    lines.len() >= MIN_WRAPS
        && width <= MAX_WRAP_WIDTH
        && full.len() * 2 >= lines.len()
        && before_lower_case * 4 >= lines.len()
}

fn line_length(text: &str, line: &WrappedLine) -> usize {
    text[line.start..line.end].trim_end().chars().count()
}

/// The width the text was wrapped at, in characters: the upper quartile of
/// the lengths of `lines` (a long URL that could not be wrapped is no guide).
fn line_width(text: &str, lines: &[&WrappedLine]) -> usize {
    let mut lengths: Vec<usize> = lines.iter().map(|line| line_length(text, line)).collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() * 3 / 4).copied().unwrap_or(0)
}

/// A line break in a hard-wrapped text ends a paragraph when the next line is
/// indented, or when the line stops well short of the wrap width (the next
/// word would have fitted): a sentence end, a headline, a credit line.
fn ends_paragraph(text: &str, line: &WrappedLine, width: usize) -> bool {
    let short = (line_length(text, line) as f64) < width as f64 * SHORT_LINE_SHARE;
    line.next_indented || short
}

fn ends_a_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', '»', ')'])
        .ends_with(['.', '!', '?', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_wraps_of_a_hard_wrapped_text_become_spaces() {
        let text = "Sen. Al Franken asked the attorney general what he\n\
                    would do, and Sessions said, \"I did not have\n\
                    communications with the Russians,\" in his reply to\n\
                    the committee.\n\
                    \n\
                    Later he said more.";
        let normalised = normalise(text);
        assert_eq!(normalised.len(), text.len());
        assert_eq!(normalised.matches('\n').count(), 2);
        assert!(normalised.contains("have communications"));
    }

    #[test]
    fn an_indented_or_short_line_still_ends_its_paragraph() {
        let text = "The senator asked the attorney general what he would\n\
                    do about the contacts with the ambassador that year.\n\
                    He declined.\n\
                    Then the committee asked what the campaign had known\n\
                    and when, and the answers came back only in writing\n   \
                    weeks later, after the hearing had ended in anger.";
        let normalised = normalise(text);
        let lines: Vec<&str> = normalised.lines().collect();
        assert_eq!(lines.len(), 3, "{normalised}");
        assert!(lines[0].ends_with("He declined."));
    }

    #[test]
    fn a_short_line_without_a_full_stop_ends_its_paragraph_too() {
        let text = "“We have to do something, and it is the only way that you\n\
                    stop it.” ― Ana\n\
                    “He does not answer to anyone, and he never has in all the\n\
                    years he spent running the company.” ― Luis Ortega";
        let normalised = normalise(text);
        let lines: Vec<&str> = normalised.lines().collect();
        assert_eq!(lines.len(), 2, "{normalised}");
        assert!(lines[0].ends_with("― Ana"));
    }

    #[test]
    fn paragraphs_on_single_lines_are_left_alone() {
        let text = "First paragraph ends here.\nSecond one too.\nThird, \"quoted.\"\nLast.";
        assert!(matches!(normalise(text), Cow::Borrowed(_)));
    }

    #[test]
    fn carriage_returns_become_spaces_or_line_breaks() {
        assert_eq!(
            normalise("One.\r\n\r\nTwo.\rThree."),
            "One. \n \nTwo.\nThree."
        );
    }
}
