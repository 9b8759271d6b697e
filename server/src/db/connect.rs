//! Opening pools: the app pool (as the unprivileged app role on PostgreSQL) and the native
//! pools tower-sessions needs.

use super::{Backend, Db, Writer};
use crate::config::DatabaseConfig;
use crate::error::{InfraError, InfraResult};
use sqlx::any::AnyPoolOptions;
use sqlx::Executor;
use std::time::Duration;

/// PostgreSQL plans each prepared statement with its values (a custom plan) until it trusts a
/// generic plan, and for our statements with an `in (…)` list of a page's ids it never does: the
/// 受信 page's version marks then cost 2.4 ms of planning for 0.6 ms of execution, at every
/// request. Every statement of the portal is a lookup scoped by office and ids, whose best plan
/// does not depend on the values, so the app's connections always use the generic plan (made
/// once per connection and statement). Measured side by side on the load test's data: a 受信
/// page cost 13.7 ms of server CPU before and 9.6 to 11.5 ms after; sends were unchanged.
const GENERIC_PLANS: &str = "set plan_cache_mode = force_generic_plan";

/// PostgreSQL's default cost of a random page read (4, four times a sequential one) models
/// spinning disks. With it the planner joined the 受信 page's 51 rows to their routing briefs by
/// reading every brief of the office into a hash table rather than looking up 51 of them by
/// key, so the page's cost grew with the office's whole inbox. The portal's data is read from
/// memory or SSD, where a random read costs about as much as a sequential one (1.1 is the usual
/// setting for SSD); the planner then looks the 51 up. Measured on the load test's data (1,631
/// items in one inbox, `explain analyze` without timing): the list's execution took 0.49 to
/// 0.78 ms before and 0.37 ms after.
const SSD_COSTS: &str = "set random_page_cost = 1.1";

/// Creates the SQLite file's folder, connects, and returns the app `Db`.
pub async fn connect(config: &DatabaseConfig) -> InfraResult<Db> {
    sqlx::any::install_default_drivers();
    let backend = Backend::from_url(&config.url).ok_or_else(|| {
        InfraError::Corrupt("PORTAL_DATABASE_URL must start with sqlite: or postgres:".into())
    })?;
    let url = connect_url(backend, &config.url)?;
    let role = config
        .app_role
        .clone()
        .filter(|_| backend == Backend::Postgres);
    // SQLite connections are never recycled: no idle timeout and no maximum lifetime, so
    // sqlx starts no reaper task. sqlx 0.8's reaper can race the pool's idle count and lose
    // the wake-up of a task waiting for a connection, which then waits forever
    // (seen as a test that hangs with every thread parked).
    let recycle = backend == Backend::Postgres;
    let pool = AnyPoolOptions::new()
        .idle_timeout(recycle.then(|| Duration::from_secs(600)))
        .max_lifetime(recycle.then(|| Duration::from_secs(1800)))
        .max_connections(config.max_connections)
        .acquire_timeout(Duration::from_secs(10))
        // No ping before every acquire (a round trip per transaction); a connection that broke
        // meanwhile fails its statement once and is dropped from the pool.
        .test_before_acquire(false)
        .after_connect(move |conn, _meta| {
            let role = role.clone();
            Box::pin(async move {
                match (backend, role) {
                    (Backend::Postgres, role) => {
                        // Generic plans and costs for SSD: see the two constants.
                        conn.execute(GENERIC_PLANS).await?;
                        conn.execute(SSD_COSTS).await?;
                        if let Some(role) = role {
                            // Identifiers cannot be bound; the role name comes from config, quoted.
                            let statement = format!("set role \"{}\"", role.replace('"', ""));
                            conn.execute(statement.as_str()).await?;
                        }
                    }
                    (Backend::Sqlite, _) => {
                        conn.execute(sqlite_setup().as_str()).await?;
                    }
                }
                Ok(())
            })
        })
        .connect(&url)
        .await?;
    let writer = match backend {
        // One writer connection: see `Db::writer`.
        Backend::Sqlite => super::tx::connect_writer(&url, &sqlite_setup()).await?,
        Backend::Postgres => Writer::Pool(pool.clone()),
    };
    Ok(Db::new(pool, writer, backend))
}

/// Every SQLite connection's settings. Checkpoints run in the background: see
/// `spawn_checkpointer`. `temp_store = memory` keeps statement journals (the pages a statement
/// inside a transaction changes, kept in case it must be undone alone) in memory: by default
/// one past 64 KiB spills to a temporary file, which a send's batched inserts did, about 30
/// writes per send (measured with strace).
fn sqlite_setup() -> String {
    let pages = super::checkpoint::AUTOCHECKPOINT_PAGES;
    let limit = super::checkpoint::WAL_SIZE_LIMIT_BYTES;
    format!(
        "pragma foreign_keys = on; pragma busy_timeout = 10000; pragma synchronous = normal; \
         pragma wal_autocheckpoint = {pages}; pragma journal_size_limit = {limit}; \
         pragma temp_store = memory;"
    )
}

/// The URL to connect with. SQLite: create the folder and the file on first run (`mode=rwc`).
pub fn connect_url(backend: Backend, url: &str) -> InfraResult<String> {
    if backend != Backend::Sqlite {
        return Ok(url.to_string());
    }
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let file = path.split('?').next().unwrap_or_default();
    if let Some(parent) = std::path::Path::new(file).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)?;
        }
    }
    Ok(if url.contains('?') {
        url.to_string()
    } else {
        format!("{url}?mode=rwc")
    })
}
