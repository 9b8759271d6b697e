use crate::error::AppError;
use crate::types::{
    Caller, DeliveryId, DeliveryVersions, FileId, PartnerStatus, Timeline, UnseenFilter,
    UnseenPage, VersionDiff, VersionId,
};

/// 版の管理: what the version pages read. Timeline and diff views are audited.
#[async_trait::async_trait]
pub trait VersionsPort: Send + Sync {
    /// The versions a delivery of the caller's office carries, with what replaces them.
    async fn delivery_versions(
        &self,
        caller: &Caller,
        delivery: DeliveryId,
    ) -> Result<DeliveryVersions, AppError>;
    /// The versions one file of a delivery belongs to (the download page).
    async fn file_versions(
        &self,
        caller: &Caller,
        delivery: DeliveryId,
        file: FileId,
    ) -> Result<DeliveryVersions, AppError>;
    /// Every version of every document of the version's person with its partner.
    async fn timeline(&self, caller: &Caller, version: VersionId) -> Result<Timeline, AppError>;
    /// `version` compared with `from` (default: its predecessor). Refuses other persons and
    /// other kinds of document with a message.
    async fn diff(
        &self,
        caller: &Caller,
        version: VersionId,
        from: Option<VersionId>,
    ) -> Result<VersionDiff, AppError>;
    /// Sender only: who of the partners sent this document has opened, downloaded and
    /// confirmed its newest version.
    async fn partner_status(
        &self,
        caller: &Caller,
        version: VersionId,
    ) -> Result<PartnerStatus, AppError>;
    /// Sender only: newest versions a partner has not opened (or not confirmed) yet.
    async fn unseen(&self, caller: &Caller, filter: UnseenFilter) -> Result<UnseenPage, AppError>;
}
