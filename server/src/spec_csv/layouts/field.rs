//! Column specifications shared by every layout (spec.md §3 legend).

/// Required (○) flag value.
pub const REQ: bool = true;
/// Optional (blank) flag value.
pub const OPT: bool = false;
/// "―": no fixed length (free text).
pub const FREE: u16 = 0;

/// How a column's value is written (spec.md §3 "Date formats", §6.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// フリーテキスト: any text, quoted in the file.
    Text,
    /// Printable ASCII up to the length (TAIS codes, phone numbers).
    Ascii,
    /// CSVバージョン: YYYYMM; unknown values only warn (spec.md §2).
    CsvVersion,
    /// 保険者番号: 6 digits.
    Insurer,
    /// 被保険者番号: 10 digits or `H` + 9 digits.
    Insured,
    /// 事業所番号 / 事業者コード: 10 alphanumerics.
    Office,
    /// サービス種類コード: 2 alphanumerics.
    ServiceType,
    /// サービスコード: 6 alphanumerics.
    ServiceCode,
    /// YYYYMMDD.
    Date,
    /// YYYYMMDD or `00000000` (補足 No.4 when tied to 第6/7表).
    DateOrZeros,
    /// YYYYMM.
    Month,
    /// YYYYMM or `000000` (補足 No.63 when tied to 第1–3表).
    MonthOrZeros,
    /// HHMM or `9999`.
    Time,
    /// Non-negative or negative integer up to the length in digits.
    Integer,
    /// Decimal such as 単位数単価 `99.99`.
    Decimal,
    /// 郵便番号 `XXX-XXXX`.
    Postal,
    /// 日割対象日: 31 characters of `0`/`1`.
    DayMask,
    /// One of the listed code values.
    Code(&'static [&'static str]),
}

/// One column of a layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Japanese field name as printed in the spec (項目名).
    pub name: &'static str,
    /// 項目長 in characters; [`FREE`] for "―".
    pub max_len: u16,
    /// ○ in the 必須 column.
    pub required: bool,
    /// Value format.
    pub format: Format,
}
