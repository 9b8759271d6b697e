//! 割り当て: managers assign or reassign one or many items (or single persons of an item) to a
//! staff member, optionally updating the roster so future items follow; staff take items
//! from 未割当 for themselves. Forms carry the item's routing version: a stale form is refused
//! with who changed the item and when, and nothing is applied.

use super::notify::{self, Notice};
use super::store::{self, RouteRow};
use super::{roster, staff, RoutingAudit, RoutingService};
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::Millis;
use crate::db::OfficeTx;
use app::types::{Caller, DeliveryId, RouteReason};
use app::AppError;

/// One assignment from the item page or the 未割当 list.
#[derive(Clone, Debug)]
pub struct AssignRequest {
    /// The item.
    pub delivery: DeliveryId,
    /// The routing version the form was drawn from.
    pub version: i64,
    /// Person keys `insurer:insured` to assign; empty = every person of the item.
    pub persons: Vec<String>,
    /// The new 担当 (user id as posted); empty = back to 未割当.
    pub to: String,
    /// Also make them the persons' 担当 in the roster.
    pub update_roster: bool,
    /// Only persons still in 未割当 (assigning from the 未割当 list leaves routed persons).
    pub only_unassigned: bool,
}

/// Loads an item's routes for the receiving office (404 otherwise) and checks the version.
pub(super) async fn load_current(
    tx: &mut OfficeTx,
    delivery: DeliveryId,
    version: i64,
) -> Result<(String, Vec<RouteRow>), AppError> {
    let (id, partner) = store::received_delivery(tx, &delivery.to_string())
        .await?
        .ok_or(AppError::NotFound)?;
    let routes = store::routes_of(tx, &id).await?;
    if store::version_of(&routes) != version {
        return Err(stale(&routes));
    }
    Ok((partner, routes))
}

/// The conflict message of a stale form: who changed the item last, and when.
pub(super) fn stale(routes: &[RouteRow]) -> AppError {
    let last = routes.iter().max_by_key(|r| r.updated_at);
    let who = last
        .and_then(|r| r.updated_by_name.clone())
        .map(|n| format!("{n}さんが"))
        .unwrap_or_default();
    let when = last
        .map(|r| format!("{}に", app::format::date_time(r.updated_at)))
        .unwrap_or_default();
    AppError::conflict(format!(
        "この画面を開いた後に、{who}{when}担当または対応状況を変更しました。あなたの変更は保存していません。最新の内容を確認して、もう一度操作してください。"
    ))
}

/// Moves `routes` (of one item) to `to` (none = 未割当) with `reason`; writes history, the
/// item's brief and (optionally) the roster. Returns how many routes changed.
pub(super) async fn reassign(
    tx: &mut OfficeTx,
    routes: &[&RouteRow],
    to: Option<&staff::Member>,
    reason: RouteReason,
    update_roster: bool,
    by: &Caller,
    now: Millis,
) -> Result<usize, AppError> {
    let by_id = by.user_id.to_string();
    let to_id = to.map(|m| m.id.to_string());
    let mut changed = Vec::new();
    for r in routes {
        if r.assignee_id == to_id {
            continue;
        }
        store::set_assignee(
            tx,
            &r.route_id,
            to_id.as_deref(),
            reason.code(),
            &by_id,
            now,
        )
        .await?;
        if let (true, Some(member), false) = (update_roster, to, r.insured.is_empty()) {
            let id = member.id.to_string();
            roster::set_assignee(tx, &r.insurer, &r.insured, &r.person_name, &id, &by_id, now)
                .await?;
        }
        changed.push(if r.insured.is_empty() {
            "ファイル全体".to_string()
        } else if r.person_name.is_empty() {
            format!("被保険者番号 {}", r.insured)
        } else {
            r.person_name.clone()
        });
    }
    if let Some(first) = routes.first() {
        if !changed.is_empty() {
            let target = to
                .map(|m| format!("{}さんに割り当てました", m.name))
                .unwrap_or_else(|| "未割当に戻しました".into());
            let roster_note = if update_roster && to.is_some() {
                "。利用者台帳の担当も更新しました"
            } else {
                ""
            };
            let detail = format!("{target}（{}）{roster_note}", changed.join("、"));
            let kind = if reason == RouteReason::Taken {
                "taken"
            } else {
                "assigned"
            };
            store::add_event(tx, &first.delivery_id, Some(&by_id), kind, &detail, "", now).await?;
            super::brief::refresh(tx, &first.delivery_id).await?;
        }
    }
    Ok(changed.len())
}

