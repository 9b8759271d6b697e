//! Building the chains inside the send's transaction: one call per delivery from
//! `exchange::send`. The delivery's standard files are read back and parsed, each (key, 連番)
//! becomes a chain row, and every chain it touched is recomputed from all its rows.

use super::chain::{self, Action, Entry, State};
use super::extract::{self, FileInput};
use super::store::{self, ChainRow, Derived, NewVersion, NewVersionFile};
use crate::clock::Millis;
use crate::db::{Batch, OfficeTx};
use crate::error::InfraResult;
use crate::exchange::store::FileRow;
use crate::spec_csv::parse::{read_table, Table};
use crate::spec_csv::FileKind;
use crate::storage::Storage;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The parsed standard files a send's versions are built from, by file id. Read before the
/// send's write transaction, so storage reads and parsing never hold the write lock.
pub type Tables = HashMap<String, Table>;

/// Reads and parses the standard files of `files` not yet in `tables` (images are skipped; a
/// file that does not decode was refused at upload and is left out, which keeps the send whole).
pub async fn read_tables(
    storage: &Storage,
    files: &[&FileRow],
    tables: &mut Tables,
) -> InfraResult<()> {
    for file in files {
        let Some(kind) = FileKind::from_prefix(&file.kind).filter(|k| !k.is_image()) else {
            continue;
        };
        if tables.contains_key(&file.file_id) {
            continue;
        }
        let bytes = storage.read_all(&file.storage_key).await?;
        if let Ok(table) = read_table(kind, &bytes) {
            tables.insert(file.file_id.clone(), table);
        }
    }
    Ok(())
}

/// What the files of one delivery add to their chains (the standard files parsed in `tables`,
/// see [`read_tables`]): worked out from the files alone, before the send's write
/// transaction, so that this work never holds the write lock.
pub fn drafts_of(files: &[&FileRow], tables: &Tables) -> Vec<extract::Draft> {
    let inputs: Vec<FileInput<'_>> = files
        .iter()
        .filter_map(|file| {
            tables.get(&file.file_id).map(|table| FileInput {
                file_id: &file.file_id,
                stamp: file.send_stamp.as_deref().unwrap_or_default(),
                table,
            })
        })
        .collect();
    extract::drafts(&inputs)
}

/// Adds the versions and deletions of one delivery (made by the transaction's office for
/// `to_office`) to their chains, from its [`drafts_of`]. It reads the chains in `tx` and adds
/// its writes to `writes`, which the caller runs (with the delivery's own rows, which it needs
/// first). Returns how many chain rows will be added.
#[tracing::instrument(skip_all, fields(delivery.id = %delivery_id, drafts = drafts.len()))]
pub async fn record_delivery(
    tx: &mut OfficeTx,
    writes: &mut Batch<'_>,
    delivery_id: &str,
    to_office: &str,
    drafts: &[extract::Draft],
    sent_at: Millis,
) -> InfraResult<usize> {
    let ids: Vec<String> = drafts.iter().map(|_| crate::db::new_row_id()).collect();
    let anchors: Vec<String> = drafts
        .iter()
        .map(|d| extract::anchor_text(&d.key.anchor))
        .collect();
    let providers: Vec<String> = drafts
        .iter()
        .map(|d| extract::provider_text(&d.key))
        .collect();
    let mut versions = Vec::with_capacity(drafts.len());
    let mut members = Vec::new();
    let mut chains: BTreeSet<store::ChainKey> = BTreeSet::new();
    for (i, draft) in drafts.iter().enumerate() {
        let entity = extract::entity_code(draft.key.entity);
        let (insurer, insured) = (draft.key.insurer.as_str(), draft.key.insured.as_str());
        versions.push(NewVersion {
            version_id: &ids[i],
            to_office,
            delivery_id,
            entity,
            insurer,
            insured,
            anchor: &anchors[i],
            provider: &providers[i],
            action: draft.action.code(),
            send_stamp: &draft.stamp,
            sent_at,
            person_name: draft.name.as_deref(),
            person_kana: draft.kana.as_deref(),
            conflict_name: draft.conflict_name.as_deref(),
        });
        members.extend(draft.files.iter().map(|file| NewVersionFile {
            version_id: &ids[i],
            file_id: &file.file_id,
            kind: file.kind.prefix(),
            ranges: file.rows.to_string(),
            row_count: i64::try_from(file.rows.len()).unwrap_or(i64::MAX),
        }));
        chains.insert((entity.to_owned(), insurer.to_owned(), insured.to_owned()));
    }
    // The chains as stored, plus this delivery's versions (not yet written): the whole chain
    // is resolved once, the new rows are inserted with their states and only the stored rows
    // that changed are updated.
    let mut stored = store::chains(tx, to_office, &chains).await?;
    let chains: Vec<(String, Vec<ChainRow>)> = chains
        .into_iter()
        .map(|key| {
            let mut chain = stored.remove(&key).unwrap_or_default();
            chain.extend(
                versions
                    .iter()
                    .filter(|v| (v.entity, v.insurer, v.insured) == (&*key.0, &*key.1, &*key.2))
                    .map(new_row),
            );
            (key.0, chain)
        })
        .collect();
    let added: HashSet<String> = ids.iter().cloned().collect();
    let mut updates = Vec::new();
    for (entity, chain) in &chains {
        recompute(entity, chain, &added, &mut updates);
    }
    let (new, old): (Vec<_>, Vec<_>) = updates.into_iter().partition(|(id, _)| added.contains(*id));
    let derived: HashMap<&str, Derived<'_>> = new.into_iter().collect();
    let rows: Vec<(NewVersion<'_>, Derived<'_>)> = versions
        .into_iter()
        .map(|v| {
            let d = derived.get(v.version_id).copied().unwrap_or(Derived {
                state: State::Superseded.code(),
                version_no: 0,
                previous: None,
                withdrawn_by: None,
                withdrew: 0,
                conflict_name: v.conflict_name,
            });
            (v, d)
        })
        .collect();
    let from = tx.office_id();
    store::insert_versions(writes, from, &rows, sent_at);
    store::insert_version_files(writes, from, to_office, &members);
    store::update_derived(writes, from, &old);
    // The 版 state of this delivery and of those whose versions changed.
    let changed: HashSet<&str> = old.iter().map(|(id, _)| *id).collect();
    let mut deliveries: BTreeSet<&str> = chains
        .iter()
        .flat_map(|(_, chain)| chain)
        .filter(|row| changed.contains(row.version_id.as_str()))
        .map(|row| row.delivery_id.as_str())
        .collect();
    deliveries.insert(delivery_id);
    let deliveries: Vec<&str> = deliveries.into_iter().collect();
    store::refresh_delivery_states(writes, from, &deliveries);
    Ok(drafts.len())
}

