//! Every kind of difference on hand-built files (written with `spec_csv::write`, read back
//! like a received file).

use super::detail::DetailFile;
use super::engine::{reconcile, Case};
use super::keys::{PersonKey, Provider};
use super::lines::UsageFile;
use super::report::{Comparison, DiffKind, Status};
use crate::spec_csv::layouts::Records;
use crate::spec_csv::{sample, write, FileKind};

const MONTH: u32 = 202504;
const HELPER: &str = "1372345678";
const DAY: &str = "1372345679";
const A: &str = "0000000001";

/// One 第6表 line: (insured, day, code, start, end), 1 unit × 1, provider [`HELPER`].
#[derive(Clone)]
struct L {
    fields: Vec<String>,
}

fn l(insured: &str, day: u32, code: &str, start: &str, end: &str) -> L {
    let mut fields = sample::rows(FileKind::UsagePlan).remove(0);
    let set = |f: &mut Vec<String>, i: usize, v: &str| sample::set(f, i, v);
    set(&mut fields, 2, insured);
    set(&mut fields, 9, &format!("{MONTH}{day:02}"));
    set(&mut fields, 10, "");
    set(&mut fields, 11, start);
    set(&mut fields, 12, end);
    set(&mut fields, 14, code);
    set(&mut fields, 7, "250");
    set(&mut fields, 19, HELPER);
    L { fields }
}

impl L {
    fn set(mut self, i: usize, v: &str) -> Self {
        sample::set(&mut self.fields, i, v);
        self
    }
    fn units(self, v: &str) -> Self {
        self.set(7, v)
    }
    fn count(self, v: &str) -> Self {
        self.set(13, v)
    }
    fn provider(self, v: &str) -> Self {
        self.set(19, v)
    }
    fn mask(self, v: &str) -> Self {
        self.set(10, v)
    }
}

fn bytes(kind: FileKind, rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut records = Records::empty(kind).unwrap();
    for row in &rows {
        let fields: Vec<&str> = row.iter().map(String::as_str).collect();
        assert!(records.push_fields(&fields));
    }
    write::write_records(&records).unwrap()
}

fn usage(lines: &[L]) -> UsageFile {
    let rows = lines.iter().map(|l| l.fields.clone()).collect();
    UsageFile::from_bytes(&bytes(FileKind::UsagePlan, rows)).unwrap()
}

/// A 第7表 service row: (insured, provider, code, サービス単位/金額).
fn detail(rows: &[(&str, &str, &str, &str)]) -> DetailFile {
    let template = sample::rows(FileKind::UsageDetail).remove(0);
    let rows = rows
        .iter()
        .map(|(insured, provider, code, amount)| {
            let mut r = template.clone();
            for (i, v) in [(2, *insured), (6, *provider), (8, *code), (16, *amount)] {
                sample::set(&mut r, i, v);
            }
            r
        })
        .collect();
    DetailFile::from_bytes(&bytes(FileKind::UsageDetail, rows)).unwrap()
}

fn partners() -> Vec<Provider> {
    vec![
        Provider::new(HELPER, "11").unwrap(),
        Provider::new(DAY, "15").unwrap(),
    ]
}

fn person(insured: &str) -> PersonKey {
    PersonKey::new("131016", insured).unwrap()
}

fn run(
    plan: Option<&UsageFile>,
    detail: Option<&DetailFile>,
    actual: Option<&UsageFile>,
) -> Option<Comparison> {
    let case = Case {
        partner: 0,
        person: person(A),
        plan,
        detail,
        actual,
    };
    reconcile(MONTH, &partners(), &[case]).comparisons.pop()
}

fn kinds(c: &Comparison) -> Vec<DiffKind> {
    c.differences.iter().map(|d| d.kind).collect()
}

fn week() -> Vec<L> {
    (1..=5).map(|d| l(A, d, "111111", "0900", "1000")).collect()
}

#[test]
fn the_same_lines_match() {
    let c = run(Some(&usage(&week())), None, Some(&usage(&week()))).unwrap();
    assert_eq!(c.status, Status::Match);
    assert!(c.differences.is_empty());
    assert_eq!(c.unit_totals(), (1250, 1250, None));
}

