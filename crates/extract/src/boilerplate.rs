//! Recognises page elements that are never article text: navigation, ads, share buttons, comment
//! sections, related-article lists, cookie banners, captions and credits, hidden elements. The
//! decision uses the tag, ARIA roles, visibility attributes and class/id hints.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use scraper::node::Element;

/// Tags whose content is never article body text.
const JUNK_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "button",
    "select",
    "option",
    "textarea",
    "input",
    "iframe",
    "svg",
    "canvas",
    "object",
    "embed",
    "video",
    "audio",
    "figure",
    "figcaption",
    "picture",
    "header",
    "h1",
    "dialog",
    "menu",
    "address",
    "head",
    "title",
    "meta",
    "link",
    "math",
];

/// ARIA roles of page furniture.
const JUNK_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
];

/// Class/id fragments that mark boilerplate even inside an element that also looks like content.
const STRONG_HINTS: &[&str] = &[
    "comment",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscri",
    "cookie",
    "consent",
    "promo",
    "advert",
    "sponsor",
    "sidebar",
    "recommend",
    "outbrain",
    "taboola",
    "caption",
    "credit",
    "byline",
    "breadcrumb",
    "popular",
    "trending",
    "signup",
    "sign-up",
    "popup",
    "disqus",
    "author-bio",
    "authorbio",
    "sr-only",
    "visually-hidden",
    "screen-reader",
    "visuallyhidden",
    "most-read",
    "mostread",
    "more-stories",
    "recirc",
    "gdpr",
    "paywall",
    "tooltip",
    "dateline",
    "timestamp",
    "copyright",
    "disclaimer",
];

/// Class/id words that mark boilerplate unless the element also looks like content.
const WEAK_HINTS: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "footer",
    "header",
    "banner",
    "masthead",
    "widget",
    "ad",
    "ads",
    "meta",
    "tags",
    "tag",
    "print",
    "skip",
    "pagination",
    "pager",
    "login",
    "utility",
    "toolbar",
    "rail",
    "aside",
    "extra",
    "links",
    "topics",
    "categories",
    "author",
    "date",
    "hidden",
    "hide",
    "overlay",
    "alert",
    "bottom",
    "top",
];

/// Class/id words that mark article content.
const CONTENT_HINTS: &[&str] = &[
    "article", "body", "content", "entry", "main", "story", "post", "text", "column",
];

/// How sure the page furniture verdict on an element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Possibly article text.
    Keep,
    /// Boilerplate judged from class/id names alone: overruled when it holds most of the page's prose.
    HintedJunk,
    /// Boilerplate by tag, role or visibility.
    Junk,
}

/// What an element's tag and attributes say about it (and so about everything inside it).
pub(crate) struct Judgement {
    pub verdict: Verdict,
    /// Its text is not shown (script-like tags, hidden attributes and styles).
    pub invisible: bool,
    /// Class/id word groups ([`HINT_GROUPS`]), one bit each.
    pub hints: u32,
    /// The element declares itself the article body.
    pub marked_as_body: bool,
    /// The tag with its lower-cased class and id, hashed: elements alike in markup share it.
    pub markup_key: u64,
}

/// The attributes the judgement reads, looked up in one pass.
#[derive(Default)]
struct Attributes<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    hidden: bool,
    role: Option<&'a str>,
    itemprop: Option<&'a str>,
}

/// Judges an element from its tag and attributes.
pub(crate) fn judge(element: &Element) -> Judgement {
    let mut attributes = Attributes::default();
    for (name, value) in element.attrs() {
        match name {
            "class" => attributes.class = Some(value),
            "id" => attributes.id = Some(value),
            "hidden" => attributes.hidden = true,
            "aria-hidden" if value.eq_ignore_ascii_case("true") => attributes.hidden = true,
            "style" if is_hidden_style(value) => attributes.hidden = true,
            "role" => attributes.role = Some(value),
            "itemprop" => attributes.itemprop = Some(value),
            _ => {}
        }
    }
    let name = element.name();
    let lowered: Vec<String> = [attributes.class, attributes.id]
        .into_iter()
        .flatten()
        .map(str::to_ascii_lowercase)
        .collect();
    let verdict = if is_junk(name, &attributes) {
        Verdict::Junk
    } else if hinted_junk(name, &lowered) {
        Verdict::HintedJunk
    } else {
        Verdict::Keep
    };
    Judgement {
        verdict,
        invisible: INVISIBLE_TAGS.contains(&name) || attributes.hidden,
        hints: hint_bits(&lowered),
        marked_as_body: marked_as_body(&attributes, &lowered),
        markup_key: markup_key(name, &lowered),
    }
}

/// FNV-1a of the tag name and the lower-cased class and id values.
fn markup_key(name: &str, lowered: &[String]) -> u64 {
    let parts = std::iter::once(name).chain(lowered.iter().map(String::as_str));
    parts.fold(0xcbf2_9ce4_8422_2325, |hash, part| {
        part.bytes().chain([0]).fold(hash, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    })
}

/// Tags whose content is never shown as text on the page.
const INVISIBLE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "select", "option", "textarea", "iframe", "object", "embed", "canvas", "video", "audio",
    "input", "button",
];

