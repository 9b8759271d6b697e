use super::*;
use crate::spec_csv::layouts::Records;
use crate::spec_csv::sample;
use crate::spec_csv::write::write_records;

fn bytes(kind: FileKind, rows: &[Vec<String>]) -> Vec<u8> {
    let mut records = Records::empty(kind).unwrap_or(Records::Plan1(Vec::new()));
    for row in rows {
        let refs: Vec<&str> = row.iter().map(String::as_str).collect();
        assert!(records.push_fields(&refs));
    }
    write_records(&records).unwrap_or_default()
}

fn report(kind: FileKind, rows: &[Vec<String>]) -> FileReport {
    validate_file(&sample::name(kind), &bytes(kind, rows))
}

fn rules(report: &FileReport) -> Vec<(Option<u64>, Option<usize>, Rule)> {
    report
        .findings
        .iter()
        .map(|f| (f.line, f.column, f.rule))
        .collect()
}

fn with(kind: FileKind, col: usize, value: &str) -> Vec<Vec<String>> {
    let mut rows = sample::rows(kind);
    sample::set(&mut rows[0], col, value);
    rows
}

#[test]
fn every_sample_file_is_valid() {
    for kind in FileKind::ALL.into_iter().filter(|k| !k.is_image()) {
        let r = report(kind, &sample::rows(kind));
        assert!(r.findings.is_empty(), "{kind:?}: {:?}", r.findings);
        assert_eq!(r.records, sample::rows(kind).len());
    }
}

