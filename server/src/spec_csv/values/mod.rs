//! Small value types for spec values, parsed once at the edge (STYLE.md "Newtypes").

mod calendar;
mod codes;
mod insured;
mod office;
mod send_stamp;
mod year_month;

pub use calendar::{is_valid_date, is_valid_date_bytes, is_valid_month_bytes, is_valid_time_bytes};
pub use codes::{ServiceCode, ServiceTypeCode};
pub use insured::{is_valid_insured, InsuredNumber, InsurerNumber};
pub use office::OfficeNumber;
pub use send_stamp::SendStamp;
pub use year_month::YearMonth;

use std::fmt;

/// Why a spec value could not be parsed; `Display` is a Japanese sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// 事業所番号 is not 10 alphanumerics.
    OfficeNumber,
    /// サービス種類コード is not 2 alphanumerics.
    ServiceType,
    /// サービスコード is not 6 alphanumerics.
    ServiceCode,
    /// 保険者番号 is not 6 digits.
    InsurerNumber,
    /// 被保険者番号 is neither 10 digits nor `H` + 9 digits.
    InsuredNumber,
    /// 年月 is not a real YYYYMM.
    YearMonth,
    /// ファイル連番 is not a real YYYYMMDDHHMMSS.
    SendStamp,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::OfficeNumber => "事業所番号は半角英数字10桁で指定してください。",
            Self::ServiceType => "サービス種類コードは半角英数字2桁で指定してください。",
            Self::ServiceCode => "サービスコードは半角英数字6桁で指定してください。",
            Self::InsurerNumber => "保険者番号は数字6桁で指定してください。",
            Self::InsuredNumber => "被保険者番号は数字10桁、またはHと数字9桁で指定してください。",
            Self::YearMonth => "年月はYYYYMM形式の正しい年月で指定してください。",
            Self::SendStamp => "ファイル連番はYYYYMMDDHHMMSS形式の正しい日時で指定してください。",
        })
    }
}

impl std::error::Error for ValueError {}

/// True when `s` has exactly `n` ASCII digits.
#[inline]
pub fn is_digits(s: &[u8], n: usize) -> bool {
    s.len() == n && s.iter().all(u8::is_ascii_digit)
}

/// True when `s` has exactly `n` ASCII letters or digits.
#[inline]
pub fn is_alnum(s: &[u8], n: usize) -> bool {
    s.len() == n && s.iter().all(u8::is_ascii_alphanumeric)
}

/// Defines a string newtype with `as_str`, `Display` and `AsRef<str>`.
macro_rules! string_newtype {
    ($name:ident) => {
        impl $name {
            /// The value as written in the file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}
pub(crate) use string_newtype;
