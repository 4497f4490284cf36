//! Reading reference and prediction JSONL files (as strings) and pairing them by id.
//!
//! References: `{"id", "summary"}` or `{"id", "summaries": [...]}`; predictions: `{"id",
//! "summary"}`. Blank lines are skipped; every error names its 1-based line.

use serde_json::{Map, Value};
use thiserror::Error;

/// A problem in a JSONL file.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum JsonlError {
    #[error("line {line}: not valid JSON: {message}")]
    Malformed { line: usize, message: String },
    #[error("line {line}: expected a JSON object")]
    NotAnObject { line: usize },
    #[error("line {line}: missing field `{field}`")]
    MissingField { line: usize, field: &'static str },
    #[error("line {line}: field `{field}` must be {expected}")]
    WrongType {
        line: usize,
        field: &'static str,
        expected: &'static str,
    },
    #[error("line {line}: reference `{id}` has no summaries")]
    NoSummaries { line: usize, id: String },
    #[error("line {line}: id `{id}` already appeared on line {first_line}")]
    DuplicateId {
        line: usize,
        id: String,
        first_line: usize,
    },
}

/// One reference row: the reference summaries of one cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub id: String,
    pub summaries: Vec<String>,
    pub line: usize,
}

/// One prediction row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prediction {
    pub id: String,
    pub summary: String,
    pub line: usize,
}

fn objects(
    text: &str,
) -> impl Iterator<Item = Result<(usize, Map<String, Value>), JsonlError>> + '_ {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let line = i + 1;
            match serde_json::from_str::<Value>(l) {
                Ok(Value::Object(map)) => Ok((line, map)),
                Ok(_) => Err(JsonlError::NotAnObject { line }),
                Err(e) => Err(JsonlError::Malformed {
                    line,
                    message: e.to_string(),
                }),
            }
        })
}

fn string_field(
    map: &Map<String, Value>,
    field: &'static str,
    line: usize,
) -> Result<Option<String>, JsonlError> {
    match map.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(JsonlError::WrongType {
            line,
            field,
            expected: "a string",
        }),
    }
}

fn id_of(map: &Map<String, Value>, line: usize) -> Result<String, JsonlError> {
    string_field(map, "id", line)?.ok_or(JsonlError::MissingField { line, field: "id" })
}

fn check_unique<'a>(
    seen: &mut std::collections::BTreeMap<String, usize>,
    id: &'a str,
    line: usize,
) -> Result<&'a str, JsonlError> {
    if let Some(&first_line) = seen.get(id) {
        return Err(JsonlError::DuplicateId {
            line,
            id: id.to_string(),
            first_line,
        });
    }
    seen.insert(id.to_string(), line);
    Ok(id)
}

/// Parses a references file.
pub fn parse_references(text: &str) -> Result<Vec<Reference>, JsonlError> {
    let mut seen = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for row in objects(text) {
        let (line, map) = row?;
        let id = id_of(&map, line)?;
        check_unique(&mut seen, &id, line)?;
        let mut summaries = Vec::new();
        if let Some(s) = string_field(&map, "summary", line)? {
            summaries.push(s);
        }
        match map.get("summaries") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for item in items {
                    match item {
                        Value::String(s) => summaries.push(s.clone()),
                        _ => {
                            return Err(JsonlError::WrongType {
                                line,
                                field: "summaries",
                                expected: "an array of strings",
                            })
                        }
                    }
                }
            }
            Some(_) => {
                return Err(JsonlError::WrongType {
                    line,
                    field: "summaries",
                    expected: "an array of strings",
                })
            }
        }
        if summaries.is_empty() {
            return Err(JsonlError::NoSummaries { line, id });
        }
        out.push(Reference {
            id,
            summaries,
            line,
        });
    }
    Ok(out)
}