/// A version of this delivery as its chain row before resolution (how it would read back
/// had it been inserted with the initial state).
fn new_row(v: &NewVersion<'_>) -> ChainRow {
    ChainRow {
        version_id: v.version_id.to_owned(),
        anchor: v.anchor.to_owned(),
        provider: v.provider.to_owned(),
        action: v.action.to_owned(),
        send_stamp: v.send_stamp.to_owned(),
        sent_at: v.sent_at,
        person_name: v.person_name.map(str::to_owned),
        conflict_name: v.conflict_name.map(str::to_owned),
        state: State::Superseded.code().to_owned(),
        version_no: 0,
        previous_version_id: None,
        withdrawn_by: None,
        withdrew_count: 0,
        delivery_id: v.delivery_id.to_owned(),
    }
}

/// Recomputes one chain and adds the rows whose derived columns changed to `updates`.
fn recompute<'a>(
    entity: &str,
    rows: &'a [ChainRow],
    added: &HashSet<String>,
    updates: &mut Vec<(&'a str, Derived<'a>)>,
) {
    let entries: Vec<Entry> = rows.iter().map(entry).collect();
    let dated = extract::entity_from_code(entity).is_some_and(extract::is_dated);
    let resolved = chain::resolve(&entries, dated);
    for (row, r) in rows.iter().zip(&resolved) {
        let id = |i: Option<usize>| i.and_then(|i| rows.get(i)).map(|r| r.version_id.as_str());
        let previous = id(r.previous);
        // A key conflict: the same key came (earlier or later by 連番) under another name.
        let conflict = row.conflict_name.as_deref().or_else(|| {
            if !added.contains(&row.version_id) {
                return None;
            }
            rows.iter()
                .filter(|other| {
                    other.version_id != row.version_id
                        && other.action == "upsert"
                        && (dated || (other.anchor == row.anchor && other.provider == row.provider))
                })
                .find_map(|other| {
                    extract::names_conflict(
                        other.person_name.as_deref(),
                        row.person_name.as_deref(),
                    )
                    .then_some(other.person_name.as_deref())
                    .flatten()
                })
        });
        let derived = Derived {
            state: r.state.code(),
            version_no: r.version_no,
            previous,
            withdrawn_by: id(r.withdrawn_by),
            withdrew: r.withdrew,
            conflict_name: conflict,
        };
        if changed(row, &derived) {
            updates.push((row.version_id.as_str(), derived));
        }
    }
}

fn entry(row: &ChainRow) -> Entry {
    Entry {
        id: row.version_id.clone(),
        anchor: row.anchor.clone(),
        provider: row.provider.clone(),
        action: Action::from_code(&row.action).unwrap_or(Action::Upsert),
        stamp: row.send_stamp.clone(),
        sent_at: row.sent_at,
    }
}

fn changed(row: &ChainRow, d: &Derived<'_>) -> bool {
    State::from_code(&row.state).map(State::code) != Some(d.state)
        || row.version_no != d.version_no
        || row.previous_version_id.as_deref() != d.previous
        || row.withdrawn_by.as_deref() != d.withdrawn_by
        || row.withdrew_count != d.withdrew
        || row.conflict_name.as_deref() != d.conflict_name
}
