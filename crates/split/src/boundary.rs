//! Finds the sentence boundaries of a text in one forward pass over its bytes.
//!
//! A candidate is a run of terminal punctuation (`.`, `?`, `!`, `…`) with the
//! closing quotes and brackets right after it, followed by white space; or a
//! line break. Each candidate is decided from the word before it
//! ([`crate::abbrev`]) and the first characters after it. Work per byte is
//! constant, apart from looking back over the single word before a candidate.

use crate::abbrev::{classify, is_sentence_starter, WordKind};

/// Longest word looked at before a period; longer runs are plain words.
const MAX_WORD: usize = 32;

/// Bytes looked at after a quotation for its attribution ("Franken asked").
const MAX_ATTRIBUTION: usize = 64;

/// Byte offsets at which `text` is cut into sentences, ascending, each on a
/// char boundary and strictly inside `0..text.len()`.
pub(crate) fn cuts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if is_terminal_start(bytes, i) {
            let end = cluster_end(text, i);
            let gap = Gap::after(text, end);
            let spaced = gap.next > end && gap.next < bytes.len();
            if (spaced && decide_terminal(text, i, end, &gap))
                || (gap.next == end && missing_space(text, i, end))
            {
                cuts.push(end);
            }
            i = gap.next.max(end);
        } else if b == b'\n' {
            let run_start = whitespace_start(text, i);
            let gap = Gap::after(text, run_start);
            if gap.next < bytes.len() && run_start > 0 && decide_line_break(text, run_start, &gap) {
                cuts.push(run_start);
            }
            i = gap.next.max(i + 1);
        } else {
            i += bytes[i + 1..]
                .iter()
                .position(|&b| MAY_START_CANDIDATE[usize::from(b)])
                .map_or(bytes.len() - i, |skip| skip + 1);
        }
    }
    cuts
}

/// Bytes that may start a candidate: `.`, `?`, `!`, a line break, and 0xE2,
/// the lead byte of `…`.
static MAY_START_CANDIDATE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'?' as usize] = true;
    table[b'!' as usize] = true;
    table[b'\n' as usize] = true;
    table[0xE2] = true;
    table
};

/// The white space between a candidate and the next sentence's first byte.
struct Gap {
    /// Offset of the first non-white-space char after the candidate.
    next: usize,
    /// Line breaks in the white space.
    line_breaks: usize,
}

impl Gap {
    fn after(text: &str, from: usize) -> Gap {
        let mut line_breaks = 0;
        let mut next = text.len();
        for (offset, c) in text[from..].char_indices() {
            if c == '\n' {
                line_breaks += 1;
            } else if !c.is_whitespace() {
                next = from + offset;
                break;
            }
        }
        Gap { next, line_breaks }
    }
}

fn is_terminal_start(bytes: &[u8], i: usize) -> bool {
    matches!(bytes[i], b'.' | b'?' | b'!') || bytes[i..].starts_with("…".as_bytes())
}

/// End of the terminal punctuation starting at `start` together with the
/// closing quotes and brackets that follow it: `?”`, `."`, `.)`, `!’”`.
fn cluster_end(text: &str, start: usize) -> usize {
    let mut end = start;
    for (offset, c) in text[start..].char_indices() {
        if !matches!(
            c,
            '.' | '?' | '!' | '…' | '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '›'
        ) {
            break;
        }
        end = start + offset + c.len_utf8();
    }
    end
}

/// Start of the white-space run that contains the line break at `newline`.
fn whitespace_start(text: &str, newline: usize) -> usize {
    text[..newline]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_whitespace())
        .last()
        .map_or(newline, |(offset, _)| offset)
}

