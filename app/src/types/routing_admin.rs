//! 利用者台帳, its CSV import, 送信元ルール, 不在と代理 and open work: the manager pages' data.

use super::StaffRef;
use serde::{Deserialize, Serialize};

/// One row of the 利用者台帳.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    /// 保険者番号.
    pub insurer: String,
    /// 被保険者番号.
    pub insured: String,
    /// 氏名.
    pub name: String,
    /// フリガナ.
    pub kana: String,
    /// 生年月日 YYYYMMDD or empty.
    pub birth_date: String,
    /// 担当.
    pub assignee: Option<StaffRef>,
    /// Last change (Unix ms).
    pub updated_at_ms: i64,
    /// Who changed it last.
    pub updated_by: Option<String>,
    /// Version the edit form carries.
    pub version: i64,
}

/// Filters of the roster list (query-string values).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterFilter {
    /// 氏名・フリガナ・被保険者番号 (part).
    pub q: String,
    /// 担当: empty (all), `none` (未割当) or a user id.
    pub assignee: String,
    /// Page, from 1.
    pub page: i64,
}

/// A page of the roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterPage {
    /// Rows, by フリガナ.
    pub rows: Vec<RosterEntry>,
    /// Rows matching the filter.
    pub total: i64,
    /// Rows per page.
    pub per_page: i64,
    /// Active staff (filter and edit choices).
    pub staff: Vec<StaffRef>,
    /// The caller may edit (manager or admin).
    pub can_edit: bool,
}

/// One line of an import preview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportLine {
    /// Line in the file (1 = header).
    pub line: u64,
    /// 保険者番号.
    pub insurer: String,
    /// 被保険者番号.
    pub insured: String,
    /// 氏名.
    pub name: String,
    /// 担当 (name), or empty.
    pub assignee: String,
    /// 新規 or 更新.
    pub change: String,
}

/// A roster CSV checked and waiting for confirmation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// Staging id.
    pub id: String,
    /// The uploaded file's name.
    pub file_name: String,
    /// Lines that will be applied.
    pub lines: Vec<ImportLine>,
    /// Errors (「3行目：被保険者番号は…」); any error blocks the whole import.
    pub errors: Vec<String>,
    /// Already applied.
    pub applied: bool,
}

/// A 送信元ルール.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingRuleView {
    /// Partner office id (form value).
    pub partner_id: String,
    /// 「ひまわり訪問介護（事業所番号 1372345678）」.
    pub partner_label: String,
    /// Who gets its items.
    pub assignee: StaffRef,
}

/// Rules with the choices of the rule form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesView {
    /// Current rules.
    pub rules: Vec<RoutingRuleView>,
    /// Partner offices that have sent to this office (id, label).
    pub partners: Vec<(String, String)>,
    /// Active staff.
    pub staff: Vec<StaffRef>,
}

/// One absence (不在と代理).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsenceView {
    /// Id.
    pub id: String,
    /// Who is away.
    pub absent: StaffRef,
    /// Who covers.
    pub cover: StaffRef,
    /// First day (YYYY-MM-DD, JST).
    pub from: String,
    /// Last day (YYYY-MM-DD, JST).
    pub to: String,
    /// Now within the period.
    pub current: bool,
}

/// Absences with the form choices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsencesView {
    /// Current and future absences.
    pub absences: Vec<AbsenceView>,
    /// Active staff.
    pub staff: Vec<StaffRef>,
}

/// Work a staff member holds (shown before disabling them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenWork {
    /// Roster persons in their charge.
    pub persons: i64,
    /// Items not yet 完了 with their persons.
    pub items: i64,
    /// Who could take over (active staff except them).
    pub successors: Vec<StaffRef>,
}
