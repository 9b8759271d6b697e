use crate::error::AppError;
use crate::types::{Caller, MyOffice};

/// 事業所: what the UI reads about offices.
#[async_trait::async_trait]
pub trait OfficePort: Send + Sync {
    /// The offices the caller is an active member of, current one flagged.
    async fn list_my_offices(&self, caller: &Caller) -> Result<Vec<MyOffice>, AppError>;
}
