//! CSRF protection: a state-changing request must come from our own pages. Browsers send
//! `Origin` (or at least `Sec-Fetch-Site`/`Referer`) on form posts; a request from another site,
//! or one that proves nothing, is refused with 403. SameSite=Lax cookies are the second layer.

use super::page_error::PageError;
use crate::startup::AppState;
use app::AppError;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// True when the headers show the request came from `origin` (e.g. `https://portal.example.jp`).
pub fn is_same_origin(headers: &HeaderMap, origin: &str) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(sent) = header("origin") {
        return sent == origin;
    }
    if let Some(site) = header("sec-fetch-site") {
        return site == "same-origin";
    }
    if let Some(referer) = header("referer") {
        return referer == origin || referer.starts_with(&format!("{origin}/"));
    }
    false
}

/// Middleware: refuses cross-site non-GET requests.
pub async fn origin_check(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_origin(req.headers(), &state.origin) {
        next.run(req).await
    } else {
        tracing::warn!(method = %req.method(), path = %req.uri().path(), "cross-site request refused");
        PageError(AppError::CrossSite).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().unwrap());
        }
        map
    }

    const ORIGIN: &str = "https://portal.example.jp";

    #[test]
    fn our_origin_is_accepted() {
        assert!(is_same_origin(&headers(&[("origin", ORIGIN)]), ORIGIN));
    }

    #[test]
    fn another_origin_is_refused_even_with_a_matching_referer() {
        let h = headers(&[
            ("origin", "https://evil.example"),
            ("referer", "https://portal.example.jp/x"),
        ]);
        assert!(!is_same_origin(&h, ORIGIN));
    }

    #[test]
    fn a_referer_on_a_look_alike_host_is_refused() {
        assert!(!is_same_origin(
            &headers(&[("referer", "https://portal.example.jp.evil.example/")]),
            ORIGIN
        ));
    }

    #[test]
    fn a_request_without_any_origin_evidence_is_refused() {
        assert!(!is_same_origin(&HeaderMap::new(), ORIGIN));
    }

    #[test]
    fn fetch_metadata_decides_when_origin_is_missing() {
        assert!(is_same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            ORIGIN
        ));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            ORIGIN
        ));
    }
}
