//! サービス種類コード (2 characters) and サービスコード (6 characters), spec.md §1.4, §3.6 No.15.

use super::{is_alnum, string_newtype, ValueError};

/// サービス種類コード: 2 ASCII alphanumerics, e.g. `43`, `2A`, `A2` (spec.md §1.4).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ServiceTypeCode(String);

impl ServiceTypeCode {
    /// True when `s` would parse; allocation-free, for validating every row.
    pub fn is_valid(s: &str) -> bool {
        is_alnum(s.as_bytes(), 2)
    }

    /// Parses a 2-character service-type code.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        if Self::is_valid(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(ValueError::ServiceType)
        }
    }
}
string_newtype!(ServiceTypeCode);

/// サービスコード: 2-character service type + 4-character item (spec.md §3.6 No.15).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ServiceCode(String);

impl ServiceCode {
    /// True when `s` would parse; allocation-free, for validating every row.
    pub fn is_valid(s: &str) -> bool {
        is_alnum(s.as_bytes(), 6)
    }

    /// Parses a 6-character service code.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        if Self::is_valid(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(ValueError::ServiceCode)
        }
    }

    /// The leading サービス種類コード.
    pub fn service_type(&self) -> &str {
        &self.0[..2]
    }
}
string_newtype!(ServiceCode);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_types_may_contain_letters() {
        for ok in ["43", "2A", "A2", "AF"] {
            assert!(ServiceTypeCode::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(ServiceTypeCode::parse("4"), Err(ValueError::ServiceType));
        assert_eq!(ServiceTypeCode::parse("4-"), Err(ValueError::ServiceType));
    }

    #[test]
    fn a_service_code_starts_with_its_service_type() {
        assert_eq!(
            ServiceCode::parse("111111").map(|c| c.service_type().to_owned()),
            Ok("11".into())
        );
        assert_eq!(ServiceCode::parse("11111"), Err(ValueError::ServiceCode));
    }
}
