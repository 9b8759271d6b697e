use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// Persons and open items a staff member holds.
#[server(endpoint = "routing/get_open_work")]
pub async fn get_open_work(user: UserId) -> Result<OpenWork, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.routing.open_work(&caller, user).await
}
