//! Valid sample records and names, built from the layouts: the base of tests, fixtures and the
//! benchmark. Pure and deterministic.

use super::file_kind::FileKind;
use super::layouts::{layouts, FieldSpec, Format};

/// Sender of the samples: a 居宅介護支援事業所 (type 43).
pub const SENDER: &str = "0300000100";
/// Destination of the samples: a 訪問介護 office (type 11).
pub const DESTINATION: &str = "0300000005";
/// ファイル連番 of the samples.
pub const STAMP: &str = "20250401120000";
/// 対象年月 of the samples.
pub const MONTH: &str = "202504";

/// A V4.1 name for `kind` (sender 43 → destination 11; 実績 the other way round).
pub fn name(kind: FileKind) -> String {
    let month = if kind.has_month() {
        format!("_{MONTH}")
    } else {
        String::new()
    };
    let (from, to) = if matches!(kind, FileKind::Actuals | FileKind::ActualsDelete) {
        (format!("{DESTINATION}_11"), format!("{SENDER}_43"))
    } else {
        (format!("{SENDER}_43"), format!("{DESTINATION}_11"))
    };
    let tail = if kind.is_image() { "_0001.jpg" } else { ".CSV" };
    format!("{}{month}_{from}_{to}_{STAMP}{tail}", kind.prefix())
}

fn value(spec: &FieldSpec) -> String {
    let v = match spec.format {
        Format::Text => "介護　太郎, \"テスト\"",
        Format::Ascii => "03-1234-5678",
        Format::CsvVersion => "202407",
        Format::Insurer => "131016",
        Format::Insured => "0000012345",
        Format::Office => DESTINATION,
        Format::ServiceType => "11",
        Format::ServiceCode => "111111",
        Format::Date => "20250401",
        Format::DateOrZeros => "00000000",
        Format::Month | Format::MonthOrZeros => MONTH,
        Format::Time => "0900",
        Format::Integer => "1",
        Format::Decimal => "10.21",
        Format::Postal => "100-0001",
        Format::DayMask => "1111100000000000000000000000000",
        Format::Code(codes) => codes.first().copied().unwrap_or(""),
    };
    let max = usize::from(spec.max_len);
    if spec.format == Format::Ascii && max > 0 {
        v.chars().take(max).collect()
    } else {
        v.to_owned()
    }
}

/// Valid records for `kind` in current-layout order, every column filled; empty for the image.
/// The 補足 is tied to 第6/7表; the 第7表 has a service row and its grand-total row.
pub fn rows(kind: FileKind) -> Vec<Vec<String>> {
    let Some(layout) = layouts(kind).first() else {
        return Vec::new();
    };
    let row: Vec<String> = layout.fields().iter().map(value).collect();
    match kind {
        FileKind::UsageDetail => {
            let mut total = row.clone();
            set(&mut total, 8, "999999");
            set(&mut total, 6, "9999999999");
            vec![row, total]
        }
        FileKind::Actuals => {
            let mut row = row;
            set(&mut row, 19, DESTINATION);
            vec![row]
        }
        _ => vec![row],
    }
}

/// Valid 補足 records tied to 第1–3表 (No.4 the plan date, No.63 `000000`).
pub fn plan_tied_supplement() -> Vec<Vec<String>> {
    let mut rows = rows(FileKind::Supplement);
    for row in &mut rows {
        set(row, 3, "20250401");
        set(row, 62, "000000");
    }
    rows
}

/// Sets column `i` if it exists.
pub fn set(row: &mut [String], i: usize, value: &str) {
    if let Some(slot) = row.get_mut(i) {
        value.clone_into(slot);
    }
}

/// A UPPLAN file body of at least `min_bytes` bytes (MS932), many persons and services:
/// the benchmark input.
pub fn usage_plan_bytes(min_bytes: usize) -> Vec<u8> {
    let mut text = String::with_capacity(min_bytes + 4096);
    let mut n: u64 = 0;
    let mut ms932_len = 0;
    let codes = ["111111", "112211", "131111", "151111", "171001", "161111"];
    while ms932_len < min_bytes {
        let person = n / 40;
        let day = n % 30 + 1;
        let code = codes[(n % 6) as usize];
        let tais = if code.starts_with("17") {
            "00001-000010"
        } else {
            ""
        };
        let row = format!(
            "202407,131016,{:010},20250325,202504,0300000100,\"介護　花子\",{},,202504{day:02},,{:02}00,{:02}30,1,{code},{tais},,\"{}\",,0300000005,\"訪問介護ステーションさくら\",,0,0300000100,\r\n",
            person + 1,
            100 + n % 500,
            8 + n % 10,
            8 + n % 10,
            if tais.is_empty() { "" } else { "車いす　自走式" },
        );
        // Japanese characters take 3 bytes in UTF-8 but 2 in MS932.
        ms932_len += row.len() - row.chars().filter(|c| !c.is_ascii()).count();
        text.push_str(&row);
        n += 1;
    }
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    bytes.into_owned()
}
