//! Main-text extraction. The page is flattened into elements carrying the amount of "good" text
//! (paragraph-like blocks of real prose, few links) and of other text below them; the article
//! container is the element that maximises good text minus a penalty for the rest. Boilerplate is
//! left out; teasers of other articles (a linked sub-heading with a short summary, repeated) count
//! as noise; the page's own article-body mark (`itemprop="articleBody"`, `class="entry-content"`…)
//! earns a bonus, and text outside it is noise for the containers around it. What these rules say
//! about each element (left out, teaser, inside the container…) becomes features of the page's text
//! blocks, and the learned block model decides which blocks are the article (see `blocks`).

use std::collections::HashMap;

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::blocks;
use crate::boilerplate::{self, Verdict};
use crate::model::Model;
use crate::paragraphs::{self, ParagraphWriter, MAX_KEPT_LINK_SHARE};

/// Tags that continue the current paragraph; every other element starts a new block.
const INLINE_TAGS: &[&str] = &[
    "a", "span", "b", "i", "em", "strong", "u", "small", "sub", "sup", "abbr", "cite", "code", "q",
    "mark", "time", "font", "s", "strike", "label", "bdi", "bdo", "data", "dfn", "kbd", "samp",
    "var", "wbr", "del", "ins", "big", "tt", "nobr",
];

/// Sub-heading tags: linked ones are the headlines of teasers.
const HEADING_TAGS: &[&str] = &["h2", "h3", "h4", "h5", "h6"];

/// A block needs this many non-space characters to count as prose.
const MIN_PROSE_CHARS: usize = 40;
/// A block whose link characters exceed this share is navigation, not prose.
const MAX_PROSE_LINK_SHARE: f64 = 0.3;
/// Penalty per character of non-prose text inside a candidate container.
const NOISE_PENALTY: f64 = 1.0;

/// Penalty per character of link text outside prose inside a candidate container.
const LINK_NOISE_PENALTY: f64 = 0.5;

/// Score bonus, per prose character, of an element marked as the article body.
const BODY_MARK_BONUS: f64 = 1.0;

/// A body mark on a wrapper loses its bonus to a marked element inside holding this share of its prose.
const INNER_MARK_SHARE: f64 = 0.75;

/// Most prose characters in a teaser (a headline's summary).
const MAX_TEASER_PROSE: usize = 500;
/// Teasers together hold at most this share of the page's prose; beyond it they are the article.
const MAX_TEASER_PAGE_SHARE: f64 = 0.75;

/// Hinted-junk elements holding at least this share of the page's prose are article text after all.
const OVERRULE_HINT_SHARE: f64 = 0.5;

/// One element of the flattened page, in document (pre-)order: children come after parents.
pub(crate) struct Element {
    pub parent: Option<usize>,
    pub verdict: Verdict,
    pub inline: bool,
    /// Non-space characters of the text nodes directly inside the element.
    own_chars: usize,
    /// Those of them inside a link.
    own_link_chars: usize,
    /// The element says it holds the article body (`itemprop="articleBody"`, `class="entry-content"`…).
    pub marked_as_body: bool,
    /// A sub-heading tag (`h2`…`h6`).
    heading: bool,
    /// Its text is not shown (scripts, hidden elements).
    pub invisible: bool,
    /// Class/id word groups ([`boilerplate::HINT_GROUPS`], one bit each).
    pub hints: u32,
    /// The tag, as one of [`blocks::TAG_CLASSES`].
    pub tag_class: usize,
    /// Elements alike in markup (tag, class, id) share it ([`boilerplate::Judgement::markup_key`]).
    markup_key: u64,
}

/// What the rules say about a page's elements.
pub(crate) struct RuleView {
    pub elements: Vec<Element>,
    /// Boilerplate (inherited).
    pub excluded: Vec<bool>,
    /// Teasers of other articles (inherited).
    pub teasers: Vec<bool>,
    /// The element holding the article by the rules, if any.
    pub container: Option<usize>,
    /// Share of the page's prose inside the container.
    pub container_prose_share: f64,
    /// Per element, text amounts with only tag/role/visibility boilerplate left out.
    pub amounts: Vec<Amounts>,
}

