//! ファイル連番 (YYYYMMDDHHMMSS), shared by every file of one send unit (spec.md §1.3, §4.4).

use super::{is_digits, is_valid_date, ValueError};
use std::fmt;

/// ファイル連番: the 14-digit timestamp at the end of a file name. Ordering is import order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SendStamp(u64);

impl SendStamp {
    /// Parses YYYYMMDDHHMMSS, checking that date and time are real.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        if !is_digits(s.as_bytes(), 14) || !is_valid_date(&s[..8]) {
            return Err(ValueError::SendStamp);
        }
        let part = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(99);
        if part(8..10) > 23 || part(10..12) > 59 || part(12..14) > 59 {
            return Err(ValueError::SendStamp);
        }
        s.parse::<u64>()
            .map(Self)
            .map_err(|_| ValueError::SendStamp)
    }
}

impl fmt::Display for SendStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:014}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_order_by_time() {
        let a = SendStamp::parse("20191025200201");
        let b = SendStamp::parse("20191025200202");
        assert!(matches!((a, b), (Ok(a), Ok(b)) if a < b));
    }

    #[test]
    fn fifteen_digits_or_a_bad_time_are_rejected() {
        assert_eq!(
            SendStamp::parse("201910252002011"),
            Err(ValueError::SendStamp)
        );
        assert_eq!(
            SendStamp::parse("20191025246000"),
            Err(ValueError::SendStamp)
        );
        assert_eq!(
            SendStamp::parse("20190230200201"),
            Err(ValueError::SendStamp)
        );
    }

    #[test]
    fn a_stamp_prints_as_fourteen_digits() {
        assert_eq!(
            SendStamp::parse("00010101000000").map(|s| s.to_string()),
            Ok("00010101000000".into())
        );
    }
}
