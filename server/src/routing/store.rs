//! SQL of routes (one per received item and person) and the item's history and notes. Every
//! statement is scoped to the transaction's office, the receiving office.

use crate::clock::Millis;
use crate::db::{Batch, OfficeConn, OfficeReads, OfficeTx, Statement};
use crate::error::InfraResult;
use app::types::OfficeId;
use sqlx::FromRow;

/// A route to insert.
pub struct NewRoute<'a> {
    pub delivery_id: &'a str,
    pub insurer: &'a str,
    pub insured: &'a str,
    pub person_name: &'a str,
    pub assignee: Option<&'a str>,
    pub reason: &'a str,
    pub at: Millis,
}

/// Inserts the routes of new items (status 未読, version 1), in one statement per 100, and
/// writes each item's brief from them (no route of the items is stored yet, so it needs no
/// read); a second route for the same person of an item is ignored.
pub fn insert_new_routes(batch: &mut Batch<'_>, office: OfficeId, routes: &[NewRoute<'_>]) {
    let mut unique: Vec<&NewRoute<'_>> = Vec::with_capacity(routes.len());
    for r in routes {
        if !unique
            .iter()
            .any(|u| (u.delivery_id, u.insurer, u.insured) == (r.delivery_id, r.insurer, r.insured))
        {
            unique.push(r);
        }
    }
    for chunk in unique.chunks(100) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| {
                let n = 2 + i * 9;
                let p: Vec<String> = (n..n + 9).map(|k| format!("${k}")).collect();
                format!(
                    "({}, {}, $1, {}, {}, {}, {}, {}, 'unread', {}, {}, 1)",
                    p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]
                )
            })
            .collect();
        let sql = format!(
            "insert into delivery_route (route_id, delivery_id, office_id, insurer, insured, person_name, assignee_id, reason, status, routed_at, updated_at, version)
             values {}
             on conflict (delivery_id, insurer, insured) do nothing",
            rows.join(", ")
        );
        let mut statement = Statement::new(sql).bind(office.to_string());
        for r in chunk {
            statement = statement
                .bind(crate::db::new_row_id())
                .bind(r.delivery_id.to_owned())
                .bind(r.insurer.to_owned())
                .bind(r.insured.to_owned())
                .bind(r.person_name.to_owned())
                .bind(r.assignee.map(str::to_owned))
                .bind(r.reason.to_owned())
                .bind(r.at)
                .bind(r.at);
        }
        batch.push(statement);
    }
    let mut items: Vec<&str> = unique.iter().map(|r| r.delivery_id).collect();
    items.sort_unstable();
    items.dedup();
    for item in items {
        let of_item: Vec<&NewRoute<'_>> = unique
            .iter()
            .copied()
            .filter(|r| r.delivery_id == item)
            .collect();
        let brief = super::brief::of_groups(&groups_of_new(&of_item));
        super::brief::write(batch, office, item, &brief);
    }
}

