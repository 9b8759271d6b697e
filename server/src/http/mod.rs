//! Non-UI routes: form posts, health, static style, and the middleware they share.

pub mod deliveries;
pub mod flash;
pub mod form;
pub mod health;
pub mod login;
pub mod offices;
pub mod origin_check;
pub mod page_error;
pub mod password;
pub mod reconcile;
pub mod routing;
pub mod routing_admin;
pub mod routing_roster;
pub mod scripted_upload;
pub mod sessions;
pub mod staff;
pub mod style;
pub mod two_factor;
pub mod uploads;
pub mod versions;

use crate::startup::AppState;
use axum::routing::{get, post};
use axum::Router;

/// Routes handled by plain axum handlers (pages are Leptos routes, added in `startup`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(routing::routes())
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/style/main.css", get(style::main_css))
        .route("/style/forms.css", get(style::forms_css))
        .route("/style/upload.js", get(style::upload_js))
        .route("/login", post(login::post_login))
        .route("/logout", post(login::post_logout))
        .route("/offices/switch", post(offices::post_switch))
        .route("/admin/staff", post(staff::post_create))
        .route("/admin/staff/{user_id}/role", post(staff::post_role))
        .route("/admin/staff/{user_id}/disable", post(staff::post_disable))
        .route("/admin/staff/{user_id}/enable", post(staff::post_enable))
        .route("/uploads/{id}/send", post(uploads::post_send))
        .route("/uploads/{id}/discard", post(uploads::post_discard))
        .route(
            "/uploads/{id}/files/{file_id}/remove",
            post(uploads::post_remove_file),
        )
        .route(
            "/deliveries/{id}/files/{file_id}",
            get(deliveries::get_file),
        )
        .route("/deliveries/{id}/zip", get(deliveries::get_zip))
        .route("/deliveries/{id}/imported", post(deliveries::post_imported))
        .route("/versions/{id}/confirm", post(versions::post_confirm))
        .route(
            "/admin/staff/{user_id}/password-reset",
            post(staff::post_password_reset),
        )
        .route(
            "/admin/staff/{user_id}/invitation/resend",
            post(staff::post_resend_invitation),
        )
        .route(
            "/admin/staff/{user_id}/invitation/revoke",
            post(staff::post_revoke_invitation),
        )
        .route("/reconcile/export.csv", get(reconcile::get_export))
        .route("/reconcile/settings", post(reconcile::post_settings))
        .route("/password/forgot", post(password::post_forgot))
        .route("/password/reset", post(password::post_reset))
        .route("/invitation", post(password::post_invitation))
        .route("/account/sessions/{handle}/end", post(sessions::post_end))
        .route(
            "/account/sessions/end-others",
            post(sessions::post_end_others),
        )
        .route("/login/two-factor", post(two_factor::post_login_code))
        .route("/account/two-factor/start", post(two_factor::post_start))
        .route(
            "/account/two-factor/confirm",
            post(two_factor::post_confirm),
        )
        .route(
            "/admin/two-factor/required",
            post(two_factor::post_required),
        )
        .route(
            "/admin/staff/{user_id}/two-factor/reset",
            post(two_factor::post_admin_reset),
        )
}

/// Upload routes, with a body limit sized for a full send (files plus form overhead), answering
/// the upload form's script as [`scripted_upload`] describes.
pub fn upload_routes(limits: crate::config::UploadLimits) -> Router<AppState> {
    let max = usize::try_from(limits.max_file_bytes)
        .unwrap_or(usize::MAX)
        .saturating_mul(limits.max_files + 1);
    Router::new()
        .route("/uploads", post(uploads::post_upload))
        .route("/uploads/{id}/files", post(uploads::post_add_files))
        .layer(axum::extract::DefaultBodyLimit::max(max))
        .layer(axum::middleware::from_fn(
            scripted_upload::redirect_for_script,
        ))
}
