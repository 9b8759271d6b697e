//! Downloads and 取込済.

use super::flash::forward_with_notice;
use super::page_error::PageResult;
use crate::auth::{ClientInfo, TypedSession};
use crate::startup::AppState;
use app::types::{Caller, DeliveryId, FileId};
use app::AppError;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;

/// `attachment; filename="…"; filename*=UTF-8''…` with the original (Japanese) name.
fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC);
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// GET /deliveries/{id}/files/{file_id}: the exact bytes that were sent, streamed.
pub async fn get_file(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    Path((raw, raw_file)): Path<(String, String)>,
) -> PageResult<Response> {
    let id: DeliveryId = raw.parse().map_err(|_| AppError::NotFound)?;
    let file: FileId = raw_file.parse().map_err(|_| AppError::NotFound)?;
    let download = state
        .services
        .exchange
        .download(&caller, &client, id, file)
        .await?;
    let headers = [
        (header::CONTENT_TYPE, download.file.content_type.clone()),
        (header::CONTENT_LENGTH, download.file.size_bytes.to_string()),
        (
            header::CONTENT_DISPOSITION,
            content_disposition(&download.file.original_name),
        ),
        (header::ETAG, format!("\"{}\"", download.file.sha256)),
        (header::CACHE_CONTROL, "private, no-store".to_string()),
    ];
    Ok((headers, Body::from_stream(download.body)).into_response())
}

/// GET /deliveries/{id}/zip: every file of the delivery, original names, import order.
pub async fn get_zip(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    Path(raw): Path<String>,
) -> PageResult<Response> {
    let id: DeliveryId = raw.parse().map_err(|_| AppError::NotFound)?;
    let (name, file) = state
        .services
        .exchange
        .download_zip(&caller, &client, id)
        .await?;
    let length = file
        .metadata()
        .map(|m| m.len())
        .map_err(crate::error::InfraError::from)?;
    let stream = tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(file));
    let headers = [
        (header::CONTENT_TYPE, "application/zip".to_string()),
        (header::CONTENT_LENGTH, length.to_string()),
        (header::CONTENT_DISPOSITION, content_disposition(&name)),
        (header::CACHE_CONTROL, "private, no-store".to_string()),
    ];
    Ok((headers, Body::from_stream(stream)).into_response())
}

/// POST /deliveries/{id}/imported.
pub async fn post_imported(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw): Path<String>,
) -> PageResult<Response> {
    let id: DeliveryId = raw.parse().map_err(|_| AppError::NotFound)?;
    state
        .services
        .exchange
        .mark_imported(&caller, &client, id)
        .await?;
    forward_with_notice(&session, &format!("/deliveries/{id}"), "取込済にしました。").await
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn japanese_names_survive_in_the_download_header() {
        let value = content_disposition("計画書 4月.pdf");
        assert!(
            value.starts_with("attachment; filename=\"____4_.pdf\"; filename*=UTF-8''"),
            "{value}"
        );
        assert!(value.contains("%E8%A8%88"));
    }
}
