//! HTML parsing with a bounded nesting depth.
//!
//! html5ever follows the HTML standard, whose tree construction checks "is there a `p` (or `li`,
//! `button`…) element in scope" by walking the stack of open elements down to a scope boundary for
//! nearly every start tag. In `<ul><li>` nested 60,000 deep no boundary is ever met, so each tag
//! walks the whole stack and the parse takes time quadratic in the depth (16,000 levels: 1.4 s;
//! 60,000: over 20 s). Browsers cap the depth of the tree instead (Chromium at 512 levels).
//!
//! This module does the same between html5ever's tokenizer and its tree builder: before a start
//! tag reaches the tree builder, the nodes the builder holds (open elements, plus the active
//! formatting elements and a few pointers) are counted. From [`MAX_OPEN_ELEMENTS`] on, start tags
//! are dropped, together with as many end tags of the same names, so deeper markup is flattened:
//! its text lands in the deepest element kept, none of it is lost. Void elements (`<br>`, `<img>`…)
//! and raw-text elements (`<script>`, `<style>`, `<textarea>`…, whose content must not be read as
//! markup or shown as text) are still let through for [`SLACK`] more nodes. Every scan the tree
//! builder makes is then at most a constant long, and parsing is linear in the page size.
//!
//! Formatting start tags (`<b>`, `<font>`, `<a>`…) are also dropped once the tree builder's list
//! of active formatting elements may hold [`MAX_ACTIVE_FORMATTING`] entries: the standard
//! re-creates every entry left open after each closed block, so `<p><b id=1>x</p><p><b id=2>x</p>…`
//! would otherwise build a number of elements quadratic in the page.
//!
//! Pages below the cap (real news pages nest at most ~60 deep) get exactly the tree
//! `scraper::Html::parse_document` builds: the same tokenizer, tree builder and options are used,
//! and every token reaches the tree builder unchanged.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{ElemName, Tracer, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{ns, LocalName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};

/// Most nodes held by the tree builder (open elements, active formatting elements, document, head and
/// form pointers) before start tags are dropped: the maximum nesting depth kept, give or take a few.
pub(crate) const MAX_OPEN_ELEMENTS: usize = 512;

/// Void and raw-text elements are still let in for this many more held nodes.
pub(crate) const SLACK: usize = 32;

/// Most entries in the tree builder's list of active formatting elements before formatting start
/// tags are dropped. Each text after a closed block re-creates the entries whose elements are
/// closed, so `<p><b id=1>x</p><p><b id=2>x</p>…` would otherwise build a number of elements
/// quadratic in the page (bounded by the depth cap alone: 512 a paragraph).
pub(crate) const MAX_ACTIVE_FORMATTING: usize = 16;

/// Tags that enter the list of active formatting elements.
const FORMATTING_TAGS: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that are never pushed on the stack of open elements in HTML content.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose content the tokenizer reads as text (switched by the tree builder on the start tag).
const RAW_TEXT_TAGS: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// A parsed page and how many start tags were dropped to keep its depth bounded.
pub(crate) struct Parsed {
    pub document: Html,
    pub flattened_tags: usize,
}

/// Parses a whole document as `scraper::Html::parse_document` does, with the nesting depth capped.
pub(crate) fn parse_document(html: &str) -> Parsed {
    let sink = HtmlTreeSink::new(Html::new_document());
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(DepthCapped::new(builder), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    // `Script` and `EncodingIndicator` results only pause the tokenizer (for a browser to run the
    // script or switch encodings); the text is already decoded, so go on to the end as html5ever's
    // own driver does.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let DepthCapped {
        builder, flattened, ..
    } = tokenizer.sink;
    Parsed {
        document: builder.sink.finish(),
        flattened_tags: flattened.get(),
    }
}

