//! YAML front matter of a text or Markdown article: the outlet, date, URL and title a user writes at the
//! top of the file between two `---` lines (as static site generators read it).
//!
//! ```text
//! ---
//! title: Council passes budget
//! outlet: Coast Daily        # or source, site, publisher
//! date: 2024-03-04           # or published
//! url: https://example.com/budget
//! ---
//! The city council passed the budget on Tuesday…
//! ```
//!
//! The block is blanked in the text (each of its characters but line breaks becomes a space), so byte
//! offsets into the article are still byte offsets into the file.

use serde_norway::Value;

use crate::Article;

/// How far into a file the closing `---` is looked for.
const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// What the front matter of an article says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// The byte length of the front matter block at the start of `text` (its closing line included), when
/// the text starts with a `---` line and has a closing `---` or `...` line.
fn block_len(text: &str) -> Option<(usize, std::ops::Range<usize>)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_end = rest.find('\n')?;
    if rest[..first_end].trim_end() != "---" {
        return None;
    }
    let body_start = start + first_end + 1;
    let mut pos = body_start;
    while pos < text.len() && pos - start <= MAX_FRONT_MATTER_BYTES {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end();
        if line == "---" || line == "..." {
            return Some(((line_end + 1).min(text.len()), body_start..pos));
        }
        pos = line_end + 1;
    }
    None
}

/// Reads and blanks the front matter of `text`: what it says, or `Err` with a note for the user when
/// the block is not a YAML mapping (the text is then left as it is). `Ok(None)` when there is none.
pub fn take(text: &mut String) -> Result<Option<FrontMatter>, String> {
    let Some((len, yaml)) = block_len(text) else {
        return Ok(None);
    };
    let value: Value = serde_norway::from_str(&text[yaml])
        .map_err(|e| format!("front matter is not valid YAML ({e}); read as text"))?;
    let Value::Mapping(map) = value else {
        return Err("front matter is not a YAML mapping of fields; read as text".to_owned());
    };
    let field = |names: &[&str]| {
        names.iter().find_map(|name| {
            map.iter()
                .find(|(k, _)| k.as_str().is_some_and(|k| k.eq_ignore_ascii_case(name)))
                .and_then(|(_, v)| scalar(v))
        })
    };
    let front = FrontMatter {
        title: field(&["title", "headline"]),
        outlet: field(&["outlet", "source", "site", "publisher"]),
        published: field(&["published", "date"]),
        url: field(&["url", "link", "canonical"]),
    };
    let blank: String = text[..len]
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' {
                c.to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    text.replace_range(..len, &blank);
    Ok(Some(front))
}

/// A scalar value as text (dates, numbers and strings alike); none for lists, maps and blanks.
fn scalar(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Tagged(tagged) => return scalar(&tagged.value),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

impl FrontMatter {
    /// Puts what the front matter says on the article (it wins over nothing: articles read from text
    /// have no metadata of their own). A `published` that is not a date is left out, with a note.
    pub fn apply(self, article: &mut Article) -> Option<String> {
        article.title = self.title.or(article.title.take());
        article.outlet = self.outlet.or(article.outlet.take());
        article.url = self.url.or(article.url.take());
        match self.published {
            Some(p) if crate::article_json::parse_published(&p).is_none() => Some(format!(
                "front matter date {p:?} is not a date (YYYY-MM-DD); left out"
            )),
            Some(p) => {
                article.published = Some(p);
                None
            }
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_and_the_block_blanked() {
        let mut text = "---\ntitle: Budget passes\nsource: Coast Daily\ndate: 2024-03-04\nurl: https://example.com/a\n---\nThe council voted.\n".to_owned();
        let len = text.len();
        let front = take(&mut text).unwrap().unwrap();
        assert_eq!(front.title.as_deref(), Some("Budget passes"));
        assert_eq!(front.outlet.as_deref(), Some("Coast Daily"));
        assert_eq!(front.published.as_deref(), Some("2024-03-04"));
        assert_eq!(front.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(text.len(), len);
        assert_eq!(text.trim_start(), "The council voted.\n");
        assert_eq!(text.find("The"), Some(len - "The council voted.\n".len()));
    }

    #[test]
    fn no_front_matter_or_a_bad_one() {
        let mut plain = "The council voted.\n---\nmore".to_owned();
        assert_eq!(take(&mut plain), Ok(None));
        let mut unclosed = "---\ntitle: x\nThe council voted.".to_owned();
        assert_eq!(take(&mut unclosed), Ok(None));
        let mut bad = "---\ntitle: [unclosed\n---\nText.".to_owned();
        assert!(take(&mut bad).unwrap_err().contains("not valid YAML"));
        assert!(bad.starts_with("---"));
    }
}
