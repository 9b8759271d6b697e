//! 版の管理: what the version pages show (states, versions, timeline, diff, confirmation).

use super::{DeliveryId, FileId, OfficeRef, PersonRef, VersionId};
use serde::{Deserialize, Serialize};

/// 版の状態 (UI.md §10: 最新 / 更新済 / 取消).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VersionState {
    /// 最新: the newest version of its document.
    Latest,
    /// 更新済（新しい版あり）: the same document was sent again.
    Superseded,
    /// 旧計画: a plan with a newer 計画作成(変更)日 exists.
    OldPlan,
    /// 取消: withdrawn by the sender's deletion file.
    Withdrawn,
    /// A deletion file's entry (削除の連絡), not a version.
    Deletion,
}

impl VersionState {
    /// The state as the timeline writes it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Latest => "最新",
            Self::Superseded => "更新済（新しい版あり）",
            Self::OldPlan => "旧計画（新しい計画あり）",
            Self::Withdrawn => "取消",
            Self::Deletion => "削除の連絡",
        }
    }

    /// The word on a badge.
    pub fn short(self) -> &'static str {
        match self {
            Self::Latest => "最新",
            Self::Superseded => "更新済",
            Self::OldPlan => "旧計画",
            Self::Withdrawn => "取消",
            Self::Deletion => "削除",
        }
    }

    /// `data-status` of the badge (UI.md §10 colours).
    pub fn badge(self) -> &'static str {
        match self {
            Self::Latest => "latest",
            Self::Superseded | Self::OldPlan => "updated",
            Self::Withdrawn => "cancelled",
            Self::Deletion => "neutral",
        }
    }

    /// True when a newer version replaces this one (the superseded banner applies).
    pub fn is_replaced(self) -> bool {
        matches!(self, Self::Superseded | Self::OldPlan)
    }
}

/// Who did something and when (Unix ms).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByWhom {
    /// 氏名.
    pub name: String,
    /// When.
    pub at_ms: i64,
}

/// One version (or deletion) of a document as pages name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRef {
    /// Id.
    pub id: VersionId,
    /// The delivery that carried it.
    pub delivery_id: DeliveryId,
    /// 書類の種類: 居宅サービス計画, サービス利用票, 実績 …
    pub family: String,
    /// The document: 「居宅サービス計画（2026年4月1日作成）」「サービス利用票（2026年4月分）」.
    pub document: String,
    /// The tables it is made of: 第1表, 第2表, 第3表, 利用者補足情報 …
    pub kinds: Vec<String>,
    /// The delivery's files that hold its records.
    pub files: Vec<FileId>,
    /// State.
    pub state: VersionState,
    /// 版 n.
    pub version_no: i64,
    /// m (versions of the same document with this partner).
    pub version_count: i64,
    /// 利用者.
    pub person: PersonRef,
    /// Sending office.
    pub from: OfficeRef,
    /// Receiving office.
    pub to: OfficeRef,
    /// Sent (Unix ms).
    pub sent_at_ms: i64,
    /// Who sent it.
    pub sent_by: String,
    /// ファイル連番 (YYYYMMDDHHMMSS).
    pub send_stamp: String,
    /// Another 利用者名 seen with the same 被保険者番号 (a key conflict to check).
    pub conflict_name: Option<String>,
    /// A newer 連番 of the same document had already arrived when this one came.
    pub arrived_late: bool,
    /// Deletions: how many versions it withdrew (0: the deleted document was never received).
    pub withdrew_count: i64,
    /// 内容確認済 by the receiving office.
    pub confirmed: Option<ByWhom>,
    /// The version before it (the diff's default), if any.
    pub previous: Option<VersionId>,
}

impl VersionRef {
    /// 「版 2/3」.
    pub fn version_label(&self) -> String {
        if self.state == VersionState::Deletion {
            "—".to_string()
        } else {
            format!("版 {}/{}", self.version_no, self.version_count)
        }
    }

    /// The person as a line: name (or 被保険者番号) with the numbers.
    pub fn person_label(&self) -> String {
        match &self.person.name {
            Some(name) => format!("{name}（被保険者番号 {}）", self.person.insured),
            None => format!("被保険者番号 {}", self.person.insured),
        }
    }
}

/// Receipts of one version by its receiving office.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// 開封.
    pub opened: Option<ByWhom>,
    /// First ダウンロード (of one of its files or the ZIP).
    pub downloaded: Option<ByWhom>,
    /// 内容確認済.
    pub confirmed: Option<ByWhom>,
}

