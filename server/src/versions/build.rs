//! Building the chains inside the send's transaction: one call per delivery from
//! `exchange::send`. The delivery's standard files are read back and parsed, each (key, 連番)
//! becomes a chain row, and every chain it touched is recomputed from all its rows.

use super::chain::{self, Action, Entry, State};
use super::extract::{self, FileInput};
use super::store::{self, ChainRow, Derived, NewVersion};
use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::InfraResult;
use crate::exchange::store::FileRow;
use crate::spec_csv::parse::{read_table, Table};
use crate::spec_csv::FileKind;
use crate::storage::Storage;
use std::collections::{BTreeSet, HashSet};

/// Adds the versions and deletions of one delivery (made by the transaction's office for
/// `to_office`) to their chains. Returns how many chain rows were added.
#[tracing::instrument(skip_all, fields(delivery.id = %delivery_id, files = files.len()))]
pub async fn record_delivery(
    tx: &mut OfficeTx,
    storage: &Storage,
    delivery_id: &str,
    to_office: &str,
    files: &[&FileRow],
    sent_at: Millis,
) -> InfraResult<usize> {
    let mut tables: Vec<(&FileRow, Table)> = Vec::new();
    for file in files {
        let Some(kind) = FileKind::from_prefix(&file.kind).filter(|k| !k.is_image()) else {
            continue;
        };
        let bytes = storage.read_all(&file.storage_key).await?;
        // A file that does not decode was refused at upload; skipping it keeps the send whole.
        if let Ok(table) = read_table(kind, &bytes) {
            tables.push((file, table));
        }
    }
    let inputs: Vec<FileInput<'_>> = tables
        .iter()
        .map(|(file, table)| FileInput {
            file_id: &file.file_id,
            stamp: file.send_stamp.as_deref().unwrap_or_default(),
            table,
        })
        .collect();
    let drafts = extract::drafts(&inputs);
    let mut chains: BTreeSet<(String, String, String)> = BTreeSet::new();
    let mut added: HashSet<String> = HashSet::new();
    for draft in &drafts {
        let version_id = uuid::Uuid::new_v4().to_string();
        let entity = extract::entity_code(draft.key.entity);
        let (insurer, insured) = (draft.key.insurer.as_str(), draft.key.insured.as_str());
        let new = NewVersion {
            version_id: &version_id,
            to_office,
            delivery_id,
            entity,
            insurer,
            insured,
            anchor: &extract::anchor_text(&draft.key.anchor),
            provider: &extract::provider_text(&draft.key),
            action: draft.action.code(),
            send_stamp: &draft.stamp,
            sent_at,
            person_name: draft.name.as_deref(),
            person_kana: draft.kana.as_deref(),
            conflict_name: draft.conflict_name.as_deref(),
        };
        store::insert_version(tx, new, sent_at).await?;
        for file in &draft.files {
            let count = i64::try_from(file.rows.len()).unwrap_or(i64::MAX);
            let ranges = file.rows.to_string();
            store::insert_version_file(
                tx,
                &version_id,
                to_office,
                &file.file_id,
                file.kind.prefix(),
                &ranges,
                count,
            )
            .await?;
        }
        chains.insert((entity.to_owned(), insurer.to_owned(), insured.to_owned()));
        added.insert(version_id);
    }
    for (entity, insurer, insured) in &chains {
        recompute(tx, to_office, entity, insurer, insured, &added).await?;
    }
    Ok(drafts.len())
}

/// Recomputes one chain and writes the rows whose derived columns changed.
async fn recompute(
    tx: &mut OfficeTx,
    to_office: &str,
    entity: &str,
    insurer: &str,
    insured: &str,
    added: &HashSet<String>,
) -> InfraResult<()> {
    let rows = store::chain(tx, to_office, entity, insurer, insured).await?;
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
            store::update_derived(tx, &row.version_id, derived).await?;
        }
    }
    Ok(())
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
