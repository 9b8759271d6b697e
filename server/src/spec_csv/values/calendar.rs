//! Calendar checks for YYYYMMDD dates and HHMM times (spec.md §3 "Date formats").

/// True when `s` is a real Gregorian date written as YYYYMMDD (the spec fixes only the shape,
/// so any four-digit year passes).
pub fn is_valid_date(s: &str) -> bool {
    is_valid_date_bytes(s.as_bytes())
}

/// Two ASCII digits as a number; callers have checked they are digits.
#[inline]
fn two(b: &[u8], i: usize) -> u32 {
    u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0')
}

/// [`is_valid_date`] over raw bytes, for validating fields without decoding them.
#[inline]
pub fn is_valid_date_bytes(b: &[u8]) -> bool {
    if !super::is_digits(b, 8) {
        return false;
    }
    let (y, m, d) = (two(b, 0) * 100 + two(b, 2), two(b, 4), two(b, 6));
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// YYYYMM with month 01–12, over raw bytes.
#[inline]
pub fn is_valid_month_bytes(b: &[u8]) -> bool {
    super::is_digits(b, 6) && (1..=12).contains(&two(b, 4))
}

/// Days in month `m` (1–12) of year `y`.
pub(crate) fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => 0,
    }
}

/// True when `s` is HHMM with 00:00–24:00, or the spec's "no time" value `9999` (§3.6 No.12).
#[inline]
pub fn is_valid_time_bytes(b: &[u8]) -> bool {
    if b == b"9999" {
        return true;
    }
    if !super::is_digits(b, 4) {
        return false;
    }
    let (h, m) = (two(b, 0), two(b, 2));
    (h < 24 && m < 60) || (h == 24 && m == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leap_day_is_a_date_only_in_a_leap_year() {
        assert!(is_valid_date("20240229"));
        assert!(!is_valid_date("20250229"));
        assert!(!is_valid_date("19000229"));
        assert!(is_valid_date("20000229"));
    }

    #[test]
    fn the_thirtieth_of_february_is_not_a_date() {
        assert!(!is_valid_date("20250230"));
        assert!(!is_valid_date("2025023"));
        assert!(!is_valid_date("20251301"));
    }

    #[test]
    fn nine_nine_nine_nine_means_no_time() {
        assert!(is_valid_time_bytes(b"9999"));
        assert!(is_valid_time_bytes(b"0930"));
        assert!(is_valid_time_bytes(b"2400"));
        assert!(!is_valid_time_bytes(b"2401"));
        assert!(!is_valid_time_bytes(b"0960"));
        assert!(!is_valid_time_bytes(b"12:00"));
    }
}