/// Text amounts of one element, computed bottom-up for a given set of excluded elements.
#[derive(Clone, Copy, Default)]
pub(crate) struct Amounts {
    /// Characters of the element's own block (inline descendants included).
    block_chars: usize,
    block_link_chars: usize,
    /// Characters in the whole subtree, excluded elements left out.
    pub total_chars: usize,
    /// Link characters in the whole subtree.
    pub total_link_chars: usize,
    /// Prose characters in the whole subtree.
    pub prose_chars: usize,
}

/// Extracts the article body as paragraphs separated by `"\n\n"`.
pub(crate) fn extract(document: &Html, article_body_hint: Option<&str>) -> String {
    extract_with(document, article_body_hint, crate::model::shipped())
}

/// Extracts the article body, `model` deciding which blocks are kept.
fn extract_with(document: &Html, article_body_hint: Option<&str>, model: &Model) -> String {
    let page = blocks::page_blocks(document, &rules(document));
    // Pointer paragraphs are never written: no need to score them.
    let keep: Vec<bool> = page
        .paragraphs
        .iter()
        .zip(&page.features)
        .map(|(paragraph, row)| !paragraph.pointer && model.keeps(row))
        .collect();
    assemble(&page.paragraphs, &keep, article_body_hint)
}

/// Writes the kept paragraphs, or the page's declared article body when it is much longer.
pub(crate) fn assemble(
    paragraphs: &[paragraphs::Paragraph],
    keep: &[bool],
    article_body_hint: Option<&str>,
) -> String {
    let from_dom = paragraphs::join(
        paragraphs
            .iter()
            .zip(keep)
            .filter(|(_, &k)| k)
            .map(|(p, _)| p),
    );
    match article_body_hint {
        Some(hint) if word_count(hint) > 2 * word_count(&from_dom) + 20 => paragraphs_of(hint),
        _ => from_dom,
    }
}

/// Runs the rules: boilerplate, teasers, the container.
pub(crate) fn rules(document: &Html) -> RuleView {
    let elements = flatten(document);
    let Exclusions {
        excluded,
        teasers,
        raw,
    } = excluded_elements(&elements);
    let amounts = aggregate(&elements, &excluded, &teasers);
    let skipped: Vec<bool> = excluded
        .iter()
        .zip(&teasers)
        .map(|(e, t)| *e || *t)
        .collect();
    let container = choose_container(&elements, &amounts, &skipped);
    let mut view = RuleView {
        elements,
        excluded,
        teasers,
        container: None,
        container_prose_share: 0.0,
        amounts: raw,
    };
    view.set_container(container);
    view
}

/// A candidate container must hold less than this share of the prose of the one it replaces when
/// the rules' choice is narrowed for training.
const NARROWED_SHARE: f64 = 0.9;

impl RuleView {
    /// Makes `container` the chosen container.
    pub(crate) fn set_container(&mut self, container: Option<usize>) {
        let page_prose = self.amounts.first().map_or(0, |a| a.prose_chars).max(1) as f64;
        self.container = container;
        self.container_prose_share = container
            .and_then(|c| self.amounts.get(c))
            .map_or(0.0, |a| a.prose_chars as f64 / page_prose);
    }

    /// A container that misses part of the article: below the chosen one, the element with the
    /// most prose among those holding less than 90 % of its prose (the rules' mistake on layouts
    /// they were not written for, simulated to train the model not to trust the container blindly).
    pub(crate) fn narrower_container(&self) -> Option<usize> {
        let container = self.container?;
        let prose = |i: usize| self.amounts.get(i).map_or(0, |a| a.prose_chars);
        let limit = NARROWED_SHARE * prose(container) as f64;
        let mut best: Option<usize> = None;
        for index in container + 1..self.elements.len() {
            let mut ancestor = self.elements[index].parent;
            while let Some(a) = ancestor.filter(|&a| a > container) {
                ancestor = self.elements[a].parent;
            }
            if ancestor != Some(container) {
                break;
            }
            if (prose(index) as f64) < limit && prose(index) > best.map_or(0, prose) {
                best = Some(index);
            }
        }
        best
    }

