//! One formatter for every date and time the portal shows (UI.md §4): absolute, 24-hour, JST.

use time::{OffsetDateTime, UtcOffset};

/// Japan has no daylight saving time: JST is always UTC+9.
const JST: UtcOffset = match UtcOffset::from_hms(9, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

fn to_jst(ms: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .map(|t| t.to_offset(JST))
}

/// 「2025年4月28日 14:05」 for Unix milliseconds.
pub fn date_time(ms: i64) -> String {
    match to_jst(ms) {
        Some(t) => format!(
            "{}年{}月{}日 {:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        ),
        None => String::from("—"),
    }
}

/// ISO form for `<time datetime>`.
pub fn iso(ms: i64) -> String {
    to_jst(ms)
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_show_in_japan_time_with_24_hours() {
        // 2025-04-28T05:05:00Z is 14:05 in Japan.
        assert_eq!(date_time(1_745_816_700_000), "2025年4月28日 14:05");
    }
}
