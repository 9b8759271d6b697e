//! `/healthz` (the process answers) and `/readyz` (the database answers too).

use crate::startup::AppState;
use axum::extract::State;
use axum::http::StatusCode;

/// Liveness.
pub async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: 503 while the database is unreachable.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.db.ping().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
