//! OpenAPI: the description of the API, served at `/openapi.json` (tested against [`crate::ROUTES`]).

use axum::http::StatusCode;
use axum::response::Response;

/// The OpenAPI 3.1 document.
pub const DOCUMENT: &str = include_str!("openapi.json");

/// `GET /openapi.json`.
pub async fn document() -> Response {
    crate::api::json_response(StatusCode::OK, DOCUMENT.to_owned())
}
