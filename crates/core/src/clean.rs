//! Clean: separating an article's own text from the web junk around it.
//!
//! Scraped articles carry site chrome ("Skip to main content"), photo captions and credits
//! ("Kevin Lamarque / Reuters"), URL slugs, bylines, share and comment prompts, source lists and embedded-widget
//! boilerplate. [`clean`] classifies each line of an article and returns the kept ones as [`Block`]s: byte
//! ranges into the original text, so every later span still points into the article as it was given.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{packed, AhoCorasick};

/// What a kept line of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's headline (its first kept line, when it reads like one).
    Headline,
    /// A subheading, pull quote or other short line that is not prose.
    Heading,
    /// Article prose.
    Paragraph,
}

/// A kept line of an article, as a byte range into its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub range: Range<usize>,
    pub kind: BlockKind,
    /// Words of the line, counted up to [`WORD_COUNT_CAP`].
    pub words: usize,
    /// Whether the whole line went through the junk tests (all kept lines do, but for a long line that
    /// ends a caption left without its credit).
    pub tested: bool,
    /// Whether the line holds a web address, link prompt or log-in wall (then so may its sentences;
    /// otherwise none of them does).
    pub web_prompt: bool,
}

/// Why a line was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Junk {
    /// Navigation, widgets, prompts: "Skip to main content", "Popular Video", "One comment".
    Chrome,
    /// A photo caption or credit.
    Caption,
    /// A URL or a URL slug repeating the headline.
    Slug,
    /// A byline or author/updated stub.
    Byline,
    /// A list of sources at the foot of the article.
    SourceList,
    /// Embedded-tweet, cookie, newsletter and archive boilerplate.
    Boilerplate,
}

/// An article split into kept blocks and dropped junk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub blocks: Vec<Block>,
    pub dropped: Vec<(Range<usize>, Junk)>,
}

/// Classifies each line of `text`, keeping prose, headline and headings and dropping junk.
pub fn clean(text: &str) -> Cleaned {
    let lines: Vec<Range<usize>> = nonblank_lines(text).collect();
    // ASCII lowercasing keeps every byte where it was, so line ranges index both texts.
    let lowered = text.to_ascii_lowercase();
    let credits: Vec<bool> = lines.iter().map(|r| is_credit(&text[r.clone()])).collect();
    let mut cleaned = Cleaned::default();
    let mut in_caption = false;
    for (i, range) in lines.iter().enumerate() {
        let line = &text[range.clone()];
        let n = words(line);
        let credit = credits[i];
        let next_is_credit = credits.get(i + 1).copied().unwrap_or(false);
        let verdict = if in_caption {
            Some(Junk::Caption)
        } else {
            junk_kind(line, &lowered[range.clone()], credit, n)
                .or(next_is_credit.then_some(Junk::Caption))
        };
        if line.eq_ignore_ascii_case("open image modal") {
            in_caption = true;
        } else if in_caption && credit {
            in_caption = false;
        } else if in_caption && n > 60 {
            // A caption never runs this long: the credit line was missing, so this is prose again.
            in_caption = false;
            cleaned.blocks.push(Block {
                range: range.clone(),
                kind: BlockKind::Paragraph,
                words: n,
                tested: false,
                web_prompt: WEB_PROMPTS.found_in(&lowered[range.clone()]),
            });
            continue;
        }
        match verdict {
            Some(junk) => cleaned.dropped.push((range.clone(), junk)),
            None => {
                let kind = if cleaned.blocks.is_empty() && reads_as_headline(line, n) {
                    BlockKind::Headline
                } else if reads_as_heading(line, n) {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                cleaned.blocks.push(Block {
                    range: range.clone(),
                    kind,
                    words: n,
                    tested: true,
                    web_prompt: WEB_PROMPTS.found_in(&lowered[range.clone()]),
                });
            }
        }
    }
    cleaned
}

/// True when a sentence is boilerplate that must never reach a summary. (Whole lines are tested by
/// [`clean`] with the phrase tests alone: the reader-prompt test would drop a paragraph for one sentence.)
pub fn is_boilerplate(text: &str) -> bool {
    let lowered = text.to_ascii_lowercase();
    is_boilerplate_counted(&lowered, words(&lowered)) || speaks_to_reader(text, &lowered)
}

/// [`is_boilerplate`] for text already ASCII-lowercased whose words are counted (`n`, up to
/// [`WORD_COUNT_CAP`]). The phrases are lowercase ASCII, so matching them case-sensitively on lowered text
/// lets the matcher use its fast prefilters.
fn is_boilerplate_counted(lowered: &str, n: usize) -> bool {
    STRONG.found_in(lowered)
        || (n <= WEAK_WORDS && (WEAK.found_in(lowered) || is_sign_up_lowered(lowered)))
}

/// A call to the reader to sign up (for a newsletter, a mailing list, alerts): it names something to sign
/// up for and speaks to the reader ("you", "your", "our", or opens with an imperative such as "Sign",
/// "Join", "Get"). A quotation is someone's words, never the site's prompt. `lowered` is ASCII-lowercased.
fn is_sign_up_lowered(lowered: &str) -> bool {
    if !SIGN_UP.found_in(lowered) || lowered.contains(['"', '“', '”']) {
        return false;
    }
    let mut words = lowered
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty());
    let opens_imperative = words.next().is_some_and(|w| IMPERATIVES.contains(&w));
    opens_imperative || words.any(|w| READER.contains(&w))
}