    /// A container wider than the chosen one: its parent.
    pub(crate) fn wider_container(&self) -> Option<usize> {
        self.elements.get(self.container?)?.parent
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The page's declared `articleBody` (JSON-LD or microdata) laid out as paragraphs.
fn paragraphs_of(text: &str) -> String {
    let mut writer = ParagraphWriter::default();
    for line in text.lines() {
        writer.push_text(line, false, 0);
        writer.end_paragraph();
    }
    paragraphs::join(writer.into_paragraphs().iter())
}

fn flatten(document: &Html) -> Vec<Element> {
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut link_depth = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    if element.name() == "a" {
                        link_depth += 1;
                    }
                    let judgement = boilerplate::judge(element);
                    elements.push(Element {
                        parent: open.last().copied(),
                        verdict: judgement.verdict,
                        inline: INLINE_TAGS.contains(&element.name()),
                        heading: HEADING_TAGS.contains(&element.name()),
                        invisible: judgement.invisible,
                        hints: judgement.hints,
                        tag_class: blocks::tag_class(element.name()),
                        own_chars: 0,
                        own_link_chars: 0,
                        marked_as_body: judgement.marked_as_body,
                        markup_key: judgement.markup_key,
                    });
                    open.push(elements.len() - 1);
                }
                Node::Text(text) => {
                    if let Some(&current) = open.last() {
                        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                        elements[current].own_chars += chars;
                        if link_depth > 0 {
                            elements[current].own_link_chars += chars;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if element.name() == "a" {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    open.pop();
                }
            }
        }
    }
    elements
}

/// Elements left out of the article, each flag inherited by the element's subtree.
struct Exclusions {
    /// Boilerplate: not counted at all.
    excluded: Vec<bool>,
    /// Teasers of other articles: counted as noise around the article, never as its prose.
    teasers: Vec<bool>,
    /// Text amounts with only the hard boilerplate left out.
    raw: Vec<Amounts>,
}

/// Prose characters of the hinted-junk elements, summed per markup key over the outermost ones (an
/// element inside another hinted-junk element is counted with it).
fn hinted_prose_by_markup(elements: &[Element], raw: &[Amounts]) -> HashMap<u64, usize> {
    let mut sums: HashMap<u64, usize> = HashMap::new();
    let mut inside_hinted: Vec<bool> = Vec::with_capacity(elements.len());
    for (index, element) in elements.iter().enumerate() {
        let parent_hinted = element.parent.is_some_and(|p| inside_hinted[p]);
        let hinted = element.verdict == Verdict::HintedJunk;
        if hinted && !parent_hinted {
            *sums.entry(element.markup_key).or_default() += raw[index].prose_chars;
        }
        inside_hinted.push(parent_hinted || hinted);
    }
    sums
}

/// Which elements are left out: boilerplate and everything inside it, and teasers. Class/id hints
/// are overruled for an element that holds most of the page's prose (a page wrapper with an
/// unlucky class name), and for elements alike in markup that together hold most of it (the
/// paragraphs of an article each marked `class="paywall"`).
fn excluded_elements(elements: &[Element]) -> Exclusions {
    let hard = inherit(elements, |e| e.verdict == Verdict::Junk);
    let none = vec![false; elements.len()];
    let raw = aggregate(elements, &hard, &none);
    let page_prose = raw.first().map_or(0, |a| a.prose_chars) as f64;
    let teasers = teaser_items(elements, &raw);
    let hinted_prose = hinted_prose_by_markup(elements, &raw);
    let mut excluded: Vec<bool> = Vec::with_capacity(elements.len());
    for (index, element) in elements.iter().enumerate() {
        let parent_excluded = element.parent.is_some_and(|p| excluded[p]);
        let own = match element.verdict {
            Verdict::Junk => true,
            Verdict::HintedJunk => {
                let alike = hinted_prose.get(&element.markup_key).copied().unwrap_or(0);
                (raw[index].prose_chars.max(alike) as f64) < OVERRULE_HINT_SHARE * page_prose
            }
            Verdict::Keep => false,
        };
        excluded.push(parent_excluded || own);
    }
    let mut inherited_teasers: Vec<bool> = Vec::with_capacity(elements.len());
    for (index, element) in elements.iter().enumerate() {
        let parent_teaser = element.parent.is_some_and(|p| inherited_teasers[p]);
        let own =
            teasers[index] && (raw[index].prose_chars as f64) < OVERRULE_HINT_SHARE * page_prose;
        inherited_teasers.push(parent_teaser || own);
    }
    let teaser_prose: usize = (0..elements.len())
        .filter(|&i| {
            inherited_teasers[i] && !elements[i].parent.is_some_and(|p| inherited_teasers[p])
        })
        .map(|i| raw[i].prose_chars)
        .sum();
    if teaser_prose as f64 > MAX_TEASER_PAGE_SHARE * page_prose {
        // Most of the page's prose sits under linked sub-headings: sections of one article.
        inherited_teasers.fill(false);
    }
    Exclusions {
        excluded,
        teasers: inherited_teasers,
        raw,
    }
}

/// Teasers of other articles: an element holding exactly one linked sub-heading (the teaser's
/// headline) and little prose (its summary), inside a parent holding several such headlines.
fn teaser_items(elements: &[Element], raw: &[Amounts]) -> Vec<bool> {
    let none = vec![false; elements.len()];
    let everything = aggregate(elements, &none, &none);
    let mut headlines = vec![0usize; elements.len()];
    for (index, element) in elements.iter().enumerate().rev() {
        let block = everything[index];
        if element.heading
            && block.block_chars > 0
            && block.block_link_chars as f64 > MAX_KEPT_LINK_SHARE * block.block_chars as f64
        {
            headlines[index] += 1;
        }
        if let Some(parent) = element.parent {
            headlines[parent] += headlines[index];
        }
    }
    elements
        .iter()
        .enumerate()
        .map(|(index, element)| {
            headlines[index] == 1
                && element.parent.is_some_and(|p| headlines[p] >= 2)
                && raw[index].prose_chars <= MAX_TEASER_PROSE
        })
        .collect()
}

/// Marks elements for which `own` holds, or holds for an ancestor.
fn inherit(elements: &[Element], own: impl Fn(&Element) -> bool) -> Vec<bool> {
    let mut marked: Vec<bool> = Vec::with_capacity(elements.len());
    for element in elements {
        let parent_marked = element.parent.is_some_and(|p| marked[p]);
        marked.push(parent_marked || own(element));
    }
    marked
}

/// Computes text amounts bottom-up (reverse document order), leaving out excluded elements and
/// counting no prose inside `noise_only` ones.
fn aggregate(elements: &[Element], excluded: &[bool], noise_only: &[bool]) -> Vec<Amounts> {
    let mut amounts: Vec<Amounts> = elements
        .iter()
        .map(|e| Amounts {
            block_chars: e.own_chars,
            block_link_chars: e.own_link_chars,
            total_chars: e.own_chars,
            total_link_chars: e.own_link_chars,
            prose_chars: 0,
        })
        .collect();
    for index in (0..elements.len()).rev() {
        if excluded[index] {
            continue;
        }
        let element = &elements[index];
        let mut own = amounts[index];
        if !element.inline && !noise_only[index] && is_prose(own.block_chars, own.block_link_chars)
        {
            own.prose_chars += own.block_chars - own.block_link_chars;
        }
        amounts[index] = own;
        let Some(parent) = element.parent else {
            continue;
        };
        let parent = &mut amounts[parent];
        parent.total_chars += own.total_chars;
        parent.total_link_chars += own.total_link_chars;
        parent.prose_chars += own.prose_chars;
        if element.inline {
            parent.block_chars += own.block_chars;
            parent.block_link_chars += own.block_link_chars;
        }
    }
    amounts
}

fn is_prose(chars: usize, link_chars: usize) -> bool {
    chars >= MIN_PROSE_CHARS && (link_chars as f64) <= MAX_PROSE_LINK_SHARE * chars as f64
}

/// The element maximising prose minus penalised other text.
fn choose_container(elements: &[Element], amounts: &[Amounts], excluded: &[bool]) -> Option<usize> {
    let earns_bonus = innermost_body_marks(elements, amounts, excluded);
    let marked_prose = prose_in_marked_bodies(elements, amounts, excluded);
    let score = |index: usize| {
        let amount = amounts[index];
        let prose = if marked_prose[index] > 0 && !elements[index].marked_as_body {
            marked_prose[index]
        } else {
            amount.prose_chars
        };
        let noise = amount.total_chars.saturating_sub(prose);
        let link_noise = amount.total_link_chars.min(noise);
        let mut score = prose as f64
            - NOISE_PENALTY * (noise - link_noise) as f64
            - LINK_NOISE_PENALTY * link_noise as f64;
        if earns_bonus[index] {
            score += BODY_MARK_BONUS * amount.prose_chars as f64;
        }
        score
    };
    let mut best: Option<(usize, f64)> = None;
    for (index, amount) in amounts.iter().enumerate() {
        if excluded[index] || amount.prose_chars == 0 {
            continue;
        }
        let score = score(index);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((index, score));
        }
    }
    best.map(|(index, _)| index)
}

