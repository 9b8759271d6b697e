//! メールアドレス.

use super::normalize::fold_full_width;
use serde::{Deserialize, Serialize};
use std::fmt;

/// メールアドレス: full-width letters and ＠ folded, trimmed, lower-cased domain; one `@`, no
/// spaces or control characters (so it can never inject a mail header).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Why a text is not a usable メールアドレス.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("メールアドレスを「name@example.jp」の形で入力してください。")]
pub struct EmailError;

impl Email {
    /// Normalises and validates an address typed by a person.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let folded: String = input.trim().chars().map(fold_full_width).collect();
        if folded.len() > 254 || folded.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError);
        }
        let (local, domain) = folded.split_once('@').ok_or(EmailError)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return Err(EmailError);
        }
        Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }
    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_address_is_accepted_and_its_domain_lower_cased() {
        assert_eq!(
            Email::parse(" Hanako@Example.JP ").unwrap().as_str(),
            "Hanako@example.jp"
        );
    }

    #[test]
    fn full_width_letters_and_at_sign_are_folded() {
        assert_eq!(
            Email::parse("ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ")
                .unwrap()
                .as_str(),
            "hanako@example.jp"
        );
    }

    #[test]
    fn header_injection_is_refused() {
        assert!(Email::parse("a@example.jp\r\nBcc: x@evil.example").is_err());
    }

    #[test]
    fn an_address_without_a_domain_is_refused() {
        assert!(Email::parse("hanako@").is_err());
        assert!(Email::parse("hanako").is_err());
        assert!(Email::parse("hanako@localhost").is_err());
    }
}
