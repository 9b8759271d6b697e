//! SQL of the version pages: chain rows with their offices, sender, receipts, 版 m and
//! whether they arrived after a newer 連番. Every query is limited to chain rows the
//! transaction's office sent or received.

use crate::db::{placeholders, OfficeConn, OfficeTx};
use crate::error::InfraResult;
use sqlx::FromRow;

/// A chain row as pages need it.
#[derive(Clone, Debug, FromRow)]
pub struct VersionRow {
    pub version_id: String,
    pub delivery_id: String,
    pub from_office_id: String,
    pub from_name: String,
    pub from_number: String,
    pub from_type: String,
    pub to_office_id: String,
    pub to_name: String,
    pub to_number: String,
    pub to_type: String,
    pub entity: String,
    pub insurer: String,
    pub insured: String,
    pub anchor: String,
    pub provider: String,
    pub action: String,
    pub send_stamp: String,
    pub sent_at: i64,
    pub sent_by_name: String,
    pub person_name: Option<String>,
    pub person_kana: Option<String>,
    pub conflict_name: Option<String>,
    pub state: String,
    pub version_no: i64,
    pub previous_version_id: Option<String>,
    pub withdrew_count: i64,
    pub confirmed_at: Option<i64>,
    pub confirmed_by_name: Option<String>,
    pub first_opened_at: Option<i64>,
    pub opened_by_name: Option<String>,
    pub downloaded_at: Option<i64>,
    pub downloaded_by_name: Option<String>,
    pub version_count: i64,
    pub newer_before: i64,
}

/// The same series (key) as `v`, for correlated subqueries.
const SAME_SERIES: &str = "n.from_office_id = v.from_office_id and n.to_office_id = v.to_office_id
    and n.insurer = v.insurer and n.insured = v.insured and n.entity = v.entity and n.anchor = v.anchor
    and n.provider = v.provider and n.action = 'upsert'";

/// Downloads of the delivery that concern this version (one of its files, or the ZIP).
const DOWNLOADS: &str = "from delivery_event e where e.delivery_id = v.delivery_id and e.kind = 'downloaded'
    and (e.file_id is null or e.file_id in (select vf.file_id from doc_version_file vf where vf.version_id = v.version_id))";

fn select() -> String {
    format!(
        "select v.version_id, v.delivery_id, v.from_office_id, fo.name as from_name, fo.office_number as from_number,
                fo.service_type as from_type, v.to_office_id, t.name as to_name, t.office_number as to_number,
                t.service_type as to_type, v.entity, v.insurer, v.insured, v.anchor, v.provider, v.action, v.send_stamp,
                v.sent_at, s.display_name as sent_by_name, v.person_name, v.person_kana, v.conflict_name, v.state,
                v.version_no, v.previous_version_id, v.withdrew_count, v.confirmed_at, c.display_name as confirmed_by_name,
                d.first_opened_at, o.display_name as opened_by_name,
                (select min(e.at) {DOWNLOADS}) as downloaded_at,
                (select ds.display_name {DOWNLOADS_BY}) as downloaded_by_name,
                (select count(*) from doc_version n where {SAME_SERIES}) as version_count,
                (select count(*) from doc_version n where {SAME_SERIES}
                    and n.send_stamp > v.send_stamp and n.sent_at < v.sent_at) as newer_before
           from doc_version v
           join delivery d on d.delivery_id = v.delivery_id
           join office fo on fo.office_id = v.from_office_id
           join office t on t.office_id = v.to_office_id
           join staff_account s on s.user_id = d.sent_by
           left join staff_account c on c.user_id = v.confirmed_by
           left join staff_account o on o.user_id = d.first_opened_by
          where $1 in (v.from_office_id, v.to_office_id)",
        DOWNLOADS_BY = DOWNLOADS.replace(
            "from delivery_event e",
            "from delivery_event e join staff_account ds on ds.user_id = e.user_id"
        ) + " order by e.at limit 1",
    )
}

/// A value bound after the office (`$2`, `$3` …).
enum Bind<'a> {
    Text(&'a str),
    Int(i64),
}