/// The token sink between tokenizer and tree builder that drops start tags beyond the depth cap.
struct DepthCapped<Handle, Sink> {
    builder: TreeBuilder<Handle, Sink>,
    /// A lower bound of the nodes the tree builder holds, known to be at least the cap; `None` once
    /// a token that may have closed elements went through.
    held_at_least: Cell<Option<usize>>,
    /// Start tags dropped, by name, whose end tags are still to be dropped.
    unclosed_drops: RefCell<HashMap<LocalName, usize>>,
    /// Start tags dropped in all.
    flattened: Cell<usize>,
    /// Buffer for the handles traced.
    traced: RefCell<Vec<Handle>>,
}

impl<Handle: Clone, Sink: TreeSink<Handle = Handle>> DepthCapped<Handle, Sink> {
    fn new(builder: TreeBuilder<Handle, Sink>) -> Self {
        DepthCapped {
            builder,
            held_at_least: Cell::new(None),
            unclosed_drops: RefCell::new(HashMap::new()),
            flattened: Cell::new(0),
            traced: RefCell::new(Vec::new()),
        }
    }

    /// Counts the nodes the tree builder holds and bounds its active formatting elements from
    /// above (time linear in that count, itself bounded). The formatting elements are traced after
    /// the open elements and before the head and form pointers, so they all lie in the run of
    /// formatting elements (`b`, `i`, `a`…) that ends the trace, head and form left aside.
    fn held_nodes(&self) -> (usize, usize) {
        let collector = Collector {
            handles: RefCell::new(std::mem::take(&mut *self.traced.borrow_mut())),
        };
        self.builder.trace_handles(&collector);
        let mut handles = collector.handles.into_inner();
        let sink = &self.builder.sink;
        let html_named = |handle: &Handle, names: &[&str]| {
            let name = sink.elem_name(handle);
            *name.ns() == ns!(html) && names.contains(&&**name.local_name())
        };
        // The document node comes first and is no element.
        let mut rest = handles.get(1..).unwrap_or_default();
        for _ in 0..2 {
            if let Some((last, before)) = rest.split_last() {
                if html_named(last, &["head", "form"]) {
                    rest = before;
                }
            }
        }
        let formatting = rest
            .iter()
            .rev()
            .take_while(|h| html_named(h, FORMATTING_TAGS))
            .count();
        let held = handles.len();
        handles.clear();
        *self.traced.borrow_mut() = handles;
        (held, formatting)
    }

    /// True when the start tag `name` must be dropped to keep the depth and the list of active
    /// formatting elements bounded.
    fn must_drop(&self, name: &LocalName) -> bool {
        let exempt = VOID_TAGS.contains(&&**name) || RAW_TEXT_TAGS.contains(&&**name);
        let over = |held: usize| {
            held >= MAX_OPEN_ELEMENTS + SLACK || (held >= MAX_OPEN_ELEMENTS && !exempt)
        };
        if self.held_at_least.get().is_some_and(over) {
            return true;
        }
        let (held, formatting) = self.held_nodes();
        self.held_at_least
            .set((held >= MAX_OPEN_ELEMENTS).then_some(held));
        over(held) || (formatting >= MAX_ACTIVE_FORMATTING && FORMATTING_TAGS.contains(&&**name))
    }
}

impl<Handle: Clone, Sink: TreeSink<Handle = Handle>> TokenSink for DepthCapped<Handle, Sink> {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        match &token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                if self.must_drop(&tag.name) {
                    *self
                        .unclosed_drops
                        .borrow_mut()
                        .entry(tag.name.clone())
                        .or_default() += 1;
                    self.flattened.set(self.flattened.get() + 1);
                    return TokenSinkResult::Continue;
                }
                // A start tag may close elements (`<li>`, `<p>`, `<hr>`…).
                self.held_at_least.set(None);
            }
            Token::TagToken(tag) => {
                if let Some(count) = self.unclosed_drops.borrow_mut().get_mut(&tag.name) {
                    if *count > 0 {
                        *count -= 1;
                        return TokenSinkResult::Continue;
                    }
                }
                self.held_at_least.set(None);
            }
            // Whitespace, comments and parse errors never close an element.
            Token::CharacterTokens(text) if text.chars().all(|c| c.is_ascii_whitespace()) => {}
            Token::CommentToken(_) | Token::ParseError(_) => {}
            _ => self.held_at_least.set(None),
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        TokenSink::end(&self.builder);
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        TokenSink::adjusted_current_node_present_but_not_in_html_namespace(&self.builder)
    }
}

