//! The story-level functions: `brief`, `summarize` and `summarize_batch` (rayon, all cores or a
//! pool of the size asked for). Each returns the JSON the CLI writes for the same input.

use newsbrief_core::ingest::parse_cluster_line;
use newsbrief_core::SummarySentence;
use newsbrief_core::{build_brief, render, summarize, BriefOptions, SummaryOptions, UPDATE_WORDS};
use pyo3::prelude::*;
use rayon::prelude::*;
use serde::Serialize;

use crate::articles::{articles, seen_articles};
use crate::error;

/// The brief of the articles (a JSON array of article objects) as `newsbrief brief --format json`
/// prints it (without its final newline): focused on `focus` when given, and an update brief against
/// `seen_json` (a JSON array of article objects) when given; `words` defaults as the CLI's.
#[pyfunction]
#[pyo3(signature = (articles_json, *, words, focus, seen_json))]
pub(crate) fn brief_json(
    py: Python<'_>,
    articles_json: &str,
    words: Option<usize>,
    focus: Option<String>,
    seen_json: Option<&str>,
) -> PyResult<String> {
    if let Some(words) = words {
        check_words(words)?;
    }
    py.detach(|| -> Result<String, String> {
        let articles = articles(articles_json)?;
        let seen = match seen_json {
            Some(json) => seen_articles(json)?,
            None => Vec::new(),
        };
        let words = words.unwrap_or(if seen.is_empty() { 250 } else { UPDATE_WORDS });
        let opts = BriefOptions {
            summary: SummaryOptions::with_words(words),
            focus,
            seen,
        };
        let brief = build_brief(&articles, &opts).map_err(|e| e.to_string())?;
        Ok(render::json(&brief))
    })
    .map_err(error)
}

/// The summary of the articles: `{"summary": text, "sentences": [...]}`.
#[pyfunction]
#[pyo3(signature = (articles_json, *, words))]
pub(crate) fn summarize_json(
    py: Python<'_>,
    articles_json: &str,
    words: usize,
) -> PyResult<String> {
    check_words(words)?;
    py.detach(|| -> Result<String, String> {
        let articles = articles(articles_json)?;
        if articles.is_empty() {
            return Err("no documents to summarise".to_owned());
        }
        let summary = summarize(&articles, &SummaryOptions::with_words(words));
        let out = Summarized {
            id: None,
            summary: summary.text(),
            sentences: summary.sentences,
        };
        serde_json::to_string(&out).map_err(|e| e.to_string())
    })
    .map_err(error)
}

/// Summaries of clusters given as JSONL cluster lines, on all cores (or `threads`): a JSON array of
/// the lines `newsbrief summarize` writes (`{"id", "summary", "sentences"}`), in input order. The
/// first cluster that gives no summary is the error, named by its position.
#[pyfunction]
#[pyo3(signature = (cluster_lines, *, words, threads))]
pub(crate) fn summarize_batch_json(
    py: Python<'_>,
    cluster_lines: Vec<String>,
    words: usize,
    threads: Option<usize>,
) -> PyResult<String> {
    check_words(words)?;
    if threads == Some(0) {
        return Err(error("threads must be at least 1"));
    }
    py.detach(|| -> Result<String, String> {
        let opts = SummaryOptions::with_words(words);
        let run = || -> Result<Vec<Summarized>, String> {
            cluster_lines
                .par_iter()
                .enumerate()
                .map(|(i, line)| {
                    let cluster =
                        parse_cluster_line(line).map_err(|e| format!("cluster {}: {e}", i + 1))?;
                    if cluster.articles.is_empty() {
                        return Err(format!(
                            "cluster {}: no documents (the cluster has no non-empty document)",
                            i + 1
                        ));
                    }
                    let summary = summarize(&cluster.articles, &opts);
                    Ok(Summarized {
                        id: Some(cluster.id),
                        summary: summary.text(),
                        sentences: summary.sentences,
                    })
                })
                .collect()
        };
        let lines = match threads {
            None => run(),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| e.to_string())?
                .install(run),
        }?;
        serde_json::to_string(&lines).map_err(|e| e.to_string())
    })
    .map_err(error)
}

fn check_words(words: usize) -> PyResult<()> {
    if words == 0 {
        return Err(error("words must be at least 1"));
    }
    Ok(())
}

/// One summary, as a line of `newsbrief summarize` (without the id for a single story).
#[derive(Serialize)]
struct Summarized {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    summary: String,
    sentences: Vec<SummarySentence>,
}
