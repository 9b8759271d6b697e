use crate::error::AppError;
use crate::types::{DeliveryId, DeliveryVersions};
use leptos::prelude::*;

/// The versions a delivery of the current office carries.
#[server(endpoint = "versions/delivery_versions")]
pub async fn get_delivery_versions(id: DeliveryId) -> Result<DeliveryVersions, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.versions.delivery_versions(&caller, id).await
}
