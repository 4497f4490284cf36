//! The page's visible text cut into blocks (paragraph-like runs of text between block elements) and
//! the features by which the learned block model (`model`) tells article text from the rest: the
//! block's own text (length, link share, punctuation, stopwords), its element (tag, depth, list or
//! table), generic class/id words around it, what the rules say (boilerplate, teaser, inside the
//! chosen container, inside a marked article body), its position and its neighbours.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::body::{Amounts, RuleView};
use crate::boilerplate::{Verdict, HINT_GROUPS};
use crate::paragraphs::{Paragraph, ParagraphWriter};

/// Tag classes of block elements, one feature each; a tag in none of them is in the last class.
pub(crate) const TAG_CLASSES: &[&[&str]] = &[
    &["p"],
    &["div", "section", "article", "main", "center", "form"],
    &["li", "ul", "ol", "dl", "dd", "dt"],
    &["td", "th", "tr", "table", "tbody", "caption"],
    &["h1"],
    &["h2", "h3", "h4", "h5", "h6"],
    &["blockquote", "pre"],
];

/// Number of features of a block.
pub const FEATURES: usize = FIXED_FEATURES.len() + TAG_CLASSES.len() + 1 + 2 * HINT_COUNT;

/// Names of the features that are not one per tag class or hint group, in order.
const FIXED_FEATURES: &[&str] = &[
    "log_chars",
    "link_share",
    "log_words",
    "sentence_marks_per_word",
    "commas_per_word",
    "ends_sentence",
    "stopword_share",
    "digit_share",
    "capitalised_share",
    "mean_word_length",
    "prose",
    "link_heavy",
    "rules_keep",
    "in_container",
    "in_marked_body",
    "junk_tag_or_role",
    "rule_excluded",
    "teaser",
    "before_container",
    "after_container",
    "position_in_page",
    "container_prose_share",
    "no_container",
    "in_list",
    "in_table",
    "log_depth",
    "prev_prose",
    "next_prose",
    "prev_in_container",
    "next_in_container",
    "prev_link_share",
    "next_link_share",
    "prev_log_chars",
    "next_log_chars",
    "window_prose_share",
    "log_blocks_to_container",
    "container_and_prose",
    "container_and_not_prose",
    "container_and_link_share",
    "outside_and_prose",
    "container_and_excluded",
    "element_prose_share",
    "parent_prose_share",
    "grandparent_prose_share",
    "grandparent_link_density",
    "grandparent_prose_density",
];

const HINT_COUNT: usize = HINT_GROUPS.len();

/// Short English function words; their share tells running prose from labels and link lists.
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "is", "was", "are", "were", "be", "been", "has", "have", "had", "that", "this", "it",
    "its", "he", "she", "they", "his", "her", "their", "as", "not", "will", "would", "said",
    "which", "who", "we", "you", "i",
];

/// A block needs this many non-space characters to count as prose.
const MIN_PROSE_CHARS: usize = 40;
/// A block whose link characters exceed this share is not prose.
const MAX_PROSE_LINK_SHARE: f64 = 0.3;
/// Blocks on each side looked at for the share of prose around a block.
const WINDOW: usize = 3;

/// Features of one block.
pub type Features = [f32; FEATURES];

/// The names of the features, in order (for the model file).
pub fn feature_names() -> Vec<String> {
    let mut names: Vec<String> = FIXED_FEATURES.iter().map(|s| s.to_string()).collect();
    for class in TAG_CLASSES {
        names.push(format!("tag_{}", class[0]));
    }
    names.push("tag_other".to_string());
    for group in HINT_GROUPS {
        names.push(format!("hint_around_{}", group[0]));
    }
    for group in HINT_GROUPS {
        names.push(format!("hint_near_{}", group[0]));
    }
    names
}

/// The class index of a tag name.
pub(crate) fn tag_class(name: &str) -> usize {
    TAG_CLASSES
        .iter()
        .position(|class| class.contains(&name))
        .unwrap_or(TAG_CLASSES.len())
}

/// A page's blocks and their features.
pub(crate) struct PageBlocks {
    pub paragraphs: Vec<Paragraph>,
    pub features: Vec<Features>,
}

/// Cuts the page into blocks and computes their features.
pub(crate) fn page_blocks(document: &Html, view: &RuleView) -> PageBlocks {
    let paragraphs = visible_blocks(document, view);
    let context = ElementContext::of(view);
    let features = features(&paragraphs, view, &context);
    PageBlocks {
        paragraphs,
        features,
    }
}

