//! OpenAPI: the description of the API, served at `/openapi.json` (tested against [`crate::ROUTES`]).

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;

/// The OpenAPI 3.1 document, as committed.
pub const DOCUMENT: &str = include_str!("openapi.json");

/// The server address the committed document names; served, it is the address the request was sent to.
const COMMITTED_SERVER: &str = "\"url\": \"http://127.0.0.1:8080\"";

/// `GET /openapi.json`: the document, its server the one the client reached (the request's `Host`), or
/// the relative `/` when the request names none usable.
pub async fn document(headers: HeaderMap) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| is_host(h));
    let server = match host {
        Some(host) => format!("\"url\": \"http://{host}\""),
        None => "\"url\": \"/\"".to_owned(),
    };
    crate::api::json_response(
        StatusCode::OK,
        DOCUMENT.replacen(COMMITTED_SERVER, &server, 1),
    )
}

/// A host name or address with an optional port (`127.0.0.1:3000`, `[::1]:8080`, `news.example`), and
/// nothing that could break out of a JSON string.
fn is_host(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 255
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_document_names_the_server_that_is_replaced() {
        assert_eq!(DOCUMENT.matches(COMMITTED_SERVER).count(), 1);
    }

    #[test]
    fn only_plain_hosts_are_used() {
        assert!(is_host("127.0.0.1:3000"));
        assert!(is_host("[::1]:8080"));
        assert!(!is_host("evil\"}, {\"x"));
        assert!(!is_host(""));
    }
}
