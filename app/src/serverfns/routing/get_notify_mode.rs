use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// The caller's 通知の設定.
#[server(endpoint = "routing/get_notify_mode")]
pub async fn get_notify_mode() -> Result<NotifyMode, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.routing.notify_mode(&caller).await
}
