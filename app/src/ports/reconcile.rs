use crate::error::AppError;
use crate::types::{
    Caller, DiscrepancyList, ReconcileBoard, ReconcileMonth, ReconcilePerson, ReconcileQuery,
    ReconcileSettings,
};

/// 予実突合: what the reconciliation pages read. Every month is computed from the latest
/// versions at the time of the call, so a new 予定 or 実績 shows at once.
#[async_trait::async_trait]
pub trait ReconcilePort: Send + Sync {
    /// The month page: one row per person × partner, filtered and paged.
    async fn month(
        &self,
        caller: &Caller,
        query: ReconcileQuery,
    ) -> Result<ReconcileMonth, AppError>;
    /// One person's day-by-day view for a month (`NotFound` when the office has nothing
    /// for this person that month).
    async fn person(
        &self,
        caller: &Caller,
        month: String,
        insurer: String,
        insured: String,
    ) -> Result<ReconcilePerson, AppError>;
    /// The monthly-cycle board: one row per partner.
    async fn board(&self, caller: &Caller, month: String) -> Result<ReconcileBoard, AppError>;
    /// Every difference of the month (print view and CSV), optionally for one partner.
    async fn discrepancies(
        &self,
        caller: &Caller,
        month: String,
        partner: String,
    ) -> Result<DiscrepancyList, AppError>;
    /// The office's reminder setting.
    async fn settings(&self, caller: &Caller) -> Result<ReconcileSettings, AppError>;
}
