//! Errors of the API, answered as JSON `{"error": {"code", "message"}}` with their HTTP status.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use newsbrief_api::RequestError;
use serde_json::json;

/// One failed request: the status, a stable machine-readable code and a message for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

/// A request body that cannot be briefed, answered with its status: 400 malformed, 413 too large, 415
/// unsupported, 422 no usable article.
impl From<RequestError> for ApiError {
    fn from(e: RequestError) -> Self {
        match e {
            RequestError::Malformed(m) => ApiError::malformed(m),
            RequestError::TooLarge(m) => ApiError::too_large(m),
            RequestError::Unsupported(m) => ApiError::unsupported(m),
            RequestError::NoUsableArticle(m) => ApiError::no_usable_article(m),
        }
    }
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400: the request could not be understood.
    pub fn malformed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "malformed", message)
    }

    /// 413: the body, or the number of articles in it, is over the limit.
    pub fn too_large(message: impl Into<String>) -> Self {
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
    }

    /// 415: a content type (of the request or of an uploaded file) that cannot be read.
    pub fn unsupported(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
            message,
        )
    }

    /// 422: well-formed, but there is no article with prose to brief.
    pub fn no_usable_article(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_usable_article",
            message,
        )
    }

    /// 503: too many requests at once.
    pub fn overloaded() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "overloaded",
            "the server is busy; retry in a moment",
        )
    }

    /// 503: the request took longer than the per-request time limit.
    pub fn timed_out() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            "the request took longer than the time limit",
        )
    }

    /// 408: the client took longer than the time limit to send its request.
    pub fn slow_request() -> Self {
        Self::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "the request body took longer than the time limit to arrive",
        )
    }

    /// 401: the server wants a bearer token and did not get the right one.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this server requires `Authorization: Bearer <token>`",
        )
    }

    /// 500: something failed inside the server.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// The JSON body of this error.
    pub fn body(&self) -> String {
        json!({"error": {"code": self.code, "message": self.message}}).to_string()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            self.body(),
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
