//! 新着のお知らせ: after a send, every active member of each receiving office who has not
//! opted out gets a mail with the count, the sending office's name and a link (no personal or
//! care data). Mails are queued in the send's own transaction, so delivery never waits for the
//! mail server and a mail is never sent for a send that did not commit.

use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::InfraResult;
use crate::mail::outbox;
use crate::mail::templates::MailTemplate;
use app::types::Email;

/// Queues the mails for one delivery; `tx` must be scoped to the receiving office. Returns how
/// many were queued.
pub async fn queue_new_items(
    tx: &mut OfficeTx,
    partner: &str,
    count: i64,
    inbox_url: &str,
    now: Millis,
) -> InfraResult<usize> {
    let office = tx.office_id().to_string();
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "select s.email, s.display_name, o.name
           from membership m
           join staff_account s on s.user_id = m.user_id
           join office o on o.office_id = m.office_id
          where m.office_id = $1 and m.disabled_at is null and s.disabled_at is null
            and s.activated_at is not null and s.new_items_mail_off_at is null
          order by s.email",
    )
    .bind(&office)
    .fetch_all(tx.conn())
    .await?;
    let mut queued = 0;
    for (email, name, office_name) in rows {
        let Ok(to) = Email::parse(&email) else {
            continue;
        };
        let template = MailTemplate::NewItems {
            name,
            office: office_name,
            partner: partner.to_string(),
            count,
            link: inbox_url.to_string(),
        };
        outbox::enqueue(tx.conn(), &to, &template, now).await?;
        queued += 1;
    }
    Ok(queued)
}
