//! Data the pages show. Plain values; no secrets (password hashes never leave the server).

use super::{Email, OfficeId, OfficeNumber, Role, ServiceTypeCode, UserId};
use serde::{Deserialize, Serialize};

/// One office the caller belongs to (事業所の切り替え).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyOffice {
    /// Office id.
    pub id: OfficeId,
    /// 事業所名.
    pub name: String,
    /// 事業所番号.
    pub number: OfficeNumber,
    /// サービス種類コード.
    pub service_type: ServiceTypeCode,
    /// 法人名.
    pub organisation_name: String,
    /// 権限 there.
    pub role: Role,
    /// True for the office of this session.
    pub current: bool,
}

/// 職員 of the current office, as the admin list shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    /// Account id.
    pub user_id: UserId,
    /// 氏名.
    pub display_name: String,
    /// ログインID.
    pub login_id: String,
    /// メールアドレス.
    pub email: Email,
    /// 権限 in this office.
    pub role: Role,
    /// False once 利用停止 in this office.
    pub active: bool,
    /// 招待中: invited, no password set yet.
    pub invitation_pending: bool,
    /// 2段階認証 is on.
    pub two_factor: bool,
    /// 登録日時 (Unix milliseconds).
    pub created_at_ms: i64,
}

/// One row of the 操作履歴 (audit log) page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Position in the office's chain.
    pub seq: i64,
    /// When (Unix milliseconds).
    pub occurred_at_ms: i64,
    /// Who (氏名), if anyone was signed in.
    pub actor: Option<String>,
    /// What happened, in Japanese.
    pub action_label: String,
    /// The object acted on, as text.
    pub object: String,
    /// 接続元 IP address.
    pub ip: String,
}

/// The audit log page: recent entries and the result of checking the hash chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// Newest first.
    pub entries: Vec<AuditEntry>,
    /// `None` when the whole chain verifies; else the first sequence number that does not.
    pub broken_at: Option<i64>,
    /// Rows in the chain.
    pub total: i64,
}

/// What a one-time link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkPurpose {
    /// パスワードの再設定.
    PasswordReset,
    /// 招待 (first password).
    Invitation,
}

/// The owner of a valid one-time link, as the set-password page greets them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkInfo {
    /// 氏名.
    pub display_name: String,
    /// ログインID (so they know which account).
    pub login_id: String,
    /// The password rules, for the hint.
    pub password_hint: String,
}

/// One signed-in session of the caller (ログイン中の端末).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveSession {
    /// Opaque handle (not the session cookie), used to end it.
    pub handle: String,
    /// 「Windows の Chrome」.
    pub device: String,
    /// IP address last seen.
    pub ip: String,
    /// Login time (Unix milliseconds).
    pub created_at_ms: i64,
    /// Last request (Unix milliseconds, to the minute).
    pub last_seen_at_ms: i64,
    /// The session of this request.
    pub current: bool,
}

/// The handle of the request's own session, put in the request extensions by the server's
/// gate so the sessions page can mark 「この端末」.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionHandle(pub String);

/// 2段階認証 of the caller, for the settings page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    /// On.
    pub enabled: bool,
    /// Set while enrolling (a secret waits for its confirming code).
    pub enrolling: Option<Enrolment>,
    /// Unused recovery codes.
    pub recovery_codes_left: i64,
    /// The organisation requires it of everyone.
    pub required_by_organisation: bool,
}

/// What an authenticator app needs to enrol.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// QR code of the otpauth URL, as an SVG `data:` URI.
    pub qr_data_uri: String,
    /// The secret in groups of four, to type by hand.
    pub manual_key: String,
    /// The otpauth URL itself.
    pub otpauth_url: String,
}
