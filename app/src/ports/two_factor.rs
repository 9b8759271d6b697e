use crate::error::AppError;
use crate::types::{Caller, TwoFactorStatus};

/// 2段階認証: what the settings page reads.
#[async_trait::async_trait]
pub trait TwoFactorPort: Send + Sync {
    /// The caller's state, with the QR code while enrolling.
    async fn status(&self, caller: &Caller) -> Result<TwoFactorStatus, AppError>;
}
