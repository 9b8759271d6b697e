//! The 版 column of the inbox and outbox: one query for a whole page of deliveries.

use super::read_store;
use super::view;
use crate::db::OfficeTx;
use crate::error::InfraResult;
use app::types::{VersionMark, VersionState};
use std::collections::HashMap;

/// Marks per delivery id: 更新済 when any version in it is replaced (with the delivery of
/// the newest version), else 最新 when any is current, else 取消 when all are withdrawn.
/// Deliveries without versions (attachments, deletions only) get no mark.
pub async fn marks_for(
    tx: &mut OfficeTx,
    deliveries: &[String],
) -> InfraResult<HashMap<String, VersionMark>> {
    let mut out: HashMap<String, VersionMark> = HashMap::new();
    for (delivery, state, latest) in read_store::marks(tx, deliveries).await? {
        let state = view::state(&state);
        let mark = out.entry(delivery).or_default();
        let rank = |s: Option<VersionState>| match s {
            Some(VersionState::Superseded | VersionState::OldPlan) => 3,
            Some(VersionState::Latest) => 2,
            Some(VersionState::Withdrawn) => 1,
            _ => 0,
        };
        if rank(Some(state)) > rank(mark.state) {
            mark.state = Some(state);
            mark.latest_delivery = latest.and_then(|l| l.parse().ok());
        } else if rank(Some(state)) == rank(mark.state) && mark.latest_delivery.is_none() {
            mark.latest_delivery = latest.and_then(|l| l.parse().ok());
        }
    }
    Ok(out)
}