/// New routes grouped by 担当 as [`super::brief::refresh`] groups stored ones: (担当, routes,
/// sum of versions, each 1), ordered by first routing time, then the smallest 保険者番号 and
/// 被保険者番号, then the 担当's id.
fn groups_of_new(routes: &[&NewRoute<'_>]) -> Vec<(Option<String>, i64, i64)> {
    let mut groups: Vec<(Option<&str>, Millis, &str, &str, i64)> = Vec::new();
    for r in routes {
        match groups.iter_mut().find(|g| g.0 == r.assignee) {
            Some(g) => {
                g.1 = g.1.min(r.at);
                g.2 = g.2.min(r.insurer);
                g.3 = g.3.min(r.insured);
                g.4 += 1;
            }
            None => groups.push((r.assignee, r.at, r.insurer, r.insured, 1)),
        }
    }
    groups.sort_by(|a, b| (a.1, a.2, a.3, a.0).cmp(&(b.1, b.2, b.3, b.0)));
    groups
        .into_iter()
        .map(|(assignee, .., count)| (assignee.map(str::to_string), count, count))
        .collect()
}

/// A stored route with the assignee's and last editor's names.
#[derive(Clone, Debug, FromRow)]
pub struct RouteRow {
    pub route_id: String,
    pub delivery_id: String,
    pub insurer: String,
    pub insured: String,
    pub person_name: String,
    pub assignee_id: Option<String>,
    pub assignee_name: Option<String>,
    pub reason: String,
    pub status: String,
    pub updated_at: i64,
    pub updated_by_name: Option<String>,
    pub version: i64,
}

const ROUTE_SELECT: &str = "select r.route_id, r.delivery_id, r.insurer, r.insured, r.person_name, r.assignee_id,
        a.display_name as assignee_name, r.reason, r.status, r.updated_at, u.display_name as updated_by_name, r.version
   from delivery_route r
   left join staff_account a on a.user_id = r.assignee_id
   left join staff_account u on u.user_id = r.updated_by";

/// Routes of one item, in routing order.
pub async fn routes_of(tx: &mut OfficeTx, delivery: &str) -> InfraResult<Vec<RouteRow>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(&format!(
        "{ROUTE_SELECT} where r.office_id = $1 and r.delivery_id = $2 order by r.routed_at, r.insurer, r.insured"
    ))
    .bind(office)
    .bind(delivery)
    .fetch_all(tx.conn())
    .await?)
}

/// The routes of some items that are `assignee`'s, in routing order (the office filter
/// is an expression so that SQLite looks the page's items up by `delivery_id` instead of
/// scanning every route of the office: its planner has no statistics to tell).
pub async fn routes_of_assignee(
    tx: &mut impl OfficeConn,
    assignee: &str,
    deliveries: &[String],
) -> InfraResult<Vec<RouteRow>> {
    if deliveries.is_empty() {
        return Ok(Vec::new());
    }
    let office = tx.office_id().to_string();
    let sql = format!(
        "{ROUTE_SELECT} where coalesce(r.office_id, '') = $1 and coalesce(r.assignee_id, '') = $2
            and r.delivery_id in ({})
          order by r.routed_at, r.insurer, r.insured",
        crate::db::placeholders(3, deliveries.len())
    );
    let mut query = sqlx::query_as::<_, RouteRow>(&sql)
        .bind(office)
        .bind(assignee);
    for id in deliveries {
        query = query.bind(id);
    }
    Ok(query.fetch_all(tx.conn()).await?)
}

/// The routing version of an item: the sum of its routes' versions. Every change bumps one
/// route's version, so the sum only grows and a form carrying an older sum is stale.
pub fn version_of(routes: &[RouteRow]) -> i64 {
    routes.iter().map(|r| r.version).sum()
}

/// Gives a route to `assignee` (or back to 未割当) with a new reason; status starts again at
/// 未読 for a new assignee.
pub async fn set_assignee(
    tx: &mut OfficeTx,
    route_id: &str,
    assignee: Option<&str>,
    reason: &str,
    by: &str,
    at: Millis,
) -> InfraResult<()> {
    let office = tx.office_id().to_string();
    sqlx::query(
        "update delivery_route set assignee_id = $1, reason = $2, status = 'unread', updated_by = $3, updated_at = $4, version = version + 1
          where office_id = $5 and route_id = $6",
    )
    .bind(assignee)
    .bind(reason)
    .bind(by)
    .bind(at)
    .bind(office)
    .bind(route_id)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Sets the status of one route.
pub async fn set_status(
    tx: &mut OfficeTx,
    route_id: &str,
    status: &str,
    by: &str,
    at: Millis,
) -> InfraResult<()> {
    let office = tx.office_id().to_string();
    sqlx::query(
        "update delivery_route set status = $1, updated_by = $2, updated_at = $3, version = version + 1
          where office_id = $4 and route_id = $5",
    )
    .bind(status)
    .bind(by)
    .bind(at)
    .bind(office)
    .bind(route_id)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Open routes (not 完了) of one assignee, with their items.
pub async fn open_routes_of(tx: &mut OfficeTx, user: &str) -> InfraResult<Vec<RouteRow>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(&format!(
        "{ROUTE_SELECT} where r.office_id = $1 and r.assignee_id = $2 and r.status <> 'done' order by r.routed_at"
    ))
    .bind(office)
    .bind(user)
    .fetch_all(tx.conn())
    .await?)
}

