use crate::error::AppError;
use crate::types::{DeliveryId, FileId, FormView};
use leptos::prelude::*;

/// One file of a delivery as its paper form (帳票表示).
#[server(endpoint = "forms/get_form")]
pub async fn get_form(delivery: DeliveryId, file: FileId) -> Result<FormView, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.forms.get_form(&caller, delivery, file).await
}
