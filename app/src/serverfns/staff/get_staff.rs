use crate::error::AppError;
use crate::types::{StaffMember, UserId};
use leptos::prelude::*;

/// One staff member of the current office (admins only); others answer `NotFound`.
#[server(endpoint = "staff/get")]
pub async fn get_staff(user_id: UserId) -> Result<StaffMember, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.staff.get_staff(&caller, user_id).await
}
