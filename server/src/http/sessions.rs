//! POST /account/sessions/{handle}/end and POST /account/sessions/end-others.

use super::flash::forward_with_notice;
use super::page_error::PageResult;
use crate::auth::{ClientInfo, SessionLogin, TypedSession};
use crate::startup::AppState;
use app::types::Caller;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Extension;

/// Ends one other session of the caller; another person's handle is 404.
pub async fn post_end(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    Extension(login): Extension<SessionLogin>,
    session: TypedSession,
    Path(handle): Path<String>,
) -> PageResult<Response> {
    let sessions = &state.services.sessions;
    sessions
        .end_sessions(&caller, &client, &login.handle, Some(&handle))
        .await?;
    forward_with_notice(&session, "/account/sessions", "ログインを終了しました。").await
}

/// Ends every session of the caller but this one.
pub async fn post_end_others(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    Extension(login): Extension<SessionLogin>,
    session: TypedSession,
) -> PageResult<Response> {
    let sessions = &state.services.sessions;
    let count = sessions
        .end_sessions(&caller, &client, &login.handle, None)
        .await?;
    let notice = format!("この端末以外の{count}件のログインを終了しました。");
    forward_with_notice(&session, "/account/sessions", notice).await
}
