//! `RoutingPort` for the pages.

use super::RoutingService;
use crate::auth::AuthCheck;
use app::ports::RoutingPort;
use app::types::{
    AbsencesView, Caller, DeliveryId, ImportPreview, ItemRouting, NavCounts, NotifyMode, OpenWork,
    RosterEntry, RosterFilter, RosterPage, RulesView, StaffRef, UserId,
};
use app::AppError;

#[async_trait::async_trait]
impl RoutingPort for RoutingService {
    async fn item_routing(&self, caller: &Caller, id: DeliveryId) -> Result<ItemRouting, AppError> {
        self.item(caller, id).await
    }

    async fn nav_counts(&self, caller: &Caller) -> Result<NavCounts, AppError> {
        self.counts(caller).await
    }

    async fn assignable_staff(&self, caller: &Caller) -> Result<Vec<StaffRef>, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let staff = super::staff::choices(&mut tx).await?;
        tx.commit().await?;
        Ok(staff)
    }

    async fn roster(&self, caller: &Caller, filter: RosterFilter) -> Result<RosterPage, AppError> {
        self.roster_page(caller, filter).await
    }

    async fn roster_entry(
        &self,
        caller: &Caller,
        insurer: String,
        insured: String,
    ) -> Result<RosterEntry, AppError> {
        self.roster_row(caller, &insurer, &insured).await
    }

    async fn import_preview(&self, caller: &Caller, id: String) -> Result<ImportPreview, AppError> {
        self.preview_import(caller, &id).await
    }

    async fn rules(&self, caller: &Caller) -> Result<RulesView, AppError> {
        self.rules_view(caller).await
    }

    async fn absences(&self, caller: &Caller) -> Result<AbsencesView, AppError> {
        self.absences_view(caller).await
    }

    async fn open_work(&self, caller: &Caller, user: UserId) -> Result<OpenWork, AppError> {
        self.open_work_of(caller, user).await
    }

    async fn notify_mode(&self, caller: &Caller) -> Result<NotifyMode, AppError> {
        self.notify_mode_of(caller).await
    }
}
