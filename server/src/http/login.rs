//! POST /login and POST /logout.

use super::flash::back_with_errors;
use super::form::Form;
use super::page_error::PageResult;
use crate::accounts::login::{login, LoginOutcome};
use crate::audit::{store as audit_store, AuditEvent};
use crate::auth::password::Password;
use crate::auth::{ClientInfo, SessionLogin, TypedSession};
use crate::startup::AppState;
use app::types::FieldError;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

/// The login form.
#[derive(serde::Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    login_id: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

const INVALID: &str = "ログインIDまたはパスワードが正しくありません。";
const LOCKED: &str = "ログインに続けて失敗したため、このアカウントのログインを15分間止めています。15分ほど待ってから、もう一度お試しください。パスワードを忘れた場合は「パスワードを忘れた場合」から再設定できます。";
const RATE_LIMITED: &str = "この接続元からのログインの失敗が多いため、受け付けを一時的に止めています。しばらく待ってから、もう一度お試しください。";
/// Shown on the login page when the second step locks the account.
pub const LOCKED_MESSAGE: &str = LOCKED;
const DISABLED: &str =
    "このアカウントは利用が停止されています。事業所の管理者にお問い合わせください。";

/// Only same-site paths are followed after login (no open redirect).
pub fn safe_next(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.starts_with("/login");
    if local {
        next
    } else {
        "/"
    }
}

/// Signs in: a new session id, then home (or the page the user was sent away from).
pub async fn post_login(
    State(state): State<AppState>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<LoginForm>,
) -> PageResult<Response> {
    let login_id = form.login_id.trim().to_string();
    let mut errors = Vec::new();
    if login_id.is_empty() {
        errors.push(FieldError {
            field: "login_id".into(),
            message: "ログインIDを入力してください。".into(),
        });
    }
    if form.password.is_empty() {
        errors.push(FieldError {
            field: "password".into(),
            message: "パスワードを入力してください。".into(),
        });
    }
    let back = format!(
        "/login?next={}",
        percent_encoding::utf8_percent_encode(&form.next, percent_encoding::NON_ALPHANUMERIC)
    );
    if !errors.is_empty() {
        return back_with_errors(&session, &back, errors, vec![("login_id", login_id)]).await;
    }
    let normalised = crate::accounts::new_staff::normalise_login_id(&login_id);
    let outcome = login(
        &state.db,
        &state.clock,
        &normalised,
        Password::new(form.password),
        &client,
    )
    .await?;
    match outcome {
        LoginOutcome::Success(login) => {
            session.start(&login).await?;
            Ok(Redirect::to(safe_next(&form.next)).into_response())
        }
        LoginOutcome::SecondStep(mut pending) => {
            pending.next = safe_next(&form.next).to_string();
            session.set_pending(&pending).await?;
            Ok(Redirect::to("/login/two-factor").into_response())
        }
        refused => {
            let message = match refused {
                LoginOutcome::Locked => LOCKED,
                LoginOutcome::RateLimited => RATE_LIMITED,
                LoginOutcome::Disabled => DISABLED,
                _ => INVALID,
            };
            let error = FieldError {
                field: "login_id".into(),
                message: message.into(),
            };
            back_with_errors(&session, &back, vec![error], vec![("login_id", login_id)]).await
        }
    }
}

/// Signs out (POST only: GET never changes state) and records it.
pub async fn post_logout(
    State(state): State<AppState>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    login: Option<Extension<SessionLogin>>,
) -> PageResult<Response> {
    if let Some(Extension(login)) = login {
        let mut tx = state.db.begin_office(login.office_id).await?;
        let event = AuditEvent::LoggedOut;
        let entry = audit_store::NewEntry {
            office: Some(login.office_id),
            actor: Some(login.user_id),
            event: &event,
            client: &client,
            at: state.clock.now(),
        };
        audit_store::append(tx.conn(), entry).await?;
        let now = state.clock.now();
        crate::accounts::user_session::end(tx.conn(), login.user_id, &login.handle, now).await?;
        tx.commit().await?;
    }
    session.end().await?;
    Ok(Redirect::to("/login?logged_out=1").into_response())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next("/admin/staff"), "/admin/staff");
        assert_eq!(safe_next("//evil.example/"), "/");
        assert_eq!(safe_next("https://evil.example/"), "/");
        assert_eq!(safe_next("/\\evil.example"), "/");
        assert_eq!(safe_next(""), "/");
    }
}
