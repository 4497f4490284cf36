//! The `newsbrief._native` Python extension module: thin PyO3 wrappers over the library crates.
//!
//! Every function converts its Python arguments, runs the Rust work with the GIL released, and
//! converts the result back (JSON text that `newsbrief/__init__.py` loads, or plain Python values).
//! Library errors become `newsbrief.Error` (a `ValueError`) with the library's message.

mod articles;
mod pipeline;
mod rouge;
mod text;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    _native,
    Error,
    PyValueError,
    "An input newsbrief cannot use (the message is the library's)."
);

/// The error raised for a library error, with its message.
pub(crate) fn error(message: impl std::fmt::Display) -> PyErr {
    Error::new_err(message.to_string())
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", m.py().get_type::<Error>())?;
    m.add_function(wrap_pyfunction!(pipeline::brief_json, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::summarize_json, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::summarize_batch_json, m)?)?;
    m.add_function(wrap_pyfunction!(text::extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(text::entities_json, m)?)?;
    m.add_function(wrap_pyfunction!(text::quotes_json, m)?)?;
    m.add_function(wrap_pyfunction!(text::timex_json, m)?)?;
    m.add_class::<rouge::NativeRougeScorer>()?;
    m.add_function(wrap_pyfunction!(rouge::bootstrap_intervals, m)?)?;
    m.add_function(wrap_pyfunction!(rouge::rouge155_json, m)?)?;
    Ok(())
}
