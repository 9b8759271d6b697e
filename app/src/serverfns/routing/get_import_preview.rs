use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// A staged roster import, checked.
#[server(endpoint = "routing/get_import_preview")]
pub async fn get_import_preview(id: String) -> Result<ImportPreview, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.routing.import_preview(&caller, id).await
}
