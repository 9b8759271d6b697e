//! The outbox worker: sends due mails, retries failures with exponential back-off (1 minute
//! doubling up to 1 hour, for as long as it takes), gives up only on a permanent refusal.
//! Several instances may run: each mail is claimed before it is sent. Delivery is at least
//! once: a crash between sending and recording may send a mail twice (same Message-ID).

use super::mailer::Mailer;
use super::outbox;
use crate::clock::{Clock, Millis};
use crate::db::Db;
use crate::error::InfraResult;
use std::time::Duration;

/// How long a claimed mail is left alone by other workers.
const LEASE_MS: Millis = 5 * 60_000;
/// Mails per pass.
const BATCH: i64 = 50;
const BATCH_LEN: usize = BATCH as usize;

/// Delay before retry number `attempts + 1`.
pub fn backoff(attempts: i64) -> Millis {
    let exponent = u32::try_from(attempts.clamp(0, 6)).unwrap_or(6);
    (60_000 * 2_i64.pow(exponent)).min(3_600_000)
}

/// What one pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pass {
    /// Delivered.
    pub sent: usize,
    /// Failed and scheduled again (or given up).
    pub failed: usize,
}

/// Sends every mail that is due now. Tests call this instead of waiting for the loop.
pub async fn run_pending(db: &Db, mailer: &Mailer, from: &str, clock: &Clock) -> InfraResult<Pass> {
    let mut pass = Pass::default();
    let due = {
        let mut conn = db.pool().acquire().await?;
        outbox::due(&mut conn, clock.now(), BATCH).await?
    };
    if due.is_empty() {
        return Ok(pass);
    }
    // The outbox's writes queue for the writer like every other write (`Db::begin`): on SQLite
    // a write from a connection of its own would meet the sends' transactions in SQLite's busy
    // handler instead, and either side would sleep there.
    let claimed = {
        let mut tx = db.begin().await?;
        let claimed = outbox::claim(&mut tx, &due, clock.now(), clock.now() + LEASE_MS).await?;
        tx.commit().await?;
        claimed
    };
    let mut sent = Vec::new();
    for item in due.iter().filter(|d| claimed.contains(&d.mail.mail_id)) {
        let id = item.mail.mail_id.clone();
        match mailer.send(from, &item.mail).await {
            Ok(()) => {
                tracing::info!(mail.id = %id, "mail sent");
                sent.push(id);
                // Recorded ten at a time: a crash in between sends at most those again.
                if sent.len() == 10 {
                    mark_sent(db, &sent, clock).await?;
                    pass.sent += sent.len();
                    sent.clear();
                }
            }
            Err(error) => {
                let now = clock.now();
                let retry = (!error.permanent).then(|| now + backoff(item.attempts));
                let mut tx = db.begin().await?;
                outbox::mark_failed(&mut tx, &id, now, retry, &error.message).await?;
                tx.commit().await?;
                tracing::warn!(mail.id = %id, mail.attempts = item.attempts + 1,
                    mail.permanent = error.permanent, error.cause = %error.message, "mail not sent");
                pass.failed += 1;
            }
        }
    }
    if !sent.is_empty() {
        mark_sent(db, &sent, clock).await?;
    }
    pass.sent += sent.len();
    Ok(pass)
}

async fn mark_sent(db: &Db, sent: &[String], clock: &Clock) -> InfraResult<()> {
    let mut tx = db.begin().await?;
    outbox::mark_sent(&mut tx, sent, clock.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Runs [`run_pending`] every `interval` until the task is aborted (spawned by `App::run`).
pub fn spawn(
    db: Db,
    mailer: Mailer,
    from: String,
    clock: Clock,
    interval: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            // A full batch means more may be due (a burst of sends): go on at once rather than
            // a tick later, so the last notification of a burst is not minutes behind its send.
            loop {
                match run_pending(&db, &mailer, &from, &clock).await {
                    Ok(pass) if pass.sent + pass.failed >= BATCH_LEN => {}
                    Ok(_) => break,
                    Err(error) => {
                        tracing::error!(error.cause = %error, "mail worker pass failed");
                        break;
                    }
                }
            }
            if let Err(error) = crate::limits::prune(&db, clock.now()).await {
                tracing::error!(error.cause = %error, "rate-limit pruning failed");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn retries_back_off_from_one_minute_to_at_most_an_hour() {
        assert_eq!(backoff(0), 60_000);
        assert_eq!(backoff(1), 120_000);
        assert_eq!(backoff(5), 1_920_000);
        assert_eq!(backoff(6), 3_600_000);
        assert_eq!(backoff(40), 3_600_000);
    }
}
