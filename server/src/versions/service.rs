//! What the version pages read, and 内容確認済. Each recipe: scope, load, check, audit, commit.

use super::read_store::{self, VersionRow};
use super::view;
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::Clock;
use crate::db::{Db, OfficeTx};
use crate::error::InfraResult;
use crate::storage::Storage;
use app::ports::VersionsPort;
use app::types::{
    Caller, DeliveryId, DeliveryVersions, FileId, PartnerStatus, Timeline, UnseenFilter,
    UnseenPage, VersionDiff, VersionId, VersionLine, VersionRef, VersionState,
};
use app::AppError;
use std::collections::HashMap;

/// The version service.
#[derive(Clone, Debug)]
pub struct VersionService {
    pub(super) db: Db,
    pub(super) clock: Clock,
    pub(super) storage: Storage,
}

/// Rows per page of the 確認状況 list.
pub const UNSEEN_PAGE: i64 = 50;

impl VersionService {
    /// New service.
    pub fn new(db: Db, clock: Clock, storage: Storage) -> Self {
        Self { db, clock, storage }
    }

    /// Rows to page lines: kinds, the current version of replaced ones, receipts.
    pub(super) async fn lines(
        &self,
        tx: &mut OfficeTx,
        rows: &[VersionRow],
    ) -> InfraResult<Vec<VersionLine>> {
        let ids: Vec<String> = rows.iter().map(|r| r.version_id.clone()).collect();
        let replaced: Vec<String> = rows
            .iter()
            .filter(|r| r.state != "latest" && r.action == "upsert")
            .map(|r| r.version_id.clone())
            .collect();
        let latest_pairs = if replaced.is_empty() {
            Vec::new()
        } else {
            read_store::latest_of(tx, &replaced).await?
        };
        let mut latest_ids: Vec<String> = latest_pairs.iter().map(|(_, l)| l.clone()).collect();
        latest_ids.sort_unstable();
        latest_ids.dedup();
        latest_ids.retain(|id| !ids.contains(id));
        let extra = read_store::by_ids(tx, &latest_ids).await?;
        let mut kind_ids = ids.clone();
        kind_ids.extend(latest_ids);
        let kinds = view::kinds_by_version(read_store::kinds_of(tx, &kind_ids).await?);
        let mut refs: HashMap<String, VersionRef> = HashMap::new();
        for row in rows.iter().chain(&extra) {
            refs.insert(row.version_id.clone(), view::version_ref(row, &kinds)?);
        }
        let latest: HashMap<&str, &str> = latest_pairs
            .iter()
            .map(|(v, l)| (v.as_str(), l.as_str()))
            .collect();
        rows.iter()
            .map(|row| {
                Ok(VersionLine {
                    version: refs
                        .get(&row.version_id)
                        .cloned()
                        .ok_or_else(|| crate::error::InfraError::Corrupt("version".into()))?,
                    latest: latest
                        .get(row.version_id.as_str())
                        .and_then(|l| refs.get(*l))
                        .cloned(),
                    receipt: view::receipt(row),
                })
            })
            .collect()
    }

    /// One chain row the caller's office may see.
    pub(super) async fn find(
        &self,
        tx: &mut OfficeTx,
        id: VersionId,
    ) -> Result<VersionRow, AppError> {
        read_store::one(tx, &id.to_string())
            .await?
            .ok_or(AppError::NotFound)
    }

    /// 内容確認済: the receiving office confirms it has checked a version's content. Only the
    /// newest version can be confirmed; a second confirmation changes nothing.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), version.id = %id))]
    pub async fn confirm(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        id: VersionId,
    ) -> Result<DeliveryId, AppError> {
        AuthCheck::member().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let row = self.find(&mut tx, id).await?;
        if row.to_office_id != caller.office_id().to_string() {
            return Err(AppError::Forbidden);
        }
        match view::state(&row.state) {
            VersionState::Latest => {}
            VersionState::Withdrawn => {
                return Err(AppError::conflict(
                    "この版は送信元により取り消されているため、内容確認済にできません。",
                ))
            }
            _ => {
                return Err(AppError::conflict(
                    "この版は新しい版で置き換えられているため、内容確認済にできません。最新版を確認してください。",
                ))
            }
        }
        let user = caller.user_id.to_string();
        if read_store::confirm(&mut tx, &row.version_id, &user, now).await? {
            let event = AuditEvent::VersionConfirmed {
                version: row.version_id.clone(),
            };
            crate::audit::record(&mut tx, caller, client, event, now).await?;
        }
        tx.commit().await?;
        row.delivery_id
            .parse()
            .map_err(|_| crate::error::InfraError::Corrupt("delivery id".into()).into())
    }
}

#[async_trait::async_trait]
impl VersionsPort for VersionService {
    async fn delivery_versions(
        &self,
        caller: &Caller,
        delivery: DeliveryId,
    ) -> Result<DeliveryVersions, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let rows = read_store::of_delivery(&mut tx, &delivery.to_string()).await?;
        let lines = self.lines(&mut tx, &rows).await?;
        tx.commit().await?;
        let incoming = rows
            .first()
            .is_some_and(|r| r.to_office_id == caller.office_id().to_string());
        Ok(DeliveryVersions {
            incoming,
            lines,
            file_name: None,
        })
    }

    async fn file_versions(
        &self,
        caller: &Caller,
        delivery: DeliveryId,
        file: FileId,
    ) -> Result<DeliveryVersions, AppError> {
        self.file_page(caller, delivery, file).await
    }

    async fn timeline(&self, caller: &Caller, version: VersionId) -> Result<Timeline, AppError> {
        self.timeline_page(caller, version).await
    }

    async fn diff(
        &self,
        caller: &Caller,
        version: VersionId,
        from: Option<VersionId>,
    ) -> Result<VersionDiff, AppError> {
        self.diff_page(caller, version, from).await
    }

    async fn partner_status(
        &self,
        caller: &Caller,
        version: VersionId,
    ) -> Result<PartnerStatus, AppError> {
        self.partner_page(caller, version).await
    }

    async fn unseen(&self, caller: &Caller, filter: UnseenFilter) -> Result<UnseenPage, AppError> {
        self.unseen_page(caller, filter).await
    }
}
