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

/// 「1.2MB（1,258,291バイト）」 (DADS file upload).
pub fn size(bytes: u64) -> String {
    let grouped = bytes
        .to_string()
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(",");
    if bytes < 1024 * 1024 {
        format!("{:.1}KB（{grouped}バイト）", bytes as f64 / 1024.0)
    } else {
        format!("{:.1}MB（{grouped}バイト）", bytes as f64 / 1024.0 / 1024.0)
    }
}

/// 「2025年4月分」 for YYYYMM.
pub fn month(yyyymm: &str) -> String {
    match (
        yyyymm.get(..4),
        yyyymm.get(4..6).and_then(|m| m.parse::<u8>().ok()),
    ) {
        (Some(y), Some(m)) if yyyymm.len() == 6 => format!("{y}年{m}月分"),
        _ => yyyymm.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_show_in_japan_time_with_24_hours() {
        // 2025-04-28T05:05:00Z is 14:05 in Japan.
        assert_eq!(date_time(1_745_816_700_000), "2025年4月28日 14:05");
    }

    #[test]
    fn sizes_read_in_kb_or_mb_with_exact_bytes() {
        assert_eq!(size(1_258_291), "1.2MB（1,258,291バイト）");
        assert_eq!(size(2048), "2.0KB（2,048バイト）");
    }

    #[test]
    fn months_read_as_japanese() {
        assert_eq!(month("202504"), "2025年4月分");
    }
}
