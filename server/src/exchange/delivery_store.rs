//! SQL of deliveries and receipts. A delivery is visible to its sending and its receiving
//! office, and to no one else.

use super::store::FileRow;
use crate::clock::Millis;
use crate::db::{Batch, OfficeConn, OfficeTx, Statement};
use crate::error::InfraResult;
use app::types::{DeliveryFilter, OfficeId};
use sqlx::FromRow;

/// A delivery to insert (by the sending office's transaction).
pub struct NewDelivery<'a> {
    pub delivery_id: &'a str,
    pub outgoing_id: &'a str,
    pub to_office: &'a str,
    pub sent_by: &'a str,
    pub sent_at: Millis,
    pub file_ids: &'a [String],
    pub kinds: &'a str,
    pub target_months: &'a str,
    pub persons_text: &'a str,
    /// The short names label the lists show (the search text stays out of list queries).
    pub persons_label: &'a str,
}

/// Inserts a delivery of `from` and its files.
pub fn insert_delivery<'q>(batch: &mut Batch<'q>, from: OfficeId, d: NewDelivery<'q>) {
    let from = from.to_string();
    batch.push(
        Statement::new(
            "insert into delivery (delivery_id, outgoing_id, from_office_id, to_office_id, sent_by, sent_at, file_count, kinds, target_months, persons_text, persons_label)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(d.delivery_id)
        .bind(d.outgoing_id)
        .bind(from.clone())
        .bind(d.to_office)
        .bind(d.sent_by)
        .bind(d.sent_at)
        .bind(i64::try_from(d.file_ids.len()).unwrap_or(i64::MAX))
        .bind(d.kinds)
        .bind(d.target_months)
        .bind(d.persons_text)
        .bind(d.persons_label),
    );
    for (chunk_at, chunk) in d.file_ids.chunks(100).enumerate() {
        let sql = format!(
            "insert into delivery_file (delivery_id, from_office_id, to_office_id, file_id, position) values {}",
            crate::db::shared_rows(3, 2, chunk.len())
        );
        let mut statement = Statement::new(sql)
            .bind(d.delivery_id)
            .bind(from.clone())
            .bind(d.to_office);
        for (i, file) in chunk.iter().enumerate() {
            let position = chunk_at * 100 + i;
            statement = statement
                .bind(file.as_str())
                .bind(i64::try_from(position).unwrap_or(i64::MAX));
        }
        batch.push(statement);
    }
}

/// What one send delivered, file by file: (delivery, its destination office, file), in each
/// delivery's import order.
pub async fn sent_files_of(
    tx: &mut OfficeTx,
    outgoing: &str,
) -> InfraResult<Vec<(String, String, String)>> {
    let office = tx.office_id().to_string();
    let rows = sqlx::query_as(
        "select d.delivery_id, d.to_office_id, f.file_id from delivery d
           join delivery_file f on f.delivery_id = d.delivery_id
          where d.outgoing_id = $1 and d.from_office_id = $2
          order by d.delivery_id, f.position",
    )
    .bind(outgoing)
    .bind(office)
    .fetch_all(tx.conn())
    .await?;
    Ok(rows)
}

/// A delivery row with both offices and names.
#[derive(Clone, Debug, FromRow)]
pub struct DeliveryRow {
    pub delivery_id: String,
    pub from_office_id: String,
    pub from_name: String,
    pub from_number: String,
    pub from_type: String,
    pub to_office_id: String,
    pub to_name: String,
    pub to_number: String,
    pub to_type: String,
    pub imported_by_name: Option<String>,
    #[sqlx(flatten)]
    pub facts: DeliveryFacts,
}

/// What a delivery's list row and item page both show of it, besides its offices.
#[derive(Clone, Debug, FromRow)]
pub struct DeliveryFacts {
    pub sent_at: i64,
    pub sent_by_name: String,
    pub file_count: i64,
    pub kinds: String,
    pub target_months: String,
    pub persons_label: String,
    pub first_opened_at: Option<i64>,
    pub imported_at: Option<i64>,
    /// The 版 state the lists show (see `versions::marks_of_rows`).
    pub version_state: Option<String>,
}

/// A row of the 受信 or 送信済み list: only what the list shows. The office's own side of each
/// delivery is the caller's office, so only the partner's name is joined.
#[derive(Clone, Debug, FromRow)]
pub struct ListRow {
    pub delivery_id: String,
    pub partner_id: String,
    pub partner_name: String,
    pub partner_number: String,
    pub partner_type: String,
    #[sqlx(flatten)]
    pub facts: DeliveryFacts,
    /// The routing brief (`route_brief`), read by the receiving office's list only.
    #[sqlx(default)]
    pub brief_assignees: Option<String>,
    #[sqlx(default)]
    pub brief_unassigned: Option<i64>,
    #[sqlx(default)]
    pub brief_version: Option<i64>,
}

