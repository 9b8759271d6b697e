//! 保険者番号 and 被保険者番号 (spec.md §3 common fields, §6.1).

use super::{is_digits, string_newtype, ValueError};

/// 保険者番号: 6 digits (spec.md §6.1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InsurerNumber(String);

impl InsurerNumber {
    /// True when `s` would parse; allocation-free, for validating every row.
    pub fn is_valid(s: &str) -> bool {
        is_digits(s.as_bytes(), 6)
    }

    /// Parses a 6-digit insurer number.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        if Self::is_valid(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(ValueError::InsurerNumber)
        }
    }
}
string_newtype!(InsurerNumber);

/// 被保険者番号: 10 digits, or `H` + 9 digits for 生活保護単独 (spec.md §3 common fields).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InsuredNumber(String);

impl InsuredNumber {
    /// True when `s` would parse; allocation-free, for validating every row.
    pub fn is_valid(s: &str) -> bool {
        is_valid_insured(s.as_bytes())
    }

    /// Parses an insured number.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        if Self::is_valid(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(ValueError::InsuredNumber)
        }
    }
}
string_newtype!(InsuredNumber);

/// [`InsuredNumber::is_valid`] over raw bytes.
#[inline]
pub fn is_valid_insured(b: &[u8]) -> bool {
    is_digits(b, 10) || (b.len() == 10 && b[0] == b'H' && is_digits(&b[1..], 9))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_assistance_numbers_start_with_h() {
        assert!(InsuredNumber::parse("H123456789").is_ok());
        assert!(InsuredNumber::parse("0000012345").is_ok());
        assert_eq!(
            InsuredNumber::parse("h123456789"),
            Err(ValueError::InsuredNumber)
        );
        assert_eq!(
            InsuredNumber::parse("H12345678"),
            Err(ValueError::InsuredNumber)
        );
    }

    #[test]
    fn an_insurer_number_has_six_digits() {
        assert!(InsurerNumber::parse("131016").is_ok());
        assert_eq!(
            InsurerNumber::parse("13101"),
            Err(ValueError::InsurerNumber)
        );
    }
}
