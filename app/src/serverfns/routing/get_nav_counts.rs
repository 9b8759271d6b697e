use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// Counts of new items for the navigation: on a page, those the server read with the caller.
#[server(endpoint = "routing/get_nav_counts")]
pub async fn get_nav_counts() -> Result<NavCounts, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    if let Some(counts) = crate::ports::nav_counts() {
        return Ok(counts);
    }
    ports.routing.nav_counts(&caller).await
}