/// Elements marked as the article body that earn the score bonus: a mark on a wrapper loses it to a
/// marked element inside holding most of the wrapper's prose (the wrapper also holds teasers).
fn innermost_body_marks(elements: &[Element], amounts: &[Amounts], excluded: &[bool]) -> Vec<bool> {
    let inner_marked_prose = marked_prose_below(elements, amounts, excluded, usize::max);
    elements
        .iter()
        .zip(amounts)
        .zip(inner_marked_prose)
        .map(|((element, amount), inner)| {
            element.marked_as_body && (inner as f64) < INNER_MARK_SHARE * amount.prose_chars as f64
        })
        .collect()
}

/// Prose inside the outermost elements marked as the article body below each element.
fn prose_in_marked_bodies(
    elements: &[Element],
    amounts: &[Amounts],
    excluded: &[bool],
) -> Vec<usize> {
    marked_prose_below(elements, amounts, excluded, |a, b| a + b)
}

/// For each element, the prose of the outermost marked bodies below it, the children's amounts combined
/// with `combine` (largest child, or their sum); excluded elements count for nothing.
fn marked_prose_below(
    elements: &[Element],
    amounts: &[Amounts],
    excluded: &[bool],
    combine: impl Fn(usize, usize) -> usize,
) -> Vec<usize> {
    let mut marked_prose = vec![0usize; elements.len()];
    for (index, element) in elements.iter().enumerate().rev() {
        let Some(parent) = element.parent else {
            continue;
        };
        if excluded[index] {
            continue;
        }
        let held = if element.marked_as_body {
            amounts[index].prose_chars
        } else {
            marked_prose[index]
        };
        marked_prose[parent] = combine(marked_prose[parent], held);
    }
    marked_prose
}

