//! What the 予実突合 pages show: statuses, rows per person × partner, the day-by-day view, the
//! monthly-cycle board, the discrepancy list and the reminder setting.

use serde::{Deserialize, Serialize};

/// 突合の状態.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ReconcileStatus {
    /// 差異あり.
    Differences,
    /// 予定なし: 実績 without a 予定.
    NotPlanned,
    /// 実績未着.
    ActualsMissing,
    /// 一致.
    Match,
}

impl ReconcileStatus {
    /// Every status, most urgent first.
    pub const ALL: [Self; 4] = [
        Self::Differences,
        Self::NotPlanned,
        Self::ActualsMissing,
        Self::Match,
    ];

    /// The word users read.
    pub fn label(self) -> &'static str {
        match self {
            Self::Match => "一致",
            Self::Differences => "差異あり",
            Self::ActualsMissing => "実績未着",
            Self::NotPlanned => "予定なし",
        }
    }

    /// Stable code (query strings, `data-status`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Match => "match",
            Self::Differences => "differences",
            Self::ActualsMissing => "missing",
            Self::NotPlanned => "unplanned",
        }
    }

    /// The status for a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// How many person × partner rows have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    /// 一致.
    pub matched: usize,
    /// 差異あり.
    pub differences: usize,
    /// 実績未着.
    pub missing: usize,
    /// 予定なし.
    pub unplanned: usize,
}

impl StatusCounts {
    /// Adds one row.
    pub fn add(&mut self, status: ReconcileStatus) {
        match status {
            ReconcileStatus::Match => self.matched += 1,
            ReconcileStatus::Differences => self.differences += 1,
            ReconcileStatus::ActualsMissing => self.missing += 1,
            ReconcileStatus::NotPlanned => self.unplanned += 1,
        }
    }

    /// The count of one status.
    pub fn of(&self, status: ReconcileStatus) -> usize {
        match status {
            ReconcileStatus::Match => self.matched,
            ReconcileStatus::Differences => self.differences,
            ReconcileStatus::ActualsMissing => self.missing,
            ReconcileStatus::NotPlanned => self.unplanned,
        }
    }

    /// All rows.
    pub fn total(&self) -> usize {
        self.matched + self.differences + self.missing + self.unplanned
    }
}

/// Filters of the month page (query string).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileQuery {
    /// 対象年月 as typed; empty = the previous month.
    pub month: String,
    /// Partner office id; empty = all.
    pub partner: String,
    /// Status code; empty = all.
    pub status: String,
    /// 1-based page.
    pub page: usize,
}

/// A partner office as the pages name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRef {
    /// Office id.
    pub id: String,
    /// 「ひまわり訪問介護（事業所番号 1372345678）」.
    pub label: String,
    /// 事業所番号.
    pub number: String,
}

/// 利用者 on the reconciliation pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcilePersonRef {
    /// 保険者番号.
    pub insurer: String,
    /// 被保険者番号.
    pub insured: String,
    /// 氏名 (from the 利用者補足), if known.
    pub name: Option<String>,
    /// フリガナ.
    pub kana: Option<String>,
}

impl ReconcilePersonRef {
    /// 「山田 太郎（ヤマダ タロウ）」, or the insured number when no name came.
    pub fn label(&self) -> String {
        match (&self.name, &self.kana) {
            (Some(n), Some(k)) => format!("{n}（{k}）"),
            (Some(n), None) => n.clone(),
            _ => format!("被保険者番号 {}", self.insured),
        }
    }

    /// Path of the day-by-day view for `month`.
    pub fn href(&self, month: &str) -> String {
        format!(
            "/reconcile/persons/{}/{}?month={month}",
            self.insurer, self.insured
        )
    }
}

/// One person with one partner for the month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileRow {
    /// The partner.
    pub partner: PartnerRef,
    /// The person.
    pub person: ReconcilePersonRef,
    /// 状態.
    pub status: ReconcileStatus,
    /// The differences, one Japanese sentence each.
    pub differences: Vec<String>,
    /// 担当: who sent the 予定.
    pub in_charge: Option<String>,
    /// 予定 / 実績 / 第7表 units.
    pub units: (i64, i64, Option<i64>),
    /// Things to know that are not differences (warnings of the files).
    pub notes: Vec<String>,
}

/// The month page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileMonth {
    /// 対象年月, YYYYMM.
    pub month: String,
    /// Counts over every row (before the status filter).
    pub counts: StatusCounts,
    /// Partners of the month, for the filter.
    pub partners: Vec<PartnerRef>,
    /// This page's rows.
    pub rows: Vec<ReconcileRow>,
    /// Rows matching the filters.
    pub matching: usize,
    /// This page (1-based) and the number of pages.
    pub page: usize,
    /// Pages.
    pub pages: usize,
}

/// One date of the day-by-day view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileDay {
    /// 「4月8日（火）」.
    pub label: String,
    /// Planned services, one line each.
    pub planned: Vec<String>,
    /// Delivered services.
    pub actual: Vec<String>,
    /// Differences that day.
    pub differences: Vec<String>,
}

