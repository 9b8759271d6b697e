//! From the parsed files of one delivery to its versions, pure: records are grouped by their
//! version key (`spec_csv::version_key`), so one file carrying many persons (spec.md §2
//! "many insured persons may be in one file") makes one version per person and key, and the
//! files of one send unit (第1〜3表 + 補足, 第6/7表 + 補足) make one version together.

use super::chain::Action;
use super::ranges::RowRanges;
use crate::spec_csv::parse::Table;
use crate::spec_csv::version_key::{key_of_row, Anchor, Entity, VersionKey};
use crate::spec_csv::{persons, FileKind};
use std::collections::BTreeMap;

/// One parsed file of a delivery.
pub struct FileInput<'a> {
    /// Stored file id.
    pub file_id: &'a str,
    /// ファイル連番 from its name.
    pub stamp: &'a str,
    /// Its records.
    pub table: &'a Table,
}

/// The records of one file that belong to a version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftFile {
    /// Stored file id.
    pub file_id: String,
    /// Its kind.
    pub kind: FileKind,
    /// Which records.
    pub rows: RowRanges,
}

/// A version (or a deletion) about to be added to a chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The spec's version key.
    pub key: VersionKey,
    /// Version or deletion.
    pub action: Action,
    /// ファイル連番.
    pub stamp: String,
    /// Member files.
    pub files: Vec<DraftFile>,
    /// 利用者氏名 / フリガナ, where the unit carries them.
    pub name: Option<String>,
    /// フリガナ.
    pub kana: Option<String>,
    /// A second, different name seen for the same 被保険者番号 in this delivery.
    pub conflict_name: Option<String>,
}

/// Stored code of an entity.
pub fn entity_code(entity: Entity) -> &'static str {
    match entity {
        Entity::Plan => "plan",
        Entity::UsageSlip => "usage",
        Entity::Actuals => "actuals",
        Entity::BasicInfo => "basic_info",
        Entity::PreventionPlan => "prevention_plan",
    }
}

/// The entity of a stored code.
pub fn entity_from_code(code: &str) -> Option<Entity> {
    [
        Entity::Plan,
        Entity::UsageSlip,
        Entity::Actuals,
        Entity::BasicInfo,
        Entity::PreventionPlan,
    ]
    .into_iter()
    .find(|e| entity_code(*e) == code)
}

/// True when the key's anchor is a date whose newest value is the current document.
pub fn is_dated(entity: Entity) -> bool {
    matches!(
        entity,
        Entity::Plan | Entity::BasicInfo | Entity::PreventionPlan
    )
}

/// The anchor as stored (YYYYMMDD or YYYYMM).
pub fn anchor_text(anchor: &Anchor) -> String {
    match anchor {
        Anchor::Date(d) => d.clone(),
        Anchor::Month(m) => m.to_string(),
    }
}

/// The provider as stored ("1320000002:11"), empty for all but 実績.
pub fn provider_text(key: &VersionKey) -> String {
    key.provider
        .as_ref()
        .map(|(office, service)| format!("{}:{}", office.as_str(), service.as_str()))
        .unwrap_or_default()
}

/// Names compare without spaces: 「山田 太郎」 and 「山田　太郎」 are one person.
fn same_name(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    strip(a) == strip(b)
}

type PersonNames = BTreeMap<(String, String), (Vec<String>, Option<String>)>;

/// Distinct names (first one first) and a フリガナ per (保険者番号, 被保険者番号).
fn names(files: &[FileInput<'_>]) -> PersonNames {
    let mut out: PersonNames = BTreeMap::new();
    for file in files {
        let (name_col, kana_col) = persons::name_columns(file.table.kind);
        let Some(name_col) = name_col else { continue };
        for row in &file.table.rows {
            let name = row.get(name_col).trim();
            let person = (row.get(1).to_owned(), row.get(2).to_owned());
            let entry = out.entry(person).or_default();
            if !name.is_empty() && !entry.0.iter().any(|n| same_name(n, name)) {
                entry.0.push(name.to_owned());
            }
            let kana = kana_col.map(|c| row.get(c).trim()).unwrap_or_default();
            if entry.1.is_none() && !kana.is_empty() {
                entry.1 = Some(kana.to_owned());
            }
        }
    }
    out
}

/// The versions and deletions in one delivery's files. Records whose key columns are
/// malformed belong to no version (validation already reported them).
pub fn drafts(files: &[FileInput<'_>]) -> Vec<Draft> {
    type Group = BTreeMap<(VersionKey, String, bool), Vec<(usize, Vec<usize>)>>;
    let mut groups: Group = BTreeMap::new();
    for (f, file) in files.iter().enumerate() {
        let kind = file.table.kind;
        let delete = kind.is_deletion();
        for (i, row) in file.table.rows.iter().enumerate() {
            let Some(key) = key_of_row(kind, row) else {
                continue;
            };
            let members = groups
                .entry((key, file.stamp.to_owned(), delete))
                .or_default();
            match members.iter_mut().find(|(g, _)| *g == f) {
                Some((_, rows)) => rows.push(i),
                None => members.push((f, vec![i])),
            }
        }
    }
    let names = names(files);
    groups
        .into_iter()
        .map(|((key, stamp, delete), members)| {
            let person = (
                key.insurer.as_str().to_owned(),
                key.insured.as_str().to_owned(),
            );
            let (seen, kana) = names.get(&person).cloned().unwrap_or_default();
            Draft {
                files: members
                    .into_iter()
                    .filter_map(|(f, rows)| {
                        let file = files.get(f)?;
                        Some(DraftFile {
                            file_id: file.file_id.to_owned(),
                            kind: file.table.kind,
                            rows: RowRanges::from_indices(rows),
                        })
                    })
                    .collect(),
                action: if delete {
                    Action::Delete
                } else {
                    Action::Upsert
                },
                stamp,
                name: seen.first().cloned(),
                kana,
                conflict_name: seen.get(1).cloned(),
                key,
            }
        })
        .collect()
}

/// True when two names differ as a key conflict (same 被保険者番号, another person's name).
pub fn names_conflict(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if !same_name(a, b))
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