/// The visible text, one paragraph per block; each paragraph is tagged with its block element.
fn visible_blocks(document: &Html, view: &RuleView) -> Vec<Paragraph> {
    let mut writer = ParagraphWriter::default();
    let mut counter = 0usize;
    let mut skip_depth = 0usize;
    let mut link_depth = 0usize;
    let mut block_elements: Vec<usize> = Vec::new();
    // Whether each open visible element is inline.
    let mut open_inline: Vec<bool> = Vec::new();
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let index = counter;
                    counter += 1;
                    let Some(flat) = view.elements.get(index) else {
                        skip_depth += 1;
                        continue;
                    };
                    if skip_depth > 0 || flat.invisible {
                        skip_depth += 1;
                        continue;
                    }
                    let name = element.name();
                    if name == "a" {
                        link_depth += 1;
                    }
                    open_inline.push(flat.inline);
                    if !flat.inline {
                        writer.end_paragraph();
                        if name != "br" {
                            block_elements.push(index);
                        }
                    }
                }
                Node::Text(text) if skip_depth == 0 => {
                    let tag = block_elements.last().copied().unwrap_or(0);
                    writer.push_text(text, link_depth > 0, tag);
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(element) = node.value() else {
                    continue;
                };
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let name = element.name();
                if name == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                if !open_inline.pop().unwrap_or(true) {
                    writer.end_paragraph();
                    if name != "br" {
                        block_elements.pop();
                    }
                }
            }
        }
    }
    writer.into_paragraphs()
}

/// Per element, what holds for it or an ancestor.
struct ElementContext {
    junk: Vec<bool>,
    in_container: Vec<bool>,
    marked: Vec<bool>,
    hints_around: Vec<u32>,
    in_list: Vec<bool>,
    in_table: Vec<bool>,
    depth: Vec<u16>,
    /// The container's elements are the indices `container.0..container.1`.
    container: Option<(usize, usize)>,
}

impl ElementContext {
    fn of(view: &RuleView) -> Self {
        let n = view.elements.len();
        let mut context = ElementContext {
            junk: Vec::with_capacity(n),
            in_container: Vec::with_capacity(n),
            marked: Vec::with_capacity(n),
            hints_around: Vec::with_capacity(n),
            in_list: Vec::with_capacity(n),
            in_table: Vec::with_capacity(n),
            depth: Vec::with_capacity(n),
            container: None,
        };
        let list_class = tag_class("li");
        let table_class = tag_class("td");
        for (index, element) in view.elements.iter().enumerate() {
            let parent = element.parent;
            let from_parent = |flags: &Vec<bool>| parent.is_some_and(|p| flags[p]);
            let junk = from_parent(&context.junk) || element.verdict == Verdict::Junk;
            let in_container = from_parent(&context.in_container) || view.container == Some(index);
            let marked = from_parent(&context.marked) || element.marked_as_body;
            let in_list = from_parent(&context.in_list) || element.tag_class == list_class;
            let in_table = from_parent(&context.in_table) || element.tag_class == table_class;
            let hints = parent.map_or(0, |p| context.hints_around[p]) | element.hints;
            let depth = parent.map_or(0, |p| context.depth[p].saturating_add(1));
            context.junk.push(junk);
            context.in_container.push(in_container);
            context.marked.push(marked);
            context.in_list.push(in_list);
            context.in_table.push(in_table);
            context.hints_around.push(hints);
            context.depth.push(depth);
        }
        context.container = view.container.map(|start| {
            let end = (start..n).find(|&i| !context.in_container[i]).unwrap_or(n);
            (start, end)
        });
        context
    }
}

/// What one block's text looks like.
struct TextShape {
    words: usize,
    sentence_marks: usize,
    commas: usize,
    ends_sentence: bool,
    stopwords: usize,
    digits: usize,
    capitalised: usize,
    word_chars: usize,
}

