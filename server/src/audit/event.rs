//! What the audit log records. Each event has a stable action code (stored) and a Japanese
//! label (shown on the 操作履歴 page).

use app::types::{OfficeId, Role, UserId};

/// An auditable event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditEvent {
    /// ログイン成功.
    LoginSucceeded,
    /// ログイン失敗; `login_id` is what was typed (never the password).
    LoginFailed {
        /// Typed login id, cut to 64 characters.
        login_id: String,
    },
    /// A correct password for an account with no active office.
    LoginRefusedDisabled,
    /// ログアウト.
    LoggedOut,
    /// 事業所の切り替え.
    OfficeSwitched {
        /// The office switched to.
        to: OfficeId,
    },
    /// 職員の追加.
    StaffCreated {
        /// New account.
        user: UserId,
        /// Role given.
        role: Role,
    },
    /// 権限の変更.
    StaffRoleChanged {
        /// Whose.
        user: UserId,
        /// Before.
        from: Role,
        /// After.
        to: Role,
    },
    /// 利用停止.
    StaffDisabled {
        /// Whose.
        user: UserId,
    },
    /// 利用再開.
    StaffEnabled {
        /// Whose.
        user: UserId,
    },
    /// ファイルのアップロード (a draft was created or extended).
    FilesUploaded {
        /// The send.
        outgoing: String,
        /// How many files.
        count: usize,
    },
    /// 送信 (the draft was confirmed; one delivery per destination).
    Sent {
        /// The send.
        outgoing: String,
        /// Deliveries made.
        deliveries: usize,
    },
    /// 下書きの破棄.
    DraftDiscarded {
        /// The send.
        outgoing: String,
    },
    /// 開封 (first view by the receiving office).
    DeliveryOpened {
        /// The delivery.
        delivery: String,
    },
    /// ダウンロード.
    FileDownloaded {
        /// The delivery.
        delivery: String,
        /// The file, or `zip` for the whole unit.
        file: String,
    },
    /// 取込済.
    DeliveryImported {
        /// The delivery.
        delivery: String,
    },
    /// 帳票表示 (a delivered file shown as its paper form, by either office).
    FormViewed {
        /// The delivery.
        delivery: String,
        /// The file.
        file: String,
    },
    /// パスワード再設定の申し込み (forgotten password). `user` is `None` for an unknown
    /// account, which is recorded the same way (object: what was typed).
    PasswordResetRequested {
        /// The account, if one matched.
        user: Option<UserId>,
        /// What was typed, cut to 64 characters.
        typed: String,
    },
    /// パスワード再設定メールの送信 by an office admin.
    PasswordResetSentByAdmin {
        /// Whose.
        user: UserId,
    },
    /// パスワードの設定 through a link (`via`: `password_reset` or `invitation`).
    PasswordSet {
        /// Whose.
        user: UserId,
        /// Which link.
        via: &'static str,
    },
    /// 招待メールの再送.
    InvitationResent {
        /// Whose.
        user: UserId,
    },
    /// 招待の取り消し (the unused account is removed).
    InvitationRevoked {
        /// Whose.
        user: UserId,
    },
    /// ログインの終了 from ログイン中の端末 (`count` sessions).
    SessionsEnded {
        /// How many.
        count: u64,
    },
    /// 2段階認証の設定.
    TwoFactorEnabled,
    /// 2段階認証のリセット by an office admin.
    TwoFactorReset {
        /// Whose.
        user: UserId,
    },
    /// 2段階認証の必須化 (or its end) for the organisation.
    TwoFactorRequirementChanged {
        /// On or off.
        required: bool,
    },
    /// ログインの一時停止 after too many failures.
    LoginLocked {
        /// What identified the account (user id, or the typed login id if unknown).
        key: String,
    },
    /// 法人・事業所の登録 (system operator CLI).
    OrganisationCreated {
        /// 法人名.
        name: String,
    },
    /// 予実突合の差異一覧をCSVで出力 (it holds personal data).
    ReconcileExported {
        /// 対象年月.
        month: String,
    },
    /// 実績未着のお知らせの日の変更 (`None` = off).
    ReconcileReminderChanged {
        /// Day of the month.
        day: Option<u8>,
    },
    /// 担当の振り分け, 利用者台帳, 対応状況, メモ (issue 7: `crate::routing::RoutingAudit`).
    Routing(crate::routing::RoutingAudit),
    /// 版の履歴の表示 (a person's timeline with a partner).
    TimelineViewed {
        /// The version the timeline was opened from.
        version: String,
    },
    /// 版の比較 (diff).
    VersionsCompared {
        /// The newer version.
        version: String,
        /// The version it was compared with.
        from: String,
    },
    /// 内容確認済 (by the receiving office).
    VersionConfirmed {
        /// The version.
        version: String,
    },
}

