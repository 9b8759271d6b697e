use crate::error::AppError;
use crate::types::{DraftView, OutgoingId};
use leptos::prelude::*;

/// One send of the current office, for the confirmation page.
#[server(endpoint = "exchange/get_draft")]
pub async fn get_draft(id: OutgoingId) -> Result<DraftView, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.exchange.get_draft(&caller, id).await
}
