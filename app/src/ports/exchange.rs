use crate::error::AppError;
use crate::types::{
    Caller, DeliveryDetail, DeliveryFilter, DeliveryId, DeliveryPage, DraftSummary, DraftView,
    OfficeRef, OutgoingId,
};

/// 送受信: what the exchange pages read.
#[async_trait::async_trait]
pub trait ExchangePort: Send + Sync {
    /// 下書き of the caller's office, newest first.
    async fn list_drafts(&self, caller: &Caller) -> Result<Vec<DraftSummary>, AppError>;
    /// One send of the caller's office (draft, sent or discarded) as the confirmation page shows it.
    async fn get_draft(&self, caller: &Caller, id: OutgoingId) -> Result<DraftView, AppError>;
    /// Registered, active offices the caller's office recently sent files to or received
    /// files from, by name: the destinations offered for attachments.
    async fn list_partners(&self, caller: &Caller) -> Result<Vec<OfficeRef>, AppError>;
    /// 受信 (`incoming`) or 送信済み list of the caller's office.
    async fn list_deliveries(
        &self,
        caller: &Caller,
        incoming: bool,
        filter: DeliveryFilter,
    ) -> Result<DeliveryPage, AppError>;
    /// One delivery the caller's office sent or received; the first view by the recipient is
    /// recorded as 開封.
    async fn get_delivery(
        &self,
        caller: &Caller,
        id: DeliveryId,
    ) -> Result<DeliveryDetail, AppError>;
}
