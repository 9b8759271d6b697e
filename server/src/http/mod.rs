//! Non-UI routes: form posts, health, static style, and the middleware they share.

pub mod flash;
pub mod form;
pub mod health;
pub mod login;
pub mod offices;
pub mod origin_check;
pub mod page_error;
pub mod staff;
pub mod style;

use crate::startup::AppState;
use axum::routing::{get, post};
use axum::Router;

/// Routes handled by plain axum handlers (pages are Leptos routes, added in `startup`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/style/main.css", get(style::main_css))
        .route("/login", post(login::post_login))
        .route("/logout", post(login::post_logout))
        .route("/offices/switch", post(offices::post_switch))
        .route("/admin/staff", post(staff::post_create))
        .route("/admin/staff/{user_id}/role", post(staff::post_role))
        .route("/admin/staff/{user_id}/disable", post(staff::post_disable))
        .route("/admin/staff/{user_id}/enable", post(staff::post_enable))
}
