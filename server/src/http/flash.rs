//! Post/redirect/get helpers: send the browser back with errors or on with a success banner.

use super::page_error::PageResult;
use crate::auth::TypedSession;
use app::types::{FieldError, Flash};
use axum::response::{IntoResponse, Redirect, Response};

/// 303 back to the form with its errors and what was typed (never passwords).
pub async fn back_with_errors(
    session: &TypedSession,
    to: &str,
    errors: Vec<FieldError>,
    values: Vec<(&'static str, String)>,
) -> PageResult<Response> {
    let flash = Flash {
        errors,
        values: values
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        notice: None,
    };
    session.set_flash(&flash).await?;
    Ok(Redirect::to(to).into_response())
}

/// 303 to the next page with a success banner.
pub async fn forward_with_notice(
    session: &TypedSession,
    to: &str,
    notice: impl Into<String>,
) -> PageResult<Response> {
    session.set_flash(&Flash::notice(notice)).await?;
    Ok(Redirect::to(to).into_response())
}
