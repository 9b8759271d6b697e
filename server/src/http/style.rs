//! The stylesheets and the upload form's script, compiled into the binary so the server runs
//! from any working directory.

use axum::http::header;
use axum::response::IntoResponse;

const MAIN_CSS: &str = include_str!("../../../style/main.css");
const FORMS_CSS: &str = include_str!("../../../style/forms.css");
const UPLOAD_JS: &str = include_str!("../../../style/upload.js");

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

/// GET /style/forms.css: the paper forms (帳票表示) and their print layout.
pub async fn forms_css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        FORMS_CSS,
    )
}

/// GET /style/upload.js: progress and drag-and-drop for the upload form (the form works without).
pub async fn upload_js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        UPLOAD_JS,
    )
}
