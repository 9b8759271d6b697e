//! The 職員の追加 form: normalise what the admin typed, then validate every field (all errors at
//! once, GOV.UK style).

use crate::auth::password::Password;
use app::types::normalize::{fold_full_width, fold_spaces};
use app::types::{Email, FieldError, Role};

/// Minimum password length without two-factor login (MHLW guideline 6.0).
pub const MIN_PASSWORD_CHARS: usize = 13;
/// Upper bound so hashing cost stays bounded.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// The form as posted.
#[derive(Debug, Default, serde::Deserialize)]
pub struct NewStaffForm {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub login_id: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub password: String,
}

/// A validated form.
#[derive(Debug)]
pub struct NewStaff {
    pub display_name: String,
    pub login_id: String,
    pub email: Email,
    pub role: Role,
    pub password: Password,
}

/// Folds a login id as typed (full-width letters allowed) to its stored form.
pub fn normalise_login_id(raw: &str) -> String {
    raw.trim().chars().map(fold_full_width).collect()
}

impl NewStaffForm {
    /// What to show back in the fields (never the password).
    pub fn values(&self) -> Vec<(&'static str, String)> {
        vec![
            ("display_name", self.display_name.clone()),
            ("login_id", self.login_id.clone()),
            ("email", self.email.clone()),
            ("role", self.role.clone()),
        ]
    }

    /// Validates every field.
    pub fn validate(self) -> Result<NewStaff, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut error = |field: &str, message: &str| {
            errors.push(FieldError {
                field: field.to_string(),
                message: message.to_string(),
            })
        };
        let display_name = fold_spaces(&self.display_name);
        if display_name.is_empty() {
            error("display_name", "氏名を入力してください。");
        } else if display_name.chars().count() > 100 {
            error("display_name", "氏名は100文字以内で入力してください。");
        }
        let login_id = normalise_login_id(&self.login_id);
        let login_ok = (4..=64).contains(&login_id.len())
            && login_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        if login_id.is_empty() {
            error("login_id", "ログインIDを入力してください。");
        } else if !login_ok {
            error(
                "login_id",
                "ログインIDは半角英数字と「.」「-」「_」で4〜64文字にしてください。",
            );
        }
        let email = if self.email.trim().is_empty() {
            error("email", "メールアドレスを入力してください。");
            None
        } else {
            match Email::parse(&self.email) {
                Ok(email) => Some(email),
                Err(e) => {
                    error("email", &e.to_string());
                    None
                }
            }
        };
        let role = Role::from_code(&self.role);
        if role.is_none() {
            error("role", "権限を選んでください。");
        }
        let chars = self.password.chars().count();
        if chars == 0 {
            error("password", "初期パスワードを入力してください。");
        } else if chars < MIN_PASSWORD_CHARS {
            error("password", "初期パスワードは13文字以上にしてください。");
        } else if chars > MAX_PASSWORD_CHARS {
            error("password", "初期パスワードは256文字以内にしてください。");
        }
        match (email, role, errors.is_empty()) {
            (Some(email), Some(role), true) => Ok(NewStaff {
                display_name,
                login_id,
                email,
                role,
                password: Password::new(self.password),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> NewStaffForm {
        NewStaffForm {
            display_name: " 佐藤　 花子 ".into(),
            login_id: "ｓａｔｏ.hanako".into(),
            email: "sato@example.jp".into(),
            role: "staff".into(),
            password: "a long enough password".into(),
        }
    }

    #[test]
    fn a_complete_form_is_normalised() {
        let staff = form().validate().unwrap();
        assert_eq!(staff.display_name, "佐藤 花子");
        assert_eq!(staff.login_id, "sato.hanako");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let errors = NewStaffForm::default().validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["display_name", "login_id", "email", "role", "password"]
        );
    }

    #[test]
    fn a_short_password_is_refused() {
        let errors = NewStaffForm {
            password: "short".into(),
            ..form()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            errors[0].message,
            "初期パスワードは13文字以上にしてください。"
        );
    }
}
