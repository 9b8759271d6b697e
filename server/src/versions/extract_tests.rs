use super::*;
use crate::spec_csv::parse::Row;
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

fn input<'a>(id: &'a str, table: &'a Table) -> FileInput<'a> {
    FileInput {
        file_id: id,
        stamp: "20250401090000",
        table,
    }
}

#[test]
fn a_plan_unit_is_one_version_of_four_files() {
    let p1 = table(FileKind::Plan1, sample::rows(FileKind::Plan1));
    let p2 = table(FileKind::Plan2, sample::rows(FileKind::Plan2));
    let p3 = table(FileKind::Plan3, sample::rows(FileKind::Plan3));
    let sup = table(FileKind::Supplement, sample::plan_tied_supplement());
    let files = [
        input("f1", &p1),
        input("f2", &p2),
        input("f3", &p3),
        input("f4", &sup),
    ];
    let drafts = drafts(&files);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let d = &drafts[0];
    assert_eq!(d.key.entity, Entity::Plan);
    assert_eq!(anchor_text(&d.key.anchor), "20250401");
    assert_eq!(d.action, Action::Upsert);
    assert_eq!(d.files.len(), 4);
    assert_eq!(d.name.as_deref(), Some("介護　太郎, \"テスト\""));
    assert_eq!(d.conflict_name, None);
}

#[test]
fn each_person_in_a_file_gets_a_version_with_their_rows() {
    let mut rows = sample::rows(FileKind::UsagePlan);
    let mut other = rows[0].clone();
    sample::set(&mut other, 2, "0000099999");
    rows.push(other);
    rows.push(rows[0].clone());
    let usage = table(FileKind::UsagePlan, rows);
    let drafts = drafts(&[input("u", &usage)]);
    assert_eq!(drafts.len(), 2);
    let first = drafts
        .iter()
        .find(|d| d.key.insured.as_str() == "0000012345")
        .unwrap();
    assert_eq!(first.files[0].rows.to_string(), "0-0,2-2");
    assert_eq!(anchor_text(&first.key.anchor), "202504");
}

#[test]
fn a_deletion_file_makes_deletions() {
    let del = table(
        FileKind::UsagePlanDelete,
        sample::rows(FileKind::UsagePlanDelete),
    );
    let drafts = drafts(&[input("d", &del)]);
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].action, Action::Delete);
    assert_eq!(drafts[0].key.entity, Entity::UsageSlip);
}

#[test]
fn two_names_for_one_insured_number_are_a_conflict() {
    let mut rows = sample::rows(FileKind::Supplement);
    let mut second = rows[0].clone();
    sample::set(&mut second, 5, "別人 花子");
    rows.push(second);
    let mut spaced = rows[0].clone();
    sample::set(&mut spaced, 5, "介護 太郎, \"テスト\"");
    rows.push(spaced);
    let sup = table(FileKind::Supplement, rows);
    let drafts = drafts(&[input("s", &sup)]);
    assert_eq!(drafts[0].conflict_name.as_deref(), Some("別人 花子"));
    assert!(names_conflict(Some("山田 太郎"), Some("山田 花子")));
    assert!(!names_conflict(Some("山田 太郎"), Some("山田　太郎")));
    assert!(!names_conflict(None, Some("山田 太郎")));
}

#[test]
fn records_with_malformed_keys_belong_to_no_version() {
    let mut rows = sample::rows(FileKind::UsagePlan);
    sample::set(&mut rows[0], 2, "bad");
    let usage = table(FileKind::UsagePlan, rows);
    assert!(drafts(&[input("u", &usage)]).is_empty());
}

#[test]
fn entity_codes_round_trip() {
    for e in [
        Entity::Plan,
        Entity::UsageSlip,
        Entity::Actuals,
        Entity::BasicInfo,
        Entity::PreventionPlan,
    ] {
        assert_eq!(entity_from_code(entity_code(e)), Some(e));
    }
    assert!(is_dated(Entity::Plan) && !is_dated(Entity::UsageSlip));
}
