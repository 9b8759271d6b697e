use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// Routing, status, history and notes of a received item.
#[server(endpoint = "routing/get_item_routing")]
pub async fn get_item_routing(id: DeliveryId) -> Result<ItemRouting, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.routing.item_routing(&caller, id).await
}
