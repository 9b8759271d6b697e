//! Rules that span columns or records (spec.md §2 one version/month per file, §6.2). Compares raw
//! bytes; values are decoded only to quote them in messages.

use super::field::same;
use super::sink::Sink;
use crate::spec_csv::csv_read::{Fields, LineAt};
use crate::spec_csv::decode::decode_valid;
use crate::spec_csv::file_kind::FileKind;
use crate::spec_csv::layouts::{Edition, Layout};
use crate::spec_csv::report::{show, Rule, Severity};
use crate::spec_csv::values::{is_valid_date_bytes, YearMonth};
use crate::spec_csv::{NameMonth, SpecFileName};
use std::collections::HashMap;

/// CSV versions of V1–V3, used for service months before 2025-04 (spec.md §2 table).
const OLD_VERSIONS: &[&[u8]] = &[b"201910", b"202003", b"202208"];
/// CSV versions of V4.0/V4.1, used from service month 2025-04.
const V4_VERSIONS: &[&[u8]] = &[b"202504", b"202407"];

/// Per-insured-person state: first line seen, and whether the rule was satisfied.
type PerPerson = HashMap<Vec<u8>, (u64, bool)>;

/// Accumulates what the cross-record rules need while records stream past.
pub(super) struct Cross<'a> {
    kind: FileKind,
    name: Option<&'a SpecFileName>,
    started: bool,
    /// The file-name month as written in records (`000000` for a plan-tied 補足).
    name_month: Option<String>,
    first_version: Option<Vec<u8>>,
    first_month: Option<Vec<u8>>,
    version_month_done: bool,
    grand_totals: PerPerson,
    related: PerPerson,
    last_total: Last,
    last_related: Last,
}

/// Current-layout index of the month column each kind must keep to one value.
fn month_column(kind: FileKind) -> Option<usize> {
    match kind {
        FileKind::Supplement => Some(62),
        FileKind::UsagePlan | FileKind::Actuals | FileKind::UsageDetail => Some(4),
        FileKind::UsagePlanDelete | FileKind::ActualsDelete => Some(3),
        _ => None,
    }
}

/// Raw bytes of current-layout column `full` with its 1-based physical column.
fn get<'f>(layout: &Layout, record: &'f Fields<'_>, full: usize) -> (usize, &'f [u8]) {
    match layout.to_physical(full) {
        Some(col) => (col + 1, record.bytes(col)),
        None => (full + 1, b""),
    }
}

/// A value for a message: decoded (it was checked to be MS932) and shortened.
fn shown(bytes: &[u8]) -> String {
    show(&decode_valid(bytes))
}

impl<'a> Cross<'a> {
    pub(super) fn new(kind: FileKind, name: Option<&'a SpecFileName>) -> Self {
        Self {
            kind,
            name,
            started: false,
            name_month: name.and_then(|n| match n.month {
                NameMonth::Month(m) => Some(m.to_string()),
                NameMonth::PlanTied => Some("000000".to_owned()),
                NameMonth::Absent => None,
            }),
            first_version: None,
            first_month: None,
            version_month_done: false,
            grand_totals: HashMap::new(),
            related: HashMap::new(),
            last_total: Last::default(),
            last_related: Last::default(),
        }
    }

    pub(super) fn started(&self) -> bool {
        self.started
    }

    pub(super) fn mark_started(&mut self) {
        self.started = true;
    }

    pub(super) fn observe(
        &mut self,
        at: LineAt<'_>,
        layout: &Layout,
        record: &Fields<'_>,
        sink: &mut Sink,
    ) {
        let field = |i: usize| layout.fields().get(i).map(|f| f.name);
        let version = record.bytes(0);
        match &self.first_version {
            None => self.first_version = Some(version.to_vec()),
            Some(first) if !same(first, version) && !version.is_empty() => {
                let message = format!(
                    "1つのファイルに異なるCSVバージョン（{}と{}）が混在しています。",
                    shown(first),
                    shown(version)
                );
                sink.at(
                    at.get(),
                    Some(1),
                    field(0),
                    Severity::Error,
                    Rule::MixedVersions,
                    message,
                );
            }
            Some(_) => {}
        }
        if let Some(month_full) = month_column(self.kind) {
            let (col, month) = get(layout, record, month_full);
            self.check_month(at, col, field(month_full), month, sink);
            if self.kind == FileKind::Supplement {
                let (plan_col, plan_date) = get(layout, record, 3);
                self.check_supplement(at, plan_col, field(3), plan_date, sink);
            } else if !self.version_month_done {
                self.version_month_done = true;
                check_version_month(at, version, month, sink);
            }
        }
        match self.kind {
            FileKind::UsagePlan | FileKind::Actuals => self.observe_usage(at, layout, record, sink),
            FileKind::UsageDetail => self.observe_detail(at, layout, record, sink),
            _ => {}
        }
    }

