//! POST /offices/switch.

use super::flash::forward_with_notice;
use super::form::Form;
use super::page_error::PageResult;
use crate::auth::{ClientInfo, SessionLogin, TypedSession};
use crate::startup::AppState;
use app::types::{Caller, OfficeId};
use app::AppError;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;

/// The switch form.
#[derive(serde::Deserialize)]
pub struct SwitchForm {
    #[serde(default)]
    office_id: String,
}

/// Makes another of the caller's offices current; any other id answers 404.
pub async fn post_switch(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    Extension(mut login): Extension<SessionLogin>,
    session: TypedSession,
    Form(form): Form<SwitchForm>,
) -> PageResult<Response> {
    let office: OfficeId = form.office_id.parse().map_err(|_| AppError::NotFound)?;
    let name = state
        .services
        .offices
        .switch_office(&caller, &client, &mut login, office)
        .await?;
    session.update(&login).await?;
    forward_with_notice(&session, "/", format!("{name}に切り替えました。")).await
}
