use crate::error::AppError;
use crate::types::{DeliveryFilter, DeliveryPage};
use leptos::prelude::*;

/// 受信 (`incoming = true`) or 送信済み list of the current office.
#[server(endpoint = "exchange/list_deliveries")]
pub async fn list_deliveries(
    incoming: bool,
    filter: DeliveryFilter,
) -> Result<DeliveryPage, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports
        .exchange
        .list_deliveries(&caller, incoming, filter)
        .await
}
