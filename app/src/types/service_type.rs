//! サービス種類コード: two alphanumeric characters (11 訪問介護, 43 居宅介護支援, 2A, A2 …).

use super::normalize::fold_digits;
use serde::{Deserialize, Serialize};
use std::fmt;

/// サービス種類コード (2 half-width upper-case alphanumerics).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ServiceTypeCode(String);

/// Why a text is not a valid サービス種類コード.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("サービス種類コードは英数字2文字で入力してください。")]
pub struct ServiceTypeCodeError;

impl ServiceTypeCode {
    /// Accepts full-width characters and lower case; stores half-width upper case.
    pub fn parse(input: &str) -> Result<Self, ServiceTypeCodeError> {
        let folded = fold_digits(input).to_ascii_uppercase();
        if folded.len() == 2 && folded.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Ok(Self(folded))
        } else {
            Err(ServiceTypeCodeError)
        }
    }
    /// The two characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// A name staff know, for the codes the portal shows most; other codes show as 「種類 2A」.
    pub fn label(&self) -> String {
        let known = match self.0.as_str() {
            "11" => "訪問介護",
            "12" => "訪問入浴介護",
            "13" => "訪問看護",
            "14" => "訪問リハビリテーション",
            "15" => "通所介護",
            "16" => "通所リハビリテーション",
            "17" => "福祉用具貸与",
            "43" => "居宅介護支援",
            "46" => "介護予防支援",
            "78" => "地域密着型通所介護",
            _ => return format!("種類 {}", self.0),
        };
        known.to_string()
    }
    /// 居宅介護支援 (43) and 介護予防支援 (46) offices write care plans; others provide services.
    pub fn is_care_manager_office(&self) -> bool {
        matches!(self.0.as_str(), "43" | "46")
    }
}

impl TryFrom<String> for ServiceTypeCode {
    type Error = ServiceTypeCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ServiceTypeCode> for String {
    fn from(value: ServiceTypeCode) -> Self {
        value.0
    }
}

impl fmt::Display for ServiceTypeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_and_alphanumeric_codes_are_accepted() {
        assert_eq!(ServiceTypeCode::parse("43").unwrap().as_str(), "43");
        assert_eq!(ServiceTypeCode::parse("2a").unwrap().as_str(), "2A");
        assert_eq!(ServiceTypeCode::parse("Ａ２").unwrap().as_str(), "A2");
    }

    #[test]
    fn one_or_three_characters_are_refused() {
        assert!(ServiceTypeCode::parse("4").is_err());
        assert!(ServiceTypeCode::parse("431").is_err());
        assert!(ServiceTypeCode::parse("4-").is_err());
    }

    #[test]
    fn care_manager_offices_are_recognised() {
        assert!(ServiceTypeCode::parse("43")
            .unwrap()
            .is_care_manager_office());
        assert!(!ServiceTypeCode::parse("11")
            .unwrap()
            .is_care_manager_office());
    }
}