/// The columns of a [`DeliveryRow`]; `from`, the source of `d` and `DELIVERY_JOINS` follow.
const DELIVERY_COLUMNS: &str = "select d.delivery_id, d.from_office_id, fo.name as from_name, fo.office_number as from_number,
        fo.service_type as from_type, d.to_office_id, t.name as to_name, t.office_number as to_number,
        t.service_type as to_type, d.sent_at, s.display_name as sent_by_name, d.file_count, d.kinds, d.target_months,
        d.persons_label, d.first_opened_at, d.imported_at, i.display_name as imported_by_name,
        d.version_state";

const DELIVERY_JOINS: &str = " d
   join office fo on fo.office_id = d.from_office_id
   join office t on t.office_id = d.to_office_id
   join staff_account s on s.user_id = d.sent_by
   left join staff_account i on i.user_id = d.imported_by";

/// Rows per page of the lists.
pub const PAGE_SIZE: i64 = 50;

/// Parses `sentat_id` cursors.
fn cursor(after: &str) -> Option<(i64, String)> {
    let (at, id) = after.split_once('_')?;
    Some((at.parse().ok()?, id.to_string()))
}

/// JST midnight of `YYYY-MM-DD` in Unix ms (the list's date filters are Japanese dates).
fn jst_day_start(date: &str) -> Option<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = time::Date::parse(date.trim(), &format).ok()?;
    let utc = day.midnight().assume_utc().unix_timestamp() - 9 * 3600;
    Some(utc * 1000)
}

/// A bound value of a dynamically built query.
enum Param {
    Text(String),
    Int(i64),
}

/// Collects parameters and hands out their `$n` placeholders in order.
struct Params(Vec<Param>);

impl Params {
    fn push(&mut self, param: Param) -> String {
        self.0.push(param);
        format!("${}", self.0.len())
    }
}

/// A page of the office's incoming or outgoing deliveries, newest first (keyset pagination on
/// (sent_at, delivery_id)), one more row than a page to know whether another page exists.
pub async fn list(
    tx: &mut impl OfficeConn,
    incoming: bool,
    filter: &DeliveryFilter,
) -> InfraResult<Vec<ListRow>> {
    let mine = if incoming {
        "d.to_office_id"
    } else {
        "d.from_office_id"
    };
    let partner = if incoming {
        "d.from_office_id"
    } else {
        "d.to_office_id"
    };
    let mut params = Params(Vec::new());
    let office = params.push(Param::Text(tx.office_id().to_string()));
    // The page is chosen on `delivery` alone (an index range scan, newest first) and only its
    // rows are joined to names, whatever the planner's statistics say.
    // Only the listed columns: `persons_text` (the search text) stays out of the page.
    let mut sql = format!(
        "select d.delivery_id, d.from_office_id, d.to_office_id, d.sent_at, d.sent_by, d.file_count,
                d.kinds, d.target_months, d.persons_label, d.first_opened_at, d.imported_at, d.imported_by, d.version_state
           from delivery d where {mine} = {office}"
    );
    let text = |value: &str| value.trim().to_string();
    if !filter.partner.trim().is_empty() {
        let p = params.push(Param::Text(format!("%{}%", text(&filter.partner))));
        sql.push_str(&format!(
            " and {partner} in (select office_id from office where office_number like {p} or name like {p})"
        ));
    }
    if !filter.kind.trim().is_empty() {
        let p = params.push(Param::Text(format!("% {} %", text(&filter.kind))));
        sql.push_str(&format!(" and (' ' || d.kinds || ' ') like {p}"));
    }
    if !filter.month.trim().is_empty() {
        let p = params.push(Param::Text(format!("% {} %", text(&filter.month))));
        sql.push_str(&format!(" and (' ' || d.target_months || ' ') like {p}"));
    }
    if !filter.person.trim().is_empty() {
        let p = params.push(Param::Text(format!("%{}%", text(&filter.person))));
        sql.push_str(&format!(" and d.persons_text like {p}"));
    }
    match filter.status.as_str() {
        "unopened" => sql.push_str(" and d.first_opened_at is null"),
        "not_imported" => sql.push_str(" and d.imported_at is null"),
        "imported" => sql.push_str(" and d.imported_at is not null"),
        _ => {}
    }
    if incoming && !filter.assignee.is_empty() {
        // 自分の受信 / 未割当 / one staff member's items (routing, issue 7).
        if filter.assignee == "unassigned" {
            sql.push_str(&format!(
                " and d.delivery_id in (select b.delivery_id from route_brief b where b.office_id = {office} and b.unassigned > 0)"
            ));
        } else {
            let assignee = params.push(Param::Text(filter.assignee.clone()));
            sql.push_str(&format!(
                " and d.delivery_id in (select r.delivery_id from delivery_route r where r.office_id = {office} and r.assignee_id = {assignee})"
            ));
        }
    }
    if let Some(start) = jst_day_start(&filter.from) {
        let p = params.push(Param::Int(start));
        sql.push_str(&format!(" and d.sent_at >= {p}"));
    }
    if let Some(end) = jst_day_start(&filter.to) {
        let p = params.push(Param::Int(end + 86_400_000));
        sql.push_str(&format!(" and d.sent_at < {p}"));
    }
    if let Some((at, id)) = cursor(&filter.after) {
        let a = params.push(Param::Int(at));
        let i = params.push(Param::Text(id));
        sql.push_str(&format!(
            " and (d.sent_at < {a} or (d.sent_at = {a} and d.delivery_id < {i}))"
        ));
    }
    // The receiving office's rows carry their routing briefs, in the same statement.
    let (brief_columns, brief_join) = if incoming {
        (
            ", b.assignees as brief_assignees, b.unassigned as brief_unassigned, b.version as brief_version",
            format!(" left join route_brief b on b.delivery_id = d.delivery_id and b.office_id = {office}"),
        )
    } else {
        ("", String::new())
    };
    // The page's rows are put back in order here, not by a second `order by`: SQLite would
    // copy every joined row into a sorter for it.
    let sql = format!(
        "select d.delivery_id, p.office_id as partner_id, p.name as partner_name, p.office_number as partner_number,
                p.service_type as partner_type, d.sent_at, s.display_name as sent_by_name, d.file_count, d.kinds,
                d.target_months, d.persons_label, d.first_opened_at, d.imported_at, d.version_state{brief_columns}
           from ({sql} order by d.sent_at desc, d.delivery_id desc limit {}) d
           join office p on p.office_id = {partner}
           join staff_account s on s.user_id = d.sent_by{brief_join}",
        PAGE_SIZE + 1
    );
    let mut query = sqlx::query_as::<_, ListRow>(&sql);
    for param in params.0 {
        query = match param {
            Param::Text(v) => query.bind(v),
            Param::Int(v) => query.bind(v),
        };
    }
    let mut rows = query.fetch_all(tx.conn()).await?;
    rows.sort_unstable_by(|a, b| {
        (b.facts.sent_at, &b.delivery_id).cmp(&(a.facts.sent_at, &a.delivery_id))
    });
    Ok(rows)
}

