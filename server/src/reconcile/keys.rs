//! Small copyable values the engine matches on: who (保険者番号 + 被保険者番号), which office
//! (事業所番号 + サービス種類), which service (サービスコード) and when (time band). Fixed-size
//! byte arrays, so a month of lines is one allocation and comparisons never touch the heap.

use crate::spec_csv::values::{is_alnum, is_digits, is_valid_insured};
use std::fmt;

fn text(bytes: &[u8]) -> &str {
    // Every constructor checks the bytes are ASCII, so this never falls back.
    std::str::from_utf8(bytes).unwrap_or("")
}

/// 利用者: 保険者番号 (6 digits) + 被保険者番号 (10 digits or `H` + 9 digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonKey {
    insurer: [u8; 6],
    insured: [u8; 10],
}

impl PersonKey {
    /// `None` unless both numbers are well formed.
    pub fn new(insurer: &str, insured: &str) -> Option<Self> {
        let (a, b) = (insurer.as_bytes(), insured.as_bytes());
        if !is_digits(a, 6) || !is_valid_insured(b) {
            return None;
        }
        Some(Self {
            insurer: a.try_into().ok()?,
            insured: b.try_into().ok()?,
        })
    }

    /// 保険者番号.
    pub fn insurer(&self) -> &str {
        text(&self.insurer)
    }

    /// 被保険者番号.
    pub fn insured(&self) -> &str {
        text(&self.insured)
    }
}

/// サービスコード: 2-character サービス種類 + 4-character item (spec.md §3.6 No.15).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code([u8; 6]);

impl Code {
    /// `None` unless 6 ASCII letters or digits.
    pub fn new(code: &str) -> Option<Self> {
        let b = code.as_bytes();
        is_alnum(b, 6).then(|| b.try_into().ok().map(Self))?
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        text(&self.0)
    }

    /// The leading サービス種類コード.
    pub fn service_type(&self) -> &str {
        text(&self.0[..2])
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A service office as the rows name it: サービス事業者コード + サービス種類コード.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Provider {
    number: [u8; 10],
    service_type: [u8; 2],
}

impl Provider {
    /// `None` unless a 10-character number and a 2-character type, both alphanumeric.
    pub fn new(number: &str, service_type: &str) -> Option<Self> {
        let (n, t) = (number.as_bytes(), service_type.as_bytes());
        if !is_alnum(n, 10) || !is_alnum(t, 2) {
            return None;
        }
        Some(Self {
            number: n.try_into().ok()?,
            service_type: t.try_into().ok()?,
        })
    }

    /// 事業所番号.
    pub fn number(&self) -> &str {
        text(&self.number)
    }

    /// サービス種類コード.
    pub fn service_type(&self) -> &str {
        text(&self.service_type)
    }
}

/// サービス開始時刻〜終了時刻 as HHMM numbers; `9999` means the service has no time
/// (spec.md §3.6 No.12–13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeBand {
    /// Start, HHMM (9999 = none).
    pub start: u16,
    /// End, HHMM (9999 = none).
    pub end: u16,
}

impl TimeBand {
    /// Parses two HHMM values (or `9999`); `None` otherwise.
    pub fn parse(start: &str, end: &str) -> Option<Self> {
        Some(Self {
            start: hhmm(start)?,
            end: hhmm(end)?,
        })
    }

    /// True for `9999`/`9999`: a service without a time (monthly add-ons, 福祉用具貸与 …).
    pub fn is_untimed(&self) -> bool {
        self.start == 9999 && self.end == 9999
    }
}

fn hhmm(value: &str) -> Option<u16> {
    let b = value.as_bytes();
    if !is_digits(b, 4) {
        return None;
    }
    let n: u16 = value.parse().ok()?;
    (n == 9999 || (n / 100 <= 24 && n % 100 < 60)).then_some(n)
}

impl fmt::Display for TimeBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one = |t: u16| {
            if t == 9999 {
                "—".to_string()
            } else {
                format!("{}:{:02}", t / 100, t % 100)
            }
        };
        if self.is_untimed() {
            f.write_str("時間指定なし")
        } else {
            write!(f, "{}〜{}", one(self.start), one(self.end))
        }
    }
}

/// 「4月8日」 for YYYYMMDD (the page names the year).
pub fn day_label(date: u32) -> String {
    format!("{}月{}日", date / 100 % 100, date % 100)
}

/// 「1〜5日、20日」 for a 日割対象日 mask (bit 0 = day 1).
pub fn mask_label(mask: u32) -> String {
    if mask == 0 {
        return "なし".into();
    }
    let mut parts = Vec::new();
    let mut day = 1;
    while day <= 31 {
        if mask & (1 << (day - 1)) != 0 {
            let start = day;
            while day < 31 && mask & (1 << day) != 0 {
                day += 1;
            }
            parts.push(if start == day {
                format!("{day}日")
            } else {
                format!("{start}〜{day}日")
            });
        }
        day += 1;
    }
    parts.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_accept_only_well_formed_numbers() {
        assert!(PersonKey::new("131016", "H123456789").is_some());
        assert!(PersonKey::new("13101", "0000012345").is_none());
        assert!(Code::new("11A1").is_none());
        assert_eq!(
            Code::new("111111").map(|c| c.service_type().to_string()),
            Some("11".into())
        );
    }

    #[test]
    fn times_and_masks_read_in_japanese() {
        assert_eq!(
            TimeBand::parse("0900", "1030").map(|t| t.to_string()),
            Some("9:00〜10:30".into())
        );
        assert_eq!(
            TimeBand::parse("9999", "9999").map(|t| t.to_string()),
            Some("時間指定なし".into())
        );
        assert_eq!(TimeBand::parse("2561", "0000"), None);
        assert_eq!(
            mask_label(0b1_0000_0000_0000_0000_0001_1111),
            "1〜5日、25日"
        );
        assert_eq!(day_label(20250408), "4月8日");
    }
}
