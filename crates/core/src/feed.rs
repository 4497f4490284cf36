//! RSS and Atom feeds (through `feed-rs`): each item's link, metadata, and its content when the feed
//! carries the full article. No I/O: the caller fetches the links of items without full content.

use crate::ingest::{self, IngestError};
use crate::Article;

/// Words an item's content needs to be taken as the full article rather than a teaser.
const FULL_CONTENT_WORDS: usize = 150;

/// Why a feed could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("not an RSS or Atom feed: {0}")]
pub struct FeedError(String);

/// One item of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The item's link (the article's page), when it has one.
    pub link: Option<String>,
    pub title: Option<String>,
    /// The feed's title, standing for the outlet.
    pub outlet: Option<String>,
    /// RFC 3339.
    pub published: Option<String>,
    /// The item's content (HTML or text) when it is long enough to be the whole article.
    pub full_content: Option<String>,
}

/// The items of an RSS or Atom feed, in feed order.
pub fn parse(bytes: &[u8]) -> Result<Vec<FeedItem>, FeedError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| FeedError(e.to_string()))?;
    let outlet = feed
        .title
        .map(|t| t.content.trim().to_owned())
        .filter(|t| !t.is_empty());
    Ok(feed
        .entries
        .into_iter()
        .map(|entry| {
            let content = entry
                .content
                .and_then(|c| c.body)
                .or(entry.summary.map(|s| s.content))
                .filter(|body| word_count(body) >= FULL_CONTENT_WORDS);
            FeedItem {
                link: entry.links.first().map(|l| l.href.clone()),
                title: entry
                    .title
                    .map(|t| t.content.trim().to_owned())
                    .filter(|t| !t.is_empty()),
                outlet: outlet.clone(),
                published: entry.published.or(entry.updated).map(|t| t.to_rfc3339()),
                full_content: content,
            }
        })
        .collect())
}

impl FeedItem {
    /// The article of an item with full content (`id` names it), the item's metadata on it.
    pub fn article_from_content(&self, id: &str, content: &str) -> Result<Article, IngestError> {
        let mut pages = ingest::articles_from_file(&format!("{id}.html"), content.as_bytes())?;
        let mut article = pages.swap_remove(0);
        article.id = id.to_owned();
        self.put_metadata(&mut article);
        Ok(article)
    }

    /// Puts the item's title, outlet, date and link on an article read from its page, where the page
    /// gave none.
    pub fn put_metadata(&self, article: &mut Article) {
        article.title = article.title.take().or_else(|| self.title.clone());
        article.outlet = article.outlet.take().or_else(|| self.outlet.clone());
        article.published = article.published.take().or_else(|| self.published.clone());
        article.url = article.url.take().or_else(|| self.link.clone());
    }
}

/// Words of an HTML or text fragment, tags left out.
fn word_count(html: &str) -> usize {
    let mut in_tag = false;
    let mut text = String::with_capacity(html.len());
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_with_and_without_full_content() {
        let long = "The council met again. ".repeat(60);
        let rss = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coast Daily</title>\
             <item><title>Teaser</title><link>http://127.0.0.1/a</link><description>Short.</description>\
             <pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate></item>\
             <item><title>Full</title><link>http://127.0.0.1/b</link><description><![CDATA[<p>{long}</p>]]></description></item>\
             </channel></rss>"
        );
        let items = parse(rss.as_bytes()).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].link.as_deref(), Some("http://127.0.0.1/a"));
        assert_eq!(items[0].outlet.as_deref(), Some("Coast Daily"));
        assert!(items[0]
            .published
            .as_deref()
            .unwrap()
            .starts_with("2024-03-04"));
        assert_eq!(items[0].full_content, None);
        let content = items[1].full_content.clone().unwrap();
        let article = items[1].article_from_content("feed#2", &content).unwrap();
        assert!(article.text.starts_with("The council met again."));
        assert_eq!(article.title.as_deref(), Some("Full"));
        assert_eq!(article.url.as_deref(), Some("http://127.0.0.1/b"));
    }

    #[test]
    fn not_a_feed() {
        assert!(parse(b"just text").is_err());
    }
}