#[test]
fn a_missing_day_and_an_extra_day_are_exactly_two_differences() {
    let mut actual = week();
    actual.remove(2);
    actual.push(l(A, 6, "111111", "0900", "1000"));
    let c = run(Some(&usage(&week())), None, Some(&usage(&actual))).unwrap();
    assert_eq!(c.status, Status::Differences);
    assert_eq!(kinds(&c), [DiffKind::NotDelivered, DiffKind::NotPlanned]);
    assert_eq!(
        c.differences[0].message(),
        "4月3日 111111 9:00〜10:00：予定がありますが、実績がありません。"
    );
    assert_eq!(
        c.differences[1].message(),
        "4月6日 111111 9:00〜10:00：実績がありますが、予定がありません。"
    );
}

#[test]
fn another_time_on_the_same_day_is_a_time_difference() {
    let actual = vec![l(A, 1, "111111", "1000", "1100")];
    let c = run(Some(&usage(&week()[..1])), None, Some(&usage(&actual))).unwrap();
    assert_eq!(kinds(&c), [DiffKind::TimeDiffers]);
    assert!(c.differences[0]
        .message()
        .contains("時間が違います（予定 9:00〜10:00、実績 10:00〜11:00）"));
}

#[test]
fn another_code_at_the_same_time_is_a_code_difference() {
    let actual = vec![l(A, 1, "112211", "0900", "1000")];
    let c = run(Some(&usage(&week()[..1])), None, Some(&usage(&actual))).unwrap();
    assert_eq!(kinds(&c), [DiffKind::CodeDiffers]);
    assert!(c.differences[0]
        .message()
        .contains("サービスコードが違います（予定 111111、実績 112211）"));
}

#[test]
fn units_and_counts_of_a_paired_line_are_compared() {
    let plan = vec![
        l(A, 1, "111111", "0900", "1000"),
        l(A, 2, "111111", "0900", "1000"),
    ];
    let actual = vec![
        l(A, 1, "111111", "0900", "1000").units("200"),
        l(A, 2, "111111", "0900", "1000").count("2"),
    ];
    let c = run(Some(&usage(&plan)), None, Some(&usage(&actual))).unwrap();
    assert_eq!(kinds(&c), [DiffKind::UnitsDiffer, DiffKind::CountDiffers]);
    assert!(c.differences[0]
        .message()
        .contains("単位数が違います（予定 250、実績 200）"));
    assert!(c.differences[1]
        .message()
        .contains("回数が違います（予定 1回、実績 2回）"));
}

#[test]
fn zero_units_in_actuals_are_accepted_for_uncomputed_codes() {
    let actual = vec![l(A, 1, "111111", "0900", "1000").units("0")];
    let c = run(Some(&usage(&week()[..1])), None, Some(&usage(&actual))).unwrap();
    assert_eq!(c.status, Status::Match);
}

#[test]
fn pro_rata_services_compare_their_masks_not_their_dates() {
    let half = "1111111111111110000000000000000";
    let plan = vec![l(A, 1, "113111", "9999", "9999").mask(half)];
    let same = vec![l(A, 3, "113111", "9999", "9999").mask(half)];
    assert_eq!(
        run(Some(&usage(&plan)), None, Some(&usage(&same)))
            .unwrap()
            .status,
        Status::Match
    );
    let shorter = vec![l(A, 1, "113111", "9999", "9999").mask("1111111111")];
    let c = run(Some(&usage(&plan)), None, Some(&usage(&shorter))).unwrap();
    assert_eq!(kinds(&c), [DiffKind::ProRataDiffers]);
    assert!(
        c.differences[0]
            .message()
            .contains("予定 1〜15日、実績 1〜10日"),
        "{}",
        c.differences[0].message()
    );
}

#[test]
fn an_untimed_service_on_another_date_is_a_date_difference() {
    let plan = vec![l(A, 1, "116275", "9999", "9999")];
    let actual = vec![l(A, 30, "116275", "9999", "9999")];
    let c = run(Some(&usage(&plan)), None, Some(&usage(&actual))).unwrap();
    assert_eq!(kinds(&c), [DiffKind::DateDiffers]);
    assert!(c.differences[0]
        .message()
        .contains("利用日が違います（予定 4月1日、実績 4月30日）"));
}

#[test]
fn detail_totals_are_checked_against_actual_totals() {
    let agreeing = detail(&[(A, HELPER, "111111", "1250"), (A, DAY, "151111", "999")]);
    let c = run(
        Some(&usage(&week())),
        Some(&agreeing),
        Some(&usage(&week())),
    )
    .unwrap();
    assert_eq!(c.status, Status::Match, "{:?}", c.differences);
    assert_eq!(c.unit_totals(), (1250, 1250, Some(1250)));
    let other = detail(&[(A, HELPER, "111111", "1500")]);
    let c = run(Some(&usage(&week())), Some(&other), Some(&usage(&week()))).unwrap();
    assert_eq!(kinds(&c), [DiffKind::DetailTotalDiffers]);
    assert_eq!(
        c.differences[0].message(),
        "111111：第7表の単位数（1,500）と実績の合計（1,250）が違います。"
    );
}

