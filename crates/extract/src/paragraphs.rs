//! Writing an article's text blocks as paragraphs: whitespace collapsed, raw markup and link lines
//! that point to other pages dropped, link-heavy lines kept only inside the article.

/// Blocks with a larger share of link text are kept only between prose blocks.
const MAX_OUTPUT_LINK_SHARE: f64 = 0.5;
/// Blocks with a larger share of link text point to other pages (teaser headlines, "see also"
/// links) and are dropped, unless the link text is the URL itself (a cited source).
pub(crate) const MAX_KEPT_LINK_SHARE: f64 = 0.8;

/// One written paragraph: its text and how much of it is link text.
pub(crate) struct Paragraph {
    pub text: String,
    /// Non-space characters.
    pub chars: usize,
    /// Those of them inside a link.
    pub link_chars: usize,
    /// Most of the text is link text.
    pub link_heavy: bool,
    /// Never article text: a line of links to other pages, or raw markup shown as text.
    pub pointer: bool,
    /// Opaque tag the caller gave with the paragraph's first text (the block element).
    pub tag: usize,
}

/// Accumulates text into paragraphs, collapsing whitespace.
#[derive(Default)]
pub(crate) struct ParagraphWriter {
    paragraphs: Vec<Paragraph>,
    current: String,
    current_chars: usize,
    current_link_chars: usize,
    current_tag: usize,
    pending_space: bool,
}

impl ParagraphWriter {
    /// Appends text; `tag` is kept with the paragraph when this text starts it.
    pub(crate) fn push_text(&mut self, text: &str, in_link: bool, tag: usize) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.current.is_empty() {
                self.current_tag = tag;
            } else if self.pending_space && !self.current.ends_with('\n') {
                self.current.push(' ');
            }
            self.pending_space = false;
            self.current.push(c);
            self.current_chars += 1;
            if in_link {
                self.current_link_chars += 1;
            }
        }
    }

    pub(crate) fn end_paragraph(&mut self) {
        let paragraph = self.current.trim();
        if !paragraph.is_empty() {
            let link_share = self.current_link_chars as f64 / self.current_chars.max(1) as f64;
            let shows_its_url = paragraph.starts_with("http") || paragraph.starts_with("www.");
            let raw_markup = paragraph.starts_with('<') && paragraph.ends_with('>');
            self.paragraphs.push(Paragraph {
                text: paragraph.to_string(),
                chars: self.current_chars,
                link_chars: self.current_link_chars,
                link_heavy: link_share > MAX_OUTPUT_LINK_SHARE,
                pointer: raw_markup || (link_share > MAX_KEPT_LINK_SHARE && !shows_its_url),
                tag: self.current_tag,
            });
        }
        self.current.clear();
        self.current_chars = 0;
        self.current_link_chars = 0;
        self.pending_space = false;
    }

    /// Every paragraph written, pointers included.
    pub(crate) fn into_paragraphs(mut self) -> Vec<Paragraph> {
        self.end_paragraph();
        self.paragraphs
    }
}

/// Joins the kept paragraphs with blank lines. Pointers are dropped; link-heavy paragraphs are kept
/// only between prose paragraphs (product or source lists, embedded posts inside the article),
/// while leading and trailing runs of them (tag lists, "read more" links, related articles) are
/// dropped.
pub(crate) fn join<'a>(kept: impl Iterator<Item = &'a Paragraph>) -> String {
    let kept: Vec<&Paragraph> = kept.filter(|p| !p.pointer).collect();
    let first = kept.iter().position(|p| !p.link_heavy);
    let last = kept.iter().rposition(|p| !p.link_heavy);
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let texts: Vec<&str> = kept[first..=last].iter().map(|p| p.text.as_str()).collect();
    texts.join("\n\n")
}