#[cfg(test)]
mod tests {
    use super::*;

    /// These tests are about the rules, whose verdicts are the model's main features: the rules
    /// alone decide here (the learned model, trained on real pages, may keep a short teaser
    /// summary on a five-block page).
    fn extract(document: &Html, hint: Option<&str>) -> String {
        extract_with(document, hint, &Model::rules_only())
    }

    fn article(inner: &str) -> String {
        let html = format!("<html><body><div>{inner}</div></body></html>");
        extract(&Html::parse_document(&html), None)
    }

    const PROSE: &str = "This paragraph is plain prose about the event, long enough to count.";

    #[test]
    fn link_lines_inside_the_article_are_kept_and_at_its_edges_dropped() {
        let text = article(&format!(
            "<p><a href='/t'>Tag one</a> <a href='/u'>Tag two</a></p><p>{PROSE}</p>\
             <p><a href='/p'>Product name</a> for $20</p><p>{PROSE}</p>\
             <p><a href='/r'>Read more</a> here</p>"
        ));
        assert!(text.contains("Product name for $20"), "{text}");
        assert!(!text.contains("Tag one"), "{text}");
        assert!(!text.contains("Read more"), "{text}");
    }

    #[test]
    fn headline_links_are_dropped_but_cited_urls_kept() {
        let text = article(&format!(
            "<p>{PROSE}</p><p><a href='/x'>Another story on the same subject</a></p>\
             <p><a href='https://src.example/a'>https://src.example/a</a></p><p>{PROSE}</p>"
        ));
        assert!(!text.contains("Another story"), "{text}");
        assert!(text.contains("https://src.example/a"), "{text}");
    }

