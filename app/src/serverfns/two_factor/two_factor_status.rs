use crate::error::AppError;
use crate::types::TwoFactorStatus;
use leptos::prelude::*;

/// The caller's 2段階認証 state.
#[server(endpoint = "two_factor/status")]
pub async fn get_two_factor_status() -> Result<TwoFactorStatus, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.two_factor.status(&caller).await
}