/// Parses a predictions file.
pub fn parse_predictions(text: &str) -> Result<Vec<Prediction>, JsonlError> {
    let mut seen = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for row in objects(text) {
        let (line, map) = row?;
        let id = id_of(&map, line)?;
        check_unique(&mut seen, &id, line)?;
        let summary = string_field(&map, "summary", line)?.ok_or(JsonlError::MissingField {
            line,
            field: "summary",
        })?;
        out.push(Prediction { id, summary, line });
    }
    Ok(out)
}

/// One cluster to score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub id: String,
    pub prediction: String,
    pub references: Vec<String>,
}

/// Predictions matched to references by id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pairing {
    /// In reference order, then predictions without a reference in prediction order.
    pub pairs: Vec<Pair>,
    /// Reference ids with no prediction (scored with an empty prediction).
    pub missing_predictions: Vec<String>,
    /// Prediction ids with no reference (scored against an empty reference).
    pub extra_predictions: Vec<String>,
}

/// Pairs predictions with references; nothing is dropped.
pub fn pair_up(references: &[Reference], predictions: &[Prediction]) -> Pairing {
    let by_id: std::collections::HashMap<&str, &Prediction> =
        predictions.iter().map(|p| (p.id.as_str(), p)).collect();
    let reference_ids: std::collections::HashSet<&str> =
        references.iter().map(|r| r.id.as_str()).collect();
    let mut out = Pairing::default();
    for r in references {
        let prediction = match by_id.get(r.id.as_str()) {
            Some(p) => p.summary.clone(),
            None => {
                out.missing_predictions.push(r.id.clone());
                String::new()
            }
        };
        out.pairs.push(Pair {
            id: r.id.clone(),
            prediction,
            references: r.summaries.clone(),
        });
    }
    for p in predictions
        .iter()
        .filter(|p| !reference_ids.contains(p.id.as_str()))
    {
        out.extra_predictions.push(p.id.clone());
        out.pairs.push(Pair {
            id: p.id.clone(),
            prediction: p.summary.clone(),
            references: vec![String::new()],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_in_both_shapes() {
        let refs = parse_references(
            "{\"id\":\"a\",\"summary\":\"x\"}\n\n{\"id\":\"b\",\"summaries\":[\"y\",\"z\"]}\n",
        )
        .unwrap();
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[1].summaries, vec!["y", "z"]);
        assert_eq!(refs[1].line, 3);
    }

    #[test]
    fn errors_name_the_line() {
        assert!(matches!(
            parse_references("{\"id\":\"a\",\"summary\":\"x\"}\n{oops"),
            Err(JsonlError::Malformed { line: 2, .. })
        ));
        assert_eq!(
            parse_references("{\"id\":\"a\",\"summaries\":[]}"),
            Err(JsonlError::NoSummaries {
                line: 1,
                id: "a".into()
            })
        );
        assert_eq!(
            parse_predictions("{\"id\":1,\"summary\":\"x\"}"),
            Err(JsonlError::WrongType {
                line: 1,
                field: "id",
                expected: "a string"
            })
        );
        assert!(matches!(
            parse_predictions("[1]"),
            Err(JsonlError::NotAnObject { line: 1 })
        ));
        let dup =
            parse_predictions("{\"id\":\"a\",\"summary\":\"x\"}\n{\"id\":\"a\",\"summary\":\"y\"}");
        assert!(matches!(
            dup,
            Err(JsonlError::DuplicateId {
                line: 2,
                first_line: 1,
                ..
            })
        ));
    }

    #[test]
    fn missing_and_extra_ids_are_kept() {
        let refs =
            parse_references("{\"id\":\"a\",\"summary\":\"x\"}\n{\"id\":\"b\",\"summary\":\"y\"}")
                .unwrap();
        let preds =
            parse_predictions("{\"id\":\"b\",\"summary\":\"y\"}\n{\"id\":\"c\",\"summary\":\"z\"}")
                .unwrap();
        let p = pair_up(&refs, &preds);
        assert_eq!(p.missing_predictions, vec!["a"]);
        assert_eq!(p.extra_predictions, vec!["c"]);
        assert_eq!(p.pairs.len(), 3);
        assert_eq!(p.pairs[0].prediction, "");
    }
}
