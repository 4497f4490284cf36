//! ROUGE for Python: the scorer behind `newsbrief.rouge.rouge_scorer.RougeScorer` (rouge-score 0.1.2's
//! scores from the Rust port), the resampling behind `scoring.BootstrapAggregator`, and
//! ROUGE-1.5.5-compatible corpus scoring (`newsbrief.rouge.rouge155`).

use std::sync::Mutex;

use newsbrief_rouge::{
    has_rouge_score_tokens, percentile_intervals, Compat, MultiRef, Rouge155Options, RougeType,
    Scorer, Scores, Truncation,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use serde_json::json;

use crate::error;

/// The rouge types rouge-score names that the port computes.
fn rouge_type(name: &str) -> PyResult<RougeType> {
    match name {
        "rouge1" => Ok(RougeType::Rouge1),
        "rouge2" => Ok(RougeType::Rouge2),
        "rouge3" => Ok(RougeType::Rouge3),
        "rouge4" => Ok(RougeType::Rouge4),
        "rougeL" => Ok(RougeType::RougeL),
        "rougeLsum" => Ok(RougeType::RougeLsum),
        "rouge0" => Err(PyValueError::new_err(format!(
            "rougen requires positive n: {name}"
        ))),
        n if n.len() == 6
            && n.starts_with("rouge")
            && n.ends_with(|c: char| c.is_ascii_digit()) =>
        {
            Err(PyValueError::new_err(format!(
                "{name} is not supported by newsbrief (rouge1 to rouge4, rougeL and rougeLsum are)"
            )))
        }
        _ => Err(PyValueError::new_err(format!("Invalid rouge type: {name}"))),
    }
}

/// rouge-score's scores of the requested types, as instances of the given `Score` class.
#[pyclass(frozen, module = "newsbrief._native")]
pub(crate) struct NativeRougeScorer {
    types: Vec<(RougeType, Py<PyAny>)>,
    score_class: Py<PyAny>,
    scorer: Mutex<Scorer>,
}

#[pymethods]
impl NativeRougeScorer {
    #[new]
    fn new(
        rouge_types: Vec<Bound<'_, PyAny>>,
        use_stemmer: bool,
        score_class: Py<PyAny>,
    ) -> PyResult<Self> {
        let types = rouge_types
            .into_iter()
            .map(|name| Ok((rouge_type(&name.extract::<String>()?)?, name.unbind())))
            .collect::<PyResult<_>>()?;
        Ok(NativeRougeScorer {
            types,
            score_class,
            scorer: Mutex::new(Scorer::rouge_score(use_stemmer)),
        })
    }

    /// `prediction` against `targets` (the best F per type, the first target on ties); ROUGE-Lsum
    /// from `lsum_targets` and `lsum_prediction` when given (sentences already split, one a line).
    #[pyo3(signature = (targets, prediction, lsum_targets=None, lsum_prediction=None))]
    fn score<'py>(
        &self,
        py: Python<'py>,
        targets: Vec<String>,
        prediction: &str,
        lsum_targets: Option<Vec<String>>,
        lsum_prediction: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        if targets.is_empty() {
            return Err(PyValueError::new_err(
                "attempt to get argmax of an empty sequence",
            ));
        }
        let wants_lsum = self.types.iter().any(|(t, _)| *t == RougeType::RougeLsum);
        let scores = py.detach(|| -> Result<Scores, String> {
            let mut scorer = self.scorer.lock().map_err(|e| e.to_string())?;
            let refs: Vec<&str> = targets.iter().map(String::as_str).collect();
            let mut scores = scorer.score(prediction, &refs);
            if let (true, Some(lsum_targets), Some(lsum_prediction)) =
                (wants_lsum, &lsum_targets, lsum_prediction)
            {
                let refs: Vec<&str> = lsum_targets.iter().map(String::as_str).collect();
                let lsum = scorer.score(lsum_prediction, &refs);
                scores.set(RougeType::RougeLsum, lsum.get(RougeType::RougeLsum));
            }
            Ok(scores)
        });
        let scores = scores.map_err(error)?;
        // With every F zero, rouge-score keeps the first target; it scores ROUGE-L and ROUGE-Lsum
        // of a text without tokens as the integers 0.
        let untokened = |target: &str, prediction: &str| {
            !has_rouge_score_tokens(target) || !has_rouge_score_tokens(prediction)
        };
        let l_untokened = untokened(&targets[0], prediction);
        let lsum_untokened = match (&lsum_targets, lsum_prediction) {
            (Some(t), Some(p)) => t.first().is_some_and(|t| untokened(t, p)),
            _ => l_untokened,
        };
        let out = PyDict::new(py);
        let class = self.score_class.bind(py);
        for (t, name) in &self.types {
            let s = scores.get(*t);
            let integer_zeros = s.f1 == 0.0
                && match t {
                    RougeType::RougeL => l_untokened,
                    RougeType::RougeLsum => lsum_untokened,
                    _ => false,
                };
            let score = if integer_zeros {
                class.call1((0, 0, 0))?
            } else {
                class.call1((s.precision, s.recall, s.f1))?
            };
            out.set_item(name.bind(py), score)?;
        }
        Ok(out)
    }
}

