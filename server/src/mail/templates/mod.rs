//! Mail templates, one file per mail: Japanese, plain text, polite, no care data. Each renders
//! to a subject and a body; values are made single-line first, so a name cannot add lines to
//! headers or fake parts of the text.

mod account_locked;
mod assigned;
mod invitation;
mod new_items;
mod password_changed;
mod password_reset;
mod reconcile_reminder;
mod two_factor_reset;

/// A mail the portal sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailTemplate {
    /// パスワード再設定のご案内 (requested by the user, or by an admin when `by_admin`).
    PasswordReset {
        /// 氏名.
        name: String,
        /// The one-time link.
        link: String,
        /// Minutes the link stays valid.
        minutes: i64,
        /// Sent because an office admin asked for it.
        by_admin: bool,
    },
    /// パスワードが変更されました.
    PasswordChanged {
        /// 氏名.
        name: String,
        /// Where to ask if it was not them (the login page).
        login_url: String,
    },
    /// 招待: an admin added this person; they set their own password through the link.
    Invitation {
        /// 氏名.
        name: String,
        /// 事業所名.
        office: String,
        /// The one-time link.
        link: String,
        /// Days the link stays valid.
        days: i64,
    },
    /// 2段階認証がリセットされました (by an office admin).
    TwoFactorReset {
        /// 氏名.
        name: String,
    },
    /// 新しいファイルが届きました (to staff of the receiving office who did not opt out).
    NewItems {
        /// 氏名.
        name: String,
        /// The receiving office (事業所名).
        office: String,
        /// The sending office (事業所名).
        partner: String,
        /// Files delivered.
        count: i64,
        /// The inbox link.
        link: String,
    },
    /// 実績が届いていない連携先があります: partner office names and counts, no person.
    ReconcileReminder {
        /// 氏名.
        name: String,
        /// The care-manager office (事業所名).
        office: String,
        /// 「2025年4月分」.
        month: String,
        /// (partner label, persons whose 実績 is missing).
        partners: Vec<(String, i64)>,
        /// The board link.
        link: String,
    },
    /// 担当のファイルが届きました (or 割り当てられました when `reassigned`), to the assignee.
    Assigned {
        /// 氏名.
        name: String,
        /// The receiving office (事業所名).
        office: String,
        /// The sending office (事業所名).
        partner: String,
        /// Items (or files, for a new item).
        count: i64,
        /// The 自分の受信 link.
        link: String,
        /// Assigned by a manager rather than routed on arrival.
        reassigned: bool,
    },
    /// 担当のファイルのお知らせ（1日分）: the daily digest of items routed to the person.
    Digest {
        /// 氏名.
        name: String,
        /// The office (事業所名).
        office: String,
        /// Sending offices, joined.
        partners: String,
        /// Items.
        count: i64,
        /// The 自分の受信 link.
        link: String,
    },
    /// ログインの一時停止: too many failed logins.
    AccountLocked {
        /// 氏名.
        name: String,
        /// Minutes until logins are accepted again.
        minutes: i64,
    },
}

impl MailTemplate {
    /// Stable template name (stored in the outbox, logged; never the body).
    pub fn code(&self) -> &'static str {
        match self {
            Self::PasswordReset { .. } => "password_reset",
            Self::PasswordChanged { .. } => "password_changed",
            Self::Invitation { .. } => "invitation",
            Self::AccountLocked { .. } => "account_locked",
            Self::TwoFactorReset { .. } => "two_factor_reset",
            Self::NewItems { .. } => "new_items",
            Self::ReconcileReminder { .. } => "reconcile_reminder",
            Self::Assigned { .. } => "assigned",
            Self::Digest { .. } => "digest",
        }
    }

    /// Subject and plain-text body.
    pub fn render(&self) -> (String, String) {
        let (subject, body) = match self {
            Self::PasswordReset {
                name,
                link,
                minutes,
                by_admin,
            } => password_reset::render(&one_line(name), link, *minutes, *by_admin),
            Self::NewItems {
                name,
                office,
                partner,
                count,
                link,
            } => new_items::render(
                &one_line(name),
                &one_line(office),
                &one_line(partner),
                *count,
                link,
            ),
            Self::ReconcileReminder {
                name,
                office,
                month,
                partners,
                link,
            } => {
                let partners: Vec<(String, i64)> =
                    partners.iter().map(|(p, n)| (one_line(p), *n)).collect();
                reconcile_reminder::render(
                    &one_line(name),
                    &one_line(office),
                    month,
                    &partners,
                    link,
                )
            }
            Self::Assigned {
                name,
                office,
                partner,
                count,
                link,
                reassigned,
            } => assigned::render(
                &one_line(name),
                &one_line(office),
                &one_line(partner),
                *count,
                link,
                *reassigned,
            ),
            Self::Digest {
                name,
                office,
                partners,
                count,
                link,
            } => assigned::render_digest(
                &one_line(name),
                &one_line(office),
                &one_line(partners),
                *count,
                link,
            ),
            Self::PasswordChanged { name, login_url } => {
                password_changed::render(&one_line(name), login_url)
            }
            Self::Invitation {
                name,
                office,
                link,
                days,
            } => invitation::render(&one_line(name), &one_line(office), link, *days),
            Self::TwoFactorReset { name } => two_factor_reset::render(&one_line(name)),
            Self::AccountLocked { name, minutes } => {
                account_locked::render(&one_line(name), *minutes)
            }
        };
        (one_line(&subject), format!("{body}{FOOTER}"))
    }
}

const FOOTER: &str =
    "\n--\nケアプラン連携ポータル\nこのメールは送信専用です。返信されてもお答えできません。\n";

/// Removes control characters (line breaks included) and trims.
pub fn one_line(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_line_breaks_stays_on_one_line() {
        let (_, body) = MailTemplate::AccountLocked {
            name: "山田\r\nBcc: x@evil.example".into(),
            minutes: 15,
        }
        .render();
        assert!(body.starts_with("山田  Bcc: x@evil.example 様\n"), "{body}");
    }

    #[test]
    fn a_reset_mail_holds_the_link_and_the_time_limit() {
        let (subject, body) = MailTemplate::PasswordReset {
            name: "山田 花子".into(),
            link: "https://portal.example.jp/password/reset?token=abc".into(),
            minutes: 30,
            by_admin: false,
        }
        .render();
        assert_eq!(subject, "パスワード再設定のご案内");
        assert!(body.contains("https://portal.example.jp/password/reset?token=abc\n"));
        assert!(body.contains("30分"));
    }
}
