use crate::error::AppError;
use crate::types::ActiveSession;
use leptos::prelude::*;

/// The caller's signed-in sessions.
#[server(endpoint = "sessions/list")]
pub async fn list_sessions() -> Result<Vec<ActiveSession>, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    let current = crate::ports::session_handle().unwrap_or_default();
    ports.sessions.list_sessions(&caller, current).await
}
