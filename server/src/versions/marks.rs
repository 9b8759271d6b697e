//! The 版 column of the inbox and outbox. Each delivery row keeps its state (written by the
//! sends that change it); only the rows whose document was replaced or withdrawn need a
//! query, for the delivery of the newest version they link to.

use super::read_store;
use super::view;
use crate::db::OfficeConn;
use crate::error::InfraResult;
use app::types::{VersionMark, VersionState};
use std::collections::HashMap;

/// Marks of a list page from each row's stored state (`delivery.version_state`): 最新 as
/// stored, no mark without one, and [`marks_for`] (one query) for the rest.
pub async fn marks_of_rows(
    tx: &mut impl OfficeConn,
    rows: &[(&str, Option<&str>)],
) -> InfraResult<HashMap<String, VersionMark>> {
    let linked: Vec<String> = rows
        .iter()
        .filter(|(_, state)| state.is_some_and(|s| s != "latest"))
        .map(|(id, _)| (*id).to_string())
        .collect();
    let mut out = marks_for(tx, &linked).await?;
    for (id, state) in rows {
        if *state == Some("latest") {
            let mark = VersionMark {
                state: Some(VersionState::Latest),
                latest_delivery: None,
            };
            out.insert((*id).to_string(), mark);
        }
    }
    Ok(out)
}

/// Marks per delivery id: 更新済 when any version in it is replaced (with the delivery of
/// the newest version), else 最新 when any is current, else 取消 when all are withdrawn.
/// Deliveries without versions (attachments, deletions only) get no mark.
pub async fn marks_for(
    tx: &mut impl OfficeConn,
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
