//! The 職員の追加 form: normalise what the admin typed, then validate every field (all errors at
//! once, GOV.UK style). There is no password: the invitee sets their own through the mail.

use app::types::normalize::{fold_full_width, fold_spaces};
use app::types::{Email, FieldError, Role};

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
}

/// A validated form.
#[derive(Debug)]
pub struct NewStaff {
    pub display_name: String,
    pub login_id: String,
    pub email: Email,
    pub role: Role,
}

/// Folds a login id as typed (full-width letters allowed) to its stored form.
pub fn normalise_login_id(raw: &str) -> String {
    raw.trim().chars().map(fold_full_width).collect()
}

impl NewStaffForm {
    /// What to show back in the fields.
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
        match (email, role, errors.is_empty()) {
            (Some(email), Some(role), true) => Ok(NewStaff {
                display_name,
                login_id,
                email,
                role,
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
        assert_eq!(fields, ["display_name", "login_id", "email", "role"]);
    }
}
