//! `InfraError`: failures of the database, storage or runtime. Converting one to `AppError` is
//! the only place a 500 is made: the cause is logged once with a fresh reference.

use app::AppError;

/// Infrastructure failure; never shown to users.
#[derive(Debug, thiserror::Error)]
pub enum InfraError {
    /// Database.
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    /// Migrations.
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Session store.
    #[error("session: {0}")]
    Session(#[from] tower_sessions::session::Error),
    /// Object store.
    #[error("storage: {0}")]
    Storage(#[from] object_store::Error),
    /// Files and sockets.
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    /// A blocking task panicked or was cancelled.
    #[error("task: {0}")]
    Task(#[from] tokio::task::JoinError),
    /// Stored data that does not parse (a bug or a manual edit).
    #[error("corrupt data: {0}")]
    Corrupt(String),
    /// Mail configuration or message building.
    #[error("mail: {0}")]
    Mail(String),
    /// Password hashing.
    #[error("password hash: {0}")]
    Hash(String),
    /// The SQLite commit this write shared with the writers queued beside it failed (see
    /// `db::writer`): nothing of the group is stored.
    #[error("group commit: {0}")]
    GroupCommit(String),
}

impl InfraError {
    /// PostgreSQL gave up one of two transactions that waited for each other (deadlock,
    /// 40P01) or could not serialise it (40001). Its work was rolled back whole, and the
    /// same request a moment later succeeds.
    fn is_transient(&self) -> bool {
        matches!(self, InfraError::Db(sqlx::Error::Database(e))
            if matches!(e.code().as_deref(), Some("40P01" | "40001")))
    }
}

impl From<InfraError> for AppError {
    fn from(error: InfraError) -> Self {
        if error.is_transient() {
            tracing::warn!(error.cause = %error, "transaction given up by the database");
            return AppError::conflict(
                "ほかの操作と同時になったため、処理できませんでした。何も保存されていません。もう一度お試しください。",
            );
        }
        let reference = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
        // A stored file that is gone stays gone: the user is told so rather than to try again.
        // Files are kept while any row refers to them, so this means a lost or misconfigured
        // store, which the operator finds in the log by the reference and the key.
        if let InfraError::Storage(object_store::Error::NotFound { path, .. }) = &error {
            tracing::error!(error.reference = %reference, storage.key = %path, error.cause = %error, "stored file missing");
            return AppError::FileUnavailable { reference };
        }
        tracing::error!(error.reference = %reference, error.cause = %error, "internal error");
        AppError::Internal { reference }
    }
}

/// Shorthand for results of store functions.
pub type InfraResult<T> = Result<T, InfraError>;
