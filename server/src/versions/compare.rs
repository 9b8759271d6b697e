//! Two versions of one document compared, pure: per table, the spec module's record diff
//! (`spec_csv::diff`) turned into rows staff can read: 第6表 lines by day and time, 第2表 lines
//! by 課題・目標・援助内容, field names in Japanese, dates and times written out.
//!
//! Columns that name the version rather than its content (CSVバージョン, the key date or
//! month, the per-file 作成年月日 of multi-line tables) are set aside before matching, so a
//! new 計画作成日 or a new 作成年月日 does not turn every line into "removed and added"; the
//! change of those values is reported once, at the top of the table.

use super::view::{ym, ymd};
use crate::spec_csv::diff::{diff, ChangeKind, RecordChange};
use crate::spec_csv::layouts::{layouts, FieldSpec, Format};
use crate::spec_csv::parse::{Row, Table};
use crate::spec_csv::FileKind;
use app::types::{DiffChange, DiffRow, DiffSection};

/// Columns that identify the version (key date or month), per kind.
fn key_columns(kind: FileKind) -> &'static [usize] {
    use FileKind::*;
    match kind {
        Plan1 => &[13],
        Plan2 | Plan3 | UsagePlan | Actuals | UsageDetail => &[4],
        Supplement => &[3, 62],
        BasicInfo | BasicInfoSub1 | BasicInfoSub2 | PreventionPlan | PreventionPlanSub => &[3],
        _ => &[],
    }
}

/// Per-file columns repeated on every line of a multi-line table (reported once).
fn header_columns(kind: FileKind) -> &'static [usize] {
    use FileKind::*;
    match kind {
        Plan2 | Plan3 | UsagePlan | Actuals | UsageDetail => &[3],
        _ => &[],
    }
}

fn fields(kind: FileKind) -> &'static [FieldSpec] {
    layouts(kind).first().map_or(&[][..], |l| l.fields())
}

/// A value as staff read it (dates, months and times written out).
fn shown(kind: FileKind, column: usize, value: &str) -> String {
    if value.is_empty() {
        return String::new();
    }
    match fields(kind).get(column).map(|f| f.format) {
        Some(Format::Date) => ymd(value),
        Some(Format::Month) => ym(value),
        Some(Format::Time) => time(value),
        _ => value.to_string(),
    }
}

fn time(value: &str) -> String {
    match (value.get(..2), value.get(2..4)) {
        _ if value == "9999" => "時間指定なし".to_string(),
        (Some(h), Some(m)) if value.len() == 4 => format!("{h}:{m}"),
        _ => value.to_string(),
    }
}

/// 「4月8日（水）」 for YYYYMMDD.
fn day(value: &str) -> String {
    let parsed = (|| {
        let y: i32 = value.get(..4)?.parse().ok()?;
        let m: u8 = value.get(4..6)?.parse().ok()?;
        let d: u8 = value.get(6..8)?.parse().ok()?;
        time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()
    })();
    match parsed {
        Some(date) => {
            let weekday = ["月", "火", "水", "木", "金", "土", "日"]
                [usize::from(date.weekday().number_days_from_monday())];
            format!("{}月{}日（{weekday}）", u8::from(date.month()), date.day())
        }
        None => value.to_string(),
    }
}

fn neutral(table: &Table, blank: &[usize]) -> Table {
    Table {
        kind: table.kind,
        rows: table
            .rows
            .iter()
            .map(|row| {
                let mut fields = row.fields.clone();
                for &c in blank {
                    if let Some(slot) = fields.get_mut(c) {
                        slot.clear();
                    }
                }
                Row {
                    line: row.line,
                    fields,
                }
            })
            .collect(),
    }
}

fn value_of<'a>(change: &'a RecordChange, label: &str) -> &'a str {
    change
        .identity
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, v)| v.as_str())
        .or_else(|| {
            change
                .fields
                .iter()
                .find(|f| f.label == label)
                .map(|f| if f.new.is_empty() { &f.old } else { &f.new }.as_str())
        })
        .unwrap_or_default()
}

/// Which record a change is about, as staff name it.
fn item(kind: FileKind, change: &RecordChange) -> String {
    use FileKind::*;
    let v = |label: &str| value_of(change, label);
    match kind {
        UsagePlan | Actuals => format!(
            "{} {} サービスコード {}",
            day(v("サービス利用日")),
            time(v("サービス開始時刻")),
            v("サービスコード")
        ),
        Plan2 => format!(
            "課題{}・目標{}・援助内容{}",
            v("課題ＮＯ"),
            v("援助目標ＮＯ"),
            v("援助内容ＮＯ")
        ),
        Plan3 => format!("曜日{} {}", v("曜日"), time(v("開始時間"))),
        UsageDetail => format!("サービスコード {}", v("サービスコード")),
        _ => kind_label(kind).to_string(),
    }
}

