//! 送信: the one-time delivery of a confirmed draft, one delivery per destination office.

use super::delivery_store::{self, NewDelivery};
use super::drafts::Planned;
use super::outbound::Outbound;
use super::store;
use super::ExchangeService;
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::routing::roster::Assignees;
use app::types::{Caller, DeliveryId, OfficeId, OutgoingId, PersonRef};
use app::AppError;
use std::collections::{BTreeMap, HashMap};

impl ExchangeService {
    /// 送信: delivers every sendable file, one delivery per destination office, exactly once.
    /// A second submit finds the send no longer a draft and returns the deliveries made.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), outgoing.id = %id))]
    pub async fn send(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        id: OutgoingId,
    ) -> Result<Vec<DeliveryId>, AppError> {
        AuthCheck::member().check(caller)?;
        let now = self.clock.now();
        // What the send needs that can be read before the write transaction (which on SQLite
        // holds the one write lock): the draft, its files with their destinations (what the
        // confirmation screen showed) and the files' records.
        let mut tables = crate::versions::build::Tables::new();
        let (head, planned, confirmed) = {
            let mut read = self.db.read_office(caller.office_id()).await?;
            let head = store::find_outgoing(&mut read, &id.to_string())
                .await?
                .ok_or(AppError::NotFound)?;
            let rows = store::outgoing_files(&mut read, &id.to_string()).await?;
            let confirmed: Vec<String> = rows.iter().map(|r| r.file_id.clone()).collect();
            let rows = super::zip_unit::import_ordered(rows);
            let (planned, _) = self.plan(&mut read, caller, rows).await?;
            read.commit().await?;
            let rows: Vec<&super::store::FileRow> = planned.iter().map(|p| &p.row).collect();
            crate::versions::build::read_tables(&self.storage, &rows, &mut tables).await?;
            (head, planned, confirmed)
        };
        if head.status == "discarded" {
            return Err(AppError::conflict("この下書きは破棄されています。"));
        }
        let mut by_destination: BTreeMap<String, Vec<&Planned>> = BTreeMap::new();
        for p in planned.iter().filter(|p| p.file.blocked.is_none()) {
            if let Some(dest) = &p.destination {
                by_destination
                    .entry(dest.office_id.clone())
                    .or_default()
                    .push(p);
            }
        }
        if head.status == "draft" && by_destination.is_empty() {
            return Err(AppError::conflict(
                "送信できるファイルがありません。誤りのあるファイルを直して、選び直してください。",
            ));
        }
        let outbound: Vec<Outbound> = by_destination
            .iter()
            .map(|(to_office, files)| Outbound::of(to_office, files, &tables))
            .collect();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        // Only the files read above are sent: a file a colleague added or removed meanwhile
        // is news to the person sending, who confirms the send again.
        let sent_by = caller.user_id.to_string();
        let holding = Some(confirmed.as_slice());
        if !store::finish_draft(&mut tx, &id.to_string(), "sent", holding, &sent_by, now).await? {
            let current = store::outgoing_files(&mut tx, &id.to_string()).await?;
            if !current.iter().map(|r| &r.file_id).eq(confirmed.iter()) {
                return Err(AppError::conflict(
                    "送信の直前に、この下書きのファイルがほかの操作で変わりました。内容を確かめて、もう一度送信してください。",
                ));
            }
            // Sent meanwhile (a double submit or another staff member): show what was
            // delivered. Or discarded meanwhile.
            let discarded = store::find_outgoing(&mut tx, &id.to_string())
                .await?
                .is_none_or(|o| o.status == "discarded");
            if discarded {
                return Err(AppError::conflict("この下書きは破棄されています。"));
            }
            let made = delivery_store::sent_files_of(&mut tx, &id.to_string()).await?;
            tx.commit().await?;
            let mut made: Vec<DeliveryId> = made.iter().filter_map(|d| d.0.parse().ok()).collect();
            made.dedup();
            return Ok(made);
        }
        let receiving: Vec<(&str, &[PersonRef])> = outbound
            .iter()
            .map(|o| (o.to_office.as_str(), o.persons.as_slice()))
            .collect();
        let (mut tx, mut on_rosters) = self.note_rosters(tx, caller, &receiving, now).await?;
        let outgoing = id.to_string();
        for o in &outbound {
            let delivery = o.delivery.to_string();
            // The delivery's rows and its versions' go to the database in one batch.
            let mut writes = crate::db::Batch::new();
            let new = NewDelivery {
                delivery_id: &delivery,
                outgoing_id: &outgoing,
                to_office: &o.to_office,
                sent_by: &sent_by,
                sent_at: now,
                file_ids: &o.file_ids,
                kinds: &o.kinds,
                target_months: &o.months,
                persons_text: &o.persons_text,
                persons_label: &o.persons_label,
            };
            delivery_store::insert_delivery(&mut writes, caller.office_id(), new);
            crate::versions::record_delivery(
                &mut tx,
                &mut writes,
                &delivery,
                &o.to_office,
                &o.drafts,
                now,
            )
            .await?;
            writes.run(tx.conn()).await?;
        }
        // The one place a send crosses offices: the same transaction is rescoped to each
        // receiving office to route the delivery to the staff in charge and queue their mails.
        let mut queued = 0;
        let from_office = caller.office_id().to_string();
        let base_url = self.inbox_url.trim_end_matches("/inbox");
        let sent = AuditEvent::Sent {
            outgoing: id.to_string(),
            deliveries: outbound.len(),
        };
        let mut audits = vec![(caller.office_id(), Some(caller.user_id), sent)];
        for o in &outbound {
            let Ok(office) = o.to_office.parse() else {
                continue;
            };
            tx = self.db.rescope(tx, office).await?;
            let delivery_id = o.delivery.to_string();
            let delivery = crate::routing::receive::Received {
                delivery_id: &delivery_id,
                from_office_id: &from_office,
                partner_name: &caller.office.name,
                office_name: &o.office_name,
                persons: &o.persons,
                file_count: i64::try_from(o.file_ids.len()).unwrap_or(i64::MAX),
                base_url,
            };
            let on_roster = on_rosters.remove(&o.to_office).unwrap_or_default();
            let routed =
                crate::routing::receive::route_delivery(&mut tx, &delivery, &on_roster, now)
                    .await?;
            queued += routed.mails;
            audits.push((office, None, routed.audit));
        }
        // The audit entries go last, in one fixed order of offices: each takes its office's
        // chain head until commit, so the heads are held briefly and two sends between the
        // same offices in opposite directions cannot wait for each other.
        audits.sort_by_key(|(office, _, _)| office.to_string());
        let at = self.clock.now();
        // A receiving office's entry is the system's doing: it carries no actor and none of
        // the sender's connection details.
        let nobody = ClientInfo::default();
        for (office, actor, event) in &audits {
            tx = self.db.rescope(tx, *office).await?;
            let entry = crate::audit::store::NewEntry {
                office: Some(*office),
                actor: *actor,
                event,
                client: if actor.is_some() { client } else { &nobody },
                at,
            };
            crate::audit::store::append(tx.conn(), entry).await?;
        }
        tx.commit().await?;
        tracing::info!(deliveries = outbound.len(), mails = queued, "sent");
        Ok(outbound.iter().map(|o| o.delivery).collect())
    }