fn text_shape(text: &str) -> TextShape {
    let mut shape = TextShape {
        words: 0,
        sentence_marks: 0,
        commas: 0,
        ends_sentence: false,
        stopwords: 0,
        digits: 0,
        capitalised: 0,
        word_chars: 0,
    };
    for word in text.split_whitespace() {
        shape.words += 1;
        shape.word_chars += word.chars().count();
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        if core.chars().next().is_some_and(char::is_uppercase) {
            shape.capitalised += 1;
        }
        if is_stopword(core) {
            shape.stopwords += 1;
        }
        for c in word.chars() {
            match c {
                '.' | '!' | '?' => shape.sentence_marks += 1,
                ',' | ';' => shape.commas += 1,
                _ if c.is_ascii_digit() => shape.digits += 1,
                _ => {}
            }
        }
    }
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    shape.ends_sentence = trimmed.ends_with(['.', '!', '?', ':']);
    shape
}

fn is_stopword(word: &str) -> bool {
    let mut lower = [0u8; 5];
    let Some(buffer) = lower.get_mut(..word.len()) else {
        return false;
    };
    buffer.copy_from_slice(word.as_bytes());
    buffer.make_ascii_lowercase();
    STOPWORDS.iter().any(|s| s.as_bytes() == buffer)
}

fn ln1(x: f64) -> f32 {
    (1.0 + x).ln() as f32
}

fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}