/// Appends a line to the item's history (`kind`: routed, assigned, status, note, taken).
pub async fn add_event(
    tx: &mut OfficeTx,
    delivery: &str,
    user: Option<&str>,
    kind: &str,
    detail: &str,
    body: &str,
    at: Millis,
) -> InfraResult<()> {
    let mut batch = Batch::new();
    let event = Event {
        delivery,
        user,
        kind,
        detail,
        body,
        at,
    };
    push_event(&mut batch, tx.office_id(), &event);
    batch.run(tx.conn()).await
}

/// A line of an item's history.
pub struct Event<'a> {
    pub delivery: &'a str,
    pub user: Option<&'a str>,
    pub kind: &'a str,
    pub detail: &'a str,
    pub body: &'a str,
    pub at: Millis,
}

/// [`add_event`] as a statement of `batch`, for an item of `office`.
pub fn push_event(batch: &mut Batch<'_>, office: OfficeId, e: &Event<'_>) {
    batch.push(
        Statement::new(
            "insert into delivery_work_event (event_id, delivery_id, office_id, user_id, kind, detail, body, at)
             values ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(crate::db::new_row_id())
        .bind(e.delivery.to_owned())
        .bind(office.to_string())
        .bind(e.user.map(str::to_owned))
        .bind(e.kind.to_owned())
        .bind(e.detail.to_owned())
        .bind(e.body.to_owned())
        .bind(e.at),
    );
}

/// The item's history: (at, user name, kind, detail, body), oldest first.
pub async fn events_of(
    tx: &mut OfficeTx,
    delivery: &str,
) -> InfraResult<Vec<(i64, Option<String>, String, String, String)>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select e.at, s.display_name, e.kind, e.detail, e.body
           from delivery_work_event e left join staff_account s on s.user_id = e.user_id
          where e.office_id = $1 and e.delivery_id = $2 order by e.at, e.event_id",
    )
    .bind(office)
    .bind(delivery)
    .fetch_all(tx.conn())
    .await?)
}

/// Counts for the navigation: items with the user's persons still 未読, and items with
/// persons in 未割当 (from the items' briefs). Each count stops at [`NAV_COUNT_CAP`] (the menu
/// then says 「100件以上」), so every page costs the same however long the queues grow.
/// Pages read them as two more columns of the caller's statement (`accounts::caller`).
pub async fn nav_counts(reads: &mut OfficeReads, user: &str) -> InfraResult<(i64, i64)> {
    let office = reads.office_id().to_string();
    let row: (i64, i64) = sqlx::query_as(&format!("select {}", nav_count_columns(1, 2, 3)))
        .bind(office)
        .bind(user)
        .bind(app::types::NAV_COUNT_CAP)
        .fetch_one(reads.conn())
        .await?;
    Ok(row)
}

/// The two navigation counts as select columns `mine_unread` and `unassigned`, with the office,
/// the user and the cap bound at the given `$` positions.
pub fn nav_count_columns(office: usize, user: usize, cap: usize) -> String {
    format!(
        "(select count(*) from (select distinct delivery_id from delivery_route
           where office_id = ${office} and assignee_id = ${user} and status = 'unread'
           limit ${cap}) mine) as mine_unread,
         (select count(*) from (select delivery_id from route_brief
           where office_id = ${office} and unassigned > 0 limit ${cap}) unassigned) as unassigned"
    )
}

/// The receiving office of a delivery, if this office received it (routing is only theirs).
pub async fn received_delivery(
    tx: &mut OfficeTx,
    delivery: &str,
) -> InfraResult<Option<(String, String)>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select d.delivery_id, o.name from delivery d join office o on o.office_id = d.from_office_id
          where d.delivery_id = $1 and d.to_office_id = $2",
    )
    .bind(delivery)
    .bind(office)
    .fetch_optional(tx.conn())
    .await?)
}