static SIGN_UP: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(SIGN_UP_OBJECTS));

/// What a sign-up prompt asks the reader to sign up for, or how.
const SIGN_UP_OBJECTS: &[&str] = &[
    "newsletter",
    "mailing list",
    "email list",
    "subscribe",
    "subscription",
    "sign up",
    "sign-up",
    "signup",
    "inbox",
    "email alert",
    "e-mail alert",
    "news alert",
];

/// Verbs a sign-up prompt opens with.
const IMPERATIVES: &[&str] = &[
    "sign",
    "subscribe",
    "join",
    "get",
    "fill",
    "enter",
    "register",
    "click",
    "tap",
    "follow",
];

/// Words that speak to the reader (or speak as the site).
const READER: &[&str] = &["you", "your", "you'll", "you're", "you’ll", "you’re", "our"];

/// [`is_boilerplate`] for a sentence of a line that [`clean`] kept, doing only the tests the line's own
/// did not settle: a tested line has no strong phrase, so none of its sentences has one, and when it has at
/// most [`WEAK_WORDS`] words no weak phrase either; whether the sentence speaks to the reader is always tested.
pub fn is_boilerplate_in_line(sentence: &str, line: &Block) -> bool {
    if !line.tested {
        return is_boilerplate(sentence);
    }
    let weak = line.words > WEAK_WORDS && at_most_words(sentence, WEAK_WORDS) && {
        let lowered = sentence.to_ascii_lowercase();
        WEAK.found_in(&lowered) || is_sign_up_lowered(&lowered)
    };
    weak || opens_with_prompt(sentence)
        || (line.web_prompt && WEB_PROMPTS.found_in(&sentence.to_ascii_lowercase()))
}

/// A sentence where the site speaks to its reader, not the news: one with a web address or "click
/// here", or one that opens (outside quotation marks) with a verb telling the reader what to do next ("Send
/// us your photos", "Watch full episodes here", "Let us know in the comments"). Tested per sentence, never
/// per line: such sentences sit inside paragraphs of prose that must stay. `lowered` is the sentence
/// ASCII-lowercased.
fn speaks_to_reader(sentence: &str, lowered: &str) -> bool {
    WEB_PROMPTS.found_in(lowered) || opens_with_prompt(sentence)
}

/// A sentence that opens (outside quotation marks) with a verb telling the reader what to do next.
fn opens_with_prompt(sentence: &str) -> bool {
    if sentence.starts_with(['"', '“', '‘', '\'']) {
        return false;
    }
    let mut words = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let [first, second, third] = [(); 3].map(|()| words.next().unwrap_or(""));
    let is = |word: &str, options: &[&str]| options.iter().any(|o| word.eq_ignore_ascii_case(o));
    is(first, PROMPT_VERBS)
        || (is(first, &["let"]) && is(second, &["us", "me"]) && is(third, &["know"]))
        || (is(first, &["tell", "email"]) && is(second, &["us"]))
}

