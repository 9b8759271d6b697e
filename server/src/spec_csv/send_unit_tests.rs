use super::*;
use crate::spec_csv::file_name::parse;

fn names(list: &[&str]) -> Vec<(String, SpecFileName)> {
    list.iter()
        .filter_map(|n| parse(n).ok().map(|p| ((*n).to_owned(), p)))
        .collect()
}

fn check(list: &[&str]) -> Vec<(Severity, String)> {
    let parsed = names(list);
    assert_eq!(parsed.len(), list.len(), "all sample names parse");
    let refs: Vec<(&str, &SpecFileName)> = parsed.iter().map(|(f, n)| (f.as_str(), n)).collect();
    check_units(&refs)
        .into_iter()
        .map(|f| (f.severity, f.message))
        .collect()
}

const TAIL: &str = "0300000100_43_0300000005_11_20250401120000.CSV";

fn n(prefix: &str) -> String {
    format!("{prefix}_{TAIL}")
}

#[test]
fn a_complete_plan_unit_passes() {
    assert!(check(&[
        &n("UP1KYO"),
        &n("UP2KYO"),
        &n("UP3KYO"),
        &n("UPHOSOKU_000000")
    ])
    .is_empty());
}

#[test]
fn a_complete_usage_unit_passes() {
    assert!(check(&[
        &n("UPPLAN_202504"),
        &n("UPSIKYU_202504"),
        &n("UPHOSOKU_202504")
    ])
    .is_empty());
}

#[test]
fn a_second_table_without_its_first_table_is_an_error() {
    let found = check(&[&n("UP2KYO"), &n("UP3KYO"), &n("UPHOSOKU_000000")]);
    assert!(
        found.iter().any(|(s, m)| *s == Severity::Error
            && m.contains("第2表）がありますが、居宅サービス計画書（第1表）がありません")),
        "{found:?}"
    );
}

#[test]
fn a_supplement_whose_month_does_not_fit_is_an_error() {
    let found = check(&[
        &n("UPPLAN_202504"),
        &n("UPSIKYU_202504"),
        &n("UPHOSOKU_202505"),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("対象年月と一致しません"));
    let found = check(&[
        &n("UP1KYO"),
        &n("UP2KYO"),
        &n("UP3KYO"),
        &n("UPHOSOKU_202504"),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("000000にしてください"));
}

#[test]
fn a_usage_unit_missing_its_seventh_table_or_supplement_is_an_error() {
    let found = check(&[&n("UPPLAN_202504")]);
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn a_missing_third_table_is_only_a_warning_and_not_expected_in_v3() {
    assert_eq!(
        check(&[&n("UP1KYO"), &n("UP2KYO"), &n("UPHOSOKU_000000")])
            .iter()
            .map(|f| f.0)
            .collect::<Vec<_>>(),
        vec![Severity::Warning]
    );
    let v3 = [
        "UP1KYO_0300000100_0300000005_20230101120000.CSV",
        "UP2KYO_0300000100_0300000005_20230101120000.CSV",
        "UPHOSOKU_000000_0300000100_0300000005_20230101120000.CSV",
    ];
    assert!(check(&v3).is_empty());
}

#[test]
fn deletions_must_travel_alone() {
    assert!(check(&[&n("DLT1KYO")]).is_empty());
    let found = check(&[
        &n("DLTPLAN_202504"),
        &n("UPPLAN_202504"),
        &n("UPSIKYU_202504"),
        &n("UPHOSOKU_202504"),
    ]);
    assert!(found.iter().any(|(_, m)| m.contains("混在")), "{found:?}");
}

#[test]
fn files_of_one_unit_must_share_sender_and_destination() {
    let other = "UPSIKYU_202504_0300000100_43_0300000006_11_20250401120000.CSV";
    let found = check(&[&n("UPPLAN_202504"), other, &n("UPHOSOKU_202504")]);
    assert!(
        found.iter().any(|(_, m)| m.contains("送信元・送信先")),
        "{found:?}"
    );
}

#[test]
fn v3_and_v41_names_must_not_mix_in_one_unit() {
    let v3 = "UPSIKYU_202504_0300000100_0300000005_20250401120000.CSV";
    let found = check(&[&n("UPPLAN_202504"), v3, &n("UPHOSOKU_202504")]);
    assert!(found.iter().any(|(_, m)| m.contains("混在")), "{found:?}");
}

#[test]
fn prevention_children_need_their_parents() {
    assert!(check(&[
        &n("UPKIHON"),
        &n("UPKIHON_SUB1"),
        &n("UPKIHON_SUB2"),
        "UPKIHON_IMAGE_0300000100_43_0300000005_11_20250401120000_0001.jpg"
    ])
    .is_empty());
    let found = check(&[&n("UPYOBO_SUB")]);
    assert!(
        found.iter().any(|(s, _)| *s == Severity::Error),
        "{found:?}"
    );
    assert!(check(&[&n("UPYOBO"), &n("UPYOBO_SUB"), &n("UPKIHON")]).is_empty());
}

#[test]
fn the_same_kind_twice_in_one_unit_is_an_error() {
    let lower = format!("UPJSK_202504_{}", TAIL.replace(".CSV", ".csv"));
    let found = check(&[&n("UPJSK_202504"), &lower]);
    assert!(found.iter().any(|(_, m)| m.contains("複数")), "{found:?}");
}

#[test]
fn units_are_imported_in_stamp_order_with_parents_first() {
    let list = [
        "UPHOSOKU_000000_0300000100_43_0300000005_11_20250402120000.CSV",
        "UP2KYO_0300000100_43_0300000005_11_20250402120000.CSV",
        "UP1KYO_0300000100_43_0300000005_11_20250402120000.CSV",
        "DLT1KYO_0300000100_43_0300000005_11_20250401120000.CSV",
    ];
    let parsed = names(&list);
    let refs: Vec<(&str, &SpecFileName)> = parsed.iter().map(|(f, n)| (f.as_str(), n)).collect();
    let order: Vec<Vec<FileKind>> = import_order(&refs)
        .iter()
        .map(|u| u.files.iter().map(|(_, n)| n.kind).collect())
        .collect();
    assert_eq!(
        order,
        vec![
            vec![FileKind::Plan1Delete],
            vec![FileKind::Plan1, FileKind::Plan2, FileKind::Supplement]
        ]
    );
}
