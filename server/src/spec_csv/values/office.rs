//! 事業所番号 (office number), 10 characters (spec.md §1.4 `S10`/`D10`).

use super::{is_alnum, string_newtype, ValueError};

/// 事業所番号: 10 ASCII alphanumerics (numbers are normally digits; letters are tolerated
/// because 事業所番号 of some 総合事業 offices are assigned by municipalities).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OfficeNumber(String);

impl OfficeNumber {
    /// True when `s` would parse; allocation-free, for validating every row.
    pub fn is_valid(s: &str) -> bool {
        is_alnum(s.as_bytes(), 10)
    }

    /// Parses a 10-character office number.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        if Self::is_valid(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(ValueError::OfficeNumber)
        }
    }
}
string_newtype!(OfficeNumber);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_digits_make_an_office_number() {
        assert_eq!(
            OfficeNumber::parse("0300000100").map(|o| o.to_string()),
            Ok("0300000100".into())
        );
    }

    #[test]
    fn nine_digits_are_not_an_office_number() {
        assert_eq!(
            OfficeNumber::parse("123456789"),
            Err(ValueError::OfficeNumber)
        );
        assert_eq!(
            OfficeNumber::parse("03000001０0"),
            Err(ValueError::OfficeNumber)
        );
    }
}
