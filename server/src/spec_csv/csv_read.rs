//! RFC-4180-style record reading straight over MS932 bytes (spec.md §2 "Quoting"), decoding
//! only the fields that are not ASCII, with size caps.
//!
//! Splitting before decoding is sound because MS932 trail bytes (0x40–0xFC) never equal `,`,
//! `"`, CR or LF; it lets ASCII fields (most of a file) skip the decoder entirely.
//!
//! The splitter follows the state machine of `csv_core` (the `csv` crate's reader, with CRLF
//! terminators, `""` escapes and no comments) byte for byte, so records and fields are exactly
//! the ones `csv::Reader` would give. A record whose fields are plain slices of the input (no
//! `""` escape, nothing after a closing quote) is read without copying; any other record is
//! re-read by the full state machine into a scratch buffer.

use super::decode::{self, DecodeError};
use super::split::{count_byte, split_copy, split_plain};
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
    /// The bytes the spans index: the input itself, or a scratch copy for unescaped records.
    data: &'r [u8],
    /// (start, end) of each field in `data`.
    spans: &'r [(usize, usize)],
    decoded: OnceCell<Vec<String>>,
}

impl<'r> Fields<'r> {
    #[inline]
    fn raw(&self, i: usize) -> Option<&'r [u8]> {
        let &(start, end) = self.spans.get(i)?;
        self.data.get(start..end)
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when the record has no field.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// True when field `i` is empty or absent, without decoding it.
    pub fn is_blank(&self, i: usize) -> bool {
        self.raw(i).is_none_or(<[u8]>::is_empty)
    }

    /// Field `i` (0-based).
    #[inline]
    pub fn get(&self, i: usize) -> Option<&str> {
        let bytes = self.raw(i)?;
        if bytes.is_ascii() {
            return std::str::from_utf8(bytes).ok();
        }
        let decoded = self.decoded.get_or_init(|| {
            self.iter_bytes()
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
    #[inline]
    pub fn bytes(&self, i: usize) -> &[u8] {
        self.raw(i).unwrap_or_default()
    }

    /// Raw MS932 bytes of every field, in order.
    pub fn iter_bytes(&self) -> impl Iterator<Item = &[u8]> + '_ {
        let data = self.data;
        self.spans
            .iter()
            .map(move |&(start, end)| data.get(start..end).unwrap_or_default())
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
    // Every `"` of the input is counted while splitting (records cover every byte but line
    // breaks): every well-formed quoted field contributes an even number ("" escapes included).
    let mut quotes = 0usize;
    let lines = LineIndex {
        bytes,
        counted_to: Cell::new(0),
        line: Cell::new(1),
    };
    // Reused for every record: the field spans (at most MAX_FIELDS + 1 are kept) and the
    // unescaped copy of a record that is not a run of plain slices.
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(64);
    let mut scratch: Vec<u8> = Vec::new();
    let mut pos = 0usize;
    loop {
        // Between records, line breaks are skipped (blank lines included).
        while bytes.get(pos).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            pos += 1;
        }
        if pos >= bytes.len() {
            break;
        }
        let start = pos;
        spans.clear();
        let (end, copied) = match split_plain(bytes, start, &mut spans) {
            Some((end, n)) => {
                quotes += n;
                (end, false)
            }
            None => {
                spans.clear();
                let (end, n) = split_copy(bytes, start, &mut spans, &mut scratch);
                quotes += n;
                (end, true)
            }
        };
        pos = end;
        let data: &[u8] = if copied { &scratch } else { bytes };
        let fields = Fields {
            data,
            spans: &spans,
            decoded: OnceCell::new(),
        };
        let at = LineAt {
            index: &lines,
            start,
        };
        if spans.len() > MAX_FIELDS {
            problems.push(SyntaxProblem::TooManyFields { line: at.get() });
            continue;
        }
        let span = bytes.get(start..end).unwrap_or_default();
        // The raw span is at least as long as any field in it.
        if span.len() > MAX_FIELD_BYTES {
            if let Some(i) = fields.iter_bytes().position(|f| f.len() > MAX_FIELD_BYTES) {
                problems.push(SyntaxProblem::FieldTooLong {
                    line: at.get(),
                    column: i + 1,
                });
                continue;
            }
        }
        // Separators are ASCII and never an MS932 trail byte, so a record of plain slices is
        // valid exactly when its whole span is; a copied record is checked field by field.
        let valid = span.is_ascii()
            || if copied {
                fields
                    .iter_bytes()
                    .all(|f| f.is_ascii() || decode::is_valid(f))
            } else {
                decode::is_valid(span)
            };
        if !valid {
            // Error path only: decode the whole file to report the exact offset.
            let error = decode::ms932(bytes).err();
            return Err(error.unwrap_or(DecodeError::Malformed { offset: start }));
        }
        on_record(at, &fields);
    }
    if quotes % 2 == 1 {
        problems.insert(0, SyntaxProblem::UnbalancedQuotes);
    }
    Ok(problems)
}

#[cfg(test)]
#[path = "csv_read_tests.rs"]
mod tests;
