//! The per-request gate: resolves the `Caller` from the session, enforces idle and absolute
//! timeouts, hands the page its one-shot flash, and sends anonymous visitors to the login page.

use super::request_reads::{hands_on_reads, RequestReads};
use super::session::{SessionLogin, TypedSession};
use super::ClientInfo;
use crate::accounts::caller::load_caller;
use crate::http::page_error::PageError;
use crate::startup::AppState;
use app::AppError;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

/// Paths anyone may open.
fn is_public(path: &str) -> bool {
    matches!(
        path,
        "/login"
            | "/healthz"
            | "/readyz"
            | "/favicon.ico"
            | "/password/forgot"
            | "/password/forgot/sent"
            | "/password/reset"
            | "/invitation"
            | "/login/two-factor"
    ) || path.starts_with("/style/")
}

/// Activity is written back at most once a minute, not on every request.
const LAST_SEEN_RESOLUTION_MS: i64 = 60_000;

/// Why a session ended on its own.
enum Ended {
    /// Idle or absolute timeout.
    Expired,
    /// Account, membership or password changed.
    Revoked,
}

/// Middleware: see the module doc.
pub async fn resolve_caller(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    match gate(&state, &mut req).await {
        Ok(Some(response)) => response,
        Ok(None) => next.run(req).await,
        Err(error) => error.into_response(),
    }
}

async fn gate(state: &AppState, req: &mut Request) -> Result<Option<Response>, PageError> {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let client = ClientInfo::from_request(peer, req.headers(), state.config.trust_proxy);
    req.extensions_mut().insert(client);
    let path = req.uri().path().to_string();
    if path.starts_with("/style/") || path == "/healthz" || path == "/readyz" {
        return Ok(None);
    }
    let session = req
        .extensions()
        .get::<tower_sessions::Session>()
        .cloned()
        .map(TypedSession)
        .ok_or(AppError::Internal {
            reference: "no-session-layer".into(),
        })?;
    let mut ended = None;
    let mut must_enrol = false;
    if let Some(mut login) = session.login().await? {
        let now = state.clock.now();
        let idle = i64::try_from(state.config.session.idle.as_millis()).unwrap_or(i64::MAX);
        let absolute = i64::try_from(state.config.session.absolute.as_millis()).unwrap_or(i64::MAX);
        if now - login.last_seen > idle || now - login.login_at > absolute {
            ended = Some(Ended::Expired);
        } else if let Some(loaded) =
            // Pages show the navigation counts: read them with the caller (one statement).
            load_caller(&state.db, &login, req.method() == Method::GET).await?
        {
            let touch = now - login.last_seen >= LAST_SEEN_RESOLUTION_MS;
            // The touch below takes a connection of its own: never while holding the reads.
            if !touch && req.method() == Method::GET && hands_on_reads(&path) {
                req.extensions_mut().insert(RequestReads::new(loaded.reads));
            } else {
                loaded.reads.finish();
            }
            if touch {
                login.last_seen = now;
                session.update(&login).await?;
                if !login.handle.is_empty() {
                    let client = req
                        .extensions()
                        .get::<ClientInfo>()
                        .cloned()
                        .unwrap_or_default();
                    let mut conn = state
                        .db
                        .pool()
                        .acquire()
                        .await
                        .map_err(crate::error::InfraError::from)?;
                    crate::accounts::user_session::touch(&mut conn, &login.handle, &client, now)
                        .await?;
                }
            }
            must_enrol = loaded.must_enrol_two_factor;
            if let Some(counts) = loaded.nav_counts {
                req.extensions_mut().insert(counts);
            }
            req.extensions_mut().insert(loaded.caller);
            req.extensions_mut()
                .insert(app::types::SessionHandle(login.handle.clone()));
            req.extensions_mut().insert::<SessionLogin>(login);
        } else {
            ended = Some(Ended::Revoked);
        }
        if ended.is_some() {
            session.end().await?;
        }
    }
    let signed_in = req.extensions().get::<app::types::Caller>().is_some();
    if req.method() == Method::GET {
        if let Some(flash) = session.take_flash().await? {
            req.extensions_mut().insert(flash);
        }
    }
    if signed_in {
        if path == "/login" && req.method() == Method::GET {
            return Ok(Some(Redirect::to("/").into_response()));
        }
        let enrolling = path.starts_with("/account/two-factor") || path == "/logout";
        if must_enrol && !enrolling {
            return Ok(Some(
                Redirect::to("/account/two-factor?required=1").into_response(),
            ));
        }
        return Ok(None);
    }
    if is_public(&path) {
        return Ok(None);
    }
    let target = match ended {
        Some(Ended::Expired) => "/login?expired=1".to_string(),
        Some(Ended::Revoked) => "/login?ended=1".to_string(),
        None if req.method() == Method::GET => {
            let wanted = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/");
            if wanted == "/" {
                "/login".to_string()
            } else {
                format!(
                    "/login?next={}",
                    percent_encoding::utf8_percent_encode(
                        wanted,
                        percent_encoding::NON_ALPHANUMERIC
                    )
                )
            }
        }
        None => "/login?expired=1".to_string(),
    };
    Ok(Some(Redirect::to(&target).into_response()))
}