/// Web addresses, link prompts and log-in walls (lowercase: matched in ASCII-lowercased text, so in any
/// case). Each names the reader or the site's own controls ("Users must log in with two factors" is news;
/// "You must log in to continue." is the site).
static WEB_PROMPTS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(WEB_PROMPT_PHRASES));

const WEB_PROMPT_PHRASES: &[&str] = &[
    "http://",
    "https://",
    "www.",
    "click here",
    "click below",
    "you must log in",
    "you must be logged in",
    "you must sign in",
    "you must be signed in",
    "please log in",
    "please sign in",
    "log in to continue",
    "sign in to continue",
    "log in to comment",
    "sign in to comment",
    "already a subscriber",
];

/// Verbs a site's prompt to its reader opens with; none of them opens a sentence of news as a noun (unlike
/// [`IMPERATIVES`], which only count beside something to sign up for).
const PROMPT_VERBS: &[&str] = &[
    "click",
    "tap",
    "swipe",
    "scroll",
    "watch",
    "send",
    "subscribe",
    "sign",
    "join",
    "download",
    "visit",
    "listen",
    "follow",
];

/// Weak phrases mark only lines of at most this many words.
const WEAK_WORDS: usize = 30;

static STRONG: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(STRONG_PHRASES));
static WEAK: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(WEAK_PHRASES));

/// A matcher for a constant list of lowercase phrases: the SIMD "packed" searcher when the CPU has it,
/// else an Aho-Corasick automaton.
enum Phrases {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
    /// Building failed (it cannot for the constant lists): nothing matches.
    Nothing,
}

impl Phrases {
    fn new(phrases: &[&str]) -> Phrases {
        if let Some(searcher) = packed::Searcher::new(phrases) {
            return Phrases::Packed(searcher);
        }
        match AhoCorasick::new(phrases) {
            Ok(automaton) => Phrases::Automaton(automaton),
            Err(_) => Phrases::Nothing,
        }
    }

    fn found_in(&self, text: &str) -> bool {
        match self {
            Phrases::Packed(searcher) => searcher.find(text).is_some(),
            Phrases::Automaton(automaton) => automaton.is_match(text),
            Phrases::Nothing => false,
        }
    }
}

/// Phrases that mark a line as boilerplate wherever they appear.
const STRONG_PHRASES: &[&str] = &[
    "tweet with a location",
    "location information to your tweets",
    "tweet location history",
    "internet archive",
    "wayback machine",
    "please enable javascript",
    "enable javascript to",
    "all rights reserved",
    "this material may not be published",
    "may not be published, broadcast, rewritten",
    "please verify you're not a robot",
    "you agree to receive occasional updates",
    "thank you for subscribing",
    "continue reading the main story",
    "story continued below",
    "we use cookies",
    "uses cookies",
    "use of cookies",
    "cookie policy",
    "by continuing to use this site",
    "by using this site, you agree",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "breaking news emails",
    "get breaking news alerts",
    "delivered straight to your inbox",
    "delivered straight to your phone",
    "have a tip we should know",
    "click here to",
    "share your thoughts",
    "read the full story",
    "(photo:",
    "photo credit:",
    "image copyright",
    "image caption",
    "getty images",
];

/// Phrases that mark a short line (at most 30 words) as boilerplate.
const WEAK_PHRASES: &[&str] = &[
    "learn more",
    "sign up",
    "subscribe",
    "newsletter",
    "follow us",
    "follow him on",
    "follow her on",
    "like us on facebook",
    "download the",
    "terms of service",
    "privacy policy",
    "advertisement",
    "read more",
    "related:",
    "watch:",
    "click to",
    "@",
];

/// Lines made only of these, after trimming, are chrome.
const CHROME_LINES: &[&str] = &[
    "skip to main content",
    "popular video",
    "open image modal",
    "advertisement",
    "photo",
    "video",
    "play facebook",
    "twitter",
    "facebook",
    "email",
    "print",
    "share",
    "comments",
    "reset",
];