impl RoutingService {
    /// 担当者の変更 of one item (managers and admins).
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), delivery.id = %req.delivery))]
    pub async fn assign(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        req: AssignRequest,
    ) -> Result<usize, AppError> {
        self.assign_many(caller, client, vec![req]).await
    }

    /// Assigns several items in one transaction: all or nothing (one stale item refuses all).
    pub async fn assign_many(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        requests: Vec<AssignRequest>,
    ) -> Result<usize, AppError> {
        AuthCheck::manager().check(caller)?;
        if requests.is_empty() {
            return Err(AppError::invalid(
                "items",
                "割り当てるファイルを選んでください。",
            ));
        }
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let mut total = 0;
        let members = staff::active_members(&mut tx).await?;
        for req in &requests {
            let to = if req.to.is_empty() {
                None
            } else {
                Some(staff::require_active(&mut tx, &req.to, "to").await?)
            };
            let (partner, routes) = load_current(&mut tx, req.delivery, req.version).await?;
            let chosen: Vec<&RouteRow> = routes
                .iter()
                .filter(|r| {
                    req.persons.is_empty()
                        || req
                            .persons
                            .contains(&format!("{}:{}", r.insurer, r.insured))
                })
                .filter(|r| !req.only_unassigned || r.assignee_id.is_none())
                .collect();
            if chosen.is_empty() {
                return Err(AppError::invalid(
                    "persons",
                    "割り当てる利用者を選んでください。",
                ));
            }
            let reason = RouteReason::Manual;
            let n = reassign(
                &mut tx,
                &chosen,
                to.as_ref(),
                reason,
                req.update_roster,
                caller,
                now,
            )
            .await?;
            total += n;
            let event = RoutingAudit::Assigned {
                delivery: req.delivery.to_string(),
                to: to.as_ref().map(|m| m.id),
                persons: n,
            };
            if n > 0 {
                self.audit(&mut tx, caller, client, event).await?;
            }
            if let (Some(member), true) = (
                &to,
                n > 0 && to.as_ref().is_some_and(|m| m.id != caller.user_id),
            ) {
                let office = notify::office_name(&mut tx).await?;
                let notice = Notice {
                    delivery_id: &req.delivery.to_string(),
                    partner: &partner,
                    office: &office,
                    count: 1,
                    reassigned: true,
                    base_url: &self.base_url,
                    at: now,
                };
                let mut batch = crate::db::Batch::new();
                let whom = [member.id.to_string()];
                notify::tell_assignees(&mut batch, tx.office_id(), &members, &whom, &notice);
                batch.run(tx.conn()).await?;
            }
        }
        tx.commit().await?;
        Ok(total)
    }

    /// 自分が担当する: a member takes the item's 未割当 persons for themselves.
    pub async fn take(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        delivery: DeliveryId,
        version: i64,
    ) -> Result<usize, AppError> {
        AuthCheck::member().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let (_, routes) = load_current(&mut tx, delivery, version).await?;
        let me = staff::require_active(&mut tx, &caller.user_id.to_string(), "to").await?;
        let open: Vec<&RouteRow> = routes.iter().filter(|r| r.assignee_id.is_none()).collect();
        if open.is_empty() {
            return Err(AppError::conflict(
                "このファイルに未割当の利用者はいません。ほかの職員が先に担当した可能性があります。",
            ));
        }
        let n = reassign(
            &mut tx,
            &open,
            Some(&me),
            RouteReason::Taken,
            false,
            caller,
            now,
        )
        .await?;
        let event = RoutingAudit::Taken {
            delivery: delivery.to_string(),
            persons: n,
        };
        self.audit(&mut tx, caller, client, event).await?;
        tx.commit().await?;
        Ok(n)
    }
}
