//! What the item page and the inbox rows show of routing: routes with reasons and statuses,
//! the history with notes, and per-row briefs for a whole list page from one query.

use super::brief::{self, Brief};
use super::store::{self, RouteRow};
use super::{staff, RoutingService};
use crate::auth::AuthCheck;
use crate::db::{OfficeConn, OfficeReads};
use crate::error::InfraResult;
use app::types::{
    Caller, DeliveryId, DeliverySummary, ItemRoute, ItemRouting, NavCounts, RouteReason,
    RoutingBrief, StaffRef, WorkEvent, WorkStatus,
};
use app::AppError;
use std::collections::HashMap;

fn route(r: &RouteRow, me: &str) -> ItemRoute {
    ItemRoute {
        insurer: r.insurer.clone(),
        insured: r.insured.clone(),
        person_name: r.person_name.clone(),
        assignee: r
            .assignee_id
            .as_ref()
            .and_then(|id| id.parse().ok())
            .map(|id| StaffRef {
                id,
                name: r.assignee_name.clone().unwrap_or_default(),
            }),
        reason: RouteReason::from_code(&r.reason).unwrap_or(RouteReason::Unassigned),
        status: WorkStatus::from_code(&r.status).unwrap_or(WorkStatus::Unread),
        mine: r.assignee_id.as_deref() == Some(me),
    }
}

/// Fills `routing` of the rows of one list page (receiving office only) from the items'
/// briefs, which the list read with its rows (`briefs[k]` is `items[k]`'s): one query for the
/// 担当's names, one for the caller's own persons (only when the briefs name anyone, or the
/// caller).
pub async fn fill_briefs(
    tx: &mut impl OfficeConn,
    me: &str,
    briefs: &[Option<Brief>],
    items: &mut [DeliverySummary],
) -> InfraResult<()> {
    let mut users: Vec<&str> = briefs
        .iter()
        .flatten()
        .flat_map(|b| b.assignees.split_whitespace())
        .collect();
    users.sort_unstable();
    users.dedup();
    let names: HashMap<String, String> = brief::names_of(tx, &users).await?.into_iter().collect();
    let mine = if users.contains(&me) {
        let ids: Vec<String> = items.iter().map(|i| i.id.to_string()).collect();
        store::routes_of_assignee(tx, me, &ids).await?
    } else {
        Vec::new()
    };
    for (item, brief) in items.iter_mut().zip(briefs) {
        let id = item.id.to_string();
        let mut routing = RoutingBrief::default();
        if let Some(b) = brief {
            routing.version = b.version;
            routing.unassigned = b.unassigned;
            for name in b.assignees.split_whitespace().filter_map(|u| names.get(u)) {
                if !routing.assignees.contains(name) {
                    routing.assignees.push(name.clone());
                }
            }
        }
        for r in mine.iter().filter(|r| r.delivery_id == id) {
            routing.my_persons.push(route(r, me).person_label());
            routing.my_status = WorkStatus::from_code(&r.status);
        }
        item.routing = routing;
    }
    Ok(())
}

impl RoutingService {
    /// The item's routing (404 unless the caller's office received it).
    pub async fn item(&self, caller: &Caller, id: DeliveryId) -> Result<ItemRouting, AppError> {
        AuthCheck::member().check(caller)?;
        let me = caller.user_id.to_string();
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let (delivery, _) = store::received_delivery(&mut tx, &id.to_string())
            .await?
            .ok_or(AppError::NotFound)?;
        let rows = store::routes_of(&mut tx, &delivery).await?;
        let events = store::events_of(&mut tx, &delivery)
            .await?
            .into_iter()
            .map(|(at_ms, user, kind, detail, body)| WorkEvent {
                at_ms,
                user,
                detail,
                note: (kind == "note").then_some(body),
            })
            .collect();
        let staff = staff::choices(&mut tx).await?;
        tx.commit().await?;
        Ok(ItemRouting {
            delivery: id,
            routes: rows.iter().map(|r| route(r, &me)).collect(),
            version: store::version_of(&rows),
            events,
            can_assign: AuthCheck::manager().check(caller).is_ok(),
            staff,
        })
    }

    /// Navigation counts (未割当 only for managers and admins).
    pub async fn counts(&self, caller: &Caller) -> Result<NavCounts, AppError> {
        AuthCheck::member().check(caller)?;
        let mut reads = self.db.office_reads(caller.office_id()).await?;
        let counts = nav_counts(&mut reads, caller).await?;
        reads.finish();
        Ok(counts)
    }
}

/// The navigation counts `caller` may see (未割当 only for managers and admins), read in the
/// caller's office.
pub async fn nav_counts(reads: &mut OfficeReads, caller: &Caller) -> InfraResult<NavCounts> {
    let (mine_unread, unassigned) = store::nav_counts(reads, &caller.user_id.to_string()).await?;
    Ok(visible_counts(caller, mine_unread, unassigned))
}

/// Of the two counts read, those `caller` may see: 未割当 only for managers and admins.
pub fn visible_counts(caller: &Caller, mine_unread: i64, unassigned: i64) -> NavCounts {
    let manager = AuthCheck::manager().check(caller).is_ok();
    NavCounts {
        mine_unread,
        unassigned: if manager { unassigned } else { 0 },
    }
}
