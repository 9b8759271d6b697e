use super::*;
use crate::spec_csv::sample;

fn table(kind: FileKind, rows: Vec<Vec<String>>) -> Table {
    Table {
        kind,
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, fields)| Row {
                line: u64::try_from(i).unwrap_or(0) + 1,
                fields,
            })
            .collect(),
    }
}

fn usage(days: &[(&str, &str)], created: &str) -> Table {
    let rows = days
        .iter()
        .map(|(date, units)| {
            let mut r = sample::rows(FileKind::UsagePlan).remove(0);
            sample::set(&mut r, 3, created);
            sample::set(&mut r, 9, date);
            sample::set(&mut r, 7, units);
            r
        })
        .collect();
    table(FileKind::UsagePlan, rows)
}

#[test]
fn usage_days_added_removed_and_changed_read_by_day() {
    let old = usage(&[("20250408", "100"), ("20250415", "100")], "20250325");
    let new = usage(&[("20250408", "120"), ("20250422", "100")], "20250325");
    let s = section(FileKind::UsagePlan, &old, &new);
    assert_eq!((s.added, s.removed, s.changed), (1, 1, 1), "{:?}", s.rows);
    let changed = s
        .rows
        .iter()
        .find(|r| r.change == DiffChange::Changed)
        .unwrap();
    assert_eq!(changed.item, "4月8日（火） 09:00 サービスコード 111111");
    assert_eq!(
        (
            changed.field.as_str(),
            changed.old.as_str(),
            changed.new.as_str()
        ),
        ("単位数", "100", "120")
    );
    let added = s
        .rows
        .iter()
        .find(|r| r.change == DiffChange::Added)
        .unwrap();
    assert!(added.item.starts_with("4月22日（火）"), "{}", added.item);
    assert!(
        added.old.is_empty() && added.new.contains("09:00〜09:00"),
        "{added:?}"
    );
    let removed = s
        .rows
        .iter()
        .find(|r| r.change == DiffChange::Removed)
        .unwrap();
    assert!(removed.item.starts_with("4月15日（火）") && removed.new.is_empty());
}

#[test]
fn a_new_creation_date_is_one_row_not_every_line() {
    let old = usage(&[("20250408", "100"), ("20250415", "100")], "20250325");
    let new = usage(&[("20250408", "100"), ("20250415", "100")], "20250410");
    let s = section(FileKind::UsagePlan, &old, &new);
    assert_eq!(s.rows.len(), 1, "{:?}", s.rows);
    assert_eq!(s.rows[0].field, "作成年月日");
    assert_eq!(
        (s.rows[0].old.as_str(), s.rows[0].new.as_str()),
        ("2025年3月25日", "2025年4月10日")
    );
}

#[test]
fn identical_versions_have_no_differences() {
    let old = usage(&[("20250408", "100")], "20250325");
    assert!(section(FileKind::UsagePlan, &old, &old.clone())
        .rows
        .is_empty());
}

#[test]
fn a_new_plan_date_and_a_changed_policy_show_on_the_first_table() {
    let mut old = sample::rows(FileKind::Plan1).remove(0);
    sample::set(&mut old, 13, "20250401");
    sample::set(&mut old, 23, "自宅で暮らす");
    let mut new = old.clone();
    sample::set(&mut new, 13, "20250501");
    sample::set(&mut new, 23, "自宅で安全に暮らす");
    let s = section(
        FileKind::Plan1,
        &table(FileKind::Plan1, vec![old]),
        &table(FileKind::Plan1, vec![new]),
    );
    let fields: Vec<(&str, &str, &str)> = s
        .rows
        .iter()
        .map(|r| (r.field.as_str(), r.old.as_str(), r.new.as_str()))
        .collect();
    assert!(
        fields.contains(&(
            "居宅サービス計画作成（変更）日",
            "2025年4月1日",
            "2025年5月1日"
        )),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("総合的な援助の方針", "自宅で暮らす", "自宅で安全に暮らす")),
        "{fields:?}"
    );
    assert_eq!(s.changed, 2);
}

#[test]
fn an_added_service_line_of_the_second_table_is_named_by_its_numbers() {
    let line = |no: &str, content: &str| {
        let mut r = sample::rows(FileKind::Plan2).remove(0);
        sample::set(&mut r, 12, no);
        sample::set(&mut r, 13, content);
        r
    };
    let old = table(FileKind::Plan2, vec![line("1", "入浴介助")]);
    let new = table(
        FileKind::Plan2,
        vec![line("1", "入浴介助"), line("2", "通院介助")],
    );
    let s = section(FileKind::Plan2, &old, &new);
    assert_eq!((s.added, s.removed, s.changed), (1, 0, 0));
    assert_eq!(s.rows[0].item, "課題1・目標1・援助内容2");
    assert!(s.rows[0].new.starts_with("通院介助"), "{:?}", s.rows[0]);
}

#[test]
fn a_table_only_the_new_version_has_is_all_added() {
    let p3 = table(FileKind::Plan3, sample::rows(FileKind::Plan3));
    let sections = compare(&[], &[(FileKind::Plan3, p3)]);
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0].added, 1);
}