/// A version with the one replacing it and its receipts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionLine {
    /// The version.
    pub version: VersionRef,
    /// The current version of the same document, when this one is replaced or withdrawn.
    pub latest: Option<VersionRef>,
    /// Its receipts.
    pub receipt: Receipt,
}

/// The versions a delivery carries (item page, download page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryVersions {
    /// True when the caller's office received the delivery.
    pub incoming: bool,
    /// Its versions and deletions.
    pub lines: Vec<VersionLine>,
    /// For a download page: the file's name.
    pub file_name: Option<String>,
}

impl DeliveryVersions {
    /// The first replaced version, for the banner.
    pub fn first_replaced(&self) -> Option<&VersionLine> {
        self.lines.iter().find(|l| l.version.state.is_replaced())
    }

    /// The first withdrawn version, for the banner.
    pub fn first_withdrawn(&self) -> Option<&VersionLine> {
        self.lines
            .iter()
            .find(|l| l.version.state == VersionState::Withdrawn)
    }
}

/// The version mark of an inbox / outbox row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionMark {
    /// 最新, 更新済 (any version in it replaced) or 取消 (all withdrawn); none without versions.
    pub state: Option<VersionState>,
    /// Where the newest version of a replaced document is.
    pub latest_delivery: Option<DeliveryId>,
}

/// Every version of every document of one person with one partner (both directions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// 利用者 (the newest name seen).
    pub person: PersonRef,
    /// Other names seen with the same 被保険者番号.
    pub other_names: Vec<String>,
    /// The partner office.
    pub partner: OfficeRef,
    /// Versions, grouped by family then document (newest first), then 版 (newest first).
    pub lines: Vec<VersionLine>,
}

/// How a record differs between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffChange {
    /// A line only in the new version.
    Added,
    /// A line only in the old version.
    Removed,
    /// A changed field.
    Changed,
}

/// One line of the diff table: an item (a service line, a day) and a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffRow {
    /// Added, removed or changed.
    pub change: DiffChange,
    /// The record: 「4月8日 09:00〜09:30 サービスコード 111111」, 「援助内容 2」.
    pub item: String,
    /// The field's Japanese name (empty for a whole added/removed line).
    pub field: String,
    /// Before (empty when added).
    pub old: String,
    /// After (empty when removed).
    pub new: String,
}

/// The differences of one table (第1表, 第2表, 第6表 …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSection {
    /// 「居宅サービス計画書（第2表）」.
    pub kind_label: String,
    /// Lines added.
    pub added: usize,
    /// Lines removed.
    pub removed: usize,
    /// Fields changed.
    pub changed: usize,
    /// Rows, in record order.
    pub rows: Vec<DiffRow>,
}

/// Two versions of one document compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionDiff {
    /// Before.
    pub old: VersionRef,
    /// After.
    pub new: VersionRef,
    /// Other versions that can be compared with `new` (same person, family, partner).
    pub choices: Vec<VersionRef>,
    /// Per table.
    pub sections: Vec<DiffSection>,
}

impl VersionDiff {
    /// Number of differences.
    pub fn count(&self) -> usize {
        self.sections
            .iter()
            .map(|s| s.added + s.removed + s.changed)
            .sum()
    }
}

/// One partner's view of a document the caller's office sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerLine {
    /// The partner.
    pub partner: OfficeRef,
    /// The newest version it was sent.
    pub version: VersionRef,
    /// Its receipts.
    pub receipt: Receipt,
    /// True when that is the newest version sent to anyone.
    pub has_newest: bool,
}

/// Who has seen a document the caller's office sent (sender's per-partner view).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerStatus {
    /// The version the page was opened from.
    pub version: VersionRef,
    /// Per partner.
    pub partners: Vec<PartnerLine>,
}

impl PartnerStatus {
    /// Partners that have not opened the newest version (to chase).
    pub fn not_seen(&self) -> Vec<&PartnerLine> {
        self.partners
            .iter()
            .filter(|p| !p.has_newest || p.receipt.opened.is_none())
            .collect()
    }
}

/// Filter of the 確認状況 list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnseenFilter {
    /// `unopened` (default) or `unconfirmed` (opened, not confirmed).
    pub status: String,
    /// Keyset cursor.
    pub after: String,
}

/// The latest versions the caller's office sent that a partner has not opened or confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnseenPage {
    /// Rows, newest first.
    pub items: Vec<VersionLine>,
    /// Cursor of the next page.
    pub next: Option<String>,
}