async fn fetch_with(
    tx: &mut OfficeTx,
    condition: &str,
    binds: &[Bind<'_>],
) -> InfraResult<Vec<VersionRow>> {
    let sql = format!("{} {condition}", select());
    let office = tx.office_id().to_string();
    let mut query = sqlx::query_as::<_, VersionRow>(&sql).bind(office);
    for value in binds {
        query = match value {
            Bind::Text(v) => query.bind(*v),
            Bind::Int(v) => query.bind(*v),
        };
    }
    Ok(query.fetch_all(tx.conn()).await?)
}

async fn fetch(tx: &mut OfficeTx, condition: &str, binds: &[&str]) -> InfraResult<Vec<VersionRow>> {
    let binds: Vec<Bind<'_>> = binds.iter().map(|v| Bind::Text(v)).collect();
    fetch_with(tx, condition, &binds).await
}

/// One chain row.
pub async fn one(tx: &mut OfficeTx, id: &str) -> InfraResult<Option<VersionRow>> {
    Ok(fetch(tx, "and v.version_id = $2", &[id])
        .await?
        .into_iter()
        .next())
}

/// Rows by id (any order; unknown or invisible ids are left out).
pub async fn by_ids(tx: &mut OfficeTx, ids: &[String]) -> InfraResult<Vec<VersionRow>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(200) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let condition = format!("and v.version_id in ({})", marks.join(", "));
        let binds: Vec<&str> = chunk.iter().map(String::as_str).collect();
        out.extend(fetch(tx, &condition, &binds).await?);
    }
    Ok(out)
}

/// The rows a delivery carries, by person then document.
pub async fn of_delivery(tx: &mut OfficeTx, delivery: &str) -> InfraResult<Vec<VersionRow>> {
    fetch(
        tx,
        "and v.delivery_id = $2 order by v.insured, v.entity, v.anchor, v.provider, v.action",
        &[delivery],
    )
    .await
}

/// Every row of a person between the transaction's office and `partner`, both directions.
pub async fn of_person(
    tx: &mut OfficeTx,
    insurer: &str,
    insured: &str,
    partner: &str,
) -> InfraResult<Vec<VersionRow>> {
    fetch(
        tx,
        "and v.insurer = $2 and v.insured = $3
         and ((v.from_office_id = $1 and v.to_office_id = $4) or (v.to_office_id = $1 and v.from_office_id = $4))",
        &[insurer, insured, partner],
    )
    .await
}

/// The transaction's office's sent versions of one document, to every partner.
pub async fn sent_document(
    tx: &mut OfficeTx,
    entity: &str,
    insurer: &str,
    insured: &str,
) -> InfraResult<Vec<VersionRow>> {
    fetch(
        tx,
        "and v.from_office_id = $1 and v.action = 'upsert' and v.entity = $2 and v.insurer = $3 and v.insured = $4",
        &[entity, insurer, insured],
    )
    .await
}

/// Newest versions the office sent that the partner has not opened (`unconfirmed`: opened
/// but not 内容確認済), newest first, keyset on (sent_at, version_id).
pub async fn unseen(
    tx: &mut OfficeTx,
    unconfirmed: bool,
    after: Option<(i64, String)>,
    limit: i64,
) -> InfraResult<Vec<VersionRow>> {
    let status = if unconfirmed {
        "d.first_opened_at is not null and v.confirmed_at is null"
    } else {
        "d.first_opened_at is null"
    };
    let mut condition = format!(
        "and v.from_office_id = $1 and v.action = 'upsert' and v.state = 'latest' and {status}"
    );
    let mut binds = Vec::new();
    if let Some((at, id)) = &after {
        condition.push_str(" and (v.sent_at < $2 or (v.sent_at = $2 and v.version_id < $3))");
        binds.push(Bind::Int(*at));
        binds.push(Bind::Text(id));
    }
    condition.push_str(&format!(
        " order by v.sent_at desc, v.version_id desc limit {limit}"
    ));
    fetch_with(tx, &condition, &binds).await
}

/// For each of `ids` that is replaced or withdrawn, the current version of its document
/// (the series' 最新, or for plans the current plan): (id, latest id).
pub async fn latest_of(tx: &mut OfficeTx, ids: &[String]) -> InfraResult<Vec<(String, String)>> {
    let office = tx.office_id().to_string();
    let mut out = Vec::new();
    for chunk in ids.chunks(200) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "select v.version_id, l.version_id from doc_version v
               join doc_version l on l.from_office_id = v.from_office_id and l.to_office_id = v.to_office_id
                and l.insurer = v.insurer and l.insured = v.insured and l.entity = v.entity
                and l.state = 'latest' and l.action = 'upsert' and l.version_id <> v.version_id
                and (v.entity in ('plan', 'basic_info', 'prevention_plan') or (l.anchor = v.anchor and l.provider = v.provider))
              where v.version_id in ({}) and $1 in (v.from_office_id, v.to_office_id)",
            marks.join(", ")
        );
        let mut query = sqlx::query_as::<_, (String, String)>(&sql).bind(&office);
        for id in chunk {
            query = query.bind(id);
        }
        out.extend(query.fetch_all(tx.conn()).await?);
    }
    Ok(out)
}