    fn check_month(
        &mut self,
        at: LineAt<'_>,
        col: usize,
        field: Option<&'static str>,
        month: &[u8],
        sink: &mut Sink,
    ) {
        if month.is_empty() {
            return;
        }
        if let Some(expected) = &self.name_month {
            if !same(month, expected.as_bytes()) {
                let rule = if self.kind == FileKind::Supplement {
                    Rule::SupplementLink
                } else {
                    Rule::MonthMismatch
                };
                let message = format!(
                    "年月（{}）がファイル名の年月（{expected}）と一致しません。",
                    shown(month)
                );
                sink.at(at.get(), Some(col), field, Severity::Error, rule, message);
            }
            return;
        }
        match &self.first_month {
            None => self.first_month = Some(month.to_vec()),
            Some(first) if !same(first, month) => {
                let message = format!(
                    "1つのファイルに複数の対象年月（{}と{}）があります。",
                    shown(first),
                    shown(month)
                );
                sink.at(
                    at.get(),
                    Some(col),
                    field,
                    Severity::Error,
                    Rule::MonthMismatch,
                    message,
                );
            }
            Some(_) => {}
        }
    }

    /// spec.md §6.2: name month `000000` ⇔ No.63 = `000000` and No.4 a real date; otherwise
    /// No.4 = `00000000`.
    fn check_supplement(
        &self,
        at: LineAt<'_>,
        col: usize,
        field: Option<&'static str>,
        plan_date: &[u8],
        sink: &mut Sink,
    ) {
        let message = match self.name.map(|n| n.month) {
            Some(NameMonth::PlanTied) if plan_date == b"00000000" => {
                "第1〜3表に付ける利用者補足情報では、居宅サービス計画作成（変更）日を入力してください。"
            }
            Some(NameMonth::Month(_)) if plan_date != b"00000000" && !plan_date.is_empty() => {
                "第6・7表に付ける利用者補足情報では、居宅サービス計画作成（変更）日を00000000にしてください。"
            }
            _ => return,
        };
        sink.at(
            at.get(),
            Some(col),
            field,
            Severity::Error,
            Rule::SupplementLink,
            message.to_owned(),
        );
    }

    fn observe_usage(
        &mut self,
        at: LineAt<'_>,
        layout: &Layout,
        record: &Fields<'_>,
        sink: &mut Sink,
    ) {
        let (_, month) = get(layout, record, 4);
        let (date_col, date) = get(layout, record, 9);
        if is_valid_date_bytes(date) && month.len() == 6 && !date.starts_with(month) {
            let message = format!(
                "サービス利用日（{}）が対象年月（{}）の日付ではありません。",
                shown(date),
                shown(month)
            );
            sink.at(
                at.get(),
                Some(date_col),
                Some("サービス利用日"),
                Severity::Error,
                Rule::DateOutsideMonth,
                message,
            );
        }
        let (_, code) = get(layout, record, 14);
        let (tais_col, tais) = get(layout, record, 15);
        let (_, notified) = get(layout, record, 16);
        let equipment = code.starts_with(b"17") || code.starts_with(b"67");
        if layout.edition == Edition::Current && equipment && tais.is_empty() && notified.is_empty()
        {
            let message = "福祉用具貸与（17・67）の行には、TAISコードか福祉用具届出コードのどちらかが必要です。".to_owned();
            sink.at(
                at.get(),
                Some(tais_col),
                Some("TAISコード"),
                Severity::Error,
                Rule::TaisMissing,
                message,
            );
        }
        let Some(name) = self.name else { return };
        // 予定 goes to the provider; 実績 comes from it (spec.md §1.1).
        let office = if self.kind == FileKind::UsagePlan {
            &name.destination.office
        } else {
            &name.sender.office
        };
        let (_, provider) = get(layout, record, 19);
        let (_, insured) = get(layout, record, 2);
        let related = same(provider, office.as_str().as_bytes());
        note(
            &mut self.related,
            &mut self.last_related,
            insured,
            at,
            related,
        );
    }

