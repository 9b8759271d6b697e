use crate::error::AppError;
use crate::types::StaffMember;
use leptos::prelude::*;

/// Staff of the current office (admins only).
#[server(endpoint = "staff/list")]
pub async fn list_staff() -> Result<Vec<StaffMember>, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.staff.list_staff(&caller).await
}