fn features(paragraphs: &[Paragraph], view: &RuleView, context: &ElementContext) -> Vec<Features> {
    let total_chars: usize = paragraphs.iter().map(|p| p.chars).sum();
    let link_share = |p: &Paragraph| (p.link_chars as f64 / p.chars.max(1) as f64) as f32;
    let is_prose = |p: &Paragraph| {
        p.chars >= MIN_PROSE_CHARS && (p.link_chars as f64) <= MAX_PROSE_LINK_SHARE * p.chars as f64
    };
    let in_container = |p: &Paragraph| context.in_container.get(p.tag).copied().unwrap_or(false);
    let prose: Vec<bool> = paragraphs.iter().map(is_prose).collect();
    let inside: Vec<bool> = paragraphs.iter().map(in_container).collect();
    let container_blocks: Vec<usize> = (0..paragraphs.len()).filter(|&i| inside[i]).collect();
    let page_prose = view.amounts.first().map_or(0, |a| a.prose_chars).max(1) as f64;
    let prose_share = |e: usize| {
        view.amounts
            .get(e)
            .map_or(0.0, |a| (a.prose_chars as f64 / page_prose) as f32)
    };
    let density = |e: usize, part: fn(&Amounts) -> usize| {
        view.amounts.get(e).map_or(0.0, |a| {
            (part(a) as f64 / a.total_chars.max(1) as f64) as f32
        })
    };
    let mut position = 0usize;
    let mut rows = Vec::with_capacity(paragraphs.len());
    for (i, p) in paragraphs.iter().enumerate() {
        let e = p.tag.min(view.elements.len().saturating_sub(1));
        let Some(element) = view.elements.get(e) else {
            rows.push([0.0; FEATURES]);
            continue;
        };
        let shape = text_shape(&p.text);
        let words = shape.words.max(1) as f64;
        let share = link_share(p);
        let prev = i.checked_sub(1).map(|j| &paragraphs[j]);
        let next = paragraphs.get(i + 1);
        let window = i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(paragraphs.len());
        let window_prose = window.clone().filter(|&j| j != i && prose[j]).count() as f64
            / (window.len().saturating_sub(1)).max(1) as f64;
        let to_container = match container_blocks.binary_search(&i) {
            Ok(_) => 0,
            Err(at) => {
                let before = at.checked_sub(1).map(|k| i - container_blocks[k]);
                let after = container_blocks.get(at).map(|&k| k - i);
                before
                    .into_iter()
                    .chain(after)
                    .min()
                    .unwrap_or(paragraphs.len())
            }
        };
        let (before_container, after_container) = match context.container {
            Some((start, end)) => (e < start, e >= end),
            None => (false, false),
        };
        let excluded = view.excluded.get(e).copied().unwrap_or(false);
        let teaser = view.teasers.get(e).copied().unwrap_or(false);
        let parent = element.parent;
        let grandparent = parent.and_then(|q| view.elements[q].parent);
        let fixed = [
            ln1(p.chars as f64) / 5.0,
            share,
            ln1(words) / 5.0,
            (shape.sentence_marks as f64 / words) as f32,
            (shape.commas as f64 / words) as f32,
            flag(shape.ends_sentence),
            (shape.stopwords as f64 / words) as f32,
            (shape.digits as f64 / p.chars.max(1) as f64) as f32,
            (shape.capitalised as f64 / words) as f32,
            (shape.word_chars as f64 / words / 10.0) as f32,
            flag(prose[i]),
            flag(p.link_heavy),
            flag(inside[i] && !excluded && !teaser && !p.pointer),
            flag(inside[i]),
            flag(context.marked[e]),
            flag(context.junk[e]),
            flag(excluded),
            flag(teaser),
            flag(before_container),
            flag(after_container),
            (position as f64 / total_chars.max(1) as f64) as f32,
            view.container_prose_share as f32,
            flag(view.container.is_none()),
            flag(context.in_list[e]),
            flag(context.in_table[e]),
            ln1(context.depth[e] as f64) / 4.0,
            flag(i > 0 && prose[i - 1]),
            flag(prose.get(i + 1).copied().unwrap_or(false)),
            flag(i > 0 && inside[i - 1]),
            flag(inside.get(i + 1).copied().unwrap_or(false)),
            prev.map_or(0.0, link_share),
            next.map_or(0.0, link_share),
            prev.map_or(0.0, |q| ln1(q.chars as f64) / 5.0),
            next.map_or(0.0, |q| ln1(q.chars as f64) / 5.0),
            window_prose as f32,
            ln1(to_container as f64) / 5.0,
            flag(inside[i] && prose[i]),
            flag(inside[i] && !prose[i]),
            if inside[i] { share } else { 0.0 },
            flag(!inside[i] && prose[i]),
            flag(inside[i] && excluded),
            prose_share(e),
            parent.map_or(0.0, prose_share),
            grandparent.map_or(0.0, prose_share),
            grandparent.map_or(0.0, |g| density(g, |a| a.total_link_chars)),
            grandparent.map_or(0.0, |g| density(g, |a| a.prose_chars)),
        ];
        let mut row = [0.0f32; FEATURES];
        row[..fixed.len()].copy_from_slice(&fixed);
        let mut at = fixed.len();
        row[at + element.tag_class] = 1.0;
        at += TAG_CLASSES.len() + 1;
        let near = element.hints | element.parent.map_or(0, |q| view.elements[q].hints);
        for bit in 0..HINT_COUNT {
            row[at + bit] = flag(context.hints_around[e] & (1 << bit) != 0);
            row[at + HINT_COUNT + bit] = flag(near & (1 << bit) != 0);
        }
        rows.push(row);
        position += p.chars;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::rules;

    fn blocks_of(html: &str) -> PageBlocks {
        let document = Html::parse_document(html);
        page_blocks(&document, &rules(&document))
    }

    fn feature(page: &PageBlocks, block: usize, name: &str) -> f32 {
        let index = feature_names().iter().position(|n| n == name);
        index.map_or(f32::NAN, |i| page.features[block][i])
    }

    #[test]
    fn feature_names_match_the_feature_count() {
        assert_eq!(feature_names().len(), FEATURES);
    }

    #[test]
    fn a_tiny_page_gives_its_blocks_and_features() {
        let prose = "The council voted on Tuesday to approve the new budget, and the mayor said it was fair.";
        let page = blocks_of(&format!(
            "<html><head><script>var x = 1;</script></head><body>\
             <nav class='menu'><a href='/'>Home</a> <a href='/n'>News</a></nav>\
             <div class='article-body'><p>{prose}</p><p>{prose}</p></div>\
             <div class='comments'><p>Great <a href='/u'>post</a></p></div></body></html>"
        ));
        let texts: Vec<&str> = page.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Home News", prose, prose, "Great post"]);
        assert_eq!(feature(&page, 0, "junk_tag_or_role"), 1.0);
        assert_eq!(feature(&page, 0, "link_share"), 1.0);
        assert_eq!(feature(&page, 0, "hint_near_nav"), 1.0);
        assert_eq!(feature(&page, 1, "in_container"), 1.0);
        assert_eq!(feature(&page, 1, "in_marked_body"), 1.0);
        assert_eq!(feature(&page, 1, "tag_p"), 1.0);
        assert_eq!(feature(&page, 1, "prose"), 1.0);
        assert_eq!(feature(&page, 1, "ends_sentence"), 1.0);
        assert!(feature(&page, 1, "stopword_share") > 0.2);
        assert_eq!(feature(&page, 3, "hint_around_comment"), 1.0);
        assert_eq!(feature(&page, 3, "after_container"), 1.0);
        assert_eq!(feature(&page, 3, "rule_excluded"), 1.0);
    }
}
