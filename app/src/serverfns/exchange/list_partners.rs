use crate::error::AppError;
use crate::types::OfficeRef;
use leptos::prelude::*;

/// Offices the current office recently exchanged files with (attachment destinations).
#[server(endpoint = "exchange/list_partners")]
pub async fn list_partners() -> Result<Vec<OfficeRef>, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.exchange.list_partners(&caller).await
}
