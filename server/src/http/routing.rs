//! Routing form posts on items: assign (one item or many from 未割当), take, status, notes;
//! and 通知の設定. Multi-valued fields (checkboxes) are read from the raw pairs.

use super::flash::{back_with_errors, forward_with_notice};
use super::form::{decode_pairs, Form};
use super::page_error::PageResult;
use crate::auth::{ClientInfo, TypedSession};
use crate::routing::assign::AssignRequest;
use crate::startup::AppState;
use app::types::{Caller, DeliveryId, FieldError, NotifyMode, WorkStatus};
use app::AppError;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};

/// Routes of the routing feature (merged into `http::routes`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/deliveries/{id}/assign", post(post_assign))
        .route("/deliveries/{id}/take", post(post_take))
        .route("/deliveries/{id}/status", post(post_status))
        .route("/deliveries/{id}/notes", post(post_note))
        .route("/inbox/unassigned/assign", post(post_assign_many))
        .route("/account/notifications", post(post_notifications))
        .route("/roster/edit", post(super::routing_roster::post_edit))
        .route("/roster/export.csv", get(super::routing_roster::get_export))
        .route("/roster/import", post(super::routing_roster::post_import))
        .route(
            "/roster/import/{id}/apply",
            post(super::routing_roster::post_apply),
        )
        .route("/routing/rules", post(super::routing_admin::post_rule))
        .route(
            "/routing/rules/delete",
            post(super::routing_admin::post_delete_rule),
        )
        .route(
            "/routing/absences",
            post(super::routing_admin::post_absence),
        )
        .route(
            "/routing/absences/cancel",
            post(super::routing_admin::post_cancel_absence),
        )
}

fn delivery_id(raw: &str) -> Result<DeliveryId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// Field values of a raw form: every value of `name`.
fn all<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn one(pairs: &[(String, String)], name: &str) -> String {
    all(pairs, name)
        .first()
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// Sends the user back to `page` with the error: field errors as they are, a conflict (stale
/// form) as a summary line pointing at `anchor`; anything else becomes an error page.
async fn back(
    session: &TypedSession,
    page: &str,
    anchor: &str,
    error: AppError,
    values: Vec<(&'static str, String)>,
) -> PageResult<Response> {
    match error {
        AppError::Invalid(errors) => back_with_errors(session, page, errors, values).await,
        AppError::Conflict(message) => {
            let error = FieldError {
                field: anchor.into(),
                message,
            };
            back_with_errors(session, page, vec![error], values).await
        }
        other => Err(other.into()),
    }
}

/// POST /deliveries/{id}/assign.
pub async fn post_assign(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw): Path<String>,
    body: Bytes,
) -> PageResult<Response> {
    let id = delivery_id(&raw)?;
    let pairs = decode_pairs(&body)?;
    let page = format!("/deliveries/{id}/assign");
    let to = one(&pairs, "to");
    if to.is_empty() {
        let error = AppError::invalid("to", "担当者を選んでください。");
        return back(&session, &page, "to", error, vec![]).await;
    }
    let persons: Vec<String> = all(&pairs, "persons")
        .into_iter()
        .map(str::to_string)
        .collect();
    if persons.is_empty() {
        let error = AppError::invalid("persons", "割り当てる利用者を選んでください。");
        return back(&session, &page, "persons", error, vec![("to", to)]).await;
    }
    let request = AssignRequest {
        delivery: id,
        version: one(&pairs, "version").parse().unwrap_or(-1),
        persons,
        to: if to == "none" {
            String::new()
        } else {
            to.clone()
        },
        update_roster: one(&pairs, "update_roster") == "1",
        only_unassigned: false,
    };
    match state
        .services
        .routing
        .assign(&caller, &client, request)
        .await
    {
        Ok(_) => {
            let notice = if to == "none" {
                "未割当に戻しました。"
            } else {
                "担当者を変更しました。"
            };
            forward_with_notice(&session, &format!("/deliveries/{id}"), notice).await
        }
        Err(error) => back(&session, &page, "assign-form", error, vec![("to", to)]).await,
    }
}

/// POST /inbox/unassigned/assign: several items at once, all or nothing.
pub async fn post_assign_many(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    body: Bytes,
) -> PageResult<Response> {
    let pairs = decode_pairs(&body)?;
    let page = "/inbox/unassigned";
    let to = one(&pairs, "to");
    let update_roster = one(&pairs, "update_roster") == "1";
    let mut requests = Vec::new();
    for item in all(&pairs, "items") {
        let (id, version) = item.split_once(':').ok_or(AppError::NotFound)?;
        requests.push(AssignRequest {
            delivery: delivery_id(id)?,
            version: version.parse().unwrap_or(-1),
            persons: Vec::new(),
            to: to.clone(),
            update_roster,
            only_unassigned: true,
        });
    }
    let mut errors = Vec::new();
    if requests.is_empty() {
        errors.push(FieldError {
            field: "items".into(),
            message: "割り当てるファイルを選んでください。".into(),
        });
    }
    if to.is_empty() {
        errors.push(FieldError {
            field: "to".into(),
            message: "割り当てる担当者を選んでください。".into(),
        });
    }
    if !errors.is_empty() {
        return back_with_errors(&session, page, errors, vec![("to", to)]).await;
    }
    let count = requests.len();
    match state
        .services
        .routing
        .assign_many(&caller, &client, requests)
        .await
    {
        Ok(_) => {
            forward_with_notice(
                &session,
                page,
                format!("{count}件のファイルを割り当てました。"),
            )
            .await
        }
        Err(error) => back(&session, page, "items", error, vec![("to", to)]).await,
    }
}

/// The version-only form (take).
#[derive(serde::Deserialize)]
pub struct VersionForm {
    #[serde(default)]
    version: String,
}

/// POST /deliveries/{id}/take: 未割当の利用者を自分の担当にする.
pub async fn post_take(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw): Path<String>,
    Form(form): Form<VersionForm>,
) -> PageResult<Response> {
    let id = delivery_id(&raw)?;
    let page = format!("/deliveries/{id}");
    let version = form.version.parse().unwrap_or(-1);
    match state
        .services
        .routing
        .take(&caller, &client, id, version)
        .await
    {
        Ok(_) => forward_with_notice(&session, &page, "あなたの担当にしました。").await,
        Err(error) => back(&session, &page, "routing", error, vec![]).await,
    }
}

