//! Article metadata: headline, authors, publication date, site name, canonical URL and language,
//! read from `<meta>` tags, JSON-LD, `<time>`, the URL and visible text, most trusted first.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use crate::dates;

/// Most author names kept for one article.
const MAX_AUTHORS: usize = 10;

/// Metadata of one page, plus the JSON-LD (or microdata) `articleBody` used as a hint by body extraction.
#[derive(Debug, Default)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub article_body: Option<String>,
}

/// What the page itself declares, gathered in one pass.
#[derive(Default)]
struct Signals {
    /// `(name or property or itemprop, content)` of `<meta>` tags, lower-cased keys, page order.
    meta: Vec<(String, String)>,
    json_ld: Vec<Value>,
    title_tag: Option<String>,
    first_h1: Option<String>,
    time_datetime: Option<String>,
    canonical: Option<String>,
    html_lang: Option<String>,
    rel_authors: Vec<String>,
    dated_texts: Vec<String>,
    /// Text of the first element marked `itemprop="articleBody"` (microdata, often a hidden copy).
    microdata_body: Option<String>,
}

pub(crate) fn extract(document: &Html, url_hint: Option<&str>) -> Metadata {
    let signals = gather(document);
    let articles = json_ld_articles(&signals.json_ld);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|key| {
            signals
                .meta
                .iter()
                .find(|(k, v)| k == key && !v.trim().is_empty())
                .map(|(_, v)| clean(v))
        })
    };
    let ld_text = |field: &str| {
        articles
            .iter()
            .find_map(|a| a.get(field).and_then(text_of))
            .map(|s| clean(&s))
    };

    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| ld_text("headline"))
        .or_else(|| signals.first_h1.clone())
        .or_else(|| signals.title_tag.as_deref().map(strip_site_suffix));

    let url = signals
        .canonical
        .clone()
        .filter(|u| u.starts_with("http"))
        .or_else(|| meta(&["og:url"]).filter(|u| u.starts_with("http")))
        .or_else(|| ld_text("url").filter(|u| u.starts_with("http")))
        .or_else(|| url_hint.map(str::to_string));

    let published = meta(&[
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "date",
        "article.published",
        "published_time",
    ])
    .and_then(|d| dates::normalise(&d))
    .or_else(|| {
        articles
            .iter()
            .find_map(|a| a.get("datePublished").and_then(text_of))
            .and_then(|d| dates::normalise(&d))
    })
    .or_else(|| signals.time_datetime.as_deref().and_then(dates::normalise))
    .or_else(|| url.as_deref().and_then(dates::from_url))
    .or_else(|| signals.dated_texts.iter().find_map(|t| dates::from_text(t)));

    let mut authors = Vec::new();
    for article in &articles {
        if let Some(value) = article.get("author") {
            collect_names(value, &mut authors);
        }
    }
    if authors.is_empty() {
        for key in [
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "byl",
        ] {
            for (_, value) in signals.meta.iter().filter(|(k, _)| k == key) {
                push_author(value, &mut authors);
            }
        }
    }
    if authors.is_empty() {
        for name in &signals.rel_authors {
            push_author(name, &mut authors);
        }
    }
    authors.truncate(MAX_AUTHORS);

    let site = meta(&["og:site_name", "application-name", "publisher"])
        .or_else(|| {
            articles
                .iter()
                .find_map(|a| a.get("publisher").and_then(name_of))
        })
        .or_else(|| url.as_deref().and_then(host_of));

    let language = signals
        .html_lang
        .clone()
        .or_else(|| meta(&["content-language", "og:locale", "language", "dc.language"]))
        .or_else(|| ld_text("inLanguage"))
        .map(|l| l.trim().replace('_', "-").to_ascii_lowercase())
        .filter(|l| !l.is_empty() && l.len() <= 35);

    let article_body = articles
        .iter()
        .find_map(|a| a.get("articleBody").and_then(text_of))
        .or(signals.microdata_body);
    Metadata {
        title: title.filter(|t| !t.is_empty()),
        authors,
        published,
        site,
        url,
        language,
        article_body,
    }
}

