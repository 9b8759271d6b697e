//! 事業所の名簿: finding a destination office by the 事業所番号 (and type) a file names. The
//! office directory is the one table every office may read.

use crate::db::OfficeTx;
use crate::error::InfraResult;
use app::types::{OfficeId, OfficeRef};
use sqlx::{AnyConnection, FromRow};

/// A registered, active office.
#[derive(Clone, Debug, FromRow)]
pub struct DirectoryOffice {
    pub office_id: String,
    pub name: String,
    pub office_number: String,
    pub service_type: String,
}

impl DirectoryOffice {
    /// As the pages name it.
    pub fn to_ref(&self) -> OfficeRef {
        OfficeRef {
            id: self.office_id.parse::<OfficeId>().ok(),
            name: Some(self.name.clone()),
            number: self.office_number.clone(),
            service_type: Some(self.service_type.clone()),
        }
    }
}

/// Active offices with this number (and type, when the name carries one: V3 names do not).
pub async fn find(
    conn: &mut AnyConnection,
    number: &str,
    service_type: Option<&str>,
) -> InfraResult<Vec<DirectoryOffice>> {
    let rows: Vec<DirectoryOffice> = match service_type {
        Some(t) => sqlx::query_as("select office_id, name, office_number, service_type from office where office_number = $1 and service_type = $2 and disabled_at is null")
            .bind(number)
            .bind(t)
            .fetch_all(conn)
            .await?,
        None => sqlx::query_as("select office_id, name, office_number, service_type from office where office_number = $1 and disabled_at is null order by service_type")
            .bind(number)
            .fetch_all(conn)
            .await?,
    };
    Ok(rows)
}

/// How many of the office's latest deliveries each way [`recent_partners`] looks at, so the
/// ファイルを送る page reads a bounded number of rows however long the office's history is.
const RECENT_DELIVERIES: i64 = 2000;

/// Registered, active offices that the scope's office sent files to or received files from
/// in its latest deliveries, by name.
pub async fn recent_partners(tx: &mut OfficeTx) -> InfraResult<Vec<DirectoryOffice>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select o.office_id, o.name, o.office_number, o.service_type from office o
          where o.disabled_at is null and o.office_id <> $1 and o.office_id in (
                select s.to_office_id from (select to_office_id from delivery where from_office_id = $1
                                             order by sent_at desc limit $2) s
                union
                select r.from_office_id from (select from_office_id from delivery where to_office_id = $1
                                               order by sent_at desc limit $2) r)
          order by o.name, o.office_number, o.service_type",
    )
    .bind(office)
    .bind(RECENT_DELIVERIES)
    .fetch_all(tx.conn())
    .await?)
}
