//! Loading the month that [`super::source`] chose: the chosen files read from the store (a
//! few at once) and parsed off the async threads, with the partners' 実績 deletions applied.

use super::detail::DetailFile;
use super::keys::PersonKey;
use super::lines::{Unreadable, UsageFile};
use super::source::{choose, month_rows, person_keys, Choice, DocRow, Origin};
use crate::db::OfficeTx;
use crate::error::InfraResult;
use crate::spec_csv::parse::read_table;
use crate::spec_csv::version_key::deletions;
use crate::spec_csv::FileKind;
use crate::storage::Storage;
use futures_util::{StreamExt, TryStreamExt};
use std::collections::HashMap;
use std::sync::Arc;

/// A parsed file of the month.
#[derive(Clone, Debug)]
pub enum Parsed {
    /// 予定 or 実績.
    Usage(Arc<UsageFile>),
    /// 第7表.
    Detail(Arc<DetailFile>),
}

/// The chosen versions with their files parsed: the input of the engine.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// What was chosen.
    pub choice: Choice,
    /// Parsed files by doc index.
    pub files: HashMap<usize, Parsed>,
}

impl Loaded {
    /// Where doc `i` came from.
    pub fn origin(&self, i: usize) -> Option<Origin> {
        self.choice.docs.get(i).map(|d| Origin {
            delivery_id: d.delivery_id.clone(),
            sent_at: d.sent_at,
            sent_by: d.sent_by.clone(),
            sent_by_name: d.sent_by_name.clone(),
            warnings: d.warning_count,
        })
    }

    /// The parsed 第6表 of doc `i`.
    pub fn usage(&self, i: Option<usize>) -> Option<&UsageFile> {
        match self.files.get(&i?)? {
            Parsed::Usage(f) => Some(f),
            Parsed::Detail(_) => None,
        }
    }

    /// The parsed 第7表 of doc `i`.
    pub fn detail(&self, i: Option<usize>) -> Option<&DetailFile> {
        match self.files.get(&i?)? {
            Parsed::Detail(f) => Some(f),
            Parsed::Usage(_) => None,
        }
    }
}

/// Files read at once from the store.
const PARALLEL_READS: usize = 8;

/// Reads the month for the transaction's office: rows, deletions, choice, then the chosen
/// files, parsed off the async threads.
pub async fn load(tx: &mut OfficeTx, storage: &Storage, month: &str) -> InfraResult<Loaded> {
    let rows = month_rows(tx, month).await?;
    let deletion_rows: Vec<DocRow> = rows
        .iter()
        .filter(|r| r.kind == "DLTJSK")
        .cloned()
        .collect();
    let deletion_keys: Vec<String> = deletion_rows
        .iter()
        .map(|r| r.storage_key.clone())
        .collect();
    let deletion_bytes = read_many(storage, deletion_keys).await?;
    let mut deleted = HashMap::new();
    for (row, bytes) in deletion_rows.iter().zip(deletion_bytes) {
        deleted.insert(row.file_id.clone(), actuals_deleted(row, &bytes));
    }
    let choice = choose(rows, &deleted);
    let mut wanted: Vec<usize> = choice
        .chosen
        .iter()
        .flat_map(|c| [c.plan, c.detail, c.actual])
        .flatten()
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let keys: Vec<String> = wanted
        .iter()
        .map(|&i| choice.docs[i].storage_key.clone())
        .collect();
    let contents = read_many(storage, keys).await?;
    let jobs: Vec<(usize, bool, Vec<PersonKey>, bytes::Bytes)> = wanted
        .iter()
        .zip(contents)
        .map(|(&i, bytes)| {
            let doc = &choice.docs[i];
            let keys = person_keys(doc);
            (i, doc.kind == "UPSIKYU", keys, bytes)
        })
        .collect();
    let files = tokio::task::spawn_blocking(move || {
        jobs.into_iter()
            .map(|(i, is_detail, persons, bytes)| (i, parse(is_detail, &persons, &bytes)))
            .collect::<HashMap<usize, Parsed>>()
    })
    .await?;
    Ok(Loaded { choice, files })
}

async fn read_many(storage: &Storage, keys: Vec<String>) -> InfraResult<Vec<bytes::Bytes>> {
    futures_util::stream::iter(keys)
        .map(|k| async move { storage.read_all(&k).await })
        .buffered(PARALLEL_READS)
        .try_collect()
        .await
}

/// A file that cannot be decoded any more (it passed validation when sent) is reported for
/// every person it holds rather than dropped.
fn parse(is_detail: bool, persons: &[PersonKey], bytes: &[u8]) -> Parsed {
    let broken = || -> Vec<Unreadable> {
        persons
            .iter()
            .map(|p| Unreadable {
                line: 1,
                person: Some(*p),
                reason: "ファイルの文字コードを読み取れません",
            })
            .collect()
    };
    if is_detail {
        let file = DetailFile::from_bytes(bytes).unwrap_or_else(|_| DetailFile::broken(broken()));
        Parsed::Detail(Arc::new(file))
    } else {
        let file = UsageFile::from_bytes(bytes).unwrap_or_else(|_| UsageFile::broken(broken()));
        Parsed::Usage(Arc::new(file))
    }
}

/// The persons a `DLTJSK` deletes for its sender: rows naming the sender's own 事業所番号 and
/// サービス種類 (a deletion is per service type, spec.md §4.2).
fn actuals_deleted(row: &DocRow, bytes: &[u8]) -> Vec<PersonKey> {
    let Ok(table) = read_table(FileKind::ActualsDelete, bytes) else {
        return Vec::new();
    };
    deletions(&table)
        .into_iter()
        .filter(|d| {
            d.key
                .provider
                .as_ref()
                .is_some_and(|(number, service_type)| {
                    number.as_str() == row.partner_number
                        && service_type.as_str() == row.partner_type
                })
        })
        .filter_map(|d| PersonKey::new(d.key.insurer.as_str(), d.key.insured.as_str()))
        .collect()
}