/// Collects the handles the tree builder reports, in order.
struct Collector<Handle> {
    handles: RefCell<Vec<Handle>>,
}

impl<Handle: Clone> Tracer for Collector<Handle> {
    type Handle = Handle;

    fn trace_handle(&self, node: &Handle) {
        self.handles.borrow_mut().push(node.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(document: &Html) -> usize {
        let mut depth = 0usize;
        let mut max = 0usize;
        for edge in document.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(_) => {
                    depth += 1;
                    max = max.max(depth);
                }
                ego_tree::iter::Edge::Close(_) => depth -= 1,
            }
        }
        max
    }

    #[test]
    fn ordinary_pages_parse_as_scraper_parses_them() {
        let pages = [
            "<!DOCTYPE html><html><head><meta charset=utf-8><title>T</title><script>if (a<b) x()</script></head>\
             <body><p>One<p>Two<ul><li>a<li>b</ul><table><td>cell</table><b><i>x</b>y</i>\
             <svg><g/><title>t</title></svg><textarea><b>raw</b></textarea><pre>\nz</pre></body>",
            "plain text, no markup at all",
            "<p>unclosed <b>bold <a href=x>link",
        ];
        for page in pages {
            let ours = parse_document(page);
            assert_eq!(ours.flattened_tags, 0);
            assert_eq!(
                ours.document.html(),
                Html::parse_document(page).html(),
                "{page}"
            );
        }
    }

    #[test]
    fn the_test_pages_parse_as_scraper_parses_them() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut pages = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if !path.to_string_lossy().ends_with(".html.gz") {
                continue;
            }
            let bytes = crate::input::gunzip(&std::fs::read(&path).unwrap()).unwrap();
            let html = String::from_utf8_lossy(&bytes);
            let ours = parse_document(&html);
            assert_eq!(ours.flattened_tags, 0);
            assert!(
                ours.document.html() == Html::parse_document(&html).html(),
                "{path:?}"
            );
            pages += 1;
        }
        assert!(pages >= 3);
    }

    #[test]
    fn deep_nesting_is_capped_and_its_text_kept() {
        let page = format!(
            "<html><body>{}deep text<script>var a = '<b>';</script>{}after</body></html>",
            "<ul><li>".repeat(5_000),
            "</li></ul>".repeat(5_000)
        );
        let parsed = parse_document(&page);
        assert!(parsed.flattened_tags > 9_000, "{}", parsed.flattened_tags);
        assert!(depth(&parsed.document) <= MAX_OPEN_ELEMENTS + SLACK);
        let text: String = parsed.document.root_element().text().collect();
        assert!(text.contains("deep text"), "{text}");
        assert!(text.contains("after"), "{text}");
        let html = parsed.document.html();
        assert!(html.contains("<script>var a = '<b>';</script>"), "{html}");
    }

    #[test]
    fn misnested_formatting_elements_are_not_recreated_without_bound() {
        let paragraphs = 4_000;
        let page: String = (0..paragraphs)
            .map(|i| format!("<p><b id=b{i}>word {i}</p>"))
            .collect();
        let parsed = parse_document(&page);
        let nodes = parsed.document.tree.nodes().count();
        // Unbounded, paragraph i re-creates the i `b` elements before it: 8 million elements.
        assert!(
            nodes < paragraphs * (MAX_ACTIVE_FORMATTING + 8),
            "{nodes} nodes"
        );
        let text: String = parsed.document.root_element().text().collect();
        assert!(text.contains("word 3999"));
    }
}
