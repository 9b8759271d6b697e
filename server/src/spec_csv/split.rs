//! The record splitter behind `csv_read`: finds field boundaries over the raw MS932 bytes,
//! following `csv_core`'s state machine byte for byte (CRLF/CR/LF endings, `""` escapes, text
//! after a closing quote). Plain records are split without copying; others are re-read into a
//! scratch buffer.

use super::csv_read::MAX_FIELDS;

/// Adds a field span, keeping at most `MAX_FIELDS + 1` (enough to tell the record is too wide).
#[inline]
fn push_span(spans: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    if spans.len() <= MAX_FIELDS {
        spans.push((start, end));
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Candidate separator positions, found eight bytes at a time: every byte below `-` (0x2D) is a
/// candidate, which covers `"` (0x22), `,` (0x2C), CR and LF and lets digits, letters and MS932
/// text (lead bytes ≥ 0x81, trail bytes ≥ 0x40) through. Callers skip the other candidates.
struct Candidates<'a> {
    bytes: &'a [u8],
    /// Offset of the word `mask` describes.
    base: usize,
    /// Bit 8k+7 set when byte `base + k` may be a candidate; the lowest set bit is exact.
    mask: u64,
}

impl<'a> Candidates<'a> {
    fn new(bytes: &'a [u8], from: usize) -> Self {
        Self {
            bytes,
            base: from,
            mask: Self::word_mask(bytes, from),
        }
    }

    /// The classic "has a byte less than n" test: exact for the lowest flagged byte, maybe
    /// over-eager above it (a borrow), never missing one. Past the end, bytes read as 0xFF.
    #[inline]
    fn word_mask(bytes: &[u8], at: usize) -> u64 {
        let rest = bytes.get(at..).unwrap_or_default();
        let word = match rest.first_chunk::<8>() {
            Some(chunk) => u64::from_le_bytes(*chunk),
            None => {
                let mut padded = [0xFF; 8];
                for (slot, &b) in padded.iter_mut().zip(rest) {
                    *slot = b;
                }
                u64::from_le_bytes(padded)
            }
        };
        word.wrapping_sub(ONES * 0x2D) & !word & HIGHS
    }

    /// The next candidate offset, `None` at the end of input.
    #[inline]
    fn next(&mut self) -> Option<usize> {
        loop {
            if self.mask != 0 {
                let at = self.base + (self.mask.trailing_zeros() / 8) as usize;
                self.mask &= self.mask - 1;
                return Some(at);
            }
            self.base += 8;
            if self.base >= self.bytes.len() {
                return None;
            }
            self.mask = Self::word_mask(self.bytes, self.base);
        }
    }
}

/// Splits the record starting at `start` (not a line break) into spans of `bytes`; returns the
/// offset just past its last field (its terminator, or the end of input) and the number of `"`
/// in the record. `None` when a field is not a plain slice: a `""` escape, or bytes after a
/// closing quote.
#[inline]
pub(super) fn split_plain(
    bytes: &[u8],
    start: usize,
    spans: &mut Vec<(usize, usize)>,
) -> Option<(usize, usize)> {
    let mut candidates = Candidates::new(bytes, start);
    let mut quotes = 0usize;
    // Where the current field's content starts, and whether it is an open quoted field.
    let mut field = start;
    let mut quoted = bytes.get(start) == Some(&b'"');
    if quoted {
        quotes += 1;
        field += 1;
    }
    loop {
        let Some(at) = candidates.next() else {
            // End of input ends the record; an unclosed quoted field runs to it, as in csv_core.
            push_span(spans, field, bytes.len());
            return Some((bytes.len(), quotes));
        };
        if at < field {
            // The opening quote of the field, or the comma after the previous closing quote.
            continue;
        }
        let c = bytes.get(at).copied().unwrap_or(0);
        let next_field = if quoted {
            if c != b'"' {
                continue;
            }
            quotes += 1;
            push_span(spans, field, at);
            match bytes.get(at + 1) {
                None | Some(b'\r' | b'\n') => return Some((at + 1, quotes)),
                Some(b',') => at + 2,
                Some(_) => return None,
            }
        } else {
            match c {
                // In an unquoted field a `"` is an ordinary byte.
                b'"' => {
                    quotes += 1;
                    continue;
                }
                b',' => {
                    push_span(spans, field, at);
                    at + 1
                }
                b'\r' | b'\n' => {
                    push_span(spans, field, at);
                    return Some((at, quotes));
                }
                _ => continue,
            }
        };
        field = next_field;
        quoted = bytes.get(field) == Some(&b'"');
        if quoted {
            quotes += 1;
            field += 1;
        }
    }
}

/// State of [`split_copy`], as in csv_core's reader.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the first byte of a field.
    Start,
    /// In an unquoted field (or after text following a closing quote).
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// Just after a `"` in a quoted field: an escape or the closing quote.
    QuoteInQuoted,
}

/// The full state machine for records [`split_plain`] declines: unescapes the record starting
/// at `start` into `scratch` with spans into it; returns the offset just past the record.
pub(super) fn split_copy(
    bytes: &[u8],
    start: usize,
    spans: &mut Vec<(usize, usize)>,
    scratch: &mut Vec<u8>,
) -> (usize, usize) {
    scratch.clear();
    let mut quotes = 0;
    let mut field_start = 0;
    let mut state = State::Start;
    let mut i = start;
    while let Some(&c) = bytes.get(i) {
        quotes += usize::from(c == b'"');
        let ends = match (state, c) {
            (State::Quoted, b'"') => {
                state = State::QuoteInQuoted;
                false
            }
            (State::Quoted, _) => {
                scratch.push(c);
                false
            }
            (State::Start, b'"') => {
                state = State::Quoted;
                false
            }
            (State::QuoteInQuoted, b'"') => {
                scratch.push(c);
                state = State::Quoted;
                false
            }
            (_, b',') => {
                push_span(spans, field_start, scratch.len());
                field_start = scratch.len();
                state = State::Start;
                false
            }
            (_, b'\r' | b'\n') => true,
            (_, _) => {
                scratch.push(c);
                state = State::Unquoted;
                false
            }
        };
        if ends {
            break;
        }
        i += 1;
    }
    push_span(spans, field_start, scratch.len());
    (i, quotes)
}

/// Counts `needle` in `bytes`; u8 partial sums over 255-byte chunks let the compiler use wide
/// vector adds (the plain `filter().count()` form was a measurable part of validation time).
pub(super) fn count_byte(bytes: &[u8], needle: u8) -> usize {
    bytes
        .chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(b == needle))))
        .sum()
}
