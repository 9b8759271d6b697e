//! 職員の管理 form posts: invite, change role, disable, enable, reset mail, invitations.

use super::flash::{back_with_errors, forward_with_notice};
use super::form::Form;
use super::page_error::PageResult;
use crate::accounts::new_staff::NewStaffForm;
use crate::auth::{ClientInfo, TypedSession};
use crate::startup::AppState;
use app::types::{Caller, Role, UserId};
use app::AppError;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Extension;

fn user_id(raw: &str) -> Result<UserId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// POST /admin/staff.
pub async fn post_create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<NewStaffForm>,
) -> PageResult<Response> {
    crate::auth::AuthCheck::admin().check(&caller)?;
    let values = form.values();
    let new = match form.validate() {
        Ok(new) => new,
        Err(errors) => return back_with_errors(&session, "/admin/staff/new", errors, values).await,
    };
    let name = new.display_name.clone();
    let email = new.email.to_string();
    match state
        .services
        .lifecycle
        .invite_staff(&caller, &client, new)
        .await
    {
        Ok(user) => {
            forward_with_notice(
                &session,
                &format!("/admin/staff/{user}"),
                format!("{name}さんを追加し、{email} に招待メールを送りました。"),
            )
            .await
        }
        Err(AppError::Invalid(errors)) => {
            back_with_errors(&session, "/admin/staff/new", errors, values).await
        }
        Err(other) => Err(other.into()),
    }
}

/// The role form.
#[derive(serde::Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

/// POST /admin/staff/{user_id}/role.
pub async fn post_role(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw_id): Path<String>,
    Form(form): Form<RoleForm>,
) -> PageResult<Response> {
    let user = user_id(&raw_id)?;
    let page = format!("/admin/staff/{user}");
    let Some(role) = Role::from_code(&form.role) else {
        let error = app::types::FieldError {
            field: "role".into(),
            message: "権限を選んでください。".into(),
        };
        return back_with_errors(&session, &page, vec![error], vec![]).await;
    };
    match state
        .services
        .accounts
        .set_role(&caller, &client, user, role)
        .await
    {
        Ok(()) => {
            forward_with_notice(
                &session,
                &page,
                format!("権限を「{}」にしました。", role.label()),
            )
            .await
        }
        Err(AppError::Invalid(errors)) => back_with_errors(&session, &page, errors, vec![]).await,
        Err(other) => Err(other.into()),
    }
}

/// 利用停止 (`active = false`) or 利用再開, then back to the staff page with a banner.
async fn set_active(
    state: &AppState,
    caller: &Caller,
    client: &ClientInfo,
    session: &TypedSession,
    raw_id: &str,
    active: bool,
) -> PageResult<Response> {
    let user = user_id(raw_id)?;
    let member = state
        .services
        .accounts
        .set_active(caller, client, user, active)
        .await?;
    let done = if active { "再開" } else { "停止" };
    forward_with_notice(
        session,
        &format!("/admin/staff/{user}"),
        format!("{}さんの利用を{done}しました。", member.display_name),
    )
    .await
}

/// The disable form: who takes over the member's persons and open items (issue 7).
#[derive(serde::Deserialize)]
pub struct DisableForm {
    #[serde(default)]
    successor: String,
}

/// POST /admin/staff/{user_id}/disable: 利用停止, handing over work in the same transaction.
pub async fn post_disable(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw_id): Path<String>,
    Form(form): Form<DisableForm>,
) -> PageResult<Response> {
    let user = user_id(&raw_id)?;
    let routing = &state.services.routing;
    match routing
        .disable_with_handover(&caller, &client, user, &form.successor)
        .await
    {
        Ok(member) => {
            let page = format!("/admin/staff/{user}");
            let notice = format!("{}さんの利用を停止しました。", member.display_name);
            forward_with_notice(&session, &page, notice).await
        }
        Err(AppError::Invalid(errors)) => {
            let page = format!("/admin/staff/{user}/disable");
            back_with_errors(&session, &page, errors, vec![]).await
        }
        Err(other) => Err(other.into()),
    }
}

/// POST /admin/staff/{user_id}/enable.
pub async fn post_enable(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw_id): Path<String>,
) -> PageResult<Response> {
    set_active(&state, &caller, &client, &session, &raw_id, true).await
}

/// POST /admin/staff/{user_id}/password-reset: パスワード再設定メールを送る.
pub async fn post_password_reset(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw_id): Path<String>,
) -> PageResult<Response> {
    let user = user_id(&raw_id)?;
    let lifecycle = &state.services.lifecycle;
    let name = lifecycle.admin_reset(&caller, &client, user).await?;
    let minutes = lifecycle.reset_minutes();
    forward_with_notice(
        &session,
        &format!("/admin/staff/{user}"),
        format!(
            "{name}さんにパスワード再設定メールを送りました。リンクの有効期限は{minutes}分です。"
        ),
    )
    .await
}

/// POST /admin/staff/{user_id}/invitation/resend.
pub async fn post_resend_invitation(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw_id): Path<String>,
) -> PageResult<Response> {
    let user = user_id(&raw_id)?;
    let lifecycle = &state.services.lifecycle;
    let name = lifecycle.resend_invitation(&caller, &client, user).await?;
    forward_with_notice(
        &session,
        &format!("/admin/staff/{user}"),
        format!("{name}さんに招待メールを再送しました。前のメールのリンクは使えなくなりました。"),
    )
    .await
}

/// POST /admin/staff/{user_id}/invitation/revoke.
pub async fn post_revoke_invitation(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw_id): Path<String>,
) -> PageResult<Response> {
    let user = user_id(&raw_id)?;
    let lifecycle = &state.services.lifecycle;
    let name = lifecycle.revoke_invitation(&caller, &client, user).await?;
    forward_with_notice(
        &session,
        "/admin/staff",
        format!("{name}さんへの招待を取り消しました。"),
    )
    .await
}
