//! ログイン中の端末: list the caller's sessions and end them (never someone else's).

use super::user_session;
use crate::audit::{store as audit_store, AuditEvent};
use crate::auth::ClientInfo;
use crate::clock::Clock;
use crate::config::SessionConfig;
use crate::db::Db;
use crate::error::InfraError;
use app::ports::SessionsPort;
use app::types::{ActiveSession, Caller};
use app::AppError;

/// The caller's own sessions.
#[derive(Clone, Debug)]
pub struct SessionsService {
    db: Db,
    clock: Clock,
    timeouts: SessionConfig,
}

impl SessionsService {
    /// New service; sessions past the idle or absolute timeout are not listed.
    pub fn new(db: Db, clock: Clock, timeouts: SessionConfig) -> Self {
        Self {
            db,
            clock,
            timeouts,
        }
    }

    /// Ends one other session of the caller (`handle`), or every other one (`None`).
    /// `current` is the caller's own session, which stays. Returns how many ended.
    #[tracing::instrument(skip_all)]
    pub async fn end_sessions(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        current: &str,
        handle: Option<&str>,
    ) -> Result<u64, AppError> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let count = match handle {
            Some(h) if h == current => 0,
            Some(h) => u64::from(user_session::end(&mut tx, caller.user_id, h, now).await?),
            None => user_session::end_others(&mut tx, caller.user_id, current, now).await?,
        };
        if handle.is_some() && count == 0 {
            return Err(AppError::NotFound);
        }
        let event = AuditEvent::SessionsEnded { count };
        let entry = audit_store::NewEntry {
            office: None,
            actor: Some(caller.user_id),
            event: &event,
            client,
            at: now,
        };
        audit_store::append(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(count)
    }
}

fn ms(d: std::time::Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX / 4)
}

#[async_trait::async_trait]
impl SessionsPort for SessionsService {
    #[tracing::instrument(skip_all)]
    async fn list_sessions(
        &self,
        caller: &Caller,
        current: String,
    ) -> Result<Vec<ActiveSession>, AppError> {
        let now = self.clock.now();
        let mut conn = self.db.pool().acquire().await.map_err(InfraError::from)?;
        // Activity is written once a minute, so allow that much slack on the idle limit.
        let idle_since = now - ms(self.timeouts.idle) - 60_000;
        let started_since = now - ms(self.timeouts.absolute);
        Ok(user_session::list(
            &mut conn,
            caller.user_id,
            idle_since,
            started_since,
            &current,
        )
        .await?)
    }
}