/// (version id, kind, file id) of the member files of `ids`.
pub async fn kinds_of(
    tx: &mut OfficeTx,
    ids: &[String],
) -> InfraResult<Vec<(String, String, String)>> {
    let office = tx.office_id().to_string();
    let mut out = Vec::new();
    for chunk in ids.chunks(200) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "select version_id, kind, file_id from doc_version_file
              where (from_office_id = $1 or to_office_id = $1) and version_id in ({})",
            marks.join(", ")
        );
        let mut query = sqlx::query_as::<_, (String, String, String)>(&sql).bind(&office);
        for id in chunk {
            query = query.bind(id);
        }
        out.extend(query.fetch_all(tx.conn()).await?);
    }
    Ok(out)
}

/// The version states found in some deliveries (inbox / outbox marks), each with the delivery
/// of a current version for replaced ones: (delivery, state, latest delivery). The link target
/// is looked up once per delivery and state, through one of its versions in that state (a
/// delivery of ten replaced persons costs one lookup, not ten). The office filter is an
/// expression so that both planners find the rows by `delivery_id`, not by office.
pub async fn marks(
    tx: &mut impl OfficeConn,
    deliveries: &[String],
) -> InfraResult<Vec<(String, String, Option<String>)>> {
    if deliveries.is_empty() {
        return Ok(Vec::new());
    }
    let office = tx.office_id().to_string();
    let sql = format!(
        "with m as (
           select v.delivery_id, v.state, min(v.version_id) as sample
             from doc_version v
            where v.delivery_id in ({}) and v.action = 'upsert'
              and $1 in (coalesce(v.from_office_id, ''), coalesce(v.to_office_id, ''))
            group by v.delivery_id, v.state)
         select m.delivery_id, m.state,
                case when m.state in ('superseded', 'old_plan', 'withdrawn') then
                  (select l.delivery_id from doc_version s join doc_version l
                       on l.from_office_id = s.from_office_id and l.to_office_id = s.to_office_id
                      and l.insurer = s.insurer and l.insured = s.insured and l.entity = s.entity
                    where s.version_id = m.sample and l.state = 'latest' and l.action = 'upsert'
                      and (s.entity in ('plan', 'basic_info', 'prevention_plan') or (l.anchor = s.anchor and l.provider = s.provider))
                    order by l.delivery_id limit 1)
                end
           from m",
        placeholders(2, deliveries.len())
    );
    let mut query = sqlx::query_as::<_, (String, String, Option<String>)>(&sql).bind(&office);
    for id in deliveries {
        query = query.bind(id);
    }
    Ok(query.fetch_all(tx.conn()).await?)
}

/// Sets 内容確認済 once (by the receiving office); true the first time.
pub async fn confirm(tx: &mut OfficeTx, id: &str, user: &str, at: i64) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let done = sqlx::query(
        "update doc_version set confirmed_at = $1, confirmed_by = $2
          where version_id = $3 and to_office_id = $4 and confirmed_at is null",
    )
    .bind(at)
    .bind(user)
    .bind(id)
    .bind(office)
    .execute(tx.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The name of a file of a delivery the office sent or received, and the versions it is part
/// of; `None` when the file is not in that delivery.
pub async fn file_of_delivery(
    tx: &mut OfficeTx,
    delivery: &str,
    file: &str,
) -> InfraResult<Option<(String, Vec<String>)>> {
    let office = tx.office_id().to_string();
    let name: Option<(String,)> = sqlx::query_as(
        "select f.original_name from delivery_file df join stored_file f on f.file_id = df.file_id
          where df.delivery_id = $1 and df.file_id = $2 and (df.from_office_id = $3 or df.to_office_id = $3)",
    )
    .bind(delivery)
    .bind(file)
    .bind(&office)
    .fetch_optional(tx.conn())
    .await?;
    let Some((name,)) = name else {
        return Ok(None);
    };
    let versions: Vec<(String,)> = sqlx::query_as(
        "select vf.version_id from doc_version_file vf join doc_version v on v.version_id = vf.version_id
          where vf.file_id = $1 and v.delivery_id = $2 and (vf.from_office_id = $3 or vf.to_office_id = $3)",
    )
    .bind(file)
    .bind(delivery)
    .bind(&office)
    .fetch_all(tx.conn())
    .await?;
    Ok(Some((name, versions.into_iter().map(|v| v.0).collect())))
}
