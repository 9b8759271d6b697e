use crate::error::AppError;
use crate::types::{ActiveSession, Caller};

/// ログイン中の端末: the caller's own signed-in sessions.
#[async_trait::async_trait]
pub trait SessionsPort: Send + Sync {
    /// Live sessions of the caller, newest activity first; `current` marks this one.
    async fn list_sessions(
        &self,
        caller: &Caller,
        current: String,
    ) -> Result<Vec<ActiveSession>, AppError>;
}
