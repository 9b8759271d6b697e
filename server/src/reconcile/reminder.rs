//! 実績未着のお知らせ: on the office's day (default the 3rd, Japan time), once per month, the
//! partners whose 実績 for the previous month has not arrived for every planned person are
//! mailed, by name and count only, to the staff who sent that month's 予定 and to the office's
//! admins and managers. A small scheduler runs it beside the mail worker; the mail goes
//! through the outbox in the same transaction as the month's claim, so two instances never
//! both send it.

use super::service::{default_month, ReconcileService};
use super::store;
use crate::clock::Millis;
use crate::error::InfraResult;
use crate::mail::{outbox, MailTemplate};
use app::types::{Email, OfficeId};
use std::collections::HashSet;
use std::time::Duration;

/// How often the scheduler looks for due reminders.
pub const TICK: Duration = Duration::from_secs(10 * 60);

/// Day of the month in Japan.
fn jst_day(now: Millis) -> u8 {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(now) * 1_000_000)
        .map(|t| t.to_offset(time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC)))
        .map(|t| t.day())
        .unwrap_or(1)
}

impl ReconcileService {
    /// Handles every office whose reminder is due now; returns the mails queued. Tests call
    /// this instead of waiting for the scheduler.
    pub async fn run_due_reminders(&self) -> InfraResult<usize> {
        let now = self.clock.now();
        let month = default_month(now);
        let offices: Vec<(String,)> = sqlx::query_as(
            "select office_id from office where disabled_at is null order by office_id",
        )
        .fetch_all(self.db.pool())
        .await?;
        let mut queued = 0;
        for (id,) in offices {
            let Ok(office) = id.parse::<OfficeId>() else {
                continue;
            };
            match self.remind_office(office, &month, now).await {
                Ok(n) => queued += n,
                // One office's failure must not stop the others; it is retried next tick.
                Err(error) => {
                    tracing::error!(office.id = %office, error.cause = %error, "reconcile reminder failed")
                }
            }
        }
        Ok(queued)
    }

    async fn remind_office(
        &self,
        office: OfficeId,
        month: &str,
        now: Millis,
    ) -> InfraResult<usize> {
        let mut tx = self.db.read_office(office).await?;
        let day = store::reminder_day(&mut tx).await?;
        let handled = store::reminder_handled(&mut tx, month).await?;
        tx.commit().await?;
        let Some(day) = day else { return Ok(0) };
        if handled || jst_day(now) < day {
            return Ok(0);
        }
        let computed = self.compute(office, month).await?;
        let missing: Vec<(String, i64)> = computed
            .board()
            .into_iter()
            .filter(|r| r.counts.missing > 0)
            .map(|r| {
                (
                    r.partner.label,
                    i64::try_from(r.counts.missing).unwrap_or(i64::MAX),
                )
            })
            .collect();
        let senders: HashSet<String> = computed
            .loaded
            .choice
            .chosen
            .iter()
            .filter_map(|c| c.plan)
            .filter_map(|i| computed.loaded.origin(i))
            .map(|o| o.sent_by)
            .collect();
        let mut tx = self.db.begin_office(office).await?;
        let recipients = if missing.is_empty() {
            Vec::new()
        } else {
            recipients(&mut tx, &senders).await?
        };
        let partners = i64::try_from(missing.len()).unwrap_or(i64::MAX);
        let mails = i64::try_from(recipients.len()).unwrap_or(i64::MAX);
        if !store::claim_reminder(&mut tx, month, partners, mails, now).await? {
            return Ok(0);
        }
        let link = format!("{}/reconcile/board?month={month}", self.base_url);
        for (email, name, office_name) in &recipients {
            let Ok(to) = Email::parse(email) else {
                continue;
            };
            let template = MailTemplate::ReconcileReminder {
                name: name.clone(),
                office: office_name.clone(),
                month: app::format::month(month),
                partners: missing.clone(),
                link: link.clone(),
            };
            outbox::enqueue(tx.conn(), &to, &template, now).await?;
        }
        tx.commit().await?;
        tracing::info!(office.id = %office, month = %month, partners, mails, "reconcile reminder handled");
        Ok(recipients.len())
    }
}

/// Active staff who sent the month's 予定, and the office's admins and managers.
async fn recipients(
    tx: &mut crate::db::OfficeTx,
    senders: &HashSet<String>,
) -> InfraResult<Vec<(String, String, String)>> {
    let office = tx.office_id().to_string();
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "select s.user_id, m.role, s.email, s.display_name, o.name
           from membership m
           join staff_account s on s.user_id = m.user_id
           join office o on o.office_id = m.office_id
          where m.office_id = $1 and m.disabled_at is null and s.disabled_at is null
            and s.activated_at is not null
          order by s.email",
    )
    .bind(office)
    .fetch_all(tx.conn())
    .await?;
    Ok(rows
        .into_iter()
        .filter(|(user, role, ..)| role != "staff" || senders.contains(user))
        .map(|(_, _, email, name, office)| (email, name, office))
        .collect())
}

/// Runs [`ReconcileService::run_due_reminders`] every [`TICK`] until aborted.
pub fn spawn(service: ReconcileService) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(TICK);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            if let Err(error) = service.run_due_reminders().await {
                tracing::error!(error.cause = %error, "reconcile reminder pass failed");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_is_counted_in_japan_time() {
        // 2026-04-02T15:30Z is already the 3rd in Japan.
        assert_eq!(jst_day(1_775_143_800_000), 3);
    }
}