/// How much of a line's start the prefix tests look at.
const HEAD_CHARS: usize = 80;

/// Why `line` is junk, if it is (`lowered`: the line ASCII-lowercased; `credit`: whether it reads as a
/// photo credit; `n`: its words, up to [`WORD_COUNT_CAP`]).
fn junk_kind(line: &str, lowered: &str, credit: bool, n: usize) -> Option<Junk> {
    // Every test below looks at the start of the line or at short lines only.
    let head = lowered
        .char_indices()
        .nth(HEAD_CHARS)
        .map_or(lowered.len(), |(i, _)| i);
    let lower = &lowered[..head];
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if !line.chars().any(char::is_alphabetic) || CHROME_LINES.contains(&bare) {
        return Some(Junk::Chrome);
    }
    if is_comment_prompt(bare) {
        return Some(Junk::Chrome);
    }
    if is_slug(line) {
        return Some(Junk::Slug);
    }
    if is_byline(line, lower, n) {
        return Some(Junk::Byline);
    }
    if lower.starts_with("sources:") || (lower.starts_with("source:") && n <= 20) {
        return Some(Junk::SourceList);
    }
    if credit || is_photo_caption(lower) {
        return Some(Junk::Caption);
    }
    if is_boilerplate_counted(lowered, n) {
        return Some(Junk::Boilerplate);
    }
    None
}

fn is_comment_prompt(bare: &str) -> bool {
    let mut parts = bare.split_whitespace();
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (
            Some("one" | "no" | "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9"),
            Some("comment" | "comments"),
            None
        ) | (Some("leave" | "add" | "post"), Some("a"), Some("comment"))
            | (Some("view"), Some("comments"), None)
    )
}

/// A URL, or a headline repeated as a URL slug ("Recent+U.S.+and+Russian+Relations").
fn is_slug(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.") {
        return !t.contains(' ');
    }
    !t.contains(char::is_whitespace)
        && (t.matches('+').count() >= 2 || t.matches(['-', '_']).count() >= 3)
}

fn is_byline(line: &str, lower: &str, n: usize) -> bool {
    let stub = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let labelled = [
        "author:",
        "updated:",
        "posted:",
        "published:",
        "last updated",
        "written by",
        "reporting by",
    ]
    .iter()
    .any(|p| stub.starts_with(p));
    let by_name = stub.starts_with("by ")
        && n <= 8
        && !ends_sentence(line)
        && line
            .split_whitespace()
            .skip(1)
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w.len() <= 3);
    (labelled && n <= 12) || by_name
}

/// A photo credit: "Kevin Lamarque / Reuters", "Zach Gibson via Getty Images", "Photo: AP".
fn is_credit(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || !at_most_words(t, 10) || ends_sentence(t) {
        return false;
    }
    let lower = t.to_lowercase();
    [
        "photo:",
        "photo by",
        "photo credit",
        "photograph:",
        "image:",
        "image by",
        "credit:",
        "(photo",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || lower.ends_with("getty images")
        || lower.contains(" via ")
        || (t.contains(" / ") || t.contains('/'))
            && t.split_whitespace()
                .all(|w| !w.starts_with(char::is_lowercase) || w.len() <= 4)
}

/// Wire-photo captions: "FILE - In this May 24, 2016, file photo, ..." and "In this Saturday, July 1, 2017, photo, ...".
fn is_photo_caption(lower: &str) -> bool {
    lower.starts_with("file -")
        || lower.starts_with("file –")
        || lower.starts_with("file photo")
        || (lower.starts_with("in this ")
            && lower
                .split_whitespace()
                .take(10)
                .any(|w| w.starts_with("photo")))
}

/// A first line (of `n` words) that is not a full sentence: no final punctuation, or short and title-cased.
fn reads_as_headline(line: &str, n: usize) -> bool {
    n <= 25 && (!ends_sentence(line) || (n <= 16 && title_cased(line)))
}

/// Short lines that are not prose (`n`: the line's words): subheads ("Long Story Short"), pull quotes in single quotes, list labels.
fn reads_as_heading(line: &str, n: usize) -> bool {
    let t = line.trim();
    let pull_quote = t.starts_with('\'') && t.ends_with('\'') && n <= 30;
    pull_quote || (n <= 12 && title_cased(t)) || (n <= 4 && !ends_sentence(t))
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '?', '!', '"', '”', '\'', '’', ')', ':'])
}

