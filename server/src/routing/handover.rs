//! Moving a staff member's work to someone else: their open items (absence cover, disabling)
//! and their roster persons (disabling). Disabling a member who holds work requires a
//! successor, and the move and the 利用停止 happen in one transaction: no orphaned work.

use super::assign::reassign;
use super::notify::{self, Notice};
use super::store::{self, RouteRow};
use super::{roster, staff, RoutingAudit, RoutingService};
use crate::accounts::store as accounts;
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::Millis;
use crate::db::OfficeTx;
use app::types::{Caller, OpenWork, RouteReason, StaffMember, UserId};
use app::AppError;

/// Moves `from`'s open items to `to` (history per item, one mail to `to`); returns the number
/// of items moved.
pub(super) async fn move_open_items(
    tx: &mut OfficeTx,
    from: &str,
    to: &staff::Member,
    reason: RouteReason,
    caller: &Caller,
    base_url: &str,
    now: Millis,
) -> Result<usize, AppError> {
    let open = store::open_routes_of(tx, from).await?;
    let mut deliveries: Vec<&str> = open.iter().map(|r| r.delivery_id.as_str()).collect();
    deliveries.dedup();
    deliveries.sort_unstable();
    deliveries.dedup();
    for d in &deliveries {
        let routes: Vec<&RouteRow> = open.iter().filter(|r| r.delivery_id == *d).collect();
        reassign(tx, &routes, Some(to), reason, false, caller, now).await?;
    }
    if !deliveries.is_empty() && to.id != caller.user_id {
        let members = staff::active_members(tx).await?;
        let first = deliveries.first().copied().unwrap_or_default();
        let office = notify::office_name(tx).await?;
        let notice = Notice {
            delivery_id: first,
            partner: "複数の事業所",
            office: &office,
            count: i64::try_from(deliveries.len()).unwrap_or(i64::MAX),
            reassigned: true,
            base_url,
            at: now,
        };
        let mut batch = crate::db::Batch::new();
        let whom = [to.id.to_string()];
        notify::tell_assignees(&mut batch, tx.office_id(), &members, &whom, &notice);
        batch.run(tx.conn()).await?;
    }
    Ok(deliveries.len())
}

impl RoutingService {
    /// What `user` holds: roster persons and items not yet 完了, and who could take over.
    pub async fn open_work_of(&self, caller: &Caller, user: UserId) -> Result<OpenWork, AppError> {
        AuthCheck::admin().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        accounts::find_staff(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        let id = user.to_string();
        let persons = roster::count_of(&mut tx, &id).await?;
        let open = store::open_routes_of(&mut tx, &id).await?;
        let mut items: Vec<&str> = open.iter().map(|r| r.delivery_id.as_str()).collect();
        items.sort_unstable();
        items.dedup();
        let successors = staff::choices(&mut tx)
            .await?
            .into_iter()
            .filter(|s| s.id != user)
            .collect();
        tx.commit().await?;
        Ok(OpenWork {
            persons,
            items: i64::try_from(items.len()).unwrap_or(i64::MAX),
            successors,
        })
    }

    /// 利用停止 with handover: `successor` (required when the member holds work) receives their
    /// roster persons and open items, in the same transaction as the 利用停止.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    pub async fn disable_with_handover(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        user: UserId,
        successor: &str,
    ) -> Result<StaffMember, AppError> {
        AuthCheck::admin().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let member = accounts::find_staff(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        if user == caller.user_id {
            return Err(AppError::conflict(
                "自分自身の利用は停止できません。ほかの管理者に依頼してください。",
            ));
        }
        let id = user.to_string();
        let persons = roster::count_of(&mut tx, &id).await?;
        let open = store::open_routes_of(&mut tx, &id).await?;
        if persons > 0 || !open.is_empty() {
            if successor.is_empty() || successor == id {
                return Err(AppError::invalid(
                    "successor",
                    format!(
                        "{}さんの担当（利用者{persons}人、対応中のファイル）を引き継ぐ職員を選んでください。",
                        member.display_name
                    ),
                ));
            }
            let to = staff::require_active(&mut tx, successor, "successor").await?;
            let by = caller.user_id.to_string();
            let moved_persons = roster::move_all(&mut tx, &id, successor, &by, now).await?;
            let items = move_open_items(
                &mut tx,
                &id,
                &to,
                RouteReason::Handover,
                caller,
                &self.base_url,
                now,
            )
            .await?;
            let event = RoutingAudit::WorkMoved {
                from: user,
                to: to.id,
                persons: moved_persons,
                items,
            };
            self.audit(&mut tx, caller, client, event).await?;
        }
        if accounts::set_disabled(&mut tx, user, Some(now)).await? {
            let event = AuditEvent::StaffDisabled { user };
            crate::audit::record(&mut tx, caller, client, event, now).await?;
        }
        tx.commit().await?;
        Ok(member)
    }
}