#[test]
fn rows_of_another_month_are_listed_not_compared() {
    let mut actual = week();
    actual.push(
        l(A, 1, "111111", "0900", "1000")
            .set(4, "202505")
            .set(9, "20250501"),
    );
    let c = run(Some(&usage(&week())), None, Some(&usage(&actual))).unwrap();
    assert_eq!(kinds(&c), [DiffKind::OtherMonth]);
    assert!(
        c.differences[0]
            .message()
            .contains("実績ファイル 6行目：対象年月 202505"),
        "{}",
        c.differences[0].message()
    );
    assert_eq!(c.status, Status::Differences);
}

#[test]
fn actual_rows_of_another_office_are_listed_and_plan_rows_of_other_offices_ignored() {
    let mut plan = week();
    plan.push(l(A, 1, "151111", "1300", "1600").provider(DAY));
    let mut actual = week();
    actual.push(l(A, 2, "111111", "1300", "1400").provider("9999999990"));
    let c = run(Some(&usage(&plan)), None, Some(&usage(&actual))).unwrap();
    assert_eq!(kinds(&c), [DiffKind::OtherProvider]);
    assert_eq!(
        c.planned.len(),
        5,
        "the デイ line belongs to the other partner"
    );
}

#[test]
fn an_unreadable_row_is_reported() {
    let mut actual = week();
    actual.push(l(A, 7, "111111", "0900", "1000").count("x"));
    let c = run(Some(&usage(&week())), None, Some(&usage(&actual))).unwrap();
    assert_eq!(kinds(&c), [DiffKind::Unreadable]);
    assert!(c.differences[0]
        .message()
        .contains("サービス回数を読み取れません"));
}

#[test]
fn plan_without_actuals_is_missing_and_actuals_without_plan_are_unplanned() {
    let missing = run(Some(&usage(&week())), None, None).unwrap();
    assert_eq!(missing.status, Status::ActualsMissing);
    assert!(missing.differences.is_empty());
    let unplanned = run(None, None, Some(&usage(&week()[..2]))).unwrap();
    assert_eq!(unplanned.status, Status::NotPlanned);
    assert_eq!(
        kinds(&unplanned),
        [DiffKind::NotPlanned, DiffKind::NotPlanned]
    );
    assert!(run(None, None, None).is_none());
}

#[test]
fn each_partner_gets_only_its_own_lines() {
    let mut lines = week();
    lines.push(l(A, 1, "151111", "1300", "1600").provider(DAY));
    lines.push(l("0000000002", 1, "151111", "1300", "1600").provider(DAY));
    let file = usage(&lines);
    let helper = usage(&week());
    let day = usage(&[l("0000000002", 1, "151111", "1300", "1600").provider(DAY)]);
    let cases = [
        Case {
            partner: 0,
            person: person(A),
            plan: Some(&file),
            detail: None,
            actual: Some(&helper),
        },
        Case {
            partner: 1,
            person: person(A),
            plan: Some(&file),
            detail: None,
            actual: None,
        },
        Case {
            partner: 1,
            person: person("0000000002"),
            plan: Some(&file),
            detail: None,
            actual: Some(&day),
        },
    ];
    let report = reconcile(MONTH, &partners(), &cases);
    let statuses: Vec<(usize, Status)> = report
        .comparisons
        .iter()
        .map(|c| (c.partner, c.status))
        .collect();
    assert_eq!(
        statuses,
        [
            (0, Status::Match),
            (1, Status::ActualsMissing),
            (1, Status::Match)
        ]
    );
    let day = &report.comparisons[1];
    assert_eq!(day.totals.len(), 1);
    assert_eq!(day.totals[0].code.as_str(), "151111");
}

#[test]
fn totals_are_kept_per_service_code() {
    let mut plan = week();
    plan.push(l(A, 1, "112211", "1400", "1500").units("400"));
    let c = run(Some(&usage(&plan)), None, Some(&usage(&week()))).unwrap();
    let codes: Vec<(&str, i64, i64)> = c
        .totals
        .iter()
        .map(|t| (t.code.as_str(), t.planned_units, t.actual_units))
        .collect();
    assert_eq!(codes, [("111111", 1250, 1250), ("112211", 400, 0)]);
    assert_eq!(c.unit_totals(), (1650, 1250, None));
}
