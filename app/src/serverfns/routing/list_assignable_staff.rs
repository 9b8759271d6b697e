use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// Active staff who may be 担当.
#[server(endpoint = "routing/list_assignable_staff")]
pub async fn list_assignable_staff() -> Result<Vec<StaffRef>, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.routing.assignable_staff(&caller).await
}
