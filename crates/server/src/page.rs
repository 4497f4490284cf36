//! Page: the web page at `/`, its stylesheet and script, compiled into the binary (no build step, no CDN);
//! and the same page as one standalone HTML file showing one brief ([`standalone`], for
//! `newsbrief brief --format html`).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use newsbrief_core::render::Section;
use newsbrief_core::Brief;
use serde::Serialize;

const INDEX: &str = include_str!("page/index.html");
const CSS: &str = include_str!("page/app.css");
const SCRIPT: &str = include_str!("page/app.js");

/// Where the page links its stylesheet and script; the standalone file inlines them there.
const CSS_LINK: &str = r#"<link rel="stylesheet" href="/app.css">"#;
const SCRIPT_LINK: &str = r#"<script src="/app.js" defer></script>"#;

/// Only the server's own files may load, and no inline script may run: input shown on the page can never
/// become code even if a bug put it in the markup.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// `GET /`.
pub async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX)
}

/// `GET /app.css`.
pub async fn css() -> Response {
    asset("text/css; charset=utf-8", CSS)
}

/// `GET /app.js`.
pub async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

/// What the standalone page's script draws: the brief as the API gives it, the article texts its offsets
/// point into, and the sections to show.
#[derive(Serialize)]
struct Embedded<'a> {
    #[serde(flatten)]
    brief: &'a Brief,
    texts: &'a [String],
    sections: Vec<&'static str>,
}

/// The web page's rendering of `brief` as one HTML file that needs no server: the stylesheet and script
/// inline, the brief (with the article `texts`, for the evidence panel) embedded as JSON; only the
/// `sections` given are shown.
pub fn standalone(brief: &Brief, texts: &[String], sections: &[Section]) -> String {
    let embedded = Embedded {
        brief,
        texts,
        sections: sections.iter().map(|s| s.name()).collect(),
    };
    // `<` escaped, so that no text of the brief can close the script element it sits in.
    let data = serde_json::to_string(&embedded)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c");
    let title = brief.title.as_deref().unwrap_or("Story");
    INDEX
        .replacen(
            "<title>newsbrief</title>",
            &format!("<title>{} · newsbrief</title>", escape_html(title)),
            1,
        )
        .replacen(CSS_LINK, &format!("<style>\n{CSS}</style>"), 1)
        .replacen(
            SCRIPT_LINK,
            &format!(
                "<script type=\"application/json\" id=\"brief-data\">{data}</script>\n\
                 <script>\n{SCRIPT}</script>"
            ),
            1,
        )
}

/// The text of each source of `brief`, by its `doc` (what its offsets point into), from the `articles` the
/// brief was made of: the originals, in input order, copies left out.
pub fn source_texts(brief: &Brief, articles: &[newsbrief_core::Article]) -> Vec<String> {
    let mut next = 0;
    brief
        .sources
        .iter()
        .map(|source| {
            let found = articles
                .iter()
                .enumerate()
                .skip(next)
                .find(|(_, a)| a.id == source.id);
            match found {
                Some((i, article)) => {
                    next = i + 1;
                    article.text.clone()
                }
                None => String::new(),
            }
        })
        .collect()
}

/// Text made safe to put between HTML tags.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_links_what_the_standalone_file_inlines() {
        assert!(INDEX.contains(CSS_LINK));
        assert!(INDEX.contains(SCRIPT_LINK));
        assert!(INDEX.contains("<title>newsbrief</title>"));
        // Inlined, neither may end its element early.
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
    }

    #[test]
    fn the_standalone_page_embeds_the_brief_as_inert_data() {
        let articles = [newsbrief_core::Article::new(
            "a.txt",
            "The council voted on Monday to close the bridge. </script><script>alert(1)</script> \
             The mayor said the repairs would take a year.",
        )];
        let brief = newsbrief_core::build_brief(&articles, &Default::default()).unwrap();
        let texts = vec![articles[0].text.clone()];
        let html = standalone(&brief, &texts, &[Section::Summary, Section::Sources]);
        assert!(!html.contains("href=\"/app.css\"") && !html.contains("src=\"/app.js\""));
        assert_eq!(
            html.matches("</script>").count(),
            2,
            "the data and the script"
        );
        assert!(html.contains("\"sections\":[\"summary\",\"sources\"]"));
        assert!(html.contains("\\u003c/script>\\u003cscript>alert(1)"));
    }
}