/// How the text after a candidate begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// An upper-case letter, possibly after opening quotes or brackets.
    Capital {
        /// The word usually opens sentences ("The", "He", "But").
        starter: bool,
        /// An opening bracket comes first: "(Associated Press)".
        bracketed: bool,
    },
    /// A digit, possibly after opening quotes or brackets.
    Digit,
    /// A lower-case letter, possibly after a quote: the sentence goes on.
    Lower,
    /// A dash or a comma-like mark: the sentence goes on.
    Continuation,
    /// A web address: "http://…", "www.…".
    Url,
    /// Anything else (bullets, symbols, an ellipsis).
    Other,
}

fn opening(text: &str, at: usize) -> Opening {
    let rest = &text[at..];
    if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") {
        return Opening::Url;
    }
    let mut bracketed = false;
    for (offset, c) in rest.char_indices() {
        match c {
            '"' | '\'' | '“' | '‘' | '«' => continue,
            '(' | '[' => {
                bracketed = true;
                continue;
            }
            _ => {}
        }
        return if c.is_lowercase() {
            Opening::Lower
        } else if c.is_uppercase() {
            Opening::Capital {
                starter: is_sentence_starter(ascii_word(&rest[offset..])),
                bracketed,
            }
        } else if c.is_numeric() {
            Opening::Digit
        } else if matches!(c, '-' | '—' | '–' | ',' | ';' | ':' | '%') {
            Opening::Continuation
        } else {
            Opening::Other
        };
    }
    Opening::Other
}

/// The run of ASCII letters at the start of `text`.
fn ascii_word(text: &str) -> &str {
    let len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    &text[..len]
}

/// Scraped text sometimes drops the space between sentences:
/// "symptoms of Ebola.The CDC says", "on the run!The animal". A single `.`, `?`
/// or `!` between a word ending in three lower-case letters and a capitalised
/// word is taken as a boundary; "U.S.The", "e.g.It" and "CBSMIAMI.COM" are not.
fn missing_space(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let after = &bytes[end..];
    if end - start != 1
        || after.len() < 2
        || !after[0].is_ascii_uppercase()
        || !after[1].is_ascii_lowercase()
    {
        return false;
    }
    let before = &bytes[..start];
    let count_back = |keep: fn(&u8) -> bool| {
        before
            .iter()
            .rev()
            .take(MAX_WORD + 1)
            .take_while(|b| keep(b))
            .count()
    };
    let word = count_back(|b| b.is_ascii_alphanumeric() || *b == b'.');
    count_back(u8::is_ascii_lowercase) >= 3
        && word == count_back(u8::is_ascii_alphabetic)
        && word <= MAX_WORD
}

/// Whether the punctuation at `start..end`, followed by `gap`, ends a sentence.
fn decide_terminal(text: &str, start: usize, end: usize, gap: &Gap) -> bool {
    if gap.line_breaks >= 2 {
        return true;
    }
    let next = opening(text, gap.next);
    match next {
        Opening::Lower | Opening::Continuation => return false,
        Opening::Url => return true,
        _ => {}
    }
    let cluster = &text[start..end];
    if cluster.contains('…') || cluster.contains("..") {
        return decide_ellipsis(text, start, next);
    }
    if cluster.contains(['?', '!']) {
        return !(ends_in_quote(cluster) && attribution_follows(&text[gap.next..]));
    }
    // "?”" and "(R-S.C.)." end the sentence whatever the word before is.
    if !cluster.starts_with('.') || cluster[1..].contains('.') {
        return true;
    }
    let word = word_before(text, start + 1);
    match classify(word, at_line_start(text, start + 1 - word.len())) {
        WordKind::Plain => true,
        WordKind::Title | WordKind::ListMarker => false,
        WordKind::BeforeNumber => next != Opening::Digit,
        WordKind::Ambiguous => match next {
            Opening::Capital { starter, .. } => {
                starter
                    || gap.line_breaks > 0
                    || (is_clock_time(word) && !continues_time(text, gap.next))
            }
            Opening::Digit => gap.line_breaks > 0,
            _ => true,
        },
    }
}

