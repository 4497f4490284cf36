//! Articles and clusters handed over from Python as JSON text, read by the core's own readers
//! (`article_json` for an article object, `ingest::parse_cluster_line` for a cluster), so that they are
//! named and checked exactly as the CLI's `{"id", "articles": [...]}` cluster lines are.

use newsbrief_core::article_json::article_from_json;
use newsbrief_core::Article;
use serde_json::Value;

/// Reads a JSON array of article objects; an article without an id is `doc0`, `doc1`, … by position.
pub(crate) fn articles(json: &str) -> Result<Vec<Article>, String> {
    named_articles(json, "doc", "article")
}

/// Reads a JSON array of the articles a reader has seen; one without an id is `seen0`, `seen1`, ….
pub(crate) fn seen_articles(json: &str) -> Result<Vec<Article>, String> {
    named_articles(json, "seen", "seen article")
}

/// A JSON array of article objects, ids defaulting to `{prefix}{index}`, errors naming the `what` by its
/// place in the list.
fn named_articles(json: &str, prefix: &str, what: &str) -> Result<Vec<Article>, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let Value::Array(items) = value else {
        return Err("articles should be a list".to_owned());
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            article_from_json(item, Some(&format!("{prefix}{i}")))
                .map_err(|e| format!("{what} {} ({}): {e}", i + 1, id_of(&e.id, prefix, i)))
        })
        .collect()
}

fn id_of(id: &Option<String>, prefix: &str, index: usize) -> String {
    id.clone().unwrap_or_else(|| format!("{prefix}{index}"))
}
