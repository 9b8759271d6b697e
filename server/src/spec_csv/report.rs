//! Validation findings and their Japanese rendering (spec.md §6).

use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file does not follow the spec; receivers may reject it.
    Error,
    /// Suspicious but accepted (e.g. an unknown CSV version, spec.md §2).
    Warning,
}

impl Severity {
    /// Japanese label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Error => "エラー",
            Self::Warning => "警告",
        }
    }
}

/// Which rule a finding comes from; stable for tests and for later features to filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// File name grammar (spec.md §1.4).
    FileName,
    /// Sender and destination office are the same (spec.md §6.2).
    SameOffice,
    /// MS932 decoding (spec.md §2).
    Encoding,
    /// CSV quoting or size caps.
    Syntax,
    /// No record at all.
    NoRecords,
    /// A header row, which the spec does not define (spec.md §2).
    HeaderRow,
    /// Column count of a record (spec.md §3).
    ColumnCount,
    /// A required (○) field is empty.
    Required,
    /// Longer than 項目長.
    Length,
    /// Wrong format (date, month, time, number, office number …).
    Format,
    /// Not a value of the code table.
    Code,
    /// CSVバージョン not in the known set: a warning only (spec.md §2).
    UnknownVersion,
    /// Records of different CSV versions in one file (spec.md §2).
    MixedVersions,
    /// CSVバージョン does not fit the service month (spec.md §6.2).
    VersionMonth,
    /// 対象年月 differs from the file name or between records (spec.md §2, §6.2).
    MonthMismatch,
    /// 利用者補足 No.4/No.63 do not fit the file-name month (spec.md §6.2).
    SupplementLink,
    /// サービス利用日 outside 対象年月.
    DateOutsideMonth,
    /// TAIS or 届出コード missing on a 17/67 row (spec.md §3.6 No.16).
    TaisMissing,
    /// 第7表 grand-total rules (spec.md §3.8).
    Totals,
    /// An insured person with no row for the destination office (spec.md §6.2 routing).
    Unrelated,
    /// Not a JPEG (spec.md §1.2).
    NotJpeg,
    /// Too many findings; the rest were left out.
    Truncated,
    /// Send-unit combination (spec.md §1.3).
    SendUnit,
}

/// One problem, located as precisely as possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// File name as given.
    pub file: String,
    /// 1-based line where the record starts.
    pub line: Option<u64>,
    /// 1-based column.
    pub column: Option<usize>,
    /// Japanese field name.
    pub field: Option<&'static str>,
    /// Error or warning.
    pub severity: Severity,
    /// The rule broken.
    pub rule: Rule,
    /// Japanese message for a care-office clerk.
    pub message: String,
}

impl fmt::Display for Finding {
    /// 「[エラー] FILE 3行目 12列目（サービス利用日）: 日付が正しくありません（20250230）」
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.severity.label(), self.file)?;
        if let Some(line) = self.line {
            write!(f, " {line}行目")?;
        }
        if let Some(column) = self.column {
            write!(f, " {column}列目")?;
        }
        if let Some(field) = self.field {
            write!(f, "（{field}）")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Everything found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// File name as given.
    pub file: String,
    /// Parsed name, when the name follows the grammar.
    pub name: Option<super::SpecFileName>,
    /// Number of records read.
    pub records: usize,
    /// Findings in file order.
    pub findings: Vec<Finding>,
}

impl FileReport {
    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// Shortens a value for a message: at most 30 characters, control characters shown as `?`.
pub fn show(value: &str) -> String {
    let mut out: String = value
        .chars()
        .take(30)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if value.chars().nth(30).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_reads_as_one_japanese_sentence() {
        let f = Finding {
            file: "UPPLAN.CSV".into(),
            line: Some(3),
            column: Some(10),
            field: Some("サービス利用日"),
            severity: Severity::Error,
            rule: Rule::Format,
            message: "日付が正しくありません（20250230）".into(),
        };
        assert_eq!(f.to_string(), "[エラー] UPPLAN.CSV 3行目 10列目（サービス利用日）: 日付が正しくありません（20250230）");
    }

    #[test]
    fn long_or_control_values_are_shortened_for_messages() {
        assert_eq!(show("a\r\nb"), "a??b");
        assert_eq!(show(&"x".repeat(40)).chars().count(), 31);
    }
}
