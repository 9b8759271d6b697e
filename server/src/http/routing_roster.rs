//! 利用者台帳 form posts: edit, CSV export, CSV import (upload, then apply after the preview).

use super::flash::{back_with_errors, forward_with_notice};
use super::form::Form;
use super::page_error::PageResult;
use crate::auth::{ClientInfo, TypedSession};
use crate::routing::roster_service::RosterForm;
use crate::startup::AppState;
use app::types::{Caller, FieldError};
use app::AppError;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

/// Largest roster file accepted (bytes): about 20,000 rows.
const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

fn query_escape(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// POST /roster/edit.
pub async fn post_edit(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Form(form): Form<RosterForm>,
) -> PageResult<Response> {
    let page = format!(
        "/roster/edit?insurer={}&insured={}",
        query_escape(&form.insurer),
        query_escape(&form.insured)
    );
    let values = vec![
        ("name", form.name.clone()),
        ("kana", form.kana.clone()),
        ("birth_date", form.birth_date.clone()),
        ("assignee", form.assignee.clone()),
    ];
    match state
        .services
        .routing
        .save_roster(&caller, &client, &form)
        .await
    {
        Ok(()) => forward_with_notice(&session, "/roster", "利用者台帳を保存しました。").await,
        Err(AppError::Invalid(errors)) => back_with_errors(&session, &page, errors, values).await,
        Err(AppError::Conflict(message)) => {
            let error = FieldError {
                field: "roster-form".into(),
                message,
            };
            // Fields show the newest stored values: the user's typing is not kept on purpose.
            back_with_errors(&session, &page, vec![error], vec![]).await
        }
        Err(other) => Err(other.into()),
    }
}

/// GET /roster/export.csv: UTF-8 with BOM for Excel, formulas escaped.
pub async fn get_export(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
) -> PageResult<Response> {
    let bytes = state
        .services
        .routing
        .export_roster(&caller, &client)
        .await?;
    let day = app::format::date_time(state.clock.now())
        .chars()
        .filter(char::is_ascii_digit)
        .take(8)
        .collect::<String>();
    let name = format!("riyousha_daichou_{day}.csv");
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
        (
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ),
        (header::CACHE_CONTROL, "private, no-store".to_string()),
    ];
    Ok((headers, bytes).into_response())
}

/// POST /roster/import (multipart, field `file`): stage, then the preview page.
pub async fn post_import(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    session: TypedSession,
    mut multipart: Multipart,
) -> PageResult<Response> {
    crate::auth::AuthCheck::manager().check(&caller)?;
    let page = "/roster/import";
    let unreadable =
        || AppError::BadRequest("ファイルを受け取れませんでした。もう一度選んでください。".into());
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| unreadable())? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_string();
        let bytes = field.bytes().await.map_err(|_| unreadable())?;
        if bytes.len() > MAX_IMPORT_BYTES {
            let error = FieldError {
                field: "file".into(),
                message: "ファイルが大きすぎます。2MB以下に分けて取り込んでください。".into(),
            };
            return back_with_errors(&session, page, vec![error], vec![]).await;
        }
        file = Some((name, bytes.to_vec()));
    }
    let (name, bytes) = file.unwrap_or_default();
    match state
        .services
        .routing
        .stage_import(&caller, &name, &bytes)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/roster/import/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => back_with_errors(&session, page, errors, vec![]).await,
        Err(other) => Err(other.into()),
    }
}

/// POST /roster/import/{id}/apply.
pub async fn post_apply(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(id): Path<String>,
) -> PageResult<Response> {
    match state
        .services
        .routing
        .apply_import(&caller, &client, &id)
        .await
    {
        Ok(n) => {
            forward_with_notice(
                &session,
                "/roster",
                format!("利用者台帳に{n}人分を取り込みました。"),
            )
            .await
        }
        Err(AppError::Conflict(message)) => {
            let error = FieldError {
                field: "main".into(),
                message,
            };
            back_with_errors(
                &session,
                &format!("/roster/import/{id}"),
                vec![error],
                vec![],
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}
