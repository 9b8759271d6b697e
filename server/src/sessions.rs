//! tower-sessions store over either database, so sessions live in the same database as
//! everything else and several server instances share them.

use crate::config::DatabaseConfig;
use crate::db::Backend;
use crate::error::{InfraError, InfraResult};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::Executor;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// Session store for the configured backend (table `session`, created by our migrations).
#[derive(Clone, Debug)]
pub enum SessionStoreAny {
    /// SQLite.
    Sqlite(SqliteStore),
    /// PostgreSQL.
    Postgres(PostgresStore),
}

impl SessionStoreAny {
    /// Opens a small native pool for the store.
    pub async fn connect(config: &DatabaseConfig, backend: Backend) -> InfraResult<Self> {
        let url = crate::db::connect_url(backend, &config.url)?;
        match backend {
            Backend::Sqlite => {
                let pool = SqlitePoolOptions::new()
                    .max_connections(4)
                    .test_before_acquire(false)
                    .connect(&url)
                    .await?;
                let store = SqliteStore::new(pool)
                    .with_table_name("session")
                    .map_err(InfraError::Corrupt)?;
                Ok(Self::Sqlite(store))
            }
            Backend::Postgres => {
                let role = config.app_role.clone();
                let pool = PgPoolOptions::new()
                    .max_connections(4)
                    .test_before_acquire(false)
                    .after_connect(move |conn, _| {
                        let role = role.clone();
                        Box::pin(async move {
                            if let Some(role) = role {
                                conn.execute(
                                    format!("set role \"{}\"", role.replace('"', "")).as_str(),
                                )
                                .await?;
                            }
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await?;
                let store = PostgresStore::new(pool)
                    .with_schema_name("public")
                    .and_then(|s| s.with_table_name("session"))
                    .map_err(InfraError::Corrupt)?;
                Ok(Self::Postgres(store))
            }
        }
    }

    /// Deletes expired sessions every five minutes until aborted.
    pub fn spawn_sweeper(self) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let result = match self {
                Self::Sqlite(store) => {
                    store
                        .continuously_delete_expired(tokio::time::Duration::from_secs(300))
                        .await
                }
                Self::Postgres(store) => {
                    store
                        .continuously_delete_expired(tokio::time::Duration::from_secs(300))
                        .await
                }
            };
            if let Err(error) = result {
                tracing::error!(error.cause = %error, "session sweeper stopped");
            }
        })
    }
}

#[async_trait::async_trait]
impl SessionStore for SessionStoreAny {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s) => s.create(record).await,
            Self::Postgres(s) => s.create(record).await,
        }
    }
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s) => s.save(record).await,
            Self::Postgres(s) => s.save(record).await,
        }
    }
    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Self::Sqlite(s) => s.load(id).await,
            Self::Postgres(s) => s.load(id).await,
        }
    }
    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s) => s.delete(id).await,
            Self::Postgres(s) => s.delete(id).await,
        }
    }
}
