use crate::error::AppError;
use crate::types::{Caller, StaffMember, UserId};

/// 職員管理: what the admin pages read.
#[async_trait::async_trait]
pub trait StaffPort: Send + Sync {
    /// Every member of the caller's office (admins only).
    async fn list_staff(&self, caller: &Caller) -> Result<Vec<StaffMember>, AppError>;
    /// One member of the caller's office; another office's person is `NotFound`.
    async fn get_staff(&self, caller: &Caller, user: UserId) -> Result<StaffMember, AppError>;
}
