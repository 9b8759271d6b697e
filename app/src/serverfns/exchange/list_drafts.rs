use crate::error::AppError;
use crate::types::DraftSummary;
use leptos::prelude::*;

/// 下書き of the current office.
#[server(endpoint = "exchange/list_drafts")]
pub async fn list_drafts() -> Result<Vec<DraftSummary>, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.exchange.list_drafts(&caller).await
}
