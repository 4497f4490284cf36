//! Systematic rewrites of an article's typography and layout (quote-mark
//! styles, line-break styles, hard wrapping) that keep every byte offset of
//! the original mapped, so gold spans can be carried over and the extractor
//! scored on the rewritten text. A robust extractor keeps its figures under
//! each rewrite: the words are the same, only the typing differs.

use crate::Span;

/// One rewrite of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Perturbation {
    /// `“ ” ‘ ’` become `" " ' '`.
    CurlyToStraight,
    /// Straight `"` and `''` become curly, opening and closing in turn within
    /// a paragraph; `'` becomes `‘` after a space and `’` elsewhere (a
    /// smart-quote typesetter, `'80s` becoming `‘80s` included).
    StraightToCurly,
    /// Double marks become TeX / wire style: ``` `` ``` to open, `''` to close
    /// (straight marks open and close in turn within a paragraph).
    TexMarks,
    /// Double marks become guillemets `« »`.
    Guillemets,
    /// Every other paragraph's double marks are straight, the rest curly (mixed sources in one article).
    MixedMarks,
    /// Blank lines between paragraphs become single line breaks.
    SingleLineBreaks,
    /// Lines are hard-wrapped at 72 columns inside paragraphs (paragraphs still end with a blank line).
    HardWrapped,
    /// Line breaks become `\r\n`.
    Crlf,
    /// Spaces after punctuation become no-break spaces (U+00A0), as HTML `&nbsp;` leaves them.
    NoBreakSpaces,
    /// Dashes are typed in ASCII: `—` as `--`, `–` as `-`.
    AsciiDashes,
    /// A comma or full stop before a closing double mark goes after it
    /// (British style: `“We will win”, he said.`); the quote loses it.
    PunctuationOutside,
}

impl Perturbation {
    pub const ALL: [Perturbation; 11] = [
        Perturbation::CurlyToStraight,
        Perturbation::StraightToCurly,
        Perturbation::TexMarks,
        Perturbation::Guillemets,
        Perturbation::MixedMarks,
        Perturbation::SingleLineBreaks,
        Perturbation::HardWrapped,
        Perturbation::Crlf,
        Perturbation::NoBreakSpaces,
        Perturbation::AsciiDashes,
        Perturbation::PunctuationOutside,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Perturbation::CurlyToStraight => "curly-to-straight",
            Perturbation::StraightToCurly => "straight-to-curly",
            Perturbation::TexMarks => "tex-marks",
            Perturbation::Guillemets => "guillemets",
            Perturbation::MixedMarks => "mixed-marks",
            Perturbation::SingleLineBreaks => "single-line-breaks",
            Perturbation::HardWrapped => "hard-wrapped",
            Perturbation::Crlf => "crlf",
            Perturbation::NoBreakSpaces => "no-break-spaces",
            Perturbation::AsciiDashes => "ascii-dashes",
            Perturbation::PunctuationOutside => "punctuation-outside",
        }
    }

    pub fn from_name(name: &str) -> Option<Perturbation> {
        Perturbation::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// A rewritten text and where each byte offset of the original went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    pub text: String,
    /// `offsets[i]` is the new offset of original byte offset `i` (`0..=len`).
    offsets: Vec<usize>,
}

impl Rewritten {
    /// The original `span` in the rewritten text (an offset inside a replaced
    /// character maps to the start of its replacement).
    pub fn span(&self, span: Span) -> Span {
        let at = |i: usize| self.offsets.get(i).copied().unwrap_or(self.text.len());
        Span::new(at(span.start), at(span.end))
    }
}

/// Column at which [`Perturbation::HardWrapped`] breaks lines.
const WRAP_COLUMN: usize = 72;