/// Generic class/id words, one group per bit of [`hint_bits`] (names no site in particular).
pub(crate) const HINT_GROUPS: &[&[&str]] = &[
    &["comment", "disqus", "reply", "respon"],
    &["footer", "foot", "copyright", "disclaimer"],
    &["share", "sharing", "social", "tweet", "facebook"],
    &[
        "related",
        "recommend",
        "more",
        "popular",
        "trending",
        "recirc",
        "also",
        "next",
        "prev",
    ],
    &["nav", "menu", "breadcrumb", "pagination", "pager", "skip"],
    &["advert", "promo", "sponsor", "banner", "dfp", "gpt"],
    &[
        "caption", "credit", "photo", "image", "img", "gallery", "media", "video", "figure",
    ],
    &["byline", "author", "bio", "contributor"],
    &["date", "time", "stamp", "dateline", "updated", "publish"],
    &["tag", "topic", "categor", "keyword"],
    &[
        "subscri",
        "newsletter",
        "signup",
        "sign-up",
        "login",
        "regist",
        "paywall",
    ],
    &["header", "masthead", "top", "logo", "brand"],
    &[
        "sidebar", "rail", "aside", "widget", "column", "right", "left",
    ],
    &[
        "article", "body", "content", "entry", "story", "post", "text", "main",
    ],
    &["title", "headline", "heading", "hed"],
    &[
        "summary",
        "lead",
        "intro",
        "dek",
        "standfirst",
        "teaser",
        "excerpt",
    ],
];

/// One bit per [`HINT_GROUPS`] entry whose words occur in the (lower-cased) class or id.
fn hint_bits(lowered: &[String]) -> u32 {
    static FINDER: OnceLock<Option<(AhoCorasick, Vec<u32>)>> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        let mut words = Vec::new();
        let mut bits = Vec::new();
        for (bit, group) in HINT_GROUPS.iter().enumerate() {
            for word in *group {
                words.push(*word);
                bits.push(1u32 << bit);
            }
        }
        let finder = AhoCorasick::builder().build(words).ok()?;
        Some((finder, bits))
    });
    let Some((finder, word_bits)) = finder else {
        return 0;
    };
    let mut bits = 0u32;
    for value in lowered {
        for found in finder.find_overlapping_iter(value.as_str()) {
            bits |= word_bits
                .get(found.pattern().as_usize())
                .copied()
                .unwrap_or(0);
        }
        if value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "ad" || w == "ads")
        {
            bits |= 1 << 5;
        }
    }
    bits
}

fn is_junk(name: &str, attributes: &Attributes) -> bool {
    JUNK_TAGS.contains(&name)
        || attributes.hidden
        || attributes
            .role
            .is_some_and(|role| JUNK_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
}

fn hinted_junk(name: &str, lowered: &[String]) -> bool {
    if name == "body" || name == "html" || name == "article" || name == "main" {
        return false;
    }
    let mut hints = String::new();
    for value in lowered {
        hints.push_str(value);
        hints.push(' ');
    }
    hints_are_junk(&hints)
}

/// Class/id fragments by which pages name their article-body container.
const BODY_MARKS: &[&str] = &[
    "article-body",
    "articlebody",
    "article_body",
    "story-body",
    "storybody",
    "entry-content",
    "post-content",
    "article-content",
    "articlecontent",
    "post-body",
    "story-content",
    "article-text",
    "body-text",
];

/// True when the element declares itself the article body.
fn marked_as_body(attributes: &Attributes, lowered: &[String]) -> bool {
    attributes
        .itemprop
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
        || lowered
            .iter()
            .any(|value| BODY_MARKS.iter().any(|mark| value.contains(mark)))
}

fn is_hidden_style(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// Decides from the lower-cased class and id values.
fn hints_are_junk(hints: &str) -> bool {
    if hints.trim().is_empty() {
        return false;
    }
    let mut hints = hints.replace("commentary", "opinion").replace("shared", "");
    if hints.contains("embed") {
        // An embedded post (tweet, video) quoted by the article, not a share bar.
        hints = hints.replace("social", "").replace("share", "");
    }
    if STRONG_HINTS.iter().any(|hint| hints.contains(hint)) {
        return true;
    }
    let words: Vec<&str> = hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let weak = words.iter().any(|w| WEAK_HINTS.contains(w));
    let content = words
        .iter()
        .any(|w| CONTENT_HINTS.iter().any(|hint| w.contains(hint)));
    weak && !content
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_hints_decide() {
        assert!(hints_are_junk("social-share-bar "));
        assert!(hints_are_junk("comments-section "));
        assert!(hints_are_junk("site-nav "));
        assert!(!hints_are_junk("article-body "));
        assert!(!hints_are_junk("nav article-content "));
        assert!(!hints_are_junk("commentary-body "));
        assert!(!hints_are_junk("headline-wrapper "));
        assert!(!hints_are_junk("social-media-embed "));
        assert!(hints_are_junk("image-embed-caption "));
    }

    #[test]
    fn hidden_styles_are_junk() {
        assert!(is_hidden_style("color: red; display: none"));
        assert!(!is_hidden_style("display:block"));
    }
}
