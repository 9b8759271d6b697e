use crate::error::AppError;
use crate::types::{
    AbsencesView, Caller, DeliveryId, ImportPreview, ItemRouting, NavCounts, NotifyMode, OpenWork,
    RosterEntry, RosterFilter, RosterPage, RulesView, StaffRef, UserId,
};

/// 担当の振り分け: what the routing pages read (writes are form posts handled by the server).
#[async_trait::async_trait]
pub trait RoutingPort: Send + Sync {
    /// Routing, status, history and notes of an item the caller's office received.
    async fn item_routing(&self, caller: &Caller, id: DeliveryId) -> Result<ItemRouting, AppError>;
    /// Counts for the navigation.
    async fn nav_counts(&self, caller: &Caller) -> Result<NavCounts, AppError>;
    /// Active staff who may be 担当.
    async fn assignable_staff(&self, caller: &Caller) -> Result<Vec<StaffRef>, AppError>;
    /// A page of the 利用者台帳.
    async fn roster(&self, caller: &Caller, filter: RosterFilter) -> Result<RosterPage, AppError>;
    /// One roster row (for its edit form).
    async fn roster_entry(
        &self,
        caller: &Caller,
        insurer: String,
        insured: String,
    ) -> Result<RosterEntry, AppError>;
    /// A staged roster import, checked again.
    async fn import_preview(&self, caller: &Caller, id: String) -> Result<ImportPreview, AppError>;
    /// 送信元ルール.
    async fn rules(&self, caller: &Caller) -> Result<RulesView, AppError>;
    /// 不在と代理.
    async fn absences(&self, caller: &Caller) -> Result<AbsencesView, AppError>;
    /// Persons and open items a staff member holds (before disabling them).
    async fn open_work(&self, caller: &Caller, user: UserId) -> Result<OpenWork, AppError>;
    /// The caller's 通知の設定.
    async fn notify_mode(&self, caller: &Caller) -> Result<NotifyMode, AppError>;
}