/// `text` rewritten by `perturbation`.
pub fn rewrite(text: &str, perturbation: Perturbation) -> Rewritten {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut previous: Option<char> = None;
    let mut paragraph = 0usize;
    let mut column = 0usize;
    // A straight double mark opens when none is open in its paragraph (a
    // quote running on reopens at each paragraph), and closes otherwise.
    let mut double_open = false;
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let mut pair = false;
        let opening = previous.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
        let double_is_straight = c == '"' || (c == '\'' && next == Some('\''));
        let double_opens = !double_open;
        if double_is_straight || c == '“' || c == '”' {
            double_open = match c {
                '“' => true,
                '”' => false,
                _ => double_opens,
            };
        }
        let replacement: String = match (perturbation, c) {
            (Perturbation::CurlyToStraight, '“' | '”') => "\"".into(),
            (Perturbation::CurlyToStraight, '‘' | '’') => "'".into(),
            (Perturbation::StraightToCurly, '"') => if double_opens { "“" } else { "”" }.into(),
            (Perturbation::StraightToCurly, '\'') if next == Some('\'') => {
                pair = true;
                if double_opens { "“" } else { "”" }.into()
            }
            (Perturbation::StraightToCurly, '\'') => if opening { "‘" } else { "’" }.into(),
            (Perturbation::TexMarks, '“') => "``".into(),
            (Perturbation::TexMarks, '”') => "''".into(),
            (Perturbation::TexMarks, '"') => if double_opens { "``" } else { "''" }.into(),
            (Perturbation::Guillemets, '“') => "«".into(),
            (Perturbation::Guillemets, '”') => "»".into(),
            (Perturbation::Guillemets, '"') => if double_opens { "«" } else { "»" }.into(),
            (Perturbation::MixedMarks, '“' | '”') if paragraph % 2 == 0 => "\"".into(),
            (Perturbation::MixedMarks, '"') if paragraph % 2 == 1 => {
                if double_opens { "“" } else { "”" }.into()
            }
            (Perturbation::SingleLineBreaks, '\n') if previous == Some('\n') => String::new(),
            (Perturbation::Crlf, '\n') => "\r\n".into(),
            (Perturbation::NoBreakSpaces, ' ')
                if previous.is_some_and(|p| !p.is_alphanumeric() && !p.is_whitespace()) =>
            {
                "\u{a0}".into()
            }
            (Perturbation::PunctuationOutside, ',' | '.')
                if next == Some('”') || (next == Some('"') && double_open) =>
            {
                pair = true;
                double_open = false;
                format!("{}{c}", next.unwrap_or('”'))
            }
            (Perturbation::AsciiDashes, '—') => "--".into(),
            (Perturbation::AsciiDashes, '–') => "-".into(),
            (Perturbation::HardWrapped, ' ')
                if column >= WRAP_COLUMN && next.is_some_and(|n| !n.is_whitespace()) =>
            {
                "\n".into()
            }
            _ => c.to_string(),
        };
        offsets.extend(std::iter::repeat_n(out.len(), c.len_utf8()));
        if pair {
            let second = next.map_or(0, char::len_utf8);
            offsets.extend(std::iter::repeat_n(out.len(), second));
            chars.next();
        }
        out.push_str(&replacement);
        if c == '\n' {
            paragraph += usize::from(previous != Some('\n'));
            double_open = false;
        }
        column = match replacement.rfind('\n') {
            Some(at) => replacement.len() - at - 1,
            None => column + replacement.chars().count(),
        };
        previous = Some(c);
    }
    offsets.push(out.len());
    Rewritten { text: out, offsets }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(text: &str, perturbation: Perturbation, word: &str) -> String {
        let rewritten = rewrite(text, perturbation);
        let start = text.find(word).unwrap_or(0);
        let span = rewritten.span(Span::new(start, start + word.len()));
        span.text(&rewritten.text).to_string()
    }

    #[test]
    fn marks_change_and_spans_between_them_still_map() {
        let text = "He said, “It’s fine.”\n\nShe said \"no\" again.";
        let wire = "He said, ''It's fine.''";
        let curly = rewrite(wire, Perturbation::StraightToCurly);
        assert_eq!(curly.text, "He said, “It’s fine.”");
        assert_eq!(mapped(wire, Perturbation::StraightToCurly, "fine"), "fine");
        let tex = rewrite(text, Perturbation::TexMarks);
        assert_eq!(
            tex.text,
            "He said, ``It’s fine.''\n\nShe said ``no'' again."
        );
        assert_eq!(
            mapped(text, Perturbation::TexMarks, "It’s fine."),
            "It’s fine."
        );
        let straight = rewrite(text, Perturbation::CurlyToStraight);
        assert_eq!(
            straight.text,
            "He said, \"It's fine.\"\n\nShe said \"no\" again."
        );
        let curly = rewrite(text, Perturbation::StraightToCurly);
        assert_eq!(curly.text, "He said, “It’s fine.”\n\nShe said “no” again.");
        let mixed = rewrite(text, Perturbation::MixedMarks);
        assert_eq!(
            mixed.text,
            "He said, \"It’s fine.\"\n\nShe said “no” again."
        );
        assert_eq!(mapped(text, Perturbation::Guillemets, "no"), "no");
    }

    #[test]
    fn line_breaks_change_and_spans_still_map() {
        let text = "One.\n\nTwo words here.";
        let single = rewrite(text, Perturbation::SingleLineBreaks);
        assert_eq!(single.text, "One.\nTwo words here.");
        assert_eq!(
            mapped(text, Perturbation::SingleLineBreaks, "words"),
            "words"
        );
        let crlf = rewrite(text, Perturbation::Crlf);
        assert_eq!(crlf.text, "One.\r\n\r\nTwo words here.");
        assert_eq!(mapped(text, Perturbation::Crlf, "Two words"), "Two words");
    }

    #[test]
    fn spaces_and_dashes_change_and_spans_still_map() {
        let text = "“No,” he said — and left.";
        let spaces = rewrite(text, Perturbation::NoBreakSpaces);
        assert_eq!(spaces.text, "“No,”\u{a0}he said —\u{a0}and left.");
        let outside = rewrite(
            "“We will win,” he said. \"Go.\"",
            Perturbation::PunctuationOutside,
        );
        assert_eq!(outside.text, "“We will win”, he said. \"Go\".");
        let quote = outside.span(Span::new(3, 16));
        assert_eq!(quote.text(&outside.text), "We will win");
        let dashes = rewrite(text, Perturbation::AsciiDashes);
        assert_eq!(dashes.text, "“No,” he said -- and left.");
        assert_eq!(
            mapped(text, Perturbation::AsciiDashes, "and left"),
            "and left"
        );
    }

    #[test]
    fn hard_wrapping_keeps_lines_near_the_column() {
        let text = "word ".repeat(60);
        let wrapped = rewrite(&text, Perturbation::HardWrapped);
        assert_eq!(wrapped.text.len(), text.len());
        assert!(wrapped.text.lines().count() >= 3);
        assert!(wrapped.text.lines().all(|l| l.len() <= WRAP_COLUMN + 5));
    }
}
