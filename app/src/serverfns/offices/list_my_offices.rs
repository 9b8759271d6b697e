use crate::error::AppError;
use crate::types::MyOffice;
use leptos::prelude::*;

/// The offices the signed-in person belongs to.
#[server(endpoint = "offices/list_mine")]
pub async fn list_my_offices() -> Result<Vec<MyOffice>, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.offices.list_my_offices(&caller).await
}
