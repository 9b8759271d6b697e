//! 担当の振り分け (routing of received items), 利用者台帳, 対応状況 and notes: what the pages show.

use super::{DeliveryId, UserId};
use serde::{Deserialize, Serialize};

/// 対応状況 of an item for its assignee: 未読 → 対応中 → 取込済 → 完了.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    /// 未読.
    Unread,
    /// 対応中.
    InProgress,
    /// 取込済 (imported into the care software).
    Imported,
    /// 完了.
    Done,
}

impl WorkStatus {
    /// In the order work goes.
    pub const ALL: [WorkStatus; 4] = [
        WorkStatus::Unread,
        WorkStatus::InProgress,
        WorkStatus::Imported,
        WorkStatus::Done,
    ];
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Unread => "unread",
            Self::InProgress => "in_progress",
            Self::Imported => "imported",
            Self::Done => "done",
        }
    }
    /// Parses a stored or posted code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
    /// Japanese label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unread => "未読",
            Self::InProgress => "対応中",
            Self::Imported => "取込済",
            Self::Done => "完了",
        }
    }
    /// True until 完了.
    pub fn is_open(self) -> bool {
        self != Self::Done
    }
}

/// Why an item (person) went to whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteReason {
    /// The roster names the person's 担当.
    Roster,
    /// A partner rule (送信元ルール) names a staff member.
    Rule,
    /// No one: the office's 未割当 queue.
    Unassigned,
    /// A manager assigned it.
    Manual,
    /// The 担当 is away; their cover has it.
    Cover,
    /// A staff member took it from 未割当.
    Taken,
    /// Handed over when the previous 担当 was disabled.
    Handover,
}

impl RouteReason {
    const ALL: [RouteReason; 7] = [
        Self::Roster,
        Self::Rule,
        Self::Unassigned,
        Self::Manual,
        Self::Cover,
        Self::Taken,
        Self::Handover,
    ];
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Roster => "roster",
            Self::Rule => "rule",
            Self::Unassigned => "unassigned",
            Self::Manual => "manual",
            Self::Cover => "cover",
            Self::Taken => "taken",
            Self::Handover => "handover",
        }
    }
    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
    /// The reason as the item page shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Roster => "担当者台帳により",
            Self::Rule => "送信元ルールにより",
            Self::Unassigned => "未割当",
            Self::Manual => "管理者の割り当てにより",
            Self::Cover => "不在時の代理により",
            Self::Taken => "自分で担当",
            Self::Handover => "利用停止に伴う引き継ぎにより",
        }
    }
}

/// A staff member as a choice or a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRef {
    /// Account.
    pub id: UserId,
    /// 氏名.
    pub name: String,
}

/// One person (or the whole item, when it carries no persons) of a received item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRoute {
    /// 保険者番号 (empty for an item without persons).
    pub insurer: String,
    /// 被保険者番号 (empty for an item without persons).
    pub insured: String,
    /// 氏名 where known.
    pub person_name: String,
    /// 担当, or none (未割当).
    pub assignee: Option<StaffRef>,
    /// Why.
    pub reason: RouteReason,
    /// 対応状況.
    pub status: WorkStatus,
    /// True when the caller is the assignee.
    pub mine: bool,
}

impl ItemRoute {
    /// 「山田 太郎（被保険者番号 0000012345）」, or 「ファイル全体」 for an item without persons.
    pub fn person_label(&self) -> String {
        if self.insured.is_empty() {
            return "ファイル全体（利用者の記載なし）".into();
        }
        if self.person_name.is_empty() {
            format!("被保険者番号 {}", self.insured)
        } else {
            format!("{}（被保険者番号 {}）", self.person_name, self.insured)
        }
    }
    /// The person key as a form value `insurer:insured` (`:` for the whole item).
    pub fn key(&self) -> String {
        format!("{}:{}", self.insurer, self.insured)
    }
}

/// One line of the item's history (routing, assignment, status) or an internal note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkEvent {
    /// When.
    pub at_ms: i64,
    /// Who (none for the portal's own routing).
    pub user: Option<String>,
    /// What happened, in Japanese.
    pub detail: String,
    /// The note's text, for a note.
    pub note: Option<String>,
}

/// Routing, status, history and notes of a received item (receiving office only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRouting {
    /// The item.
    pub delivery: DeliveryId,
    /// One per person.
    pub routes: Vec<ItemRoute>,
    /// Version of the routing, carried by forms (a stale form is refused).
    pub version: i64,
    /// History and notes, oldest first.
    pub events: Vec<WorkEvent>,
    /// The caller may assign others (manager or admin).
    pub can_assign: bool,
    /// Who may be chosen as 担当 (active staff of the office).
    pub staff: Vec<StaffRef>,
}

impl ItemRouting {
    /// The caller's own status on the item, if any person is theirs.
    pub fn my_status(&self) -> Option<WorkStatus> {
        self.routes.iter().find(|r| r.mine).map(|r| r.status)
    }
    /// True when some person has no 担当.
    pub fn has_unassigned(&self) -> bool {
        self.routes.iter().any(|r| r.assignee.is_none())
    }
}

/// What an inbox row shows about routing (filled by one query for the whole page).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingBrief {
    /// 担当 names, distinct.
    pub assignees: Vec<String>,
    /// Persons without a 担当.
    pub unassigned: i64,
    /// The caller's persons in the item (labels), for highlighting.
    pub my_persons: Vec<String>,
    /// The caller's status on the item.
    pub my_status: Option<WorkStatus>,
    /// Routing version (bulk assignment forms carry it).
    pub version: i64,
}

/// The navigation counts stop here (「100件以上」).
pub const NAV_COUNT_CAP: i64 = 100;

/// Counts in the navigation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavCounts {
    /// Items with the caller's persons still 未読.
    pub mine_unread: i64,
    /// Items with persons in 未割当 (shown to managers).
    pub unassigned: i64,
}

/// 通知の設定.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotifyMode {
    /// Each time (すぐに).
    Immediate,
    /// Once a day (1日1回まとめて).
    Digest,
    /// Never.
    Off,
}

impl NotifyMode {
    /// Every mode, in the order the form lists them.
    pub const ALL: [NotifyMode; 3] = [Self::Immediate, Self::Digest, Self::Off];
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Immediate => "immediate",
            Self::Digest => "digest",
            Self::Off => "off",
        }
    }
    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }
    /// Japanese label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Immediate => "届くたびに受け取る",
            Self::Digest => "1日1回まとめて受け取る（毎朝8時）",
            Self::Off => "受け取らない",
        }
    }
}