impl AuditEvent {
    /// Stable code stored in `audit_log.action`.
    pub fn action(&self) -> &'static str {
        match self {
            Self::LoginSucceeded => "login_succeeded",
            Self::LoginFailed { .. } => "login_failed",
            Self::LoginRefusedDisabled => "login_refused_disabled",
            Self::LoggedOut => "logged_out",
            Self::OfficeSwitched { .. } => "office_switched",
            Self::StaffCreated { .. } => "staff_created",
            Self::StaffRoleChanged { .. } => "staff_role_changed",
            Self::StaffDisabled { .. } => "staff_disabled",
            Self::StaffEnabled { .. } => "staff_enabled",
            Self::OrganisationCreated { .. } => "organisation_created",
            Self::FilesUploaded { .. } => "files_uploaded",
            Self::Sent { .. } => "sent",
            Self::DraftDiscarded { .. } => "draft_discarded",
            Self::DeliveryOpened { .. } => "delivery_opened",
            Self::FileDownloaded { .. } => "file_downloaded",
            Self::DeliveryImported { .. } => "delivery_imported",
            Self::FormViewed { .. } => "form_viewed",
            Self::PasswordResetRequested { .. } => "password_reset_requested",
            Self::PasswordResetSentByAdmin { .. } => "password_reset_sent_by_admin",
            Self::PasswordSet { .. } => "password_set",
            Self::InvitationResent { .. } => "invitation_resent",
            Self::InvitationRevoked { .. } => "invitation_revoked",
            Self::LoginLocked { .. } => "login_locked",
            Self::SessionsEnded { .. } => "sessions_ended",
            Self::TwoFactorEnabled => "two_factor_enabled",
            Self::TwoFactorReset { .. } => "two_factor_reset",
            Self::TwoFactorRequirementChanged { .. } => "two_factor_requirement_changed",
            Self::ReconcileExported { .. } => "reconcile_exported",
            Self::ReconcileReminderChanged { .. } => "reconcile_reminder_changed",
            Self::Routing(event) => event.action(),
            Self::TimelineViewed { .. } => "timeline_viewed",
            Self::VersionsCompared { .. } => "versions_compared",
            Self::VersionConfirmed { .. } => "version_confirmed",
        }
    }

    /// The object acted on, as stored in `audit_log.object`.
    pub fn object(&self) -> String {
        match self {
            Self::LoginFailed { login_id } => {
                format!("login_id:{}", login_id.chars().take(64).collect::<String>())
            }
            Self::OfficeSwitched { to } => format!("office:{to}"),
            Self::StaffCreated { user, .. }
            | Self::StaffRoleChanged { user, .. }
            | Self::StaffDisabled { user }
            | Self::StaffEnabled { user } => format!("user:{user}"),
            Self::OrganisationCreated { name } => format!("organisation:{name}"),
            Self::FilesUploaded { outgoing, .. }
            | Self::Sent { outgoing, .. }
            | Self::DraftDiscarded { outgoing } => {
                format!("outgoing:{outgoing}")
            }
            Self::DeliveryOpened { delivery }
            | Self::FileDownloaded { delivery, .. }
            | Self::FormViewed { delivery, .. }
            | Self::DeliveryImported { delivery } => {
                format!("delivery:{delivery}")
            }
            Self::PasswordResetRequested {
                user: Some(user), ..
            } => format!("user:{user}"),
            Self::PasswordResetRequested { user: None, typed } => {
                format!("login_id:{}", typed.chars().take(64).collect::<String>())
            }
            Self::PasswordResetSentByAdmin { user }
            | Self::PasswordSet { user, .. }
            | Self::InvitationResent { user }
            | Self::InvitationRevoked { user } => format!("user:{user}"),
            Self::LoginLocked { key } => {
                format!("key:{}", key.chars().take(64).collect::<String>())
            }
            Self::SessionsEnded { count } => format!("count:{count}"),
            Self::TwoFactorReset { user } => format!("user:{user}"),
            Self::TwoFactorRequirementChanged { required } => format!("required:{required}"),
            Self::ReconcileExported { month } => format!("month:{month}"),
            Self::ReconcileReminderChanged { day } => {
                format!("day:{}", day.map_or("off".to_string(), |d| d.to_string()))
            }
            Self::TwoFactorEnabled => String::new(),
            Self::TimelineViewed { version }
            | Self::VersionsCompared { version, .. }
            | Self::VersionConfirmed { version } => format!("version:{version}"),
            Self::LoginSucceeded | Self::LoginRefusedDisabled | Self::LoggedOut => String::new(),
            Self::Routing(event) => event.object(),
        }
    }

    /// Extra facts, stored in `audit_log.detail`.
    pub fn detail(&self) -> String {
        match self {
            Self::StaffCreated { role, .. } => format!("role:{}", role.code()),
            Self::StaffRoleChanged { from, to, .. } => {
                format!("role:{}->{}", from.code(), to.code())
            }
            Self::PasswordSet { via, .. } => format!("via:{via}"),
            Self::FormViewed { file, .. } => format!("file:{file}"),
            Self::Routing(event) => event.detail(),
            Self::VersionsCompared { from, .. } => format!("from:{from}"),
            _ => String::new(),
        }
    }
}