fn gather(document: &Html) -> Signals {
    let mut signals = Signals::default();
    for node in document.tree.nodes() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let Some(element_ref) = ElementRef::wrap(node) else {
            continue;
        };
        match element.name() {
            "meta" => {
                let key = element
                    .attr("property")
                    .or(element.attr("name"))
                    .or(element.attr("itemprop"))
                    .or(element.attr("http-equiv"));
                let value = element.attr("content").or(element.attr("datetime"));
                if let (Some(key), Some(value)) = (key, value) {
                    signals
                        .meta
                        .push((key.trim().to_ascii_lowercase(), value.to_string()));
                }
            }
            "script"
                if element
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let source: String = element_ref.text().collect();
                if let Ok(value) =
                    serde_json::from_str::<Value>(source.trim().trim_end_matches(';'))
                {
                    signals.json_ld.push(value);
                }
            }
            "title" if signals.title_tag.is_none() => {
                signals.title_tag = Some(visible_text(element_ref))
            }
            "h1" if signals.first_h1.is_none() => {
                signals.first_h1 = Some(visible_text(element_ref)).filter(|t| !t.is_empty())
            }
            "time" if signals.time_datetime.is_none() => {
                signals.time_datetime = element
                    .attr("datetime")
                    .map(str::to_string)
                    .or_else(|| Some(visible_text(element_ref)));
            }
            "link"
                if signals.canonical.is_none()
                    && element
                        .attr("rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                signals.canonical = element.attr("href").map(|h| h.trim().to_string());
            }
            "html" => {
                signals.html_lang = element
                    .attr("lang")
                    .or(element.attr("xml:lang"))
                    .map(str::to_string)
            }
            _ => {}
        }
        let is_author_link = element
            .attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|w| w == "author"))
            || element.attr("itemprop").is_some_and(|p| p == "author");
        if is_author_link && element.name() != "link" && element.name() != "meta" {
            signals.rel_authors.push(visible_text(element_ref));
        }
        if signals.microdata_body.is_none()
            && element.name() != "meta"
            && element
                .attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
        {
            signals.microdata_body = Some(prose_text(element_ref)).filter(|t| !t.is_empty());
        }
        let class = element.attr("class").unwrap_or("").to_ascii_lowercase();
        if signals.dated_texts.len() < 5
            && ["date", "time", "publish", "byline", "dateline"]
                .iter()
                .any(|h| class.contains(h))
        {
            let text = visible_text(element_ref);
            if text.len() < 200 {
                signals.dated_texts.push(text);
            }
        }
    }
    signals
}

/// The JSON-LD objects describing the article (NewsArticle, BlogPosting, …), `@graph` included.
fn json_ld_articles(values: &[Value]) -> Vec<&serde_json::Map<String, Value>> {
    let mut found = Vec::new();
    let mut pending: Vec<&Value> = values.iter().collect();
    let mut visited = 0;
    while let Some(value) = pending.pop() {
        visited += 1;
        if visited > 10_000 {
            break;
        }
        match value {
            Value::Array(items) => pending.extend(items.iter().rev()),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    pending.push(graph);
                }
                let types: Vec<&str> = match map.get("@type") {
                    Some(Value::String(t)) => vec![t.as_str()],
                    Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                if types
                    .iter()
                    .any(|t| t.ends_with("Article") || t.contains("BlogPosting") || *t == "Report")
                {
                    found.push(map);
                }
            }
            _ => {}
        }
    }
    found
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(text_of),
        Value::Object(map) => map.get("@id").or(map.get("url")).and_then(text_of),
        _ => None,
    }
}

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .map(clean)
            .filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

fn collect_names(value: &Value, names: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect_names(item, names)),
        other => {
            if let Some(name) = name_of(other) {
                push_author(&name, names);
            }
        }
    }
}