/// One delivery the office sent or received.
pub async fn find(tx: &mut OfficeTx, id: &str) -> InfraResult<Option<DeliveryRow>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(&format!("{DELIVERY_COLUMNS} from delivery{DELIVERY_JOINS} where d.delivery_id = $1 and (d.from_office_id = $2 or d.to_office_id = $2)"))
        .bind(id)
        .bind(office)
        .fetch_optional(tx.conn())
        .await?)
}

/// Files of a delivery, in import order.
pub async fn files(tx: &mut OfficeTx, id: &str) -> InfraResult<Vec<FileRow>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select f.file_id, f.original_name, f.size_bytes, f.sha256, b.storage_key, f.content_type, f.kind,
                f.target_month, f.send_stamp, f.dest_office_number, f.dest_service_type, f.error_count, f.report_json, f.persons_json
           from delivery_file df
           join stored_file f on f.file_id = df.file_id
           join blob b on b.sha256 = f.sha256
          where df.delivery_id = $1 and (df.from_office_id = $2 or df.to_office_id = $2) order by df.position",
    )
    .bind(id)
    .bind(office)
    .fetch_all(tx.conn())
    .await?)
}

/// Records a receipt event (by the receiving office).
pub async fn insert_event(
    tx: &mut OfficeTx,
    delivery: &DeliveryRow,
    file: Option<&str>,
    kind: &str,
    user: &str,
    at: Millis,
) -> InfraResult<()> {
    sqlx::query("insert into delivery_event (event_id, delivery_id, from_office_id, to_office_id, file_id, kind, user_id, at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(crate::db::new_row_id())
        .bind(&delivery.delivery_id)
        .bind(&delivery.from_office_id)
        .bind(&delivery.to_office_id)
        .bind(file)
        .bind(kind)
        .bind(user)
        .bind(at)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Sets 開封 once; true the first time.
pub async fn mark_opened(tx: &mut OfficeTx, id: &str, user: &str, at: Millis) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let done = sqlx::query("update delivery set first_opened_at = $1, first_opened_by = $2 where delivery_id = $3 and to_office_id = $4 and first_opened_at is null")
        .bind(at)
        .bind(user)
        .bind(id)
        .bind(office)
        .execute(tx.conn())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets 取込済 once; true the first time.
pub async fn mark_imported(
    tx: &mut OfficeTx,
    id: &str,
    user: &str,
    at: Millis,
) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let done = sqlx::query("update delivery set imported_at = $1, imported_by = $2 where delivery_id = $3 and to_office_id = $4 and imported_at is null")
        .bind(at)
        .bind(user)
        .bind(id)
        .bind(office)
        .execute(tx.conn())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Receipt events of a delivery: (kind, user name, at, file name).
pub async fn events(
    tx: &mut OfficeTx,
    id: &str,
) -> InfraResult<Vec<(String, String, i64, Option<String>)>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select e.kind, s.display_name, e.at, f.original_name
           from delivery_event e join staff_account s on s.user_id = e.user_id
           left join stored_file f on f.file_id = e.file_id
          where e.delivery_id = $1 and (e.from_office_id = $2 or e.to_office_id = $2) order by e.at, e.event_id",
    )
    .bind(id)
    .bind(office)
    .fetch_all(tx.conn())
    .await?)
}
