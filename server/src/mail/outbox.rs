//! The mail outbox table: `enqueue` inside the caller's transaction; the worker reads the rest.

use super::mailer::OutgoingMail;
use super::templates::MailTemplate;
use crate::clock::Millis;
use crate::db::{placeholders, Batch, Statement};
use crate::error::InfraResult;
use app::types::Email;
use sqlx::{AnyConnection, FromRow};

/// Queues `template` for `to`, in the transaction of `conn` (commit sends it, rollback drops
/// it). Returns the outbox id. This is the one function other modules need:
/// `outbox::enqueue(tx.conn(), &email, &MailTemplate::…, clock.now())`.
pub async fn enqueue(
    conn: &mut AnyConnection,
    to: &Email,
    template: &MailTemplate,
    now: Millis,
) -> InfraResult<String> {
    let mut batch = Batch::new();
    let mail_id = queue(&mut batch, to, template, now);
    batch.run(conn).await?;
    Ok(mail_id)
}

/// [`enqueue`] as a statement of `batch` (the mail is queued when the batch runs).
pub fn queue(batch: &mut Batch<'_>, to: &Email, template: &MailTemplate, now: Millis) -> String {
    let mail_id = crate::db::new_row_id();
    let (subject, body) = template.render();
    batch.push(
        Statement::new(
            "insert into mail_outbox (mail_id, to_address, subject, body_text, template, created_at, next_attempt_at)
             values ($1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(mail_id.clone())
        .bind(to.as_str().to_owned())
        .bind(subject)
        .bind(body)
        .bind(template.code())
        .bind(now),
    );
    tracing::info!(mail.id = %mail_id, mail.template = template.code(), "mail queued");
    mail_id
}

#[derive(FromRow)]
struct DueRow {
    mail_id: String,
    to_address: String,
    subject: String,
    body_text: String,
    attempts: i64,
    next_attempt_at: i64,
}

/// A due mail with what the worker needs to claim it.
pub struct Due {
    /// The mail.
    pub mail: OutgoingMail,
    /// Attempts so far.
    pub attempts: i64,
    /// The due time read (the claim compares it).
    pub next_attempt_at: Millis,
}

/// Mails due at `now`, oldest first.
pub async fn due(conn: &mut AnyConnection, now: Millis, limit: i64) -> InfraResult<Vec<Due>> {
    let rows: Vec<DueRow> = sqlx::query_as(
        "select mail_id, to_address, subject, body_text, attempts, next_attempt_at from mail_outbox
          where sent_at is null and failed_at is null and next_attempt_at <= $1
          order by next_attempt_at, created_at limit $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Due {
            mail: OutgoingMail {
                mail_id: r.mail_id,
                to: r.to_address,
                subject: r.subject,
                body: r.body_text,
            },
            attempts: r.attempts,
            next_attempt_at: r.next_attempt_at,
        })
        .collect())
}

/// Claims due mails by moving their due time to `lease_until`; returns the ids claimed
/// (a mail another worker claimed meanwhile is no longer due and is left out). One statement.
pub async fn claim(
    conn: &mut AnyConnection,
    due: &[Due],
    now: Millis,
    lease_until: Millis,
) -> InfraResult<Vec<String>> {
    if due.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "update mail_outbox set next_attempt_at = $1
          where mail_id in ({}) and next_attempt_at <= $2 and sent_at is null and failed_at is null
          returning mail_id",
        placeholders(3, due.len())
    );
    let mut query = sqlx::query_scalar::<_, String>(&sql)
        .bind(lease_until)
        .bind(now);
    for item in due {
        query = query.bind(&item.mail.mail_id);
    }
    Ok(query.fetch_all(conn).await?)
}

/// Records delivery of some mails and forgets their bodies (they may hold one-time links).
pub async fn mark_sent(
    conn: &mut AnyConnection,
    mail_ids: &[String],
    now: Millis,
) -> InfraResult<()> {
    if mail_ids.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "update mail_outbox set sent_at = $1, attempts = attempts + 1, body_text = '', last_error = ''
          where mail_id in ({})",
        placeholders(2, mail_ids.len())
    );
    let mut query = sqlx::query(&sql).bind(now);
    for id in mail_ids {
        query = query.bind(id);
    }
    query.execute(conn).await?;
    Ok(())
}

/// Records a failed attempt: retried at `retry_at`, or never (`None`, permanent refusal).
pub async fn mark_failed(
    conn: &mut AnyConnection,
    mail_id: &str,
    now: Millis,
    retry_at: Option<Millis>,
    error: &str,
) -> InfraResult<()> {
    match retry_at {
        Some(at) => sqlx::query(
            "update mail_outbox set attempts = attempts + 1, next_attempt_at = $1, last_error = $2
              where mail_id = $3",
        )
        .bind(at)
        .bind(error)
        .bind(mail_id),
        None => sqlx::query(
            "update mail_outbox set attempts = attempts + 1, failed_at = $1, body_text = '', last_error = $2
              where mail_id = $3",
        )
        .bind(now)
        .bind(error)
        .bind(mail_id),
    }
    .execute(conn)
    .await?;
    Ok(())
}
