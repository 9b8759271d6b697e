//! Who is told about routed items, and how: each person's 通知の設定 is `immediate` (a mail
//! now, queued in the same transaction), `digest` (collected for the daily mail) or `off`.
//! Assignees hear about their items; managers and admins about items left in 未割当. Mails
//! carry no personal or care data: a count, the partner office's name and a link.

use super::staff::Member;
use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::InfraResult;
use crate::mail::outbox;
use crate::mail::templates::MailTemplate;
use app::types::{Email, Role};

/// One routed (or reassigned) item to tell people about.
pub struct Notice<'a> {
    /// The item.
    pub delivery_id: &'a str,
    /// The sending office's name.
    pub partner: &'a str,
    /// Files (new items) or items (reassignment) to count in the mail.
    pub count: i64,
    /// Assigned by a manager rather than routed on arrival.
    pub reassigned: bool,
    /// Portal base URL (no trailing slash).
    pub base_url: &'a str,
    /// Now.
    pub at: Millis,
}

async fn office_name(tx: &mut OfficeTx) -> InfraResult<String> {
    let office = tx.office_id().to_string();
    let (name,): (String,) = sqlx::query_as("select name from office where office_id = $1")
        .bind(office)
        .fetch_one(tx.conn())
        .await?;
    Ok(name)
}

async fn hold_for_digest(tx: &mut OfficeTx, user: &str, n: &Notice<'_>) -> InfraResult<()> {
    let office = tx.office_id().to_string();
    sqlx::query(
        "insert into notify_pending (pending_id, office_id, user_id, delivery_id, partner_name, created_at)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(crate::db::new_row_id())
    .bind(office)
    .bind(user)
    .bind(n.delivery_id)
    .bind(n.partner)
    .bind(n.at)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Tells each of `assignees` (user ids) about the item, per their setting. Returns mails queued.
pub async fn tell_assignees(
    tx: &mut OfficeTx,
    members: &[Member],
    assignees: &[String],
    n: &Notice<'_>,
) -> InfraResult<usize> {
    let mut queued = 0;
    let mut office = None;
    for member in members
        .iter()
        .filter(|m| assignees.contains(&m.id.to_string()))
    {
        match member.notify_mode.as_str() {
            "digest" => hold_for_digest(tx, &member.id.to_string(), n).await?,
            "immediate" => {
                let Ok(to) = Email::parse(&member.email) else {
                    continue;
                };
                if office.is_none() {
                    office = Some(office_name(tx).await?);
                }
                let template = MailTemplate::Assigned {
                    name: member.name.clone(),
                    office: office.clone().unwrap_or_default(),
                    partner: n.partner.to_string(),
                    count: n.count,
                    link: format!("{}/inbox/mine", n.base_url),
                    reassigned: n.reassigned,
                };
                outbox::enqueue(tx.conn(), &to, &template, n.at).await?;
                queued += 1;
            }
            _ => {}
        }
    }
    Ok(queued)
}

/// Tells the office's managers and admins that an item has persons in 未割当.
pub async fn tell_managers(
    tx: &mut OfficeTx,
    members: &[Member],
    n: &Notice<'_>,
) -> InfraResult<usize> {
    let managers: Vec<&Member> = members
        .iter()
        .filter(|m| matches!(m.role, Role::Manager | Role::Admin))
        .collect();
    let mut queued = 0;
    let mut office = None;
    for member in managers {
        match member.notify_mode.as_str() {
            "digest" => hold_for_digest(tx, &member.id.to_string(), n).await?,
            "immediate" => {
                let Ok(to) = Email::parse(&member.email) else {
                    continue;
                };
                if office.is_none() {
                    office = Some(office_name(tx).await?);
                }
                let template = MailTemplate::NewItems {
                    name: member.name.clone(),
                    office: office.clone().unwrap_or_default(),
                    partner: n.partner.to_string(),
                    count: n.count,
                    link: format!("{}/inbox/unassigned", n.base_url),
                };
                outbox::enqueue(tx.conn(), &to, &template, n.at).await?;
                queued += 1;
            }
            _ => {}
        }
    }
    Ok(queued)
}
