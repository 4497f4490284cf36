//! Labelled streams: a stream of articles (JSONL) with its gold stories (`id<TAB>story`), as in
//! `../shared/data/streams`, read from strings (the caller reads the files).

use newsbrief_core::Article;
use serde::Deserialize;

use crate::StreamError;

/// One line of an article stream.
#[derive(Debug, Deserialize)]
struct Line {
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// The articles of a JSONL stream of plain-text articles, in order.
pub fn read_stream(jsonl: &str) -> Result<Vec<Article>, StreamError> {
    let mut out = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let l: Line = serde_json::from_str(line).map_err(|e| StreamError::Labelled {
            line: i + 1,
            message: e.to_string(),
        })?;
        out.push(Article {
            id: l.id,
            text: l.text.unwrap_or_default(),
            title: l.title,
            outlet: l.outlet,
            published: l.published,
            url: l.url,
        });
    }
    Ok(out)
}

/// Gold stories: (article id, story) pairs from `id<TAB>story` lines.
pub fn read_gold(tsv: &str) -> Result<Vec<(String, String)>, StreamError> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            l.split_once('\t')
                .map(|(a, b)| (a.to_owned(), b.trim().to_owned()))
                .ok_or(StreamError::Labelled {
                    line: i + 1,
                    message: "expected id<TAB>story".into(),
                })
        })
        .collect()
}
