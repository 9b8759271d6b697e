//! Applies `migrations/sqlite` or `migrations/postgres` (parallel files, same names) as the
//! connecting (owner) user, before the app pool switches to the unprivileged role.

use super::connect::connect_url;
use super::Backend;
use crate::error::{InfraError, InfraResult};
use sqlx::{Connection, Executor};

/// Runs pending migrations on a dedicated owner connection.
pub async fn migrate(url: &str) -> InfraResult<()> {
    sqlx::any::install_default_drivers();
    let backend = Backend::from_url(url)
        .ok_or_else(|| InfraError::Corrupt("unknown database URL scheme".into()))?;
    let url = connect_url(backend, url)?;
    let mut conn = sqlx::AnyConnection::connect(&url).await?;
    match backend {
        Backend::Sqlite => {
            // WAL lets readers proceed while one writer commits; it is stored in the file.
            conn.execute("pragma journal_mode = wal").await?;
            sqlx::migrate!("../migrations/sqlite")
                .run(&mut conn)
                .await?;
        }
        Backend::Postgres => {
            sqlx::migrate!("../migrations/postgres")
                .run(&mut conn)
                .await?;
        }
    }
    conn.close().await?;
    Ok(())
}