/// Per service code totals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileTotal {
    /// サービスコード.
    pub code: String,
    /// 予定 units and count.
    pub planned: (i64, u32),
    /// 実績 units and count.
    pub actual: (i64, u32),
    /// 第7表 units.
    pub detail: Option<i64>,
}

/// One partner in the day-by-day view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcilePersonPartner {
    /// The partner.
    pub partner: PartnerRef,
    /// 状態.
    pub status: ReconcileStatus,
    /// 担当.
    pub in_charge: Option<String>,
    /// The 予定's delivery (id, sent at).
    pub plan: Option<(String, i64)>,
    /// The 実績's delivery (id, received at).
    pub actual: Option<(String, i64)>,
    /// Dates with anything planned or delivered.
    pub days: Vec<ReconcileDay>,
    /// Differences that belong to no single date (日割, 第7表, rows not compared).
    pub other: Vec<String>,
    /// Per service code.
    pub totals: Vec<ReconcileTotal>,
    /// Notes (file warnings).
    pub notes: Vec<String>,
}

/// The day-by-day view of one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcilePerson {
    /// 対象年月.
    pub month: String,
    /// The person.
    pub person: ReconcilePersonRef,
    /// One section per partner.
    pub partners: Vec<ReconcilePersonPartner>,
}

/// One partner on the monthly-cycle board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardRow {
    /// The partner.
    pub partner: PartnerRef,
    /// Persons with a live 予定, and when the latest was sent.
    pub planned: (usize, Option<i64>),
    /// Persons with a live 実績, and when the latest arrived.
    pub received: (usize, Option<i64>),
    /// Rows per status.
    pub counts: StatusCounts,
    /// The partner's overall state.
    pub status: ReconcileStatus,
    /// 担当: who sent the 予定s.
    pub in_charge: Vec<String>,
}

/// The monthly-cycle board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileBoard {
    /// 対象年月.
    pub month: String,
    /// One row per partner.
    pub rows: Vec<BoardRow>,
}

/// One line of the discrepancy list (print view, CSV).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscrepancyRow {
    /// The partner.
    pub partner: PartnerRef,
    /// The person.
    pub person: ReconcilePersonRef,
    /// 状態.
    pub status: ReconcileStatus,
    /// 種類 of the difference (empty for 実績未着).
    pub kind: String,
    /// 「4月8日」, or empty.
    pub date: String,
    /// サービスコード, or empty.
    pub code: String,
    /// The sentence.
    pub message: String,
    /// 担当.
    pub in_charge: String,
}

/// Every difference of the month (persons not 一致), for print and CSV.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscrepancyList {
    /// 対象年月.
    pub month: String,
    /// The rows, by partner then person.
    pub rows: Vec<DiscrepancyRow>,
    /// Counts of the month (all partners or the filtered one).
    pub counts: StatusCounts,
    /// The partner filter's label, if any.
    pub partner: Option<String>,
    /// When it was made (Unix ms).
    pub made_at: i64,
}

/// The office's reminder setting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileSettings {
    /// Day of the month (1–28) the reminder goes out; `None` = off.
    pub reminder_day: Option<u8>,
    /// Whether the caller may change it.
    pub can_edit: bool,
}

/// Reads a 対象年月 as staff type it: 「202504」「2025-04」「2025年4月」, 全角 too.
pub fn parse_month(input: &str) -> Option<String> {
    let folded: String = input
        .trim()
        .chars()
        .map(super::normalize::fold_full_width)
        .collect();
    let parts: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let (year, month) = match parts.as_slice() {
        [both] if both.len() == 6 => (both.get(..4)?, both.get(4..)?),
        [y, m] if y.len() == 4 && (1..=2).contains(&m.len()) => (*y, *m),
        _ => return None,
    };
    let year: u16 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    ((2000..=2099).contains(&year) && (1..=12).contains(&month))
        .then(|| format!("{year:04}{month:02}"))
}

/// The month before or after `yyyymm` (`delta` = -1 or 1).
pub fn shift_month(yyyymm: &str, delta: i32) -> String {
    let (Some(y), Some(m)) = (
        yyyymm.get(..4).and_then(|y| y.parse::<i32>().ok()),
        yyyymm.get(4..6).and_then(|m| m.parse::<i32>().ok()),
    ) else {
        return yyyymm.to_string();
    };
    let index = y * 12 + (m - 1) + delta;
    format!("{:04}{:02}", index / 12, index % 12 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_as_staff_type_them() {
        assert_eq!(parse_month("202504").as_deref(), Some("202504"));
        assert_eq!(parse_month("２０２５年４月").as_deref(), Some("202504"));
        assert_eq!(parse_month("2025-4").as_deref(), Some("202504"));
        assert_eq!(parse_month("202513"), None);
        assert_eq!(parse_month("4月"), None);
    }

    #[test]
    fn months_shift_across_years() {
        assert_eq!(shift_month("202501", -1), "202412");
        assert_eq!(shift_month("202512", 1), "202601");
    }
}
