//! The receiving side of a send: inside the send's transaction, rescoped to the receiving
//! office, each person of the delivery (already on the office's roster: the send adds them
//! first, unassigned if new, see `exchange::send`) is routed:
//! (1) the roster's 担当, else (2) the partner rule, else (3) 未割当; a 担当 who is away hands
//! new items to their cover. The result is the item's first history line, the mails (or digest
//! entries) for assignees and, for 未割当, the managers, and an audit event that the caller
//! appends (the send appends all of its audit entries last, see `exchange::send`).

use super::notify::{self, Notice};
use super::roster::Assignees;
use super::staff::Member;
use super::store::{self, NewRoute};
use super::RoutingAudit;
use crate::audit::AuditEvent;
use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::InfraResult;
use app::types::{PersonRef, RouteReason};

/// A delivery as the receiving office gets it.
pub struct Received<'a> {
    /// The new delivery.
    pub delivery_id: &'a str,
    /// The sending office.
    pub from_office_id: &'a str,
    /// The sending office's name (for mails).
    pub partner_name: &'a str,
    /// The receiving office's name (for mails).
    pub office_name: &'a str,
    /// Persons in its files (repeats allowed).
    pub persons: &'a [PersonRef],
    /// Files delivered.
    pub file_count: i64,
    /// Portal base URL (no trailing slash).
    pub base_url: &'a str,
}

/// What routing a delivery did.
pub struct Routed {
    /// Mails queued.
    pub mails: usize,
    /// The receiving office's audit event (not yet appended).
    pub audit: AuditEvent,
}

/// What routing reads of the receiving office besides its roster: its active members (by
/// name), the absences in force (by creation) and the rule for the sending office.
struct Setup {
    members: Vec<Member>,
    covers: Vec<(String, String)>,
    rule: Option<String>,
}

/// Reads [`Setup`] in one statement: inside the send's transaction, which on SQLite holds the
/// one write lock, every statement is a round trip that all other writers wait for.
async fn setup(tx: &mut OfficeTx, partner: &str, now: Millis) -> InfraResult<Setup> {
    let office = tx.office_id().to_string();
    let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
        "select 'member' as part, s.user_id as a, s.display_name as b, s.email as c, m.role as d,
                s.notify_mode as e, s.login_id as f, cast(0 as bigint) as at
           from membership m join staff_account s on s.user_id = m.user_id
          where m.office_id = $1 and m.disabled_at is null and s.disabled_at is null
            and s.activated_at is not null
         union all
         select 'cover', absent_id, cover_user_id, '', '', '', '', created_at
           from absence_cover
          where office_id = $1 and cancelled_at is null and starts_at <= $2 and ends_at > $2
         union all
         select 'rule', assignee_id, '', '', '', '', '', cast(0 as bigint)
           from routing_rule where office_id = $1 and partner_office_id = $3
         order by part, at, b, f",
    )
    .bind(&office)
    .bind(now)
    .bind(partner)
    .fetch_all(tx.conn())
    .await?;
    let mut setup = Setup {
        members: Vec::new(),
        covers: Vec::new(),
        rule: None,
    };
    for (part, a, b, c, d, e) in rows {
        match part.as_str() {
            "member" => setup.members.extend(Member::from_row(a, b, c, &d, e)),
            "cover" => setup.covers.push((a, b)),
            _ => setup.rule = Some(a),
        }
    }
    Ok(setup)
}

