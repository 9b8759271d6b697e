//! Who is told about routed items, and how: each person's 通知の設定 is `immediate` (a mail
//! now, queued in the same transaction), `digest` (collected for the daily mail) or `off`.
//! Assignees hear about their items; managers and admins about items left in 未割当. Mails
//! carry no personal or care data: a count, the partner office's name and a link.

use super::staff::Member;
use crate::clock::Millis;
use crate::db::{Batch, OfficeTx, Statement};
use crate::error::InfraResult;
use crate::mail::outbox;
use crate::mail::templates::MailTemplate;
use app::types::{Email, OfficeId, Role};

/// One routed (or reassigned) item to tell people about.
pub struct Notice<'a> {
    /// The item.
    pub delivery_id: &'a str,
    /// The sending office's name.
    pub partner: &'a str,
    /// The receiving office's name (see [`office_name`]).
    pub office: &'a str,
    /// Files (new items) or items (reassignment) to count in the mail.
    pub count: i64,
    /// Assigned by a manager rather than routed on arrival.
    pub reassigned: bool,
    /// Portal base URL (no trailing slash).
    pub base_url: &'a str,
    /// Now.
    pub at: Millis,
}

/// The name of the transaction's office, for [`Notice::office`].
pub async fn office_name(tx: &mut OfficeTx) -> InfraResult<String> {
    let office = tx.office_id().to_string();
    let (name,): (String,) = sqlx::query_as("select name from office where office_id = $1")
        .bind(office)
        .fetch_one(tx.conn())
        .await?;
    Ok(name)
}

fn hold_for_digest(batch: &mut Batch<'_>, office: OfficeId, user: &str, n: &Notice<'_>) {
    batch.push(
        Statement::new(
            "insert into notify_pending (pending_id, office_id, user_id, delivery_id, partner_name, created_at)
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(crate::db::new_row_id())
        .bind(office.to_string())
        .bind(user.to_owned())
        .bind(n.delivery_id.to_owned())
        .bind(n.partner.to_owned())
        .bind(n.at),
    );
}

/// Tells each of `assignees` (user ids) about the item of `office`, per their setting, in
/// `batch`. Returns mails queued.
pub fn tell_assignees(
    batch: &mut Batch<'_>,
    office: OfficeId,
    members: &[Member],
    assignees: &[String],
    n: &Notice<'_>,
) -> usize {
    let to: Vec<&Member> = members
        .iter()
        .filter(|m| assignees.contains(&m.id.to_string()))
        .collect();
    tell(batch, office, &to, n, |member| MailTemplate::Assigned {
        name: member.name.clone(),
        office: n.office.to_string(),
        partner: n.partner.to_string(),
        count: n.count,
        link: format!("{}/inbox/mine", n.base_url),
        reassigned: n.reassigned,
    })
}

/// Tells the managers and admins of `office` that an item has persons in 未割当, in `batch`.
/// Returns mails queued.
pub fn tell_managers(
    batch: &mut Batch<'_>,
    office: OfficeId,
    members: &[Member],
    n: &Notice<'_>,
) -> usize {
    let to: Vec<&Member> = members
        .iter()
        .filter(|m| matches!(m.role, Role::Manager | Role::Admin))
        .collect();
    tell(batch, office, &to, n, |member| MailTemplate::NewItems {
        name: member.name.clone(),
        office: n.office.to_string(),
        partner: n.partner.to_string(),
        count: n.count,
        link: format!("{}/inbox/unassigned", n.base_url),
    })
}

/// Queues `mail` for members who want mails now and holds the item for those who want the
/// digest. Returns mails queued.
fn tell(
    batch: &mut Batch<'_>,
    office: OfficeId,
    members: &[&Member],
    n: &Notice<'_>,
    mail: impl Fn(&Member) -> MailTemplate,
) -> usize {
    let mut queued = 0;
    for member in members {
        match member.notify_mode.as_str() {
            "digest" => hold_for_digest(batch, office, &member.id.to_string(), n),
            "immediate" => {
                let Ok(to) = Email::parse(&member.email) else {
                    continue;
                };
                outbox::queue(batch, &to, &mail(member), n.at);
                queued += 1;
            }
            _ => {}
        }
    }
    queued
}