/// Japanese label for a stored action code.
pub fn action_label(action: &str, detail: &str) -> String {
    let base = match action {
        "login_succeeded" => "ログイン",
        "login_failed" => "ログイン失敗",
        "login_refused_disabled" => "ログイン拒否（利用停止中）",
        "logged_out" => "ログアウト",
        "office_switched" => "事業所の切り替え",
        "staff_created" => "職員の追加",
        "staff_role_changed" => "権限の変更",
        "staff_disabled" => "利用停止",
        "staff_enabled" => "利用再開",
        "organisation_created" => "法人・事業所の登録",
        "files_uploaded" => "ファイルのアップロード",
        "sent" => "送信",
        "draft_discarded" => "下書きの破棄",
        "delivery_opened" => "受信ファイルの開封",
        "file_downloaded" => "ダウンロード",
        "delivery_imported" => "取込済にした",
        "form_viewed" => "帳票の表示",
        "password_reset_requested" => "パスワード再設定の申し込み",
        "password_reset_sent_by_admin" => "パスワード再設定メールの送信",
        "password_set" => match detail {
            "via:invitation" => "招待からのパスワード設定",
            _ => "パスワードの再設定",
        },
        "invitation_resent" => "招待メールの再送",
        "invitation_revoked" => "招待の取り消し",
        "login_locked" => "ログインの一時停止",
        "sessions_ended" => "ほかの端末のログインの終了",
        "two_factor_enabled" => "2段階認証の設定",
        "two_factor_reset" => "2段階認証のリセット",
        "two_factor_requirement_changed" => "2段階認証の必須設定の変更",
        "reconcile_exported" => "予実突合の差異一覧の出力",
        "reconcile_reminder_changed" => "実績未着のお知らせの日の変更",
        "timeline_viewed" => "版の履歴の表示",
        "versions_compared" => "版の比較",
        "version_confirmed" => "内容確認済にした",
        other => {
            return crate::routing::RoutingAudit::label(other)
                .unwrap_or(other)
                .to_string()
        }
    };
    match role_change(detail) {
        Some(change) => format!("{base}（{change}）"),
        None => base.to_string(),
    }
}

fn role_change(detail: &str) -> Option<String> {
    let roles = detail.strip_prefix("role:")?;
    let label = |code: &str| Role::from_code(code).map(Role::label).unwrap_or("?");
    Some(match roles.split_once("->") {
        Some((from, to)) => format!("{}→{}", label(from), label(to)),
        None => label(roles).to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_changes_read_in_japanese() {
        assert_eq!(
            action_label("staff_role_changed", "role:staff->admin"),
            "権限の変更（職員→管理者）"
        );
    }
}