/// The status form.
#[derive(serde::Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    version: String,
}

/// POST /deliveries/{id}/status.
pub async fn post_status(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw): Path<String>,
    Form(form): Form<StatusForm>,
) -> PageResult<Response> {
    let id = delivery_id(&raw)?;
    let page = format!("/deliveries/{id}");
    let Some(status) = WorkStatus::from_code(&form.status) else {
        let error = AppError::invalid("routing", "対応状況を選んでください。");
        return back(&session, &page, "routing", error, vec![]).await;
    };
    let version = form.version.parse().unwrap_or(-1);
    match state
        .services
        .routing
        .set_status(&caller, &client, id, status, version)
        .await
    {
        Ok(()) => {
            let notice = format!("対応状況を「{}」にしました。", status.label());
            forward_with_notice(&session, &page, notice).await
        }
        Err(error) => back(&session, &page, "routing", error, vec![]).await,
    }
}

/// The note form.
#[derive(serde::Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    note: String,
}

/// POST /deliveries/{id}/notes.
pub async fn post_note(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw): Path<String>,
    Form(form): Form<NoteForm>,
) -> PageResult<Response> {
    let id = delivery_id(&raw)?;
    let page = format!("/deliveries/{id}");
    match state
        .services
        .routing
        .add_note(&caller, &client, id, &form.note)
        .await
    {
        Ok(()) => {
            forward_with_notice(&session, &format!("{page}#notes"), "メモを追加しました。").await
        }
        Err(error) => back(&session, &page, "note", error, vec![("note", form.note)]).await,
    }
}

/// The 通知の設定 form (`new_items=on|off` is still understood).
#[derive(serde::Deserialize)]
pub struct NotificationForm {
    #[serde(default)]
    mode: String,
    #[serde(default)]
    new_items: String,
}

/// POST /account/notifications.
pub async fn post_notifications(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    session: TypedSession,
    Form(form): Form<NotificationForm>,
) -> PageResult<Response> {
    let mode = NotifyMode::from_code(&form.mode).unwrap_or(match form.new_items.as_str() {
        "off" => NotifyMode::Off,
        _ => NotifyMode::Immediate,
    });
    state
        .services
        .routing
        .set_notify_mode(&caller, mode)
        .await?;
    let notice = match mode {
        NotifyMode::Immediate => "担当のファイルが届くたびにメールを受け取ります。",
        NotifyMode::Digest => "担当のファイルのお知らせを1日1回（毎朝8時）まとめて受け取ります。",
        NotifyMode::Off => "ファイルが届いたときのメールを止めました。",
    };
    forward_with_notice(&session, "/account/notifications", notice).await
}
