//! Articles and clusters handed over from Python as JSON text, read by the core's own readers
//! (`article_json` for an article object, `ingest::parse_cluster_line` for a cluster), so that they are
//! named and checked exactly as the CLI's `{"id", "articles": [...]}` cluster lines are.

use newsbrief_core::article_json::article_from_json;
use newsbrief_core::Article;
use serde_json::Value;

/// Reads a JSON array of article objects; an article without an id is `doc0`, `doc1`, … by position.
pub(crate) fn articles(json: &str) -> Result<Vec<Article>, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let Value::Array(items) = value else {
        return Err("articles should be a list".to_owned());
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            article_from_json(item, Some(&format!("doc{i}")))
                .map_err(|e| format!("article {} ({}): {e}", i + 1, id_of(&e.id, i)))
        })
        .collect()
}

fn id_of(id: &Option<String>, index: usize) -> String {
    id.clone().unwrap_or_else(|| format!("doc{index}"))
}
