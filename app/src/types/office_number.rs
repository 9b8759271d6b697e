//! 事業所番号: the 10-character office number printed on every standard file name.

use super::normalize::fold_digits;
use serde::{Deserialize, Serialize};
use std::fmt;

/// 事業所番号 (10 half-width digits). Parsed once at the edge and trusted after.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OfficeNumber(String);

/// Why a text is not a valid 事業所番号.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("事業所番号は10桁の数字で入力してください。")]
pub struct OfficeNumberError;

impl OfficeNumber {
    /// Accepts full-width digits, spaces and hyphens as typed by staff; stores 10 half-width digits.
    pub fn parse(input: &str) -> Result<Self, OfficeNumberError> {
        let folded = fold_digits(input);
        if folded.len() == 10 && folded.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(folded))
        } else {
            Err(OfficeNumberError)
        }
    }
    /// The 10 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OfficeNumber {
    type Error = OfficeNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<OfficeNumber> for String {
    fn from(value: OfficeNumber) -> Self {
        value.0
    }
}

impl fmt::Display for OfficeNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_half_width_digits_are_accepted() {
        assert_eq!(
            OfficeNumber::parse("1371234567").unwrap().as_str(),
            "1371234567"
        );
    }

    #[test]
    fn full_width_digits_and_separators_are_folded() {
        assert_eq!(
            OfficeNumber::parse("１３７１ー２３４ ５６７")
                .unwrap()
                .as_str(),
            "1371234567"
        );
    }

    #[test]
    fn nine_digits_are_refused() {
        assert_eq!(OfficeNumber::parse("137123456"), Err(OfficeNumberError));
    }

    #[test]
    fn letters_are_refused() {
        assert!(OfficeNumber::parse("13712345A7").is_err());
    }
}
