//! The stylesheet, compiled into the binary so the server runs from any working directory.

use axum::http::header;
use axum::response::IntoResponse;

const MAIN_CSS: &str = include_str!("../../../style/main.css");

/// GET /style/main.css.
pub async fn main_css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        MAIN_CSS,
    )
}
