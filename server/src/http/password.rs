//! Public form posts of the account lifecycle: POST /password/forgot, POST /password/reset,
//! POST /invitation. Answers never depend on whether an account exists.

use super::flash::back_with_errors;
use super::form::Form;
use super::page_error::PageResult;
use crate::auth::password::Password;
use crate::auth::{ClientInfo, TypedSession};
use crate::startup::AppState;
use app::types::{FieldError, LinkPurpose};
use app::AppError;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

/// The forgotten-password form.
#[derive(serde::Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    login: String,
}

/// POST /password/forgot: always the same answer page (or the error summary for an empty
/// field, or 429 when this IP asked too often, which says nothing about any account).
pub async fn post_forgot(
    State(state): State<AppState>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<ForgotForm>,
) -> PageResult<Response> {
    let typed = form.login.trim().to_string();
    if typed.is_empty() {
        let error = FieldError {
            field: "login".into(),
            message: "ログインIDまたはメールアドレスを入力してください。".into(),
        };
        return back_with_errors(&session, "/password/forgot", vec![error], vec![]).await;
    }
    state
        .services
        .lifecycle
        .request_reset(&typed, &client)
        .await?;
    Ok(Redirect::to("/password/forgot/sent").into_response())
}

/// The set-password form of a one-time link.
#[derive(serde::Deserialize)]
pub struct SetPasswordForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

/// POST /password/reset.
pub async fn post_reset(
    state: State<AppState>,
    client: Extension<ClientInfo>,
    session: TypedSession,
    form: Form<SetPasswordForm>,
) -> PageResult<Response> {
    set_password(state, client, session, form, LinkPurpose::PasswordReset).await
}

/// POST /invitation.
pub async fn post_invitation(
    state: State<AppState>,
    client: Extension<ClientInfo>,
    session: TypedSession,
    form: Form<SetPasswordForm>,
) -> PageResult<Response> {
    set_password(state, client, session, form, LinkPurpose::Invitation).await
}

async fn set_password(
    State(state): State<AppState>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<SetPasswordForm>,
    purpose: LinkPurpose,
) -> PageResult<Response> {
    let path = match purpose {
        LinkPurpose::PasswordReset => "/password/reset",
        LinkPurpose::Invitation => "/invitation",
    };
    let token = form.token.trim().to_string();
    // base64url characters pass unchanged; anything else a tampered link holds is escaped.
    const TOKEN: &percent_encoding::AsciiSet =
        &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_');
    let back = format!(
        "{path}?token={}",
        percent_encoding::utf8_percent_encode(&token, TOKEN)
    );
    let result = state
        .services
        .lifecycle
        .complete_link(&token, purpose, Password::new(form.password), &client)
        .await;
    match result {
        Ok(()) => {
            let done = match purpose {
                LinkPurpose::PasswordReset => "/login?password_set=1",
                LinkPurpose::Invitation => "/login?joined=1",
            };
            Ok(Redirect::to(done).into_response())
        }
        Err(AppError::Invalid(errors)) => back_with_errors(&session, &back, errors, vec![]).await,
        // The GET page explains a dead link and offers a new one.
        Err(AppError::NotFound) => Ok(Redirect::to(&back).into_response()),
        Err(other) => Err(other.into()),
    }
}