#[test]
fn a_plan_tied_supplement_is_valid() {
    let name = sample::name(FileKind::Supplement).replace("_202504_", "_000000_");
    let r = validate_file(
        &name,
        &bytes(FileKind::Supplement, &sample::plan_tied_supplement()),
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn a_bad_date_is_reported_with_line_column_field_and_value() {
    let mut rows = sample::rows(FileKind::UsagePlan);
    rows.push(rows[0].clone());
    rows.push(rows[0].clone());
    sample::set(&mut rows[2], 9, "20250230");
    let r = report(FileKind::UsagePlan, &rows);
    let text: Vec<String> = r.findings.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        vec![format!(
            "[エラー] {} 3行目 10列目（サービス利用日）: 日付が正しくありません。（20250230）",
            sample::name(FileKind::UsagePlan)
        )]
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let mut rows = with(FileKind::Plan1, 3, "2025");
    sample::set(&mut rows[0], 1, "1");
    sample::set(&mut rows[0], 20, "99");
    let r = report(FileKind::Plan1, &rows);
    assert_eq!(
        rules(&r),
        vec![
            (Some(1), Some(2), Rule::Format),
            (Some(1), Some(4), Rule::Format),
            (Some(1), Some(21), Rule::Code)
        ]
    );
}

#[test]
fn a_wrong_column_count_is_an_error_naming_the_expected_count() {
    let mut rows = sample::rows(FileKind::Plan2);
    rows[0].pop();
    let r = validate_file(&sample::name(FileKind::Plan2), &bytes_raw(&rows));
    assert_eq!(rules(&r), vec![(Some(1), None, Rule::ColumnCount)]);
    assert!(r.findings[0].message.contains("21列あります。22列"));
}

fn bytes_raw(rows: &[Vec<String>]) -> Vec<u8> {
    let clean = |v: &String| v.replace([',', '"'], "、");
    let text: String = rows
        .iter()
        .map(|r| r.iter().map(clean).collect::<Vec<_>>().join(",") + "\r\n")
        .collect();
    encoding_rs::SHIFT_JIS.encode(&text).0.into_owned()
}

#[test]
fn a_v3_usage_file_with_22_columns_is_accepted() {
    let mut row = sample::rows(FileKind::UsagePlan).remove(0);
    row.drain(15..18);
    sample::set(&mut row, 0, "202208");
    sample::set(&mut row, 4, "202301");
    sample::set(&mut row, 9, "20230105");
    let name = "UPPLAN_202301_0300000100_0300000005_20230101120000.CSV";
    let r = validate_file(name, &bytes_raw(&[row]));
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn an_unknown_csv_version_is_accepted_with_a_warning() {
    let r = report(FileKind::Plan1, &with(FileKind::Plan1, 0, "202410"));
    assert_eq!(rules(&r), vec![(Some(1), Some(1), Rule::UnknownVersion)]);
    assert!(!r.has_errors());
}

#[test]
fn mixed_csv_versions_are_an_error() {
    let mut rows = sample::rows(FileKind::Plan2);
    rows.push(rows[0].clone());
    sample::set(&mut rows[1], 0, "202504");
    assert_eq!(
        rules(&report(FileKind::Plan2, &rows)),
        vec![(Some(2), Some(1), Rule::MixedVersions)]
    );
}

#[test]
fn an_old_version_for_a_v4_month_is_a_warning() {
    let r = report(FileKind::UsagePlan, &with(FileKind::UsagePlan, 0, "202208"));
    assert_eq!(rules(&r), vec![(Some(1), Some(1), Rule::VersionMonth)]);
}

#[test]
fn a_target_month_other_than_the_file_name_month_is_an_error() {
    let mut rows = with(FileKind::UsagePlan, 4, "202505");
    sample::set(&mut rows[0], 9, "20250501");
    assert_eq!(
        rules(&report(FileKind::UsagePlan, &rows)),
        vec![(Some(1), Some(5), Rule::MonthMismatch)]
    );
    assert_eq!(
        rules(&report(
            FileKind::UsagePlanDelete,
            &with(FileKind::UsagePlanDelete, 3, "202505")
        )),
        vec![(Some(1), Some(4), Rule::MonthMismatch)]
    );
}

#[test]
fn without_a_valid_name_months_must_still_agree_within_the_file() {
    let mut rows = sample::rows(FileKind::UsagePlanDelete);
    rows.push(rows[0].clone());
    sample::set(&mut rows[1], 3, "202505");
    let r = validate_file("DLTPLAN_bad.CSV", &bytes(FileKind::UsagePlanDelete, &rows));
    assert_eq!(
        rules(&r),
        vec![
            (None, None, Rule::FileName),
            (Some(2), Some(4), Rule::MonthMismatch)
        ]
    );
}

#[test]
fn a_month_supplement_needs_zero_plan_date_and_a_plan_supplement_a_real_one() {
    let r = report(
        FileKind::Supplement,
        &with(FileKind::Supplement, 3, "20250401"),
    );
    assert_eq!(rules(&r), vec![(Some(1), Some(4), Rule::SupplementLink)]);
    let name = sample::name(FileKind::Supplement).replace("_202504_", "_000000_");
    let r = validate_file(
        &name,
        &bytes(FileKind::Supplement, &sample::rows(FileKind::Supplement)),
    );
    assert_eq!(
        rules(&r),
        vec![
            (Some(1), Some(4), Rule::SupplementLink),
            (Some(1), Some(63), Rule::SupplementLink)
        ]
    );
}

#[test]
fn a_service_date_outside_the_target_month_is_an_error() {
    let r = report(FileKind::Actuals, &with(FileKind::Actuals, 9, "20250501"));
    assert_eq!(rules(&r), vec![(Some(1), Some(10), Rule::DateOutsideMonth)]);
}

#[test]
fn welfare_equipment_needs_a_tais_or_notification_code() {
    let mut rows = with(FileKind::UsagePlan, 14, "171001");
    sample::set(&mut rows[0], 15, "");
    sample::set(&mut rows[0], 16, "");
    assert_eq!(
        rules(&report(FileKind::UsagePlan, &rows)),
        vec![(Some(1), Some(16), Rule::TaisMissing)]
    );
    sample::set(&mut rows[0], 16, "ABC-1");
    assert!(report(FileKind::UsagePlan, &rows).findings.is_empty());
}

#[test]
fn a_usage_detail_without_its_grand_total_row_is_an_error() {
    let mut rows = sample::rows(FileKind::UsageDetail);
    rows.pop();
    assert_eq!(
        rules(&report(FileKind::UsageDetail, &rows)),
        vec![(Some(1), None, Rule::Totals)]
    );
    let mut rows = sample::rows(FileKind::UsageDetail);
    sample::set(&mut rows[1], 6, "0300000005");
    assert_eq!(
        rules(&report(FileKind::UsageDetail, &rows)),
        vec![(Some(2), Some(7), Rule::Totals)]
    );
}

#[test]
fn a_person_with_no_row_for_the_destination_is_a_warning() {
    let r = report(
        FileKind::UsagePlan,
        &with(FileKind::UsagePlan, 19, "0300009999"),
    );
    assert_eq!(rules(&r), vec![(Some(1), None, Rule::Unrelated)]);
    assert!(!r.has_errors());
}

#[test]
fn a_required_field_left_empty_is_an_error() {
    let r = report(FileKind::UsagePlan, &with(FileKind::UsagePlan, 12, ""));
    assert_eq!(rules(&r), vec![(Some(1), Some(13), Rule::Required)]);
}

#[test]
fn a_code_outside_its_table_is_an_error() {
    let r = report(FileKind::UsagePlan, &with(FileKind::UsagePlan, 22, "2"));
    assert_eq!(rules(&r), vec![(Some(1), Some(23), Rule::Code)]);
}

#[test]
fn a_length_overflow_is_an_error() {
    let r = report(
        FileKind::Supplement,
        &with(FileKind::Supplement, 11, "03-1234-5678-90123"),
    );
    assert_eq!(rules(&r), vec![(Some(1), Some(12), Rule::Length)]);
}

#[test]
fn utf8_content_is_rejected_with_its_offset() {
    let r = validate_file(&sample::name(FileKind::Plan1), "202407,介護".as_bytes());
    assert_eq!(rules(&r), vec![(None, None, Rule::Encoding)]);
    assert!(r.findings[0].message.contains("8バイト目"));
}

#[test]
fn an_empty_file_is_an_error() {
    assert_eq!(
        rules(&validate_file(&sample::name(FileKind::Plan1), b"")),
        vec![(None, None, Rule::NoRecords)]
    );
}

#[test]
fn a_header_row_is_skipped_with_a_warning() {
    let mut text =
        "CSVバージョン,保険者番号,被保険者番号,居宅サービス計画作成（変更）日\r\n".to_owned();
    text.push_str("202407,131016,0000012345,20250401\r\n");
    let bytes = encoding_rs::SHIFT_JIS.encode(&text).0.into_owned();
    let r = validate_file(&sample::name(FileKind::Plan1Delete), &bytes);
    assert_eq!(rules(&r), vec![(Some(1), None, Rule::HeaderRow)]);
    assert_eq!(r.records, 1);
}

#[test]
fn a_bad_name_is_reported_but_the_contents_are_still_checked() {
    let r = validate_file(
        "UP1KYO_123456789_43_0300000005_11_20250401120000.CSV",
        &bytes(FileKind::Plan1, &with(FileKind::Plan1, 3, "x")),
    );
    assert_eq!(
        rules(&r),
        vec![
            (None, None, Rule::FileName),
            (Some(1), Some(4), Rule::Format)
        ]
    );
}

#[test]
fn an_unknown_name_yields_only_the_name_finding() {
    let r = validate_file("foo.csv", b"\xff\xfe");
    assert_eq!(rules(&r), vec![(None, None, Rule::FileName)]);
}

#[test]
fn the_same_office_on_both_ends_is_an_error() {
    let name = "DLT1KYO_0300000100_43_0300000100_11_20250401120000.CSV";
    let r = validate_file(
        name,
        &bytes(FileKind::Plan1Delete, &sample::rows(FileKind::Plan1Delete)),
    );
    assert_eq!(rules(&r), vec![(None, None, Rule::SameOffice)]);
}

#[test]
fn an_image_must_be_a_jpeg() {
    let name = sample::name(FileKind::BasicInfoImage);
    assert!(validate_file(&name, &[0xFF, 0xD8, 0xFF, 0xE0])
        .findings
        .is_empty());
    assert_eq!(
        rules(&validate_file(&name, b"GIF89a")),
        vec![(None, None, Rule::NotJpeg)]
    );
}

#[test]
fn an_unclosed_quote_is_a_syntax_error() {
    let r = validate_file(
        &sample::name(FileKind::Plan1Delete),
        b"202407,131016,0000012345,\"20250401\r\n",
    );
    assert!(rules(&r).contains(&(None, None, Rule::Syntax)));
}

#[test]
fn findings_are_capped_with_a_final_notice() {
    let rows: Vec<Vec<String>> = (0..MAX_FINDINGS + 10)
        .map(|_| vec!["x".to_owned()])
        .collect();
    let r = validate_file(&sample::name(FileKind::Plan1Delete), &bytes_raw(&rows));
    assert_eq!(r.findings.len(), MAX_FINDINGS + 1);
    assert_eq!(r.findings.last().map(|f| f.rule), Some(Rule::Truncated));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn an_accepted_file_has_its_layouts_field_count(
            kind_index in 0..FileKind::ALL.len(),
            widths in proptest::collection::vec(1usize..80, 1..6),
        ) {
            let kind = FileKind::ALL[kind_index];
            prop_assume!(!kind.is_image());
            let rows: Vec<Vec<String>> = widths.iter().map(|&w| vec!["1".to_owned(); w]).collect();
            let report = validate_file(&sample::name(kind), &bytes_raw(&rows));
            let accepted = !report.findings.iter().any(|f| f.rule == Rule::ColumnCount);
            let fits = widths.iter().all(|&w| layouts(kind).iter().any(|l| l.width() == w));
            prop_assert_eq!(accepted, fits);
        }

        #[test]
        fn validation_never_panics_and_always_reports(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let report = validate_file(&sample::name(FileKind::UsagePlan), &bytes);
            prop_assert!(report.findings.len() <= MAX_FINDINGS + 1);
        }
    }
}
