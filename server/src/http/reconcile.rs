//! 予実突合: the discrepancy list as CSV, and the reminder-day setting form.

use super::flash::{back_with_errors, forward_with_notice};
use super::page_error::PageResult;
use crate::auth::{ClientInfo, TypedSession};
use crate::startup::AppState;
use app::types::{Caller, FieldError};
use app::AppError;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;

/// Query of the CSV export.
#[derive(serde::Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    month: String,
    #[serde(default)]
    partner: String,
}

/// GET /reconcile/export.csv?month=&partner=: every difference of the month, for Excel.
pub async fn get_export(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    Query(query): Query<ExportQuery>,
) -> PageResult<Response> {
    let service = &state.services.reconcile;
    let list = service
        .discrepancy_list(&caller, &query.month, &query.partner)
        .await?;
    let bytes = crate::reconcile::export::to_csv(&list)
        .map_err(|e| crate::error::InfraError::Corrupt(e.to_string()))
        .map_err(AppError::from)?;
    service.record_export(&caller, &client, &list.month).await?;
    let name = format!("yojitsu_{}.csv", list.month);
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
        (
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"{name}\"; filename*=UTF-8''%E4%BA%88%E5%AE%9F%E7%AA%81%E5%90%88_{}.csv",
                list.month
            ),
        ),
        (header::CACHE_CONTROL, "private, no-store".to_string()),
    ];
    Ok((headers, bytes).into_response())
}

/// The reminder-day form.
#[derive(serde::Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    reminder_day: String,
}

/// POST /reconcile/settings.
pub async fn post_settings(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    super::form::Form(form): super::form::Form<SettingsForm>,
) -> PageResult<Response> {
    let typed = app::types::normalize::fold_digits(&form.reminder_day);
    let day = match typed.as_str() {
        "off" => None,
        other => match other.parse::<u8>() {
            Ok(d) if (1..=28).contains(&d) => Some(d),
            _ => {
                let error = FieldError {
                    field: "reminder-day".into(),
                    message: "お知らせする日を、1日から28日の間で選んでください。".into(),
                };
                return back_with_errors(&session, "/reconcile/settings", vec![error], Vec::new())
                    .await;
            }
        },
    };
    state
        .services
        .reconcile
        .set_reminder_day(&caller, &client, day)
        .await?;
    let notice = match day {
        Some(d) => format!("毎月{d}日に、実績が届いていない連携先をお知らせします。"),
        None => "実績未着のお知らせを止めました。".to_string(),
    };
    forward_with_notice(&session, "/reconcile/settings", notice).await
}
