//! 通知の設定 (immediate / daily digest / off) and the daily digest: at 08:00 JST each person
//! with held items gets one mail per office (count and partner names only). The job is
//! idempotent: held rows are marked sent in the transaction that queues the mail, and only
//! rows held before today's 08:00 go out, so running it again (or late) sends nothing twice.

use super::RoutingService;
use crate::clock::Millis;
use crate::db::Db;
use crate::error::{InfraError, InfraResult};
use crate::mail::outbox;
use crate::mail::templates::MailTemplate;
use app::types::{Caller, Email, NotifyMode};
use app::AppError;

const DAY_MS: i64 = 86_400_000;
/// 08:00 JST is 23:00 UTC of the day before.
const DIGEST_UTC_OFFSET_MS: i64 = 23 * 3_600_000;

/// The latest 08:00 JST at or before `now`.
pub fn last_digest_time(now: Millis) -> Millis {
    (now - DIGEST_UTC_OFFSET_MS).div_euclid(DAY_MS) * DAY_MS + DIGEST_UTC_OFFSET_MS
}

impl RoutingService {
    /// The caller's setting.
    pub async fn notify_mode_of(&self, caller: &Caller) -> Result<NotifyMode, AppError> {
        let mut conn = self.db.pool().acquire().await.map_err(InfraError::from)?;
        let row: Option<(String,)> =
            sqlx::query_as("select notify_mode from staff_account where user_id = $1")
                .bind(caller.user_id.to_string())
                .fetch_optional(&mut *conn)
                .await
                .map_err(InfraError::from)?;
        Ok(row
            .and_then(|(m,)| NotifyMode::from_code(&m))
            .unwrap_or(NotifyMode::Immediate))
    }

    /// Saves the caller's setting (their own account only).
    pub async fn set_notify_mode(&self, caller: &Caller, mode: NotifyMode) -> Result<(), AppError> {
        let mut conn = self.db.pool().acquire().await.map_err(InfraError::from)?;
        sqlx::query("update staff_account set notify_mode = $1 where user_id = $2")
            .bind(mode.code())
            .bind(caller.user_id.to_string())
            .execute(&mut *conn)
            .await
            .map_err(InfraError::from)?;
        Ok(())
    }

    /// Sends the digests due at `now` (see the module comment); returns mails queued.
    pub async fn run_digest(&self) -> InfraResult<usize> {
        run_digest(&self.db, self.clock.now(), &self.base_url).await
    }
}

/// Queues one digest mail per person and office for rows held before the last 08:00 JST.
pub async fn run_digest(db: &Db, now: Millis, base_url: &str) -> InfraResult<usize> {
    let cutoff = last_digest_time(now);
    let offices: Vec<(String, String)> =
        sqlx::query_as("select office_id, name from office where disabled_at is null")
            .fetch_all(db.pool())
            .await?;
    let mut queued = 0;
    for (office, office_name) in offices {
        let Ok(office_id) = office.parse() else {
            continue;
        };
        let mut tx = db.begin_office(office_id).await?;
        let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
            "select p.user_id, s.display_name, s.email, s.notify_mode, p.delivery_id, p.partner_name
               from notify_pending p join staff_account s on s.user_id = p.user_id
              where p.office_id = $1 and p.sent_at is null and p.created_at < $2
              order by p.user_id, p.created_at",
        )
        .bind(&office)
        .bind(cutoff)
        .fetch_all(tx.conn())
        .await?;
        if rows.is_empty() {
            tx.commit().await?;
            continue;
        }
        let mut users: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        users.dedup();
        for user in users {
            let mine: Vec<_> = rows.iter().filter(|r| r.0 == user).collect();
            let Some(first) = mine.first() else { continue };
            let mut items: Vec<&str> = mine.iter().map(|r| r.4.as_str()).collect();
            items.sort_unstable();
            items.dedup();
            let mut partners: Vec<&str> = mine.iter().map(|r| r.5.as_str()).collect();
            partners.sort_unstable();
            partners.dedup();
            // Someone who switched to 受け取らない meanwhile gets nothing; the rows still close.
            if first.3 != "off" {
                if let Ok(to) = Email::parse(&first.2) {
                    let template = MailTemplate::Digest {
                        name: first.1.clone(),
                        office: office_name.clone(),
                        partners: partners.join("、"),
                        count: i64::try_from(items.len()).unwrap_or(i64::MAX),
                        link: format!("{base_url}/inbox/mine"),
                    };
                    outbox::enqueue(tx.conn(), &to, &template, now).await?;
                    queued += 1;
                }
            }
            sqlx::query(
                "update notify_pending set sent_at = $1
                  where office_id = $2 and user_id = $3 and sent_at is null and created_at < $4",
            )
            .bind(now)
            .bind(&office)
            .bind(user)
            .bind(cutoff)
            .execute(tx.conn())
            .await?;
        }
        tx.commit().await?;
    }
    Ok(queued)
}

/// Checks for due digests every 10 minutes (the mail worker sends what it queues).
pub fn spawn(service: RoutingService) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            every.tick().await;
            if let Err(error) = service.run_digest().await {
                tracing::error!(error.cause = %error, "daily digest failed");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_time_is_eight_in_the_morning_in_japan() {
        // 2026-04-01T00:00:00Z is 09:00 JST: the last digest was 2026-03-31T23:00:00Z.
        let now = 1_775_001_600_000;
        assert_eq!(last_digest_time(now), now - 3_600_000);
        // Exactly 08:00 JST counts as that morning's digest.
        assert_eq!(last_digest_time(now - 3_600_000), now - 3_600_000);
        assert_eq!(last_digest_time(now - 3_600_001), now - 3_600_000 - DAY_MS);
    }
}
