//! Checks one value against its column spec (spec.md §3 legend, §6.1). Works on the raw MS932
//! bytes: every format except free text is ASCII, so no field is decoded unless a message has to
//! quote it.

use crate::spec_csv::layouts::{FieldSpec, Format};
use crate::spec_csv::report::{show, Rule, Severity};
use crate::spec_csv::values::{
    is_alnum, is_digits, is_valid_date_bytes, is_valid_insured, is_valid_month_bytes,
    is_valid_time_bytes,
};

/// CSV version values of spec.md §2 (V1, V2, V3, V4.0, V4.1).
pub const KNOWN_VERSIONS: &[&str] = &["201910", "202003", "202208", "202504", "202407"];

/// A problem with one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueProblem {
    /// Error or warning.
    pub severity: Severity,
    /// Rule broken.
    pub rule: Rule,
    /// Japanese message.
    pub message: String,
}

fn problem(severity: Severity, rule: Rule, message: String) -> Option<ValueProblem> {
    Some(ValueProblem {
        severity,
        rule,
        message,
    })
}

/// Checks a decoded value; see [`check`].
pub fn check_str(spec: &FieldSpec, value: &str) -> Option<ValueProblem> {
    check(spec, value.as_bytes(), &|| value.to_owned())
}

/// Byte equality written as a loop: values are a few bytes long, where a call to `memcmp`
/// costs more than the comparison.
#[inline]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// True when [`check`] finds nothing wrong with `value`: exactly its `None` condition, without
/// building a message. The validation loop calls this for every field and [`check`] only when
/// it fails.
#[inline]
pub fn is_ok(spec: &FieldSpec, value: &[u8]) -> bool {
    if value.is_empty() {
        return !spec.required;
    }
    let max = usize::from(spec.max_len);
    let fits = max == 0 || value.len() <= max;
    match spec.format {
        // A longer byte length may still fit in characters; check decides.
        Format::Text => fits,
        Format::CsvVersion => KNOWN_VERSIONS.iter().any(|v| same(v.as_bytes(), value)),
        Format::Code(codes) => codes.iter().any(|c| same(c.as_bytes(), value)),
        format => fits && format_ok(format, value),
    }
}

/// Checks `value` (raw bytes of one field) against `spec`; `None` when it is fine. `text`
/// decodes the value and is called only to quote it in a message.
pub fn check(spec: &FieldSpec, value: &[u8], text: &dyn Fn() -> String) -> Option<ValueProblem> {
    if value.is_empty() {
        return if spec.required {
            problem(
                Severity::Error,
                Rule::Required,
                "必須項目が入力されていません。".into(),
            )
        } else {
            None
        };
    }
    let max = usize::from(spec.max_len);
    match spec.format {
        Format::Text => {
            // Byte length bounds the character count from above; count only when it may matter.
            if max == 0 || value.len() <= max {
                return None;
            }
            let n = text().chars().count();
            (n > max).then(|| too_long(max, n))?
        }
        Format::CsvVersion => {
            if KNOWN_VERSIONS.iter().any(|v| v.as_bytes() == value) {
                return None;
            }
            // spec.md §2: non-spec values such as 202410 exist in the wild; accept them.
            let message = format!(
                "標準仕様にないCSVバージョンです（{}）。内容はV4.1として確認しました。",
                show(&text())
            );
            problem(Severity::Warning, Rule::UnknownVersion, message)
        }
        Format::Code(codes) => {
            if codes.iter().any(|c| c.as_bytes() == value) {
                return None;
            }
            let message = format!(
                "コード値が正しくありません（{}）。使える値: {}",
                show(&text()),
                codes.join("、")
            );
            problem(Severity::Error, Rule::Code, message)
        }
        format => match format_error(format, value) {
            Some(what) => problem(
                Severity::Error,
                Rule::Format,
                format!("{what}（{}）", show(&text())),
            ),
            // Only ASCII passes the format checks, so bytes count characters here.
            None if max > 0 && value.len() > max => too_long(max, value.len()),
            None => None,
        },
    }
}

fn too_long(max: usize, n: usize) -> Option<ValueProblem> {
    let message = format!("桁数が多すぎます（最大{max}桁のところ{n}桁あります）。");
    problem(Severity::Error, Rule::Length, message)
}

/// The message stem when `value` does not have `format`.
fn format_error(format: Format, v: &[u8]) -> Option<&'static str> {
    if format_ok(format, v) {
        return None;
    }
    Some(match format {
        Format::Ascii => "半角英数字・記号で入力してください。",
        Format::Insurer => "保険者番号は数字6桁で入力してください。",
        Format::Insured => "被保険者番号は数字10桁、またはHと数字9桁で入力してください。",
        Format::Office => "事業所番号は10桁で入力してください。",
        Format::ServiceType => "サービス種類コードは英数字2桁で入力してください。",
        Format::ServiceCode => "サービスコードは英数字6桁で入力してください。",
        Format::Date | Format::DateOrZeros => "日付が正しくありません。",
        Format::Month | Format::MonthOrZeros => "年月が正しくありません。",
        Format::Time => {
            "時刻が正しくありません。HHMM形式か、時刻がない場合は9999で入力してください。"
        }
        Format::Integer => "数値（半角数字）で入力してください。",
        Format::Decimal => "数値（例: 10.21）で入力してください。",
        Format::Postal => "郵便番号はXXX-XXXX形式で入力してください。",
        Format::DayMask => "日割対象日は0か1を31桁で入力してください。",
        Format::Text | Format::CsvVersion | Format::Code(_) => "値が正しくありません。",
    })
}

/// True when `v` has `format` (the shape only; lengths are checked by the caller).
#[inline]
fn format_ok(format: Format, v: &[u8]) -> bool {
    match format {
        Format::Ascii => v.iter().all(|b| (0x20..0x7F).contains(b)),
        Format::Insurer => is_digits(v, 6),
        Format::Insured => is_valid_insured(v),
        Format::Office => is_alnum(v, 10),
        Format::ServiceType => is_alnum(v, 2),
        Format::ServiceCode => is_alnum(v, 6),
        Format::Date => is_valid_date_bytes(v),
        Format::DateOrZeros => v == b"00000000" || is_valid_date_bytes(v),
        Format::Month => is_valid_month_bytes(v),
        Format::MonthOrZeros => v == b"000000" || is_valid_month_bytes(v),
        Format::Time => is_valid_time_bytes(v),
        Format::Integer => {
            let digits = v.strip_prefix(b"-").unwrap_or(v);
            !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
        }
        Format::Decimal => is_decimal(v),
        Format::Postal => {
            v.len() == 8
                && v.iter().enumerate().all(|(i, c)| {
                    if i == 3 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
        }
        Format::DayMask => v.len() == 31 && v.iter().all(|b| matches!(b, b'0' | b'1')),
        Format::Text | Format::CsvVersion | Format::Code(_) => true,
    }
}

fn is_decimal(v: &[u8]) -> bool {
    let (int, frac) = match v.iter().position(|&b| b == b'.') {
        Some(i) => (&v[..i], &v[i + 1..]),
        None => (v, &b"0"[..]),
    };
    !int.is_empty()
        && !frac.is_empty()
        && int.iter().all(u8::is_ascii_digit)
        && frac.iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
#[path = "field_tests.rs"]
mod tests;
