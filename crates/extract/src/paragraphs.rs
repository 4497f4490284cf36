//! Writing an article's text blocks as paragraphs: whitespace collapsed, raw markup and link lines
//! that point to other pages dropped, link-heavy lines kept only inside the article.

/// Blocks with a larger share of link text are kept only between prose blocks.
const MAX_OUTPUT_LINK_SHARE: f64 = 0.5;
/// Blocks with a larger share of link text point to other pages (teaser headlines, "see also"
/// links) and are dropped, unless the link text is the URL itself (a cited source).
pub(crate) const MAX_KEPT_LINK_SHARE: f64 = 0.8;

/// One written paragraph and whether most of its text is link text.
struct Paragraph {
    text: String,
    link_heavy: bool,
}

/// Accumulates text into paragraphs, collapsing whitespace. Paragraphs that are all link text are
/// dropped; link-heavy ones are kept only between prose paragraphs (product or source lists,
/// embedded posts inside the article), while leading and trailing runs of them (tag lists,
/// "read more" links, related articles) are dropped.
#[derive(Default)]
pub(crate) struct ParagraphWriter {
    paragraphs: Vec<Paragraph>,
    current: String,
    current_chars: usize,
    current_link_chars: usize,
    pending_space: bool,
}

impl ParagraphWriter {
    pub(crate) fn push_text(&mut self, text: &str, in_link: bool) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
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

    pub(crate) fn line_break(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    pub(crate) fn end_paragraph(&mut self) {
        let paragraph = self.current.trim();
        let link_share = self.current_link_chars as f64 / self.current_chars.max(1) as f64;
        let link_heavy = link_share > MAX_OUTPUT_LINK_SHARE;
        let shows_its_url = paragraph.starts_with("http") || paragraph.starts_with("www.");
        let pointer = link_share > MAX_KEPT_LINK_SHARE && !shows_its_url;
        let raw_markup = paragraph.starts_with('<') && paragraph.ends_with('>');
        if !paragraph.is_empty() && !raw_markup && !pointer {
            self.paragraphs.push(Paragraph {
                text: paragraph.to_string(),
                link_heavy,
            });
        }
        self.current.clear();
        self.current_chars = 0;
        self.current_link_chars = 0;
        self.pending_space = false;
    }

    pub(crate) fn finish(mut self) -> String {
        self.end_paragraph();
        let first = self.paragraphs.iter().position(|p| !p.link_heavy);
        let last = self.paragraphs.iter().rposition(|p| !p.link_heavy);
        let (Some(first), Some(last)) = (first, last) else {
            return String::new();
        };
        let kept: Vec<&str> = self.paragraphs[first..=last]
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        kept.join("\n\n")
    }
}
