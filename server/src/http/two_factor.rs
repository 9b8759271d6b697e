//! 2段階認証 form posts: the second login step, enrolment, the organisation's requirement and
//! the admin reset.

use super::flash::{back_with_errors, forward_with_notice};
use super::form::Form;
use super::page_error::PageResult;
use crate::accounts::login::complete;
use crate::accounts::two_factor::SecondStep;
use crate::auth::{ClientInfo, TypedSession};
use crate::startup::AppState;
use app::types::{Caller, FieldError, Flash, UserId};
use app::AppError;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

/// A code form.
#[derive(serde::Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// The code must follow the password within this time.
const PENDING_MS: i64 = 5 * 60_000;

/// POST /login/two-factor: the second step; the session is signed in only after it.
pub async fn post_login_code(
    State(state): State<AppState>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<CodeForm>,
) -> PageResult<Response> {
    let now = state.clock.now();
    let Some(pending) = session
        .pending()
        .await?
        .filter(|p| now - p.at <= PENDING_MS)
    else {
        session.clear_pending().await?;
        return Ok(Redirect::to("/login?expired=1").into_response());
    };
    let two_factor = &state.services.two_factor;
    match two_factor
        .check_login_code(pending.user_id, &form.code, &client)
        .await?
    {
        SecondStep::Accepted => {
            let login = complete(&state.db, &state.clock, &pending, &client).await?;
            session.clear_pending().await?;
            session.start(&login).await?;
            Ok(Redirect::to(super::login::safe_next(&pending.next)).into_response())
        }
        SecondStep::Refused => {
            let error = FieldError {
                field: "code".into(),
                message: "確認コードが正しくありません。認証アプリに表示されている最新の6桁の数字を入力してください。".into(),
            };
            back_with_errors(&session, "/login/two-factor", vec![error], vec![]).await
        }
        SecondStep::Locked => {
            session.clear_pending().await?;
            let error = FieldError {
                field: "login_id".into(),
                message: super::login::LOCKED_MESSAGE.into(),
            };
            back_with_errors(&session, "/login", vec![error], vec![]).await
        }
    }
}

/// POST /account/two-factor/start.
pub async fn post_start(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> PageResult<Response> {
    state.services.two_factor.start(&caller).await?;
    Ok(Redirect::to("/account/two-factor").into_response())
}

/// POST /account/two-factor/confirm: on success the recovery codes are shown once.
pub async fn post_confirm(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<CodeForm>,
) -> PageResult<Response> {
    match state
        .services
        .two_factor
        .confirm(&caller, &client, &form.code)
        .await
    {
        Ok(codes) => {
            let mut flash = Flash::default();
            flash
                .values
                .insert("recovery_codes".into(), codes.join(" "));
            session.set_flash(&flash).await?;
            Ok(Redirect::to("/account/two-factor/recovery-codes").into_response())
        }
        Err(AppError::Invalid(errors)) => {
            back_with_errors(&session, "/account/two-factor", errors, vec![]).await
        }
        Err(other) => Err(other.into()),
    }
}

/// The requirement form.
#[derive(serde::Deserialize)]
pub struct RequiredForm {
    #[serde(default)]
    required: String,
}

/// POST /admin/two-factor/required.
pub async fn post_required(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<RequiredForm>,
) -> PageResult<Response> {
    let required = form.required == "on";
    let two_factor = &state.services.two_factor;
    two_factor.set_required(&caller, &client, required).await?;
    let notice = if required {
        "法人の全職員に2段階認証を必須にしました。未設定の職員は、次の操作で設定を求められます。"
    } else {
        "2段階認証の必須をやめました。"
    };
    forward_with_notice(&session, "/account/two-factor", notice).await
}

/// POST /admin/staff/{user_id}/two-factor/reset.
pub async fn post_admin_reset(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw_id): Path<String>,
) -> PageResult<Response> {
    let user: UserId = raw_id.parse().map_err(|_| AppError::NotFound)?;
    let name = state
        .services
        .two_factor
        .admin_reset(&caller, &client, user)
        .await?;
    forward_with_notice(
        &session,
        &format!("/admin/staff/{user}"),
        format!("{name}さんの2段階認証をリセットしました。本人にメールでお知らせしました。"),
    )
    .await
}