/// Routes a delivery in `tx` (scoped to the receiving office). `on_roster` holds the roster's
/// 担当 and 氏名 of the delivery's persons (`roster::note_persons` returns them).
pub async fn route_delivery(
    tx: &mut OfficeTx,
    d: &Received<'_>,
    on_roster: &Assignees,
    now: Millis,
) -> InfraResult<Routed> {
    let mut persons: Vec<PersonRef> = Vec::new();
    for p in d.persons {
        if !persons
            .iter()
            .any(|q| q.insurer == p.insurer && q.insured == p.insured)
        {
            persons.push(p.clone());
        }
    }
    let Setup {
        members,
        covers,
        rule,
    } = setup(tx, d.from_office_id, now).await?;
    let is_active = |id: &str| members.iter().any(|m| m.id.to_string() == id);
    let rule = rule.filter(|id| is_active(id));
    let keys: Vec<(String, String, String)> = if persons.is_empty() {
        vec![(String::new(), String::new(), String::new())]
    } else {
        persons
            .iter()
            .map(|p| {
                (
                    p.insurer.clone(),
                    p.insured.clone(),
                    p.name.clone().unwrap_or_default(),
                )
            })
            .collect()
    };
    let mut assignees: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut unassigned = 0;
    let mut routes: Vec<(&str, &str, String, Option<String>, &'static str)> = Vec::new();
    for (insurer, insured, name) in &keys {
        let (from_roster, roster_name) = match on_roster.get(&(insurer.clone(), insured.clone())) {
            Some((who, name)) if !insured.is_empty() => {
                (who.clone().filter(|id| is_active(id)), name.clone())
            }
            _ => (None, String::new()),
        };
        // 実績 carries no names: the roster's name makes the item readable.
        let name = if name.is_empty() { &roster_name } else { name };
        let (mut assignee, mut reason) = match (from_roster, &rule) {
            (Some(a), _) => (Some(a), RouteReason::Roster),
            (None, Some(r)) => (Some(r.clone()), RouteReason::Rule),
            (None, None) => (None, RouteReason::Unassigned),
        };
        if let Some(a) = &assignee {
            if let Some((_, to)) = covers
                .iter()
                .find(|(absent, to)| absent == a && is_active(to))
            {
                assignee = Some(to.clone());
                reason = RouteReason::Cover;
            }
        }
        let who = assignee
            .as_ref()
            .and_then(|a| members.iter().find(|m| &m.id.to_string() == a))
            .map(|m| format!("{}さん", m.name))
            .unwrap_or_else(|| "未割当".into());
        let person = if insured.is_empty() {
            "ファイル全体".to_string()
        } else if name.is_empty() {
            format!("被保険者番号 {insured}")
        } else {
            name.clone()
        };
        lines.push(format!("{person} → {who}（{}）", reason.label()));
        match &assignee {
            Some(a) if !assignees.contains(a) => assignees.push(a.clone()),
            Some(_) => {}
            None => unassigned += 1,
        }
        routes.push((insurer, insured, name.clone(), assignee, reason.code()));
    }
    let routes: Vec<NewRoute<'_>> = routes
        .iter()
        .map(|(insurer, insured, name, assignee, reason)| NewRoute {
            delivery_id: d.delivery_id,
            insurer,
            insured,
            person_name: name,
            assignee: assignee.as_deref(),
            reason,
            at: now,
        })
        .collect();
    // The routes, the brief, the history line and the notifications go to the database in
    // one batch.
    let office = tx.office_id();
    let mut writes = crate::db::Batch::new();
    store::insert_new_routes(&mut writes, office, &routes);
    let detail = format!("受信し、振り分けました：{}", lines.join("、"));
    let event = store::Event {
        delivery: d.delivery_id,
        user: None,
        kind: "routed",
        detail: &detail,
        body: "",
        at: now,
    };
    store::push_event(&mut writes, office, &event);
    let audit = AuditEvent::Routing(RoutingAudit::Routed {
        delivery: d.delivery_id.to_string(),
        persons: keys.len(),
        unassigned,
    });
    let notice = Notice {
        delivery_id: d.delivery_id,
        partner: d.partner_name,
        office: d.office_name,
        count: d.file_count,
        reassigned: false,
        base_url: d.base_url,
        at: now,
    };
    let mut queued = notify::tell_assignees(&mut writes, office, &members, &assignees, &notice);
    if unassigned > 0 {
        queued += notify::tell_managers(&mut writes, office, &members, &notice);
    }
    writes.run(tx.conn()).await?;
    Ok(Routed {
        mails: queued,
        audit,
    })
}
