//! 送受信 (the exchange core): upload → draft → confirmation → one delivery per destination
//! office; inbox and outbox shared by the office's staff; downloads and receipts.

pub mod classify;
pub mod cleanup;
pub mod deliveries;
pub mod delivery_store;
pub mod directory;
pub mod drafts;
pub mod forms;
pub mod intake;
mod outbound;
pub mod send;
pub mod store;
pub mod view;
pub mod zip_unit;

use crate::auth::AuthCheck;
use crate::clock::Clock;
use crate::config::UploadLimits;
use crate::db::Db;
use crate::storage::Storage;
use app::ports::ExchangePort;
use app::types::{
    Caller, DeliveryDetail, DeliveryFilter, DeliveryId, DeliveryPage, DraftSummary, DraftView,
    OfficeRef, OutgoingId,
};
use app::AppError;
use directory::DirectoryOffice;
use std::collections::HashMap;

/// The exchange service.
#[derive(Clone, Debug)]
pub struct ExchangeService {
    db: Db,
    clock: Clock,
    /// Where file bytes live.
    pub storage: Storage,
    /// Upload limits.
    pub limits: UploadLimits,
    /// Absolute 受信 URL for notification mails (from the configured base URL).
    inbox_url: String,
}

impl ExchangeService {
    /// New service.
    pub fn new(
        db: Db,
        clock: Clock,
        storage: Storage,
        limits: UploadLimits,
        base_url: &url::Url,
    ) -> Self {
        let inbox_url = format!("{}/inbox", base_url.as_str().trim_end_matches('/'));
        Self {
            db,
            clock,
            storage,
            limits,
            inbox_url,
        }
    }
}

#[async_trait::async_trait]
impl ExchangePort for ExchangeService {
    async fn list_drafts(&self, caller: &Caller) -> Result<Vec<DraftSummary>, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let rows = store::list_drafts(&mut tx).await?;
        let mut destinations: HashMap<String, Vec<String>> = HashMap::new();
        for (draft, number, name) in store::draft_destinations(&mut tx).await? {
            let label = match (name, number) {
                (Some(name), _) => name,
                (None, Some(number)) => format!("事業所番号 {number}（未登録）"),
                (None, None) => "送信先が決まっていないファイル".to_string(),
            };
            let labels = destinations.entry(draft).or_default();
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, created_by, created_at_ms, file_count)| {
                let destinations = destinations.remove(&id).unwrap_or_default();
                Some(DraftSummary {
                    id: id.parse().ok()?,
                    created_by,
                    created_at_ms,
                    file_count,
                    destinations,
                })
            })
            .collect())
    }

    async fn get_draft(&self, caller: &Caller, id: OutgoingId) -> Result<DraftView, AppError> {
        self.draft_view(caller, id).await
    }

    async fn list_partners(&self, caller: &Caller) -> Result<Vec<OfficeRef>, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let partners = directory::recent_partners(&mut tx).await?;
        tx.commit().await?;
        Ok(partners.iter().map(DirectoryOffice::to_ref).collect())
    }

    async fn list_deliveries(
        &self,
        caller: &Caller,
        incoming: bool,
        filter: DeliveryFilter,
    ) -> Result<DeliveryPage, AppError> {
        self.deliveries(caller, incoming, filter).await
    }

    async fn get_delivery(
        &self,
        caller: &Caller,
        id: DeliveryId,
    ) -> Result<DeliveryDetail, AppError> {
        self.delivery(caller, id).await
    }
}
