use crate::error::AppError;
use crate::types::{DeliveryDetail, DeliveryId};
use leptos::prelude::*;

/// One delivery the current office sent or received.
#[server(endpoint = "exchange/get_delivery")]
pub async fn get_delivery(id: DeliveryId) -> Result<DeliveryDetail, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.exchange.get_delivery(&caller, id).await
}
