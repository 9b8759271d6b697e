//! 予実突合: every month, the 予定 a care-manager office sent (第6表 `UPPLAN`, with its
//! 第7表 `UPSIKYU`) against the 実績 each service office returned (`UPJSK`).
//!
//! # What is compared
//! - **Which versions.** Per person (保険者番号 + 被保険者番号) × 対象年月 × partner office:
//!   the latest live `UPPLAN` sent to that office holding the person and the latest live
//!   `UPJSK` that office sent holding the person. "Latest" orders by ファイル連番 (the name's
//!   timestamp), then by the time it was sent, so an older 連番 arriving later never wins
//!   (spec.md §4.4). A later `DLTPLAN` (person, month) removes the 予定 and its 第7表
//!   (§4.2); a later `DLTJSK` (person, month, the office's number and type) removes the
//!   実績. The 第7表 counts only when it came in the same send unit as that 予定 (§4.3: a new
//!   利用票 set replaces the whole set). See [`source`].
//! - **Which rows.** 第6表 carries the whole slip, other offices' rows included (§2), so only
//!   rows of the partner count: サービス事業者コード = its 事業所番号 and the サービスコード's
//!   first two characters = its サービス種類 (or, when no partner has that type, the only
//!   partner with that number: add-on and 予防 codes of another type). A 実績 row naming
//!   another office or type is listed as 「ほかの事業所・種類の行」, never dropped.
//!   Rows of another 対象年月, or dated outside the month, are listed, not compared.
//! - **The same service line** (第6表 has one record per service per date, §3.6): the same
//!   サービス利用日, サービスコード, サービス開始・終了時刻 and 明細判別コード. Per date, lines pair
//!   in this order: (1) the same line; (2) the same code at another time (nearest start
//!   time) → 「時間が違う」; (3) the same time band with another code → 「サービスコードが違う」.
//!   What is left is 「予定のみ（実績なし）」 or 「実績のみ（予定なし）」: a missing day and an extra
//!   day of a timed service are two differences. Untimed services (`9999`: monthly add-ons,
//!   福祉用具貸与), whose date is often a placeholder, left over with the same code on
//!   another date are one 「利用日が違う」.
//! - **日割 services** (a 日割対象日 mask on the row: 入退院, partial months, §3.6 No.11) are
//!   billed per month: paired by code and 明細判別コード whatever their date; a different mask is
//!   「日割対象日が違う」.
//! - **Values of a paired line**: 単位数 and サービス回数 must be equal (「単位数が違う」,
//!   「回数が違う」), except that a 実績 of 0 units is accepted (§3.6 No.8: percentage codes may
//!   be 0 in 実績).
//! - **Totals**: per service code and per person, 予定 and 実績 units are Σ 単位数 × 回数 (our
//!   reading of §3.6 No.8/14). The 第7表's サービス単位/金額 (or (割引後)単位数 × 回数) per code
//!   must equal the 実績 total (「第7表と実績の合計が違う」), subtotal and total rows aside.
//! - **Status** per person × partner: 予定 without 実績 → 実績未着 (nothing is listed); 実績
//!   without 予定 → 予定なし (its lines listed); both → 一致 when nothing is listed, else
//!   差異あり. Unreadable rows and rows of another month or office count as differences.
//!
//! The engine ([`keys`], [`lines`], [`detail`], [`matching`], [`engine`], [`report`]) is pure;
//! [`source`] chooses the versions from the database, [`service`] serves the pages.

pub mod detail;
pub mod engine;
pub mod export;
pub mod keys;
pub mod lines;
pub mod load;
pub mod matching;
pub mod reminder;
pub mod report;
pub mod service;
pub mod source;
pub mod store;
pub mod view;

pub use service::ReconcileService;

#[cfg(test)]
mod engine_tests;
