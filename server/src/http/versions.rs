//! 内容確認済 (the receiving office confirms it has checked a version's content).

use super::flash::forward_with_notice;
use super::page_error::PageResult;
use crate::auth::{ClientInfo, TypedSession};
use crate::startup::AppState;
use app::types::{Caller, VersionId};
use app::AppError;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Extension;

/// POST /versions/{id}/confirm, then back to the delivery page with a success banner.
pub async fn post_confirm(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw): Path<String>,
) -> PageResult<Response> {
    let id: VersionId = raw.parse().map_err(|_| AppError::NotFound)?;
    let delivery = state
        .services
        .versions
        .confirm(&caller, &client, id)
        .await?;
    forward_with_notice(
        &session,
        &format!("/deliveries/{delivery}"),
        "内容確認済にしました。送信元にも伝わります。",
    )
    .await
}