/// Most words start with a capital letter or a digit (short function words aside).
fn title_cased(line: &str) -> bool {
    let content: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    content.len() >= 2
        && content
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
            .count()
            * 10
            >= content.len() * 8
}

/// Whether `text` has at most `n` words (walks no further than word `n + 1`).
fn at_most_words(text: &str, n: usize) -> bool {
    text.split_whitespace().nth(n).is_none()
}

/// Most words any test here needs to count: every length test asks "at most 60" or less (a caption
/// runs over 60 words only when its credit line is missing, and such a line is kept untested).
const WORD_COUNT_CAP: usize = 61;

/// The number of words of `text`, counted up to [`WORD_COUNT_CAP`] (long lines are not walked to the end).
fn words(text: &str) -> usize {
    text.split_whitespace().take(WORD_COUNT_CAP).count()
}

/// The byte ranges of the lines of `text` that have something besides white space, trimmed, each without
/// its Markdown mark (see [`markdown_mark`]): the mark is layout, not text, and no span may include it.
fn nonblank_lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let line_start = start;
        start += line.len();
        let trimmed = line.trim();
        let mark = markdown_mark(trimmed);
        let body = trimmed[mark..].trim_start();
        let lead = line.len() - body.len() - (line.len() - line.trim_end().len());
        (!body.is_empty()).then(|| line_start + lead..line_start + lead + body.len())
    })
}

