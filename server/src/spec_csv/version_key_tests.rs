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

fn key(kind: FileKind, rows: Vec<Vec<String>>) -> Vec<(Entity, Anchor)> {
    keys(&table(kind, rows))
        .into_iter()
        .map(|k| (k.entity, k.anchor))
        .collect()
}

fn date(s: &str) -> Anchor {
    Anchor::Date(s.to_owned())
}

fn month() -> Anchor {
    Anchor::Month(YearMonth::new(2025, 4).unwrap_or_else(|| unreachable!()))
}

#[test]
fn plans_are_keyed_by_their_creation_date() {
    let mut rows = sample::rows(FileKind::Plan1);
    sample::set(&mut rows[0], 3, "20250301");
    sample::set(&mut rows[0], 13, "20250315");
    assert_eq!(
        key(FileKind::Plan1, rows),
        vec![(Entity::Plan, date("20250315"))]
    );
    assert_eq!(
        key(FileKind::Plan2, sample::rows(FileKind::Plan2)),
        vec![(Entity::Plan, date("20250401"))]
    );
    assert_eq!(
        key(FileKind::Plan3, sample::rows(FileKind::Plan3)),
        vec![(Entity::Plan, date("20250401"))]
    );
}

#[test]
fn usage_slips_and_details_are_keyed_by_target_month() {
    assert_eq!(
        key(FileKind::UsagePlan, sample::rows(FileKind::UsagePlan)),
        vec![(Entity::UsageSlip, month())]
    );
    assert_eq!(
        key(FileKind::UsageDetail, sample::rows(FileKind::UsageDetail)),
        vec![(Entity::UsageSlip, month())]
    );
}

#[test]
fn a_supplement_follows_the_set_it_is_tied_to() {
    assert_eq!(
        key(FileKind::Supplement, sample::rows(FileKind::Supplement)),
        vec![(Entity::UsageSlip, month())]
    );
    assert_eq!(
        key(FileKind::Supplement, sample::plan_tied_supplement()),
        vec![(Entity::Plan, date("20250401"))]
    );
}

#[test]
fn actuals_keys_carry_the_service_office_and_type() {
    let found = keys(&table(FileKind::Actuals, sample::rows(FileKind::Actuals)));
    let provider = found
        .first()
        .and_then(|k| k.provider.clone())
        .map(|(o, t)| (o.to_string(), t.to_string()));
    assert_eq!(
        provider,
        Some((sample::DESTINATION.to_owned(), "11".to_owned()))
    );
}

#[test]
fn prevention_files_are_keyed_by_consultation_or_plan_date() {
    for kind in [
        FileKind::BasicInfo,
        FileKind::BasicInfoSub1,
        FileKind::BasicInfoSub2,
    ] {
        assert_eq!(
            key(kind, sample::rows(kind)),
            vec![(Entity::BasicInfo, date("20250401"))]
        );
    }
    for kind in [FileKind::PreventionPlan, FileKind::PreventionPlanSub] {
        assert_eq!(
            key(kind, sample::rows(kind)),
            vec![(Entity::PreventionPlan, date("20250401"))]
        );
    }
}

#[test]
fn keys_are_distinct_and_rows_with_bad_numbers_are_skipped() {
    let mut rows = sample::rows(FileKind::UsagePlan);
    rows.push(rows[0].clone());
    rows.push(rows[0].clone());
    sample::set(&mut rows[2], 2, "bad");
    assert_eq!(keys(&table(FileKind::UsagePlan, rows)).len(), 1);
}

#[test]
fn a_plan_deletion_deletes_the_plan_key_and_cascades_to_its_tables() {
    let dels = deletions(&table(
        FileKind::Plan1Delete,
        sample::rows(FileKind::Plan1Delete),
    ));
    let plan_key = keys(&table(FileKind::Plan1, sample::rows(FileKind::Plan1)));
    assert_eq!(
        dels.iter().map(|d| d.key.clone()).collect::<Vec<_>>(),
        plan_key
    );
    assert_eq!(
        dels[0].cascades,
        &[
            FileKind::Plan1,
            FileKind::Plan2,
            FileKind::Plan3,
            FileKind::Supplement
        ]
    );
}

#[test]
fn a_usage_deletion_also_removes_the_seventh_table() {
    let dels = deletions(&table(
        FileKind::UsagePlanDelete,
        sample::rows(FileKind::UsagePlanDelete),
    ));
    assert_eq!(
        dels[0].key,
        keys(&table(
            FileKind::UsagePlan,
            sample::rows(FileKind::UsagePlan)
        ))[0]
    );
    assert!(dels[0].cascades.contains(&FileKind::UsageDetail));
}

#[test]
fn an_actuals_deletion_matches_the_actuals_key_of_its_service_type() {
    let dels = deletions(&table(
        FileKind::ActualsDelete,
        sample::rows(FileKind::ActualsDelete),
    ));
    assert_eq!(
        dels[0].key,
        keys(&table(FileKind::Actuals, sample::rows(FileKind::Actuals)))[0]
    );
    assert_eq!(dels[0].cascades, &[FileKind::Actuals]);
}

#[test]
fn prevention_deletions_cascade_to_their_attachments() {
    let dels = deletions(&table(
        FileKind::BasicInfoDelete,
        sample::rows(FileKind::BasicInfoDelete),
    ));
    assert!(dels[0].cascades.contains(&FileKind::BasicInfoImage));
    let dels = deletions(&table(
        FileKind::PreventionPlanDelete,
        sample::rows(FileKind::PreventionPlanDelete),
    ));
    assert_eq!(
        dels[0].cascades,
        &[FileKind::PreventionPlan, FileKind::PreventionPlanSub]
    );
    assert!(deletions(&table(FileKind::Plan1, sample::rows(FileKind::Plan1))).is_empty());
}
