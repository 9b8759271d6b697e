//! tower-sessions store over either database, so sessions live in the same database as
//! everything else and several server instances share them.
//!
//! On SQLite, which one process owns, the store also keeps what it last wrote of each session
//! in memory and answers reads from there: every request reads its session, and that read was
//! one of the four statements of a page. Only writes fill the copy (each made while holding
//! the writer's turn, so the copy follows the order of the writes), never a read, which could
//! bring back a session deleted meanwhile. A write first drops the copy and keeps the new one
//! only once the database has it: a write that fails or is cancelled half-way leaves reads to
//! the database. A session not written since the process started is read from the database
//! until its next write.

use crate::config::DatabaseConfig;
use crate::db::{Backend, Db};
use crate::error::{InfraError, InfraResult};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::Executor;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// Session store for the configured backend (table `session`, created by our migrations).
#[derive(Clone, Debug)]
pub enum SessionStoreAny {
    /// SQLite: each write waits for the application's writer turn ([`Db::write_turn`]).
    Sqlite(SqliteStore, Db, Written),
    /// PostgreSQL.
    Postgres(PostgresStore),
}

impl SessionStoreAny {
    /// Opens a small native pool for the store, beside the application's `db`.
    pub async fn connect(config: &DatabaseConfig, db: &Db) -> InfraResult<Self> {
        let backend = db.backend();
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
                Ok(Self::Sqlite(store, db.clone(), Written::default()))
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
            let period = tokio::time::Duration::from_secs(300);
            if let Err(error) = self.continuously_delete_expired(period).await {
                tracing::error!(error.cause = %error, "session sweeper stopped");
            }
        })
    }
}

#[async_trait::async_trait]
impl ExpiredDeletion for SessionStoreAny {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s, db, written) => {
                let _turn = turn(db).await?;
                s.delete_expired().await?;
                written.forget_expired();
                Ok(())
            }
            Self::Postgres(s) => s.delete_expired().await,
        }
    }
}

/// Holds the writer's turn (SQLite) for the length of one store write.
async fn turn(db: &Db) -> session_store::Result<Option<crate::db::WriteTurn>> {
    db.write_turn()
        .await
        .map_err(|error| session_store::Error::Backend(error.to_string()))
}

#[async_trait::async_trait]
impl SessionStore for SessionStoreAny {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s, db, written) => {
                let _turn = turn(db).await?;
                written.forget(&record.id);
                s.create(record).await?;
                written.keep(record);
                Ok(())
            }
            Self::Postgres(s) => s.create(record).await,
        }
    }
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s, db, written) => {
                let _turn = turn(db).await?;
                written.forget(&record.id);
                s.save(record).await?;
                written.keep(record);
                Ok(())
            }
            Self::Postgres(s) => s.save(record).await,
        }
    }
    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Self::Sqlite(s, _, written) => match written.get(id) {
                Some(record) => Ok(Some(record)),
                None => s.load(id).await,
            },
            Self::Postgres(s) => s.load(id).await,
        }
    }
    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s, db, written) => {
                let _turn = turn(db).await?;
                written.forget(id);
                s.delete(id).await?;
                Ok(())
            }
            Self::Postgres(s) => s.delete(id).await,
        }
    }
}

/// What this process last wrote of each live session (SQLite): see the module doc.
#[derive(Clone, Debug, Default)]
pub struct Written(Arc<Mutex<HashMap<Id, Record>>>);

impl Written {
    fn sessions(&self) -> std::sync::MutexGuard<'_, HashMap<Id, Record>> {
        // A panic elsewhere cannot leave a map of whole records half-changed.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn keep(&self, record: &Record) {
        self.sessions().insert(record.id, record.clone());
    }

    fn forget(&self, id: &Id) {
        self.sessions().remove(id);
    }

    /// The session as last written, unless it has expired (as the database read would skip it).
    fn get(&self, id: &Id) -> Option<Record> {
        let now = time::OffsetDateTime::now_utc();
        self.sessions()
            .get(id)
            .filter(|record| record.expiry_date > now)
            .cloned()
    }

    fn forget_expired(&self) {
        let now = time::OffsetDateTime::now_utc();
        self.sessions().retain(|_, record| record.expiry_date > now);
    }
}
