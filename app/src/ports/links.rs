use crate::error::AppError;
use crate::types::{LinkInfo, LinkPurpose};

/// One-time links from mails: what the public set-password pages read.
#[async_trait::async_trait]
pub trait AccountLinkPort: Send + Sync {
    /// The owner of a valid link; `NotFound` for any dead link (unknown, used, expired,
    /// replaced, or the password changed since), all alike.
    async fn check_link(&self, token: String, purpose: LinkPurpose) -> Result<LinkInfo, AppError>;
    /// Minutes a reset link stays valid (shown on the pages).
    fn reset_minutes(&self) -> i64;
    /// The password rules, for hints on forms.
    fn password_hint(&self) -> String;
}
