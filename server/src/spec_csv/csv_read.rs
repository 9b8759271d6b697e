//! RFC-4180-style record reading straight over MS932 bytes (spec.md §2 "Quoting"), decoding
//! only the fields that are not ASCII, with size caps.
//!
//! Splitting before decoding is sound because MS932 trail bytes (0x40–0xFC) never equal `,`,
//! `"`, CR or LF; it lets ASCII fields (most of a file) skip the decoder entirely.

use super::decode::{self, DecodeError};
use csv::{ByteRecord, ReaderBuilder};
use std::cell::{Cell, OnceCell};

/// Most fields a record may have; the widest layout (UPKIHON) has 71.
pub const MAX_FIELDS: usize = 256;
/// Longest field accepted, in bytes; free text longer than this is hostile.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// A syntax problem found while splitting records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The number of `"` is odd: a quoted field is never closed.
    UnbalancedQuotes,
    /// A record has more than [`MAX_FIELDS`] fields; it was skipped.
    TooManyFields {
        /// Line where the record starts.
        line: u64,
    },
    /// A field is longer than [`MAX_FIELD_BYTES`]; the record was skipped.
    FieldTooLong {
        /// Line where the record starts.
        line: u64,
        /// 1-based column.
        column: usize,
    },
}

/// The fields of one record. ASCII fields are read in place; others were checked as MS932 and
/// are decoded on first access, so validation of free text never pays for decoding.
pub struct Fields<'r> {
    raw: &'r ByteRecord,
    decoded: OnceCell<Vec<String>>,
}

impl Fields<'_> {
    /// Number of fields.
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// True when the record has no field.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// True when field `i` is empty or absent, without decoding it.
    pub fn is_blank(&self, i: usize) -> bool {
        self.raw.get(i).is_none_or(<[u8]>::is_empty)
    }

    /// Field `i` (0-based).
    #[inline]
    pub fn get(&self, i: usize) -> Option<&str> {
        let bytes = self.raw.get(i)?;
        if bytes.is_ascii() {
            return std::str::from_utf8(bytes).ok();
        }
        let decoded = self.decoded.get_or_init(|| {
            self.raw
                .iter()
                .map(|f| {
                    if f.is_ascii() {
                        String::new()
                    } else {
                        decode::decode_valid(f)
                    }
                })
                .collect()
        });
        decoded.get(i).map(String::as_str)
    }

    /// Raw MS932 bytes of field `i`, already checked to decode; empty if absent.
    pub fn bytes(&self, i: usize) -> &[u8] {
        self.raw.get(i).unwrap_or_default()
    }

    /// Raw MS932 bytes of every field, in order.
    pub fn iter_bytes(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.raw.iter()
    }

    /// Field `i` decoded into an owned string (for messages).
    pub fn text(&self, i: usize) -> String {
        self.get(i).unwrap_or_default().to_owned()
    }

    /// All fields in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(""))
    }
}

/// Counts lines lazily: validation needs a line number only for a finding, so the '\n' count is
/// done on demand, continuing from the last position asked for.
pub struct LineIndex<'a> {
    bytes: &'a [u8],
    counted_to: Cell<usize>,
    line: Cell<u64>,
}

impl LineIndex<'_> {
    fn line_at(&self, start: usize) -> u64 {
        let (from, line) = if start >= self.counted_to.get() {
            (self.counted_to.get(), self.line.get())
        } else {
            (0, 1)
        };
        let line = line + count_byte(self.bytes.get(from..start).unwrap_or_default(), b'\n') as u64;
        self.counted_to.set(start);
        self.line.set(line);
        line
    }
}

/// Where a record starts; [`LineAt::get`] gives its 1-based line.
#[derive(Clone, Copy)]
pub struct LineAt<'a> {
    index: &'a LineIndex<'a>,
    start: usize,
}

impl LineAt<'_> {
    /// 1-based line where the record starts.
    pub fn get(self) -> u64 {
        self.index.line_at(self.start)
    }
}

/// Calls `on_record(at, fields)` for each record; `at` gives the 1-based line where the record
/// starts, so a record with embedded line breaks is reported at its first line. Fails with the
/// exact offset when the bytes are not MS932 (or are UTF-8).
pub fn for_each_record(
    bytes: &[u8],
    mut on_record: impl FnMut(LineAt<'_>, &Fields<'_>),
) -> Result<Vec<SyntaxProblem>, DecodeError> {
    decode::reject_utf8(bytes)?;
    let mut problems = Vec::new();
    // Every well-formed quoted field contributes an even number of quotes ("" escapes included).
    if count_byte(bytes, b'"') % 2 == 1 {
        problems.push(SyntaxProblem::UnbalancedQuotes);
    }
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = ByteRecord::new();
    // csv's own line counter miscounts CRLF, so count '\n' up to each record's start byte.
    let lines = LineIndex {
        bytes,
        counted_to: Cell::new(0),
        line: Cell::new(1),
    };
    let mut previous_start = 0usize;
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let start = record.position().map_or(previous_start, |p| {
            usize::try_from(p.byte()).unwrap_or(previous_start)
        });
        let mut start = start.clamp(previous_start, bytes.len());
        // The reported start may sit on the previous terminator or on skipped blank lines.
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        previous_start = start;
        let at = LineAt {
            index: &lines,
            start,
        };
        if record.len() > MAX_FIELDS {
            problems.push(SyntaxProblem::TooManyFields { line: at.get() });
            continue;
        }
        // Only a record longer than the cap can hold a field longer than the cap.
        if record.as_slice().len() > MAX_FIELD_BYTES {
            if let Some(i) = record.iter().position(|f| f.len() > MAX_FIELD_BYTES) {
                problems.push(SyntaxProblem::FieldTooLong {
                    line: at.get(),
                    column: i + 1,
                });
                continue;
            }
        }
        let valid = record.as_slice().is_ascii()
            || record.iter().all(|f| f.is_ascii() || decode::is_valid(f));
        if !valid {
            // Error path only: decode the whole file to report the exact offset.
            let error = decode::ms932(bytes).err();
            return Err(error.unwrap_or(DecodeError::Malformed { offset: start }));
        }
        on_record(
            at,
            &Fields {
                raw: &record,
                decoded: OnceCell::new(),
            },
        );
    }
    Ok(problems)
}

/// Counts `needle` in `bytes`; u8 partial sums over 255-byte chunks let the compiler use wide
/// vector adds (the plain `filter().count()` form was a measurable part of validation time).
fn count_byte(bytes: &[u8], needle: u8) -> usize {
    bytes
        .chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(b == needle))))
        .sum()
}

#[cfg(test)]
#[path = "csv_read_tests.rs"]
mod tests;
