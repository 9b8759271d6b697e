use super::*;
use crate::spec_csv::sample;

fn table(kind: FileKind, rows: Vec<Vec<String>>) -> Table {
    Table {
        kind,
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, fields)| Row {
                line: i as u64 + 1,
                fields,
            })
            .collect(),
    }
}

fn usage_rows() -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for day in ["20250401", "20250402", "20250403"] {
        let mut row = sample::rows(FileKind::UsagePlan).remove(0);
        sample::set(&mut row, 9, day);
        rows.push(row);
    }
    rows
}

#[test]
fn the_same_rows_in_another_order_give_an_empty_diff() {
    let old = table(FileKind::UsagePlan, usage_rows());
    let mut reversed = usage_rows();
    reversed.reverse();
    assert_eq!(
        diff(&old, &table(FileKind::UsagePlan, reversed)),
        Ok(Vec::new())
    );
}

#[test]
fn a_changed_field_is_reported_with_its_japanese_label() {
    let old = table(FileKind::UsagePlan, usage_rows());
    let mut rows = usage_rows();
    sample::set(&mut rows[1], 7, "250");
    let changes = diff(&old, &table(FileKind::UsagePlan, rows)).unwrap_or_default();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].kind, ChangeKind::Changed);
    assert_eq!(
        changes[0].fields,
        vec![FieldChange {
            column: 8,
            label: "単位数",
            old: "1".into(),
            new: "250".into()
        }]
    );
    assert!(changes[0]
        .identity
        .contains(&("サービス利用日", "20250402".to_owned())));
}

#[test]
fn added_and_removed_records_are_listed_in_identity_order() {
    let old = table(FileKind::UsagePlan, usage_rows());
    let mut rows = usage_rows();
    rows.remove(0);
    let mut extra = rows[0].clone();
    sample::set(&mut extra, 9, "20250410");
    rows.push(extra);
    let changes = diff(&old, &table(FileKind::UsagePlan, rows)).unwrap_or_default();
    let kinds: Vec<_> = changes
        .iter()
        .map(|c| (c.kind, c.old_line, c.new_line))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (ChangeKind::Removed, Some(1), None),
            (ChangeKind::Added, None, Some(3))
        ]
    );
    assert!(changes[1]
        .fields
        .iter()
        .any(|f| f.label == "サービス利用日" && f.new == "20250410"));
}

#[test]
fn duplicated_rows_count_as_records() {
    let old = table(FileKind::UsagePlan, usage_rows());
    let mut rows = usage_rows();
    rows.push(rows[0].clone());
    let changes = diff(&old, &table(FileKind::UsagePlan, rows)).unwrap_or_default();
    assert_eq!(
        changes.iter().map(|c| c.kind).collect::<Vec<_>>(),
        vec![ChangeKind::Added]
    );
}

#[test]
fn files_of_different_kinds_cannot_be_compared() {
    let a = table(FileKind::UsagePlan, usage_rows());
    let b = table(FileKind::Actuals, usage_rows());
    assert_eq!(diff(&a, &b), Err(DiffError::KindMismatch));
}
