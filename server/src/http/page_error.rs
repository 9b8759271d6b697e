//! Errors from form handlers and middleware as full Japanese HTML pages with the right status.

use app::AppError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// An `AppError` on its way to the browser as a page.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl<E: Into<AppError>> From<E> for PageError {
    fn from(error: E) -> Self {
        Self(error.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let html = app::error_page_html(&self.0);
        (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response()
    }
}

/// Result of a form handler.
pub type PageResult<T> = Result<T, PageError>;
