use crate::error::AppError;
use crate::types::{AuditPage, Caller};

/// 操作履歴: the office's audit log and its integrity.
#[async_trait::async_trait]
pub trait AuditPort: Send + Sync {
    /// Recent entries of the caller's office and whether the hash chain verifies (admins only).
    async fn recent(&self, caller: &Caller, limit: i64) -> Result<AuditPage, AppError>;
}
