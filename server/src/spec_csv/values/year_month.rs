//! 年月 (YYYYMM), used for 対象年月 and CSVバージョン (spec.md §2, §3).

use super::{is_digits, ValueError};
use std::fmt;

/// A year and month written YYYYMM, e.g. 対象年月 `202504`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// Parses YYYYMM with month 01–12.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        if !is_digits(s.as_bytes(), 6) {
            return Err(ValueError::YearMonth);
        }
        let year = s[..4].parse::<u16>().map_err(|_| ValueError::YearMonth)?;
        let month = s[4..].parse::<u8>().map_err(|_| ValueError::YearMonth)?;
        Self::new(year, month).ok_or(ValueError::YearMonth)
    }

    /// Builds a value from parts; `None` if the month is not 1–12.
    pub fn new(year: u16, month: u8) -> Option<Self> {
        ((1..=12).contains(&month) && year <= 9999).then_some(Self { year, month })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_month_round_trips_through_text() {
        assert_eq!(
            YearMonth::parse("202504").map(|m| m.to_string()),
            Ok("202504".into())
        );
    }

    #[test]
    fn month_thirteen_and_zero_are_rejected() {
        assert_eq!(YearMonth::parse("202513"), Err(ValueError::YearMonth));
        assert_eq!(YearMonth::parse("000000"), Err(ValueError::YearMonth));
        assert_eq!(YearMonth::parse("20251"), Err(ValueError::YearMonth));
    }
}