    #[test]
    fn an_inner_body_mark_wins_over_a_marked_wrapper_with_teasers() {
        let body = PROSE.repeat(8);
        let teaser = "A teaser summary of another story, long enough to be read as prose.";
        let html = format!(
            "<html><body><div class='article-content'><div class='article-body'><p>{body}</p></div>\
             <div><p>{teaser}</p><p>{teaser}</p></div></div></body></html>"
        );
        let text = extract(&Html::parse_document(&html), None);
        assert!(text.contains("plain prose"), "{text}");
        assert!(!text.contains("teaser"), "{text}");
    }

    #[test]
    fn teasers_with_linked_headlines_are_left_out() {
        let summary = "A short summary of another story that reads like a real sentence.";
        let teaser = format!("<div><h3><a href='/s'>Other story</a></h3><p>{summary}</p></div>");
        let html = format!(
            "<html><body><div><p>{PROSE}</p><p>{PROSE}</p></div><div>{}</div></body></html>",
            teaser.repeat(3)
        );
        let text = extract(&Html::parse_document(&html), None);
        assert!(text.contains("plain prose"), "{text}");
        assert!(!text.contains("short summary"), "{text}");
    }

    #[test]
    fn linked_sub_headings_of_long_sections_are_not_teasers() {
        let section = format!(
            "<div><h3><a href='/p'>Product</a></h3><p>{}</p></div>",
            PROSE.repeat(8)
        );
        let html = format!("<html><body><div>{}</div></body></html>", section.repeat(3));
        let text = extract(&Html::parse_document(&html), None);
        assert_eq!(text.matches("plain prose").count(), 24, "{text}");
    }

    #[test]
    fn prose_outside_the_marked_body_does_not_pull_the_container_up() {
        let footer =
            "Company notice about contact details and subscriptions, long enough for prose.";
        let html = format!(
            "<html><body><div class='article-body'><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div><p>{footer}</p><p>{footer}</p></div></body></html>"
        );
        let text = extract(&Html::parse_document(&html), None);
        assert!(text.contains("plain prose"), "{text}");
        assert!(!text.contains("Company notice"), "{text}");
    }

    #[test]
    fn paragraphs_alike_in_markup_that_hold_most_prose_overrule_their_hint() {
        let gated = |text: &str| format!("<p class='paywall'>{text}</p>");
        let page = format!(
            "<p>Opening paragraph of the story, the only one without the gate class.</p>{}{}{}",
            gated(&PROSE.replace("This", "First")),
            gated(&PROSE.replace("This", "Second")),
            gated(&PROSE.replace("This", "Third")),
        );
        let text = article(&format!(
            "{page}<div class='paywall'><p>Subscribe to keep reading, it takes one minute.</p></div>"
        ));
        for kept in ["Opening paragraph", "First", "Second", "Third"] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        assert!(!text.contains("Subscribe"), "{text}");
        // One gated paragraph among many ordinary ones is still left out.
        let text = article(&format!(
            "{}{}",
            format!("<p>{PROSE}</p>").repeat(4),
            gated("Members only: this paragraph is behind the gate, long enough for prose.")
        ));
        assert!(!text.contains("Members only"), "{text}");
    }
}