/// An ellipsis ends a sentence before a capital, unless it stands alone after
/// a finished sentence ("… I take"), where it belongs to the next one, or a
/// bracket follows ("the latest... (Associated Press)").
fn decide_ellipsis(text: &str, start: usize, next: Opening) -> bool {
    let before = text[..start].chars().next_back();
    if before.is_some_and(char::is_whitespace) {
        let previous = text[..start].trim_end().chars().next_back();
        if matches!(previous, Some('.' | '?' | '!' | '”' | '"' | '’')) {
            return false;
        }
    }
    match next {
        Opening::Capital { bracketed, .. } => !bracketed,
        Opening::Digit | Opening::Other => true,
        _ => false,
    }
}

fn ends_in_quote(cluster: &str) -> bool {
    cluster.ends_with(['"', '\'', '”', '’'])
}

/// Whether the words after a quotation ending in `?` or `!` attribute it
/// ("Franken asked.", "Sheen, 45, said"): then the sentence goes on.
fn attribution_follows(rest: &str) -> bool {
    let mut window = rest.len().min(MAX_ATTRIBUTION);
    while !rest.is_char_boundary(window) {
        window -= 1;
    }
    rest[..window]
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
        .filter(|word| !word.is_empty())
        .take(4)
        .any(|word| is_speech_verb(word.trim_end_matches('.')))
}

fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "tweeted"
            | "shouted"
            | "yelled"
            | "replied"
            | "replies"
            | "continued"
            | "explained"
            | "insisted"
            | "joked"
            | "wondered"
            | "demanded"
            | "exclaimed"
            | "noted"
            | "declared"
            | "cried"
            | "screamed"
            | "responded"
            | "answered"
            | "recalled"
    )
}

/// "a.m." and "p.m.": followed by a capital they end the sentence unless the
/// capital continues the time ("5 p.m. Friday", "8 p.m. ET").
fn is_clock_time(word: &str) -> bool {
    word.eq_ignore_ascii_case("a.m.") || word.eq_ignore_ascii_case("p.m.")
}

fn continues_time(text: &str, at: usize) -> bool {
    matches!(
        ascii_word(&text[at..]),
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Mon"
            | "Tue"
            | "Tues"
            | "Wed"
            | "Thu"
            | "Thurs"
            | "Fri"
            | "Sat"
            | "Sun"
            | "ET"
            | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "GMT"
            | "UTC"
            | "BST"
            | "Eastern"
            | "Central"
            | "Mountain"
            | "Pacific"
            | "Jan"
            | "January"
            | "Feb"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "Aug"
            | "August"
            | "Sept"
            | "September"
            | "Oct"
            | "October"
            | "Nov"
            | "November"
            | "Dec"
            | "December"
            | "Local"
    )
}

/// Whether a single line break (without terminal punctuation before it) ends a
/// sentence or a headline. A blank line always does; a line break that only
/// wraps prose (lower case or a dash after it, a comma before it) does not.
fn decide_line_break(text: &str, run_start: usize, gap: &Gap) -> bool {
    if gap.line_breaks >= 2 {
        return true;
    }
    let before = text[..run_start].chars().next_back();
    if matches!(before, Some(',' | ';' | '-' | '–' | '—' | '(' | '&' | '/')) {
        return false;
    }
    !matches!(
        opening(text, gap.next),
        Opening::Lower | Opening::Continuation
    )
}

/// The ASCII word (letters, digits, periods) that ends at `end` (just after its
/// final period), or "" if it is too long to be an abbreviation.
fn word_before(text: &str, end: usize) -> &str {
    let bytes = &text.as_bytes()[..end];
    let len = bytes
        .iter()
        .rev()
        .take(MAX_WORD + 1)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'.')
        .count();
    if len > MAX_WORD {
        return "";
    }
    &text[end - len..end]
}

/// Whether only white space precedes `word_start` on its line.
fn at_line_start(text: &str, word_start: usize) -> bool {
    text.as_bytes()[..word_start]
        .iter()
        .rev()
        .take_while(|&&b| b != b'\n')
        .all(u8::is_ascii_whitespace)
}