/// The length of the Markdown block mark a trimmed line opens with, or 0: a heading (`#` to `######`), a
/// list item (`*`, `-`, `+`, `•`, or `1.` / `1)`) or a block quote (`>`), each followed by a space.
fn markdown_mark(line: &str) -> usize {
    let bytes = line.as_bytes();
    let spaced = |n: usize| bytes.get(n).is_some_and(|b| *b == b' ' || *b == b'\t');
    let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
    if (1..=6).contains(&hashes) && spaced(hashes) {
        return hashes + 1;
    }
    if let Some(rest) = line.strip_prefix('•') {
        return if rest.starts_with([' ', '\t']) {
            '•'.len_utf8() + 1
        } else {
            0
        };
    }
    if matches!(bytes.first(), Some(b'*' | b'-' | b'+' | b'>')) && spaced(1) {
        return 2;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && spaced(digits + 1)
    {
        return digits + 2;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<&str> {
        clean(text)
            .blocks
            .iter()
            .map(|b| &text[b.range.clone()])
            .collect()
    }

    #[test]
    fn phrases_are_lowercase_ascii() {
        for phrase in STRONG_PHRASES
            .iter()
            .chain(WEAK_PHRASES)
            .chain(SIGN_UP_OBJECTS)
        {
            assert!(
                phrase.is_ascii() && *phrase == phrase.to_ascii_lowercase(),
                "{phrase}"
            );
        }
    }

    #[test]
    fn drops_chrome_credits_slugs_and_prompts() {
        let text = "Skip to main content\n\nRecent U.S. and Russian Relations\nRecent+U.S.+and+Russian+Relations\n \
                    \nBy Dani Graham\n\n  • Author:\n  • Updated:\nThe senator met the ambassador twice.\n\nOpen Image Modal\n\
                    Trump speaks during the swearing-in ceremony on 9 February.\nKevin Lamarque / Reuters\n\
                    He said it was false.\nOne comment\n\nShare Your Thoughts?\n\
                    Sources: The Washington Post (2), CNN / Photo credit: Office of the President-Elect/Wikimedia Commons\n\
                    Popular Video";
        assert_eq!(
            kept(text),
            [
                "Recent U.S. and Russian Relations",
                "The senator met the ambassador twice.",
                "He said it was false."
            ]
        );
    }

    #[test]
    fn caption_followed_by_credit_is_dropped_without_a_marker() {
        let text = "Prose comes first here.\nSessions delivers remarks at the Justice Department.\nZach Gibson via Getty Images\nMore prose.";
        assert_eq!(kept(text), ["Prose comes first here.", "More prose."]);
    }

    #[test]
    fn keeps_offsets_into_the_original() {
        let text = "Headline Here\n\n   Body sentence one.  \n";
        let c = clean(text);
        assert_eq!(c.blocks[0].kind, BlockKind::Headline);
        assert_eq!(&text[c.blocks[1].range.clone()], "Body sentence one.");
        assert_eq!(c.blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn widget_boilerplate() {
        assert!(is_boilerplate(
            "You can add location information to your Tweets, such as your city. Learn more"
        ));
        assert!(is_boilerplate(
            "Advertisement Continue reading the main story"
        ));
        assert!(!is_boilerplate("The company said it would subscribe to the new rules for all its 40,000 employees, \
             a change that unions had demanded for years and that the board had resisted until the strike ended."));
    }

    #[test]
    fn sign_up_prompts_are_boilerplate_and_news_about_lists_is_not() {
        for prompt in [
            "Just fill in your contact details in the form below to join our mailing list and keep up to date.",
            "Get the latest headlines delivered to your inbox every morning.",
            "Join thousands of readers on our email list for weekly updates from the newsroom.",
        ] {
            assert!(is_boilerplate(prompt), "{prompt}");
        }
        for prose in [
            "The hackers stole the company's mailing list of 40,000 customers, the police said.",
            "“Join our mailing list,” the flyer said, before the club folded in March.",
            "Subscriptions to the paper fell by a third after the price rose in 2015.",
        ] {
            assert!(!is_boilerplate(prose), "{prose}");
        }
    }

    #[test]
    fn the_site_speaking_to_its_reader_is_boilerplate() {
        for prompt in [
            "Read or Share this story: http://usat.ly/1a6mXog",
            "For a full recap of the night's big winners, click here.",
            "Send us your images or video from the scene.",
            "Let us know in comments or send an email to the author.",
            "(Watch the full interview on our website tonight at nine.)",
            "You must log in to continue.",
            "Already a subscriber? Please sign in.",
        ] {
            assert!(
                speaks_to_reader(prompt, &prompt.to_ascii_lowercase()),
                "{prompt}"
            );
        }
        for news in [
            "“Tell us whether you would rule against the president,” Grassley said.",
            "Let me offer a premature opinion: the bill will pass the Senate.",
            "Follow-up investigations may reveal different or additional information.",
            "Share prices fell by 4 percent after the company warned on profits.",
            "Watchdog groups said the agency had ignored the complaints for years.",
            "Users must log in with a second code from next month, the bank said.",
        ] {
            assert!(
                !speaks_to_reader(news, &news.to_ascii_lowercase()),
                "{news}"
            );
        }
    }

    #[test]
    fn a_prompt_inside_a_paragraph_leaves_the_paragraph_and_drops_the_sentence() {
        let text =
            "Storms cut power to thousands of homes on Sunday, the utility said. Send us your \
                    photos of the damage. Crews worked through the night to restore it.";
        let doc = crate::document::Document::analyse(text);
        let sentences: Vec<&str> = doc.prose().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(
            sentences,
            [
                "Storms cut power to thousands of homes on Sunday, the utility said.",
                "Crews worked through the night to restore it."
            ]
        );
    }

    #[test]
    fn markdown_marks_are_left_out_of_lines() {
        let text = "# Millbrook floods\n\n* Tom Becker, a diner owner, said it rained.\n  - An indented item here.\n\
                    1. A numbered item here.\n> A quoted block here.\n#hashtag stays\n-5 degrees stays\n* * *\n";
        assert_eq!(
            kept(text),
            [
                "Millbrook floods",
                "Tom Becker, a diner owner, said it rained.",
                "An indented item here.",
                "A numbered item here.",
                "A quoted block here.",
                "#hashtag stays",
                "-5 degrees stays",
            ]
        );
    }

    #[test]
    fn prose_with_slashes_is_kept() {
        let text = "Headline\nThe 24/7 news cycle moved on, as it does.";
        assert_eq!(
            kept(text),
            ["Headline", "The 24/7 news cycle moved on, as it does."]
        );
    }
}