    /// Adds the send's persons to the rosters it touches, first and in one fixed order of
    /// offices: the sender's (sticky roster: the sender becomes 担当 unless someone is) and each
    /// receiving office's (unassigned if new; routing then reads them there). On PostgreSQL an
    /// upsert locks the persons' roster rows until commit. Taken in this order, two sends in
    /// opposite directions between two offices wait for each other instead of deadlocking, and
    /// two sends of the same persons from one office build their version chains one after the
    /// other (`record_delivery` reads the chains after this). Returns `tx` scoped to the sender
    /// and, per receiving office, its roster's 担当 and 氏名 of the persons, which routing needs.
    async fn note_rosters(
        &self,
        mut tx: OfficeTx,
        caller: &Caller,
        receiving: &[(&str, &[PersonRef])],
        now: Millis,
    ) -> Result<(OfficeTx, HashMap<String, Assignees>), AppError> {
        let me = caller.user_id.to_string();
        let everyone: Vec<PersonRef> = receiving
            .iter()
            .flat_map(|(_, persons)| persons.iter().cloned())
            .collect();
        let mut rosters = vec![(
            caller.office_id(),
            everyone.as_slice(),
            Some(me.as_str()),
            "sent",
        )];
        for (office, persons) in receiving {
            if let Ok(office) = office.parse::<OfficeId>() {
                rosters.push((office, persons, None, "received"));
            }
        }
        rosters.sort_by_key(|(office, ..)| office.to_string());
        let mut noted = HashMap::new();
        for (office, persons, assignee, source) in rosters {
            tx = self.db.rescope(tx, office).await?;
            let on_roster =
                crate::routing::roster::note_persons(&mut tx, persons, assignee, source, now)
                    .await?;
            if source == "received" {
                noted.insert(office.to_string(), on_roster);
            }
        }
        Ok((self.db.rescope(tx, caller.office_id()).await?, noted))
    }
}