/// Adds an author name after removing "By" and splitting "A and B"; URLs and duplicates are skipped.
fn push_author(raw: &str, names: &mut Vec<String>) {
    let cleaned = clean(raw);
    let lowered = cleaned.to_ascii_lowercase();
    let cleaned = if lowered.starts_with("by ") {
        cleaned[3..].trim().to_string()
    } else {
        cleaned
    };
    if cleaned.contains("://") || cleaned.starts_with('/') {
        return;
    }
    for part in cleaned
        .split(" and ")
        .flat_map(|p| p.split(", "))
        .flat_map(|p| p.split(" & "))
    {
        let name = part
            .trim()
            .trim_matches(|c: char| c == ',' || c == '|')
            .trim();
        let words = name.split_whitespace().count();
        if name.is_empty() || words > 6 || name.len() > 80 {
            continue;
        }
        if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            names.push(name.to_string());
        }
    }
}

/// The element's text without that of scripts and styles inside it, whitespace collapsed.
fn prose_text(element: ElementRef) -> String {
    let mut text = String::new();
    let mut code_depth = 0usize;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if code_depth > 0 || is_code(e.name()) => code_depth += 1,
                Node::Text(part) if code_depth == 0 => {
                    text.push_str(part);
                    text.push(' ');
                }
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() && code_depth > 0 {
                    code_depth -= 1;
                }
            }
        }
    }
    clean(&text)
}

fn is_code(tag: &str) -> bool {
    matches!(tag, "script" | "style" | "noscript" | "template")
}

fn visible_text(element: ElementRef) -> String {
    clean(&element.text().collect::<String>())
}

/// Collapses whitespace and trims.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Headline | Site" → "Headline" (keeps the longest part).
fn strip_site_suffix(title: &str) -> String {
    let mut parts = vec![title];
    for separator in [" | ", " – ", " — ", " - ", " :: "] {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .map(str::trim)
            .collect();
    }
    if parts.len() < 2 {
        return title.to_string();
    }
    parts
        .into_iter()
        .max_by_key(|p| p.len())
        .unwrap_or(title)
        .to_string()
}

fn host_of(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://")?.1;
    let host = after_scheme.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html lang="en-US"><head><title>Storm hits coast | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<link rel="canonical" href="https://planet.example/2020/03/04/storm">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
"headline":"Storm hits coast","datePublished":"2020-03-04T08:15:00Z",
"author":[{"@type":"Person","name":"Lois Lane"},{"@type":"Person","name":"Clark Kent"}],
"publisher":{"@type":"Organization","name":"Planet Media"}}]}</script>
</head><body><h1>Storm hits the coast</h1></body></html>"#;

    #[test]
    fn json_ld_and_meta_are_read() {
        let meta = extract(&Html::parse_document(PAGE), None);
        assert_eq!(meta.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(meta.authors, vec!["Lois Lane", "Clark Kent"]);
        assert_eq!(meta.published.as_deref(), Some("2020-03-04T08:15:00Z"));
        assert_eq!(meta.site.as_deref(), Some("Daily Planet"));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://planet.example/2020/03/04/storm")
        );
        assert_eq!(meta.language.as_deref(), Some("en-us"));
    }

    #[test]
    fn weaker_signals_are_used_when_nothing_else_is_declared() {
        let page = r#"<html><head><title>Budget passes - Town News</title><meta name="author" content="By Ann Lee and Bo Park"></head>
<body><div class="byline-date">Posted on March 5, 2021</div></body></html>"#;
        let meta = extract(
            &Html::parse_document(page),
            Some("https://town.example/news/budget"),
        );
        assert_eq!(meta.title.as_deref(), Some("Budget passes"));
        assert_eq!(meta.authors, vec!["Ann Lee", "Bo Park"]);
        assert_eq!(meta.published.as_deref(), Some("2021-03-05"));
        assert_eq!(meta.site.as_deref(), Some("town.example"));
    }

    #[test]
    fn hidden_microdata_article_body_is_a_hint() {
        let page = r#"<html><body><p>Teaser</p><div style="display:none" itemscope>
<div itemprop="articleBody"> First point of the day. <script>ad()</script> Second point of the day. </div></div></body></html>"#;
        let meta = extract(&Html::parse_document(page), None);
        assert_eq!(
            meta.article_body.as_deref(),
            Some("First point of the day. Second point of the day.")
        );
    }
}