/// rouge-score's bootstrap on measure columns: `[low, mid, high]` of each column (see
/// `newsbrief_rouge::percentile_intervals`).
#[pyfunction]
pub(crate) fn bootstrap_intervals(
    py: Python<'_>,
    columns: Vec<Vec<f64>>,
    n_samples: usize,
    confidence_interval: f64,
) -> Vec<[f64; 3]> {
    py.detach(|| percentile_intervals(&columns, n_samples, confidence_interval))
}

/// ROUGE-1.5.5-compatible scores of predictions against their references (pairs named by `ids`, which
/// order the bootstrap as ROUGE-1.5.5 orders its instances), as `newsbrief eval --compat rouge155
/// --format json` reports them: per type the mean precision, recall and F and the F interval.
#[pyfunction]
#[pyo3(signature = (ids, predictions, references, *, truncate_words, truncate_bytes, stopwords, multi_ref, stemming, alpha, resamples, confidence))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn rouge155_json(
    py: Python<'_>,
    ids: Vec<String>,
    predictions: Vec<String>,
    references: Vec<Vec<String>>,
    truncate_words: Option<usize>,
    truncate_bytes: Option<usize>,
    stopwords: bool,
    multi_ref: &str,
    stemming: bool,
    alpha: f64,
    resamples: usize,
    confidence: f64,
) -> PyResult<String> {
    let truncation = match (truncate_words, truncate_bytes) {
        (Some(_), Some(_)) => return Err(error("give truncate_words or truncate_bytes, not both")),
        (Some(n), None) => Truncation::Words(n),
        (None, Some(n)) => Truncation::Bytes(n),
        (None, None) => Truncation::None,
    };
    let multi_ref = match multi_ref {
        "A" => MultiRef::Average,
        "B" => MultiRef::Best,
        other => {
            return Err(error(format!(
                "multi_ref must be \"A\" or \"B\", not {other:?}"
            )))
        }
    };
    if !(0.0..=1.0).contains(&alpha) {
        return Err(error("alpha must be in [0, 1]"));
    }
    if !(0.0..100.0).contains(&confidence) {
        return Err(error("confidence must be in [0, 100), in percent"));
    }
    if predictions.len() != references.len() || ids.len() != predictions.len() {
        return Err(error(format!(
            "{} predictions but {} references",
            predictions.len(),
            references.len()
        )));
    }
    let compat = Compat::Rouge155(Rouge155Options {
        truncation,
        remove_stopwords: stopwords,
        stemming,
        multi_ref,
        alpha,
        resamples,
        confidence,
    });
    Ok(py.detach(|| {
        let scores: Vec<Scores> = predictions
            .par_iter()
            .zip(references.par_iter())
            .map_init(
                || Scorer::new(compat.clone()),
                |scorer, (prediction, refs)| {
                    let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
                    scorer.score(prediction, &refs)
                },
            )
            .collect();
        let pairs: Vec<(&str, &Scores)> = ids.iter().map(String::as_str).zip(&scores).collect();
        let aggregate = Scorer::new(compat.clone()).aggregate(&pairs);
        let mut json = aggregate.to_json();
        json["n"] = json!(aggregate.n);
        json.to_string()
    }))
}
