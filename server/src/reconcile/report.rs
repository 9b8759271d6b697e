//! What the engine finds: a status per person × office and a list of differences, each with
//! a Japanese sentence a care manager can act on.

use super::keys::{day_label, mask_label, Code, PersonKey, Provider};
use super::lines::UsageLine;

/// 突合の状態 of one person with one office for one month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// 一致: 予定 and 実績 agree.
    Match,
    /// 差異あり: at least one difference.
    Differences,
    /// 実績未着: 予定 sent, no 実績 received (yet).
    ActualsMissing,
    /// 予定なし: 実績 received for services we did not plan with this office.
    NotPlanned,
}

impl Status {
    /// The word users read.
    pub fn label(self) -> &'static str {
        match self {
            Self::Match => "一致",
            Self::Differences => "差異あり",
            Self::ActualsMissing => "実績未着",
            Self::NotPlanned => "予定なし",
        }
    }

    /// Stable code (query strings, CSS `data-status`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Match => "match",
            Self::Differences => "differences",
            Self::ActualsMissing => "missing",
            Self::NotPlanned => "unplanned",
        }
    }

    /// The status for a stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::Match,
            Self::Differences,
            Self::ActualsMissing,
            Self::NotPlanned,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// Which kind of difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiffKind {
    /// 予定あり・実績なし: planned, not delivered.
    NotDelivered,
    /// 実績あり・予定なし: delivered, not planned.
    NotPlanned,
    /// Same service and date, different time band.
    TimeDiffers,
    /// Same date and time band, different サービスコード.
    CodeDiffers,
    /// An untimed service on a different date (monthly add-ons, 福祉用具貸与).
    DateDiffers,
    /// Same service line, different 単位数.
    UnitsDiffer,
    /// Same service line, different サービス回数.
    CountDiffers,
    /// A 日割 service with different 日割対象日 (入退院, partial months).
    ProRataDiffers,
    /// 第7表 units of a service code differ from the 実績 total.
    DetailTotalDiffers,
    /// A row of another 対象年月 (or a service date outside the month).
    OtherMonth,
    /// A 実績 row naming another office or service type than the sender.
    OtherProvider,
    /// A row whose values could not be read.
    Unreadable,
}

impl DiffKind {
    /// Short label (CSV column 「種類」, filters).
    pub fn label(self) -> &'static str {
        match self {
            Self::NotDelivered => "予定のみ（実績なし）",
            Self::NotPlanned => "実績のみ（予定なし）",
            Self::TimeDiffers => "時間が違う",
            Self::CodeDiffers => "サービスコードが違う",
            Self::DateDiffers => "利用日が違う",
            Self::UnitsDiffer => "単位数が違う",
            Self::CountDiffers => "回数が違う",
            Self::ProRataDiffers => "日割対象日が違う",
            Self::DetailTotalDiffers => "第7表と実績の合計が違う",
            Self::OtherMonth => "対象年月が違う行",
            Self::OtherProvider => "ほかの事業所・種類の行",
            Self::Unreadable => "読み取れない行",
        }
    }
}

/// Which file a row came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// 予定 (第6表 UPPLAN).
    Plan,
    /// 実績 (UPJSK).
    Actual,
    /// 第7表 (UPSIKYU).
    Detail,
}

impl Side {
    /// 「予定」「実績」「第7表」.
    pub fn label(self) -> &'static str {
        match self {
            Self::Plan => "予定",
            Self::Actual => "実績",
            Self::Detail => "第7表",
        }
    }
}

/// One difference between 予定 and 実績 (or a row that could not be compared).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// What differs.
    pub kind: DiffKind,
    /// The planned line, where there is one.
    pub planned: Option<UsageLine>,
    /// The delivered line, where there is one.
    pub actual: Option<UsageLine>,
    /// For [`DiffKind::DetailTotalDiffers`]: (code, 第7表 units, 実績 units).
    pub totals: Option<(Code, i64, i64)>,
    /// For rows that were not compared: side, line and reason.
    pub row: Option<(Side, u64, String)>,
}

impl Difference {
    pub(super) fn pair(
        kind: DiffKind,
        planned: Option<UsageLine>,
        actual: Option<UsageLine>,
    ) -> Self {
        Self {
            kind,
            planned,
            actual,
            totals: None,
            row: None,
        }
    }

    /// The date the difference is about (YYYYMMDD), for the day-by-day view; `None` for
    /// monthly services, totals and rows that were not compared.
    pub fn date(&self) -> Option<u32> {
        if self.row.is_some() || self.totals.is_some() || self.kind == DiffKind::ProRataDiffers {
            return None;
        }
        self.planned.or(self.actual).map(|l| l.date)
    }

    /// The service code it is about.
    pub fn code(&self) -> Option<Code> {
        self.totals
            .map(|t| t.0)
            .or(self.planned.map(|l| l.code))
            .or(self.actual.map(|l| l.code))
    }