    fn observe_detail(
        &mut self,
        at: LineAt<'_>,
        layout: &Layout,
        record: &Fields<'_>,
        sink: &mut Sink,
    ) {
        let (_, insured) = get(layout, record, 2);
        let (_, code) = get(layout, record, 8);
        let is_total = same(code, b"999999");
        note(
            &mut self.grand_totals,
            &mut self.last_total,
            insured,
            at,
            is_total,
        );
        let (office_col, office) = get(layout, record, 6);
        if is_total && office != b"9999999999" {
            let message =
                "合計行（サービスコード999999）のサービス事業所コードは9999999999にしてください。"
                    .to_owned();
            sink.at(
                at.get(),
                Some(office_col),
                Some("サービス事業所コード"),
                Severity::Error,
                Rule::Totals,
                message,
            );
        }
    }

    pub(super) fn finish(self, sink: &mut Sink) {
        for (line, insured) in failing(self.grand_totals) {
            let message = format!(
                "被保険者番号{}の合計行（サービスコード999999）がありません。",
                shown(&insured)
            );
            sink.at(line, None, None, Severity::Error, Rule::Totals, message);
        }
        let side = if self.kind == FileKind::UsagePlan {
            "送信先"
        } else {
            "送信元"
        };
        for (line, insured) in failing(self.related) {
            let message = format!(
                "被保険者番号{}には{side}事業所の行がありません。関係のない利用者は送らない決まりです。",
                shown(&insured)
            );
            sink.at(
                line,
                None,
                None,
                Severity::Warning,
                Rule::Unrelated,
                message,
            );
        }
    }
}

/// Persons for whom the rule never held, by first line.
fn failing(map: PerPerson) -> Vec<(u64, Vec<u8>)> {
    let mut out: Vec<(u64, Vec<u8>)> = map
        .into_iter()
        .filter(|(_, (_, ok))| !ok)
        .map(|(k, (line, _))| (line, k))
        .collect();
    out.sort();
    out
}

/// The person of the previous row and whether the rule already held for them.
#[derive(Default)]
struct Last {
    insured: Vec<u8>,
    ok: bool,
}

fn note(map: &mut PerPerson, last: &mut Last, insured: &[u8], at: LineAt<'_>, ok: bool) {
    // Rows come grouped by person: when the previous row had the same person, the map only
    // needs an update if this row is the first to satisfy the rule.
    if same(insured, &last.insured) && (last.ok || !ok) {
        return;
    }
    last.insured.clear();
    last.insured.extend_from_slice(insured);
    let entry = map
        .entry(insured.to_vec())
        .or_insert_with(|| (at.get(), false));
    entry.1 |= ok;
    last.ok = entry.1;
}

/// spec.md §2/§6.2: 202407 (or 202504) from service month 2025-04, 202208 and earlier before.
fn check_version_month(at: LineAt<'_>, version: &[u8], month: &[u8], sink: &mut Sink) {
    let Some(month) = std::str::from_utf8(month)
        .ok()
        .and_then(|m| YearMonth::parse(m).ok())
    else {
        return;
    };
    let v4_month = YearMonth::new(2025, 4).is_some_and(|start| month >= start);
    let message = if v4_month && OLD_VERSIONS.contains(&version) {
        format!(
            "対象年月{month}のファイルはCSVバージョン202407で作成してください（{}）。",
            shown(version)
        )
    } else if !v4_month && V4_VERSIONS.contains(&version) {
        format!(
            "対象年月{month}のファイルはCSVバージョン202208で作成してください（{}）。",
            shown(version)
        )
    } else {
        return;
    };
    sink.at(
        at.get(),
        Some(1),
        Some("CSVバージョン"),
        Severity::Warning,
        Rule::VersionMonth,
        message,
    );
}
