//! Semantic diff of two files of the same kind (for example two versions with one key):
//! records are matched by identity columns, so row order never matters.

use super::file_kind::FileKind;
use super::layouts::layouts;
use super::parse::{Row, Table};
use std::collections::BTreeMap;
use std::fmt;

/// How a record differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// Only in the new file.
    Added,
    /// Only in the old file.
    Removed,
    /// Same identity, different values.
    Changed,
}

/// One differing field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// 1-based current-layout column.
    pub column: usize,
    /// Japanese field name.
    pub label: &'static str,
    /// Old value (empty when added).
    pub old: String,
    /// New value (empty when removed).
    pub new: String,
}

/// One added, removed or changed record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordChange {
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// Identity fields (Japanese label, value) that matched the two records.
    pub identity: Vec<(&'static str, String)>,
    /// Line in the old file.
    pub old_line: Option<u64>,
    /// Line in the new file.
    pub new_line: Option<u64>,
    /// Differing fields; for added/removed records, the non-empty ones.
    pub fields: Vec<FieldChange>,
}

/// Why two tables cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffError {
    /// The files are of different kinds.
    KindMismatch,
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("種類の異なるファイルは比較できません。")
    }
}

impl std::error::Error for DiffError {}

/// Current-layout columns that identify a record within its file (spec.md §3 row rules).
fn identity_columns(kind: FileKind) -> &'static [usize] {
    use FileKind::*;
    match kind {
        Supplement => &[1, 2, 3, 62],
        Plan1 => &[1, 2, 13],
        Plan2 => &[1, 2, 4, 5, 7, 12],
        Plan3 => &[1, 2, 4, 6, 7, 9],
        UsagePlan | Actuals => &[1, 2, 4, 9, 11, 14, 18, 19, 21],
        UsageDetail => &[1, 2, 4, 6, 7, 8, 9, 10],
        BasicInfo => &[1, 2, 3],
        BasicInfoSub1 => &[1, 2, 3, 4],
        BasicInfoSub2 => &[1, 2, 3, 4, 5],
        PreventionPlan => &[1, 2, 3],
        PreventionPlanSub => &[1, 2, 3, 4, 9, 13],
        Plan1Delete | UsagePlanDelete | ActualsDelete | BasicInfoDelete | PreventionPlanDelete
        | BasicInfoImage => &[1, 2, 3, 4, 5],
    }
}

type Groups<'a> = BTreeMap<Vec<&'a str>, Vec<&'a Row>>;

fn group<'a>(table: &'a Table, identity: &[usize]) -> Groups<'a> {
    let mut groups: Groups<'a> = BTreeMap::new();
    for row in &table.rows {
        groups
            .entry(identity.iter().map(|&i| row.get(i)).collect())
            .or_default()
            .push(row);
    }
    for rows in groups.values_mut() {
        rows.sort_by(|a, b| a.fields.cmp(&b.fields));
    }
    groups
}

/// Differences from `old` to `new`, ordered by identity then kind; empty when both hold the
/// same records in any order.
pub fn diff(old: &Table, new: &Table) -> Result<Vec<RecordChange>, DiffError> {
    if old.kind != new.kind {
        return Err(DiffError::KindMismatch);
    }
    let labels = layouts(old.kind).first().map_or(&[][..], |l| l.fields());
    let label = |i: usize| labels.get(i).map_or("", |f| f.name);
    let identity = identity_columns(old.kind);
    let (old_groups, mut new_groups) = (group(old, identity), group(new, identity));
    let mut changes = Vec::new();
    for (key, olds) in old_groups {
        let news = new_groups.remove(&key).unwrap_or_default();
        // Exact matches cancel out first, so reordering and duplicates make no change.
        let (olds, news) = cancel_equal(&olds, &news);
        let ident: Vec<(&'static str, String)> = identity
            .iter()
            .zip(&key)
            .map(|(&i, v)| (label(i), (*v).to_owned()))
            .collect();
        let paired = olds.len().min(news.len());
        for (o, n) in olds.iter().zip(&news) {
            let fields = field_changes(o, n, &label);
            changes.push(change(
                ChangeKind::Changed,
                &ident,
                Some(o.line),
                Some(n.line),
                fields,
            ));
        }
        for o in &olds[paired..] {
            changes.push(change(
                ChangeKind::Removed,
                &ident,
                Some(o.line),
                None,
                one_sided(o, &label, true),
            ));
        }
        for n in &news[paired..] {
            changes.push(change(
                ChangeKind::Added,
                &ident,
                None,
                Some(n.line),
                one_sided(n, &label, false),
            ));
        }
    }
    for (key, news) in new_groups {
        let ident: Vec<(&'static str, String)> = identity
            .iter()
            .zip(&key)
            .map(|(&i, v)| (label(i), (*v).to_owned()))
            .collect();
        for n in news {
            changes.push(change(
                ChangeKind::Added,
                &ident,
                None,
                Some(n.line),
                one_sided(n, &label, false),
            ));
        }
    }
    changes.sort_by(|a, b| (&a.identity, a.kind).cmp(&(&b.identity, b.kind)));
    Ok(changes)
}

/// Multiset difference of two lists sorted by fields: drops rows present on both sides.
fn cancel_equal<'a>(a: &[&'a Row], b: &[&'a Row]) -> (Vec<&'a Row>, Vec<&'a Row>) {
    let (mut i, mut j) = (0, 0);
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.fields.cmp(&y.fields) {
            std::cmp::Ordering::Less => {
                only_a.push(*x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                only_b.push(*y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    only_a.extend_from_slice(a.get(i..).unwrap_or_default());
    only_b.extend_from_slice(b.get(j..).unwrap_or_default());
    (only_a, only_b)
}

fn change(
    kind: ChangeKind,
    identity: &[(&'static str, String)],
    old_line: Option<u64>,
    new_line: Option<u64>,
    fields: Vec<FieldChange>,
) -> RecordChange {
    RecordChange {
        kind,
        identity: identity.to_vec(),
        old_line,
        new_line,
        fields,
    }
}

fn field_changes(o: &Row, n: &Row, label: &impl Fn(usize) -> &'static str) -> Vec<FieldChange> {
    let width = o.fields.len().max(n.fields.len());
    (0..width)
        .filter(|&i| o.get(i) != n.get(i))
        .map(|i| FieldChange {
            column: i + 1,
            label: label(i),
            old: o.get(i).to_owned(),
            new: n.get(i).to_owned(),
        })
        .collect()
}

fn one_sided(row: &Row, label: &impl Fn(usize) -> &'static str, removed: bool) -> Vec<FieldChange> {
    row.fields
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.is_empty())
        .map(|(i, v)| {
            let (old, new) = if removed {
                (v.clone(), String::new())
            } else {
                (String::new(), v.clone())
            };
            FieldChange {
                column: i + 1,
                label: label(i),
                old,
                new,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
