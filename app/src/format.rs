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

/// 和暦 year of a date: 「令和7年」, 「令和元年」 for year 1; `None` before 明治.
fn wareki_year(year: i32, month: u32, day: u32) -> Option<String> {
    const ERAS: [(&str, (i32, u32, u32)); 5] = [
        ("令和", (2019, 5, 1)),
        ("平成", (1989, 1, 8)),
        ("昭和", (1926, 12, 25)),
        ("大正", (1912, 7, 30)),
        ("明治", (1868, 1, 1)),
    ];
    let (era, (start, _, _)) = ERAS
        .iter()
        .find(|(_, start)| (year, month, day) >= *start)?;
    let n = year - start + 1;
    Some(if n == 1 {
        format!("{era}元年")
    } else {
        format!("{era}{n}年")
    })
}

/// 「2025年4月1日（令和7年）」 for a `YYYYMMDD` value from a file (UI.md §4); empty and
/// `00000000` read as empty, anything else unparsable is shown as written.
pub fn ymd(yyyymmdd: &str) -> String {
    let value = yyyymmdd.trim();
    if value.is_empty() || value.bytes().all(|b| b == b'0') {
        return String::new();
    }
    let parts = (
        value.get(..4).and_then(|y| y.parse::<i32>().ok()),
        value.get(4..6).and_then(|m| m.parse::<u32>().ok()),
        value.get(6..8).and_then(|d| d.parse::<u32>().ok()),
    );
    match parts {
        (Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) if value.len() == 8 => {
            match wareki_year(y, m, d) {
                Some(era) => format!("{y}年{m}月{d}日（{era}）"),
                None => format!("{y}年{m}月{d}日"),
            }
        }
        _ => value.to_string(),
    }
}

/// 「2025年4月分（令和7年）」 for `YYYYMM` (UI.md §4: 対象年月 with 和暦).
pub fn month_wareki(yyyymm: &str) -> String {
    let value = yyyymm.trim();
    match (
        value.get(..4).and_then(|y| y.parse::<i32>().ok()),
        value.get(4..6).and_then(|m| m.parse::<u32>().ok()),
    ) {
        (Some(y), Some(m @ 1..=12)) if value.len() == 6 => match wareki_year(y, m, 28) {
            Some(era) => format!("{y}年{m}月分（{era}）"),
            None => format!("{y}年{m}月分"),
        },
        _ => value.to_string(),
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

    #[test]
    fn file_dates_read_with_the_japanese_era() {
        assert_eq!(ymd("20250401"), "2025年4月1日（令和7年）");
        assert_eq!(ymd("20190501"), "2019年5月1日（令和元年）");
        assert_eq!(ymd("20190430"), "2019年4月30日（平成31年）");
        assert_eq!(ymd("19350105"), "1935年1月5日（昭和10年）");
        assert_eq!(ymd("00000000"), "");
        assert_eq!(ymd("2025-4-1"), "2025-4-1");
        assert_eq!(month_wareki("202504"), "2025年4月分（令和7年）");
    }
}
