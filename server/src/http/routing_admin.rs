//! 送信元ルール and 不在と代理 form posts (managers and admins).

use super::flash::{back_with_errors, forward_with_notice};
use super::form::Form;
use super::page_error::PageResult;
use crate::auth::{ClientInfo, TypedSession};
use crate::routing::cover::AbsenceForm;
use crate::startup::AppState;
use app::types::Caller;
use app::AppError;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;

/// The rule form.
#[derive(serde::Deserialize)]
pub struct RuleForm {
    #[serde(default)]
    partner: String,
    #[serde(default)]
    assignee: String,
}

/// POST /routing/rules.
pub async fn post_rule(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<RuleForm>,
) -> PageResult<Response> {
    let page = "/routing/rules";
    match state
        .services
        .routing
        .set_rule(&caller, &client, &form.partner, &form.assignee)
        .await
    {
        Ok(()) => forward_with_notice(&session, page, "送信元ルールを保存しました。").await,
        Err(AppError::Invalid(errors)) => back_with_errors(&session, page, errors, vec![]).await,
        Err(other) => Err(other.into()),
    }
}

/// POST /routing/rules/delete.
pub async fn post_delete_rule(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<RuleForm>,
) -> PageResult<Response> {
    state
        .services
        .routing
        .delete_rule(&caller, &client, &form.partner)
        .await?;
    forward_with_notice(&session, "/routing/rules", "送信元ルールを削除しました。").await
}

/// POST /routing/absences.
pub async fn post_absence(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<AbsenceForm>,
) -> PageResult<Response> {
    let page = "/routing/absences";
    let values = vec![
        ("absent", form.absent.clone()),
        ("cover", form.cover.clone()),
        ("from", form.from.clone()),
        ("to", form.to.clone()),
    ];
    match state
        .services
        .routing
        .set_absence(&caller, &client, &form)
        .await
    {
        Ok(moved) => {
            let notice = if moved > 0 {
                format!("不在を登録し、対応中のファイル{moved}件を代理の職員に移しました。")
            } else {
                "不在を登録しました。".to_string()
            };
            forward_with_notice(&session, page, notice).await
        }
        Err(AppError::Invalid(errors)) => back_with_errors(&session, page, errors, values).await,
        Err(other) => Err(other.into()),
    }
}

/// The cancel form.
#[derive(serde::Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    id: String,
}

/// POST /routing/absences/cancel.
pub async fn post_cancel_absence(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<CancelForm>,
) -> PageResult<Response> {
    state
        .services
        .routing
        .cancel_absence(&caller, &client, &form.id)
        .await?;
    forward_with_notice(
        &session,
        "/routing/absences",
        "不在の登録を取り消しました。",
    )
    .await
}
