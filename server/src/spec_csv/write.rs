//! Writer: typed records → MS932 CSV bytes (spec.md §2 quoting), for tests and fixtures.
//! Exchanged files are forwarded byte for byte and never re-encoded (STYLE.md).

use super::file_kind::FileKind;
use super::layouts::{layouts, Edition, FieldSpec, Format, Layout, Records};
use encoding_rs::SHIFT_JIS;
use std::fmt;

/// CSV versions whose 第6/7表 use the V3 layout without TAIS columns (spec.md §3.9).
const V3_VERSIONS: &[&str] = &["201910", "202003", "202208"];

/// Why records could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// A character has no MS932 code (or is 外字).
    Unmappable {
        /// 0-based record index.
        record: usize,
        /// 1-based column.
        column: usize,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unmappable { record, column } => {
                write!(
                    f,
                    "{}件目の{column}列目にShift_JIS（MS932）で書けない文字があります。",
                    record + 1
                )
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes the records with CRLF line ends; free text is always quoted.
pub fn write_records(records: &Records) -> Result<Vec<u8>, WriteError> {
    let v3 = v3_layout(records);
    let fields = records.fields();
    let mut out = Vec::new();
    for (index, row) in records.rows().iter().enumerate() {
        // The V3 layout only when the version says V3 and the V4-only columns are empty, so
        // nothing is ever dropped.
        let layout = v3.filter(|l| {
            row.first().is_some_and(|v| V3_VERSIONS.contains(v))
                && row
                    .iter()
                    .enumerate()
                    .all(|(i, v)| v.is_empty() || l.to_physical(i).is_some())
        });
        let mut first = true;
        for (full, value) in row.iter().enumerate() {
            if layout.is_some_and(|l| l.to_physical(full).is_none()) {
                continue;
            }
            if !first {
                out.push(b',');
            }
            first = false;
            write_value(&mut out, fields.get(full), value).map_err(|()| {
                WriteError::Unmappable {
                    record: index,
                    column: full + 1,
                }
            })?;
        }
        out.extend_from_slice(b"\r\n");
    }
    Ok(out)
}

fn v3_layout(records: &Records) -> Option<&'static Layout> {
    let kind = match records {
        Records::Usage(_) => FileKind::UsagePlan,
        Records::UsageDetail(_) => FileKind::UsageDetail,
        _ => return None,
    };
    layouts(kind).iter().find(|l| l.edition == Edition::V3)
}

fn write_value(out: &mut Vec<u8>, spec: Option<&FieldSpec>, value: &str) -> Result<(), ()> {
    let free_text = spec.is_some_and(|s| s.format == Format::Text);
    let quote = free_text || value.contains([',', '"', '\r', '\n']);
    let (bytes, _, unmappable) = SHIFT_JIS.encode(value);
    if unmappable {
        return Err(());
    }
    if !quote {
        out.extend_from_slice(&bytes);
        return Ok(());
    }
    out.push(b'"');
    for &b in bytes.iter() {
        // '"' (0x22) never occurs as an MS932 trail byte, so byte-wise escaping is safe.
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
    Ok(())
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
