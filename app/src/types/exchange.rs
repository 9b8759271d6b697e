//! What the exchange pages show: drafts, deliveries, files, persons, findings, receipts.

use super::{DeliveryId, FileId, OfficeId, OutgoingId};
use serde::{Deserialize, Serialize};

/// 指摘: a validation finding, already in Japanese.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFinding {
    /// 行 (1-based), if the finding is about a line.
    pub line: Option<u64>,
    /// 列 (1-based).
    pub column: Option<usize>,
    /// Japanese field name.
    pub field: Option<String>,
    /// True for an error (the file is not sent), false for a warning.
    pub error: bool,
    /// What is wrong and what to do.
    pub message: String,
}

/// 利用者 found in a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    /// 保険者番号.
    pub insurer: String,
    /// 被保険者番号.
    pub insured: String,
    /// 氏名, where the file carries it.
    pub name: Option<String>,
    /// フリガナ.
    pub kana: Option<String>,
}

/// An office as the exchange pages name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeRef {
    /// Registered office, if found.
    pub id: Option<OfficeId>,
    /// 事業所名, if registered.
    pub name: Option<String>,
    /// 事業所番号 as named in the file.
    pub number: String,
    /// サービス種類コード, if named.
    pub service_type: Option<String>,
}

impl OfficeRef {
    /// 「ひまわり訪問介護（事業所番号 1372345678）」 or the bare number when unknown.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("{name}（事業所番号 {}）", self.number),
            None => self.number_and_type(),
        }
    }

    /// 「事業所番号 1372345678・種類 11」, or the number alone when no type is named.
    pub fn number_and_type(&self) -> String {
        match &self.service_type {
            Some(t) => format!("事業所番号 {}・種類 {t}", self.number),
            None => format!("事業所番号 {}", self.number),
        }
    }
}

/// A file in a draft or delivery.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeFile {
    /// Id.
    pub id: FileId,
    /// Original file name.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 (hex) of the bytes.
    pub sha256: String,
    /// 種類 as staff know it (第1表, 第6表 利用票（予定）, 添付ファイル …).
    pub kind_label: String,
    /// 対象年月 (YYYYMM), where named.
    pub target_month: Option<String>,
    /// Destination office.
    pub destination: OfficeRef,
    /// Persons inside.
    pub persons: Vec<PersonRef>,
    /// Findings.
    pub findings: Vec<FileFinding>,
    /// Why this file will not be sent (draft only).
    pub blocked: Option<String>,
}

/// A draft send as the confirmation page shows it, grouped by destination.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftView {
    /// Id.
    pub id: OutgoingId,
    /// `draft`, `sent` or `discarded`.
    pub status: String,
    /// Who uploaded it.
    pub created_by: String,
    /// When (Unix ms).
    pub created_at_ms: i64,
    /// Files per destination (in import order).
    pub groups: Vec<(OfficeRef, Vec<ExchangeFile>)>,
    /// Findings about send units (combinations, order).
    pub unit_findings: Vec<FileFinding>,
    /// Files that will be delivered.
    pub sendable: usize,
    /// Deliveries made, once sent, each with its destination (「ひまわり訪問介護（事業所番号 …）」).
    pub deliveries: Vec<(DeliveryId, String)>,
}

/// A draft in the 下書き list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    /// Id.
    pub id: OutgoingId,
    /// Who uploaded it.
    pub created_by: String,
    /// When.
    pub created_at_ms: i64,
    /// Files in it.
    pub file_count: i64,
    /// Where its files go: 事業所名 where registered, else 「事業所番号 …」, in file order.
    pub destinations: Vec<String>,
}

/// One row of the 受信 or 送信済み list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliverySummary {
    /// Id.
    pub id: DeliveryId,
    /// The other office.
    pub partner: OfficeRef,
    /// Sent (Unix ms).
    pub sent_at_ms: i64,
    /// Who sent it.
    pub sent_by: String,
    /// Files.
    pub file_count: i64,
    /// 種類 of the files, joined.
    pub kinds_label: String,
    /// 対象年月 values, joined.
    pub target_months: String,
    /// 利用者, joined (names, or numbers when unnamed).
    pub persons_label: String,
    /// Opened by the recipient.
    pub opened: bool,
    /// Marked 取込済.
    pub imported: bool,
    /// 担当 and 対応状況 (receiving office only).
    #[serde(default)]
    pub routing: super::RoutingBrief,
    /// 版の状態 of the documents it carries (最新 / 更新済 / 取消).
    #[serde(default)]
    pub version: super::VersionMark,
}

/// A receipt event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptEvent {
    /// 開封, ダウンロード, 取込済.
    pub label: String,
    /// Who.
    pub user: String,
    /// When.
    pub at_ms: i64,
    /// Which file, for downloads.
    pub file_name: Option<String>,
}

/// A delivery page (both sides see it; `incoming` says which side the caller is on).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryDetail {
    /// The list row facts.
    pub summary: DeliverySummary,
    /// True when the caller's office received it.
    pub incoming: bool,
    /// The sending office.
    pub from: OfficeRef,
    /// The receiving office.
    pub to: OfficeRef,
    /// Files in import order.
    pub files: Vec<ExchangeFile>,
    /// Receipts, oldest first.
    pub events: Vec<ReceiptEvent>,
    /// Who marked it 取込済, when.
    pub imported_by: Option<(String, i64)>,
}

/// Filters of the 受信 / 送信済み lists (all optional; query-string values).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryFilter {
    /// 連携先の事業所番号 or name (part).
    pub partner: String,
    /// Standard prefix (UPPLAN …) or `attachment`.
    pub kind: String,
    /// 対象年月 YYYYMM.
    pub month: String,
    /// 利用者名・フリガナ・被保険者番号 (part).
    pub person: String,
    /// `unopened`, `not_imported`, `imported`.
    pub status: String,
    /// 送信日 from (YYYY-MM-DD).
    pub from: String,
    /// 送信日 to (YYYY-MM-DD).
    pub to: String,
    /// Keyset cursor of the next page.
    pub after: String,
    /// 担当 (受信 only): empty (all), `me`, `unassigned` or a user id.
    #[serde(default)]
    pub assignee: String,
}

/// A page of deliveries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryPage {
    /// Rows, newest first.
    pub items: Vec<DeliverySummary>,
    /// Cursor for 「次の50件」, if there are more.
    pub next: Option<String>,
}
