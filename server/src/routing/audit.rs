//! Audit events of routing: one variant of `AuditEvent` holds these, so the shared audit enum
//! changes in one line.

use app::types::UserId;

/// A routing event for the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoutingAudit {
    /// Automatic routing of a received item (actor: none).
    Routed {
        delivery: String,
        persons: usize,
        unassigned: usize,
    },
    /// 割り当て by a manager (`to`: none = back to 未割当).
    Assigned {
        delivery: String,
        to: Option<UserId>,
        persons: usize,
    },
    /// 自分が担当する (a staff member took persons from 未割当).
    Taken { delivery: String, persons: usize },
    /// 対応状況の変更.
    StatusChanged { delivery: String, status: String },
    /// 内部メモの追加 (the text is not in the log).
    NoteAdded { delivery: String },
    /// 利用者台帳の編集.
    RosterEdited { insurer: String, insured: String },
    /// 利用者台帳の取り込み.
    RosterImported { rows: usize },
    /// 利用者台帳の書き出し.
    RosterExported { rows: usize },
    /// 送信元ルールの設定.
    RuleSet { partner: String, assignee: UserId },
    /// 送信元ルールの削除.
    RuleDeleted { partner: String },
    /// 不在と代理の登録.
    AbsenceSet { absent: UserId, cover: UserId },
    /// 不在と代理の取り消し.
    AbsenceCancelled { absent: UserId },
    /// 担当の一括移動 (absence or disabling).
    WorkMoved {
        from: UserId,
        to: UserId,
        persons: u64,
        items: usize,
    },
}

impl RoutingAudit {
    /// Stable action code.
    pub fn action(&self) -> &'static str {
        match self {
            Self::Routed { .. } => "item_routed",
            Self::Assigned { .. } => "item_assigned",
            Self::Taken { .. } => "item_taken",
            Self::StatusChanged { .. } => "item_status_changed",
            Self::NoteAdded { .. } => "item_note_added",
            Self::RosterEdited { .. } => "roster_edited",
            Self::RosterImported { .. } => "roster_imported",
            Self::RosterExported { .. } => "roster_exported",
            Self::RuleSet { .. } => "routing_rule_set",
            Self::RuleDeleted { .. } => "routing_rule_deleted",
            Self::AbsenceSet { .. } => "absence_set",
            Self::AbsenceCancelled { .. } => "absence_cancelled",
            Self::WorkMoved { .. } => "work_moved",
        }
    }

    /// The object acted on.
    pub fn object(&self) -> String {
        match self {
            Self::Routed { delivery, .. }
            | Self::Assigned { delivery, .. }
            | Self::Taken { delivery, .. }
            | Self::StatusChanged { delivery, .. }
            | Self::NoteAdded { delivery } => format!("delivery:{delivery}"),
            Self::RosterEdited { insurer, insured } => format!("client:{insurer}:{insured}"),
            Self::RosterImported { rows } | Self::RosterExported { rows } => {
                format!("rows:{rows}")
            }
            Self::RuleSet { partner, .. } | Self::RuleDeleted { partner } => {
                format!("office:{partner}")
            }
            Self::AbsenceSet { absent, .. } | Self::AbsenceCancelled { absent } => {
                format!("user:{absent}")
            }
            Self::WorkMoved { from, .. } => format!("user:{from}"),
        }
    }

    /// Extra facts.
    pub fn detail(&self) -> String {
        match self {
            Self::Routed {
                persons,
                unassigned,
                ..
            } => format!("persons:{persons} unassigned:{unassigned}"),
            Self::Assigned { to, persons, .. } => match to {
                Some(to) => format!("to:{to} persons:{persons}"),
                None => format!("to:none persons:{persons}"),
            },
            Self::Taken { persons, .. } => format!("persons:{persons}"),
            Self::StatusChanged { status, .. } => format!("status:{status}"),
            Self::RuleSet { assignee, .. } => format!("to:{assignee}"),
            Self::AbsenceSet { cover, .. } => format!("cover:{cover}"),
            Self::WorkMoved {
                to, persons, items, ..
            } => format!("to:{to} persons:{persons} items:{items}"),
            _ => String::new(),
        }
    }

    /// Japanese label of an action code of this module.
    pub fn label(action: &str) -> Option<&'static str> {
        Some(match action {
            "item_routed" => "受信ファイルの振り分け",
            "item_assigned" => "担当者の割り当て",
            "item_taken" => "未割当のファイルを自分の担当にした",
            "item_status_changed" => "対応状況の変更",
            "item_note_added" => "内部メモの追加",
            "roster_edited" => "利用者台帳の編集",
            "roster_imported" => "利用者台帳の取り込み",
            "roster_exported" => "利用者台帳の書き出し",
            "routing_rule_set" => "送信元ルールの設定",
            "routing_rule_deleted" => "送信元ルールの削除",
            "absence_set" => "不在と代理の登録",
            "absence_cancelled" => "不在と代理の取り消し",
            "work_moved" => "担当の一括移動",
            _ => return None,
        })
    }
}