/// What an added or removed line holds, in a few fields.
fn summary(kind: FileKind, change: &RecordChange) -> String {
    use FileKind::*;
    let v = |label: &str| value_of(change, label);
    let parts: Vec<String> = match kind {
        UsagePlan | Actuals => vec![
            format!(
                "{}〜{}",
                time(v("サービス開始時刻")),
                time(v("サービス終了時刻"))
            ),
            format!("サービスコード {}", v("サービスコード")),
            v("サービス事業所名").to_string(),
        ],
        Plan2 => vec![
            v("サービス内容").to_string(),
            v("サービス種別").to_string(),
            v("頻度").to_string(),
        ],
        _ => change
            .fields
            .iter()
            .filter(|f| !key_columns(kind).contains(&(f.column - 1)) && f.column > 3)
            .take(3)
            .map(|f| {
                let value = if f.new.is_empty() { &f.old } else { &f.new };
                format!("{}：{}", f.label, shown(kind, f.column - 1, value))
            })
            .collect(),
    };
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join("・")
}

/// 「居宅サービス計画書（第2表）」.
pub fn kind_label(kind: FileKind) -> &'static str {
    kind.label()
}

/// Set-aside columns whose value differs: one row each, from the first line of each side.
fn header_rows(kind: FileKind, old: &Table, new: &Table) -> Vec<DiffRow> {
    let (Some(o), Some(n)) = (old.rows.first(), new.rows.first()) else {
        return Vec::new();
    };
    key_columns(kind)
        .iter()
        .chain(header_columns(kind))
        .filter(|&&c| o.get(c) != n.get(c))
        .map(|&c| DiffRow {
            change: DiffChange::Changed,
            item: "書類全体".to_string(),
            field: fields(kind).get(c).map_or("", |f| f.name).to_string(),
            old: shown(kind, c, o.get(c)),
            new: shown(kind, c, n.get(c)),
        })
        .collect()
}

/// The differences of one table between an old and a new version.
pub fn section(kind: FileKind, old: &Table, new: &Table) -> DiffSection {
    let mut blank: Vec<usize> = vec![0];
    blank.extend_from_slice(key_columns(kind));
    blank.extend_from_slice(header_columns(kind));
    let mut rows = header_rows(kind, old, new);
    let (mut added, mut removed, mut changed) = (0, 0, rows.len());
    let changes = diff(&neutral(old, &blank), &neutral(new, &blank)).unwrap_or_default();
    for change in &changes {
        let item = item(kind, change);
        match change.kind {
            ChangeKind::Added | ChangeKind::Removed => {
                let whole = summary(kind, change);
                let is_added = change.kind == ChangeKind::Added;
                if is_added {
                    added += 1;
                } else {
                    removed += 1;
                }
                rows.push(DiffRow {
                    change: if is_added {
                        DiffChange::Added
                    } else {
                        DiffChange::Removed
                    },
                    item,
                    field: String::new(),
                    old: if is_added {
                        String::new()
                    } else {
                        whole.clone()
                    },
                    new: if is_added { whole } else { String::new() },
                });
            }
            ChangeKind::Changed => {
                for f in &change.fields {
                    changed += 1;
                    rows.push(DiffRow {
                        change: DiffChange::Changed,
                        item: item.clone(),
                        field: f.label.to_string(),
                        old: shown(kind, f.column - 1, &f.old),
                        new: shown(kind, f.column - 1, &f.new),
                    });
                }
            }
        }
    }
    DiffSection {
        kind_label: kind_label(kind).to_string(),
        added,
        removed,
        changed,
        rows,
    }
}

/// Every table of two versions compared, in print order (a table only one side has is
/// compared with an empty one).
pub fn compare(old: &[(FileKind, Table)], new: &[(FileKind, Table)]) -> Vec<DiffSection> {
    let mut kinds: Vec<FileKind> = old.iter().chain(new).map(|(k, _)| *k).collect();
    kinds.sort_by_key(|k| (super::view::kind_short(k.prefix()).0, k.prefix()));
    kinds.dedup();
    kinds
        .into_iter()
        .map(|kind| {
            let empty = Table { kind, rows: vec![] };
            let pick = |side: &[(FileKind, Table)]| {
                side.iter()
                    .find(|(k, _)| *k == kind)
                    .map(|(_, t)| t.clone())
                    .unwrap_or_else(|| empty.clone())
            };
            section(kind, &pick(old), &pick(new))
        })
        .collect()
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
