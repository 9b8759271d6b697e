//! The upload form's script (`style/upload.js`) posts the form by `XMLHttpRequest` to show
//! progress. A request cannot stop `XMLHttpRequest` from following a redirect, and following it
//! would load the next page once in the background, using up its one-time message (the flash:
//! the upload's errors or the confirmation's banner). So the script marks its requests, and
//! their redirects are answered with `204 No Content` and the target in a header instead; the
//! script then goes there itself, and the page is loaded once, with its message. Everything
//! else (an error page, a request without the mark) passes through unchanged.

use axum::extract::Request;
use axum::http::header::{HeaderName, LOCATION};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// The header the script sets on its uploads (a custom header also keeps other sites out: a
/// cross-site page cannot send one without a CORS preflight, which the portal never answers).
pub const SCRIPT_HEADER: HeaderName = HeaderName::from_static("x-portal-script");

/// Where the script goes next, on a `204` answer.
pub const NEXT_HEADER: HeaderName = HeaderName::from_static("x-portal-next");

/// Middleware: a redirect answering the script's upload becomes `204` with [`NEXT_HEADER`].
pub async fn redirect_for_script(request: Request, next: Next) -> Response {
    let scripted = request.headers().contains_key(SCRIPT_HEADER);
    let mut response = next.run(request).await;
    if scripted && response.status().is_redirection() {
        if let Some(target) = response.headers_mut().remove(LOCATION) {
            *response.status_mut() = StatusCode::NO_CONTENT;
            *response.body_mut() = axum::body::Body::empty();
            response.headers_mut().insert(NEXT_HEADER, target);
        }
    }
    response
}