    /// A Japanese sentence: where, what, and both values.
    pub fn message(&self) -> String {
        let p = self.planned;
        let a = self.actual;
        let at = |l: &UsageLine| format!("{} {} {}", day_label(l.date), l.code, l.time);
        match (self.kind, p, a) {
            (DiffKind::NotDelivered, Some(p), _) => {
                format!("{}：予定がありますが、実績がありません。", at(&p))
            }
            (DiffKind::NotPlanned, _, Some(a)) => {
                format!("{}：実績がありますが、予定がありません。", at(&a))
            }
            (DiffKind::TimeDiffers, Some(p), Some(a)) => format!(
                "{} {}：時間が違います（予定 {}、実績 {}）。",
                day_label(p.date),
                p.code,
                p.time,
                a.time
            ),
            (DiffKind::CodeDiffers, Some(p), Some(a)) => format!(
                "{} {}：サービスコードが違います（予定 {}、実績 {}）。",
                day_label(p.date),
                p.time,
                p.code,
                a.code
            ),
            (DiffKind::DateDiffers, Some(p), Some(a)) => format!(
                "{}：利用日が違います（予定 {}、実績 {}）。",
                p.code,
                day_label(p.date),
                day_label(a.date)
            ),
            (DiffKind::UnitsDiffer, Some(p), Some(a)) => format!(
                "{}：単位数が違います（予定 {}、実績 {}）。",
                at(&a),
                p.units,
                a.units
            ),
            (DiffKind::CountDiffers, Some(p), Some(a)) => format!(
                "{}：回数が違います（予定 {}回、実績 {}回）。",
                at(&a),
                p.count,
                a.count
            ),
            (DiffKind::ProRataDiffers, Some(p), Some(a)) => format!(
                "{}（日割）：日割対象日が違います（予定 {}、実績 {}）。",
                p.code,
                mask_label(p.pro_rata.unwrap_or(0)),
                mask_label(a.pro_rata.unwrap_or(0))
            ),
            _ => self.other_message(),
        }
    }

    fn other_message(&self) -> String {
        if let Some((code, detail, actual)) = self.totals {
            return format!(
                "{code}：第7表の単位数（{}）と実績の合計（{}）が違います。",
                group(detail),
                group(actual)
            );
        }
        if let Some((side, line, reason)) = &self.row {
            return format!(
                "{}ファイル {line}行目：{reason}（突合に含めていません）。",
                side.label()
            );
        }
        self.kind.label().to_string()
    }
}

/// 「12,345」.
pub fn group(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let grouped = digits
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(",");
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Units and counts of one サービスコード for one person with one office.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServiceTotal {
    /// サービスコード.
    pub code: Code,
    /// 予定: Σ 単位数 × 回数, and Σ 回数.
    pub planned_units: i64,
    /// Planned count.
    pub planned_count: u32,
    /// 実績: Σ 単位数 × 回数, and Σ 回数.
    pub actual_units: i64,
    /// Delivered count.
    pub actual_count: u32,
    /// 第7表 units, when a 第7表 came with the 予定.
    pub detail_units: Option<i64>,
}

/// The result for one person with one office.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// 利用者.
    pub person: PersonKey,
    /// The office (index into [`MonthReport::partners`]).
    pub partner: usize,
    /// 状態.
    pub status: Status,
    /// Differences in date order, then totals and rows not compared.
    pub differences: Vec<Difference>,
    /// Per service code, sorted by code.
    pub totals: Vec<ServiceTotal>,
    /// The planned lines that were compared, sorted by date and time.
    pub planned: Vec<UsageLine>,
    /// The delivered lines that were compared, sorted by date and time.
    pub actual: Vec<UsageLine>,
    /// Whether a 第7表 came with the 予定.
    pub has_detail: bool,
}

impl Comparison {
    /// (予定, 実績, 第7表) units of the person with this office.
    pub fn unit_totals(&self) -> (i64, i64, Option<i64>) {
        let sum = |f: fn(&ServiceTotal) -> i64| self.totals.iter().map(f).sum::<i64>();
        let detail = self
            .has_detail
            .then(|| sum(|t| t.detail_units.unwrap_or(0)));
        (sum(|t| t.planned_units), sum(|t| t.actual_units), detail)
    }
}

/// A month reconciled for one office: one comparison per person × partner with anything to
/// compare, sorted by partner then person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthReport {
    /// 対象年月, YYYYMM.
    pub month: u32,
    /// The partners, as given.
    pub partners: Vec<Provider>,
    /// The comparisons.
    pub comparisons: Vec<Comparison>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(group(1234567), "1,234,567");
        assert_eq!(group(-1000), "-1,000");
        assert_eq!(group(12), "12");
    }

    #[test]
    fn statuses_round_trip_through_their_codes() {
        for s in [
            Status::Match,
            Status::Differences,
            Status::ActualsMissing,
            Status::NotPlanned,
        ] {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
    }
}
