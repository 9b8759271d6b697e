//! 事業所の名簿: finding a destination office by the 事業所番号 (and type) a file names. The
//! office directory is the one table every office may read.

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
