//! Which records of a file belong to one version: 0-based indices into the file's parsed
//! table (`spec_csv::parse::read_table`), stored compactly as ranges ("0-9,15-15").

use crate::spec_csv::parse::{Row, Table};
use std::fmt;
use std::str::FromStr;

/// Sorted, non-overlapping inclusive ranges of record indices.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowRanges(Vec<(usize, usize)>);

impl RowRanges {
    /// Ranges covering `indices` (any order, duplicates allowed).
    pub fn from_indices(indices: impl IntoIterator<Item = usize>) -> Self {
        let mut sorted: Vec<usize> = indices.into_iter().collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for i in sorted {
            match ranges.last_mut() {
                Some((_, end)) if *end + 1 == i => *end = i,
                _ => ranges.push((i, i)),
            }
        }
        Self(ranges)
    }

    /// The ranges, inclusive.
    pub fn ranges(&self) -> &[(usize, usize)] {
        &self.0
    }

    /// How many records.
    pub fn len(&self) -> usize {
        self.0.iter().map(|(a, b)| b - a + 1).sum()
    }

    /// True when no record is covered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when record `i` is covered.
    pub fn contains(&self, i: usize) -> bool {
        self.0.iter().any(|&(a, b)| (a..=b).contains(&i))
    }

    /// The covered records of `table` (indices past its end are skipped).
    pub fn select<'t>(&self, table: &'t Table) -> Vec<&'t Row> {
        self.0
            .iter()
            .flat_map(|&(a, b)| {
                table
                    .rows
                    .get(a..=b.min(table.rows.len().saturating_sub(1)))
            })
            .flatten()
            .collect()
    }
}

impl fmt::Display for RowRanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, (a, b)) in self.0.iter().enumerate() {
            if n > 0 {
                f.write_str(",")?;
            }
            write!(f, "{a}-{b}")?;
        }
        Ok(())
    }
}

/// A stored range list that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRanges;

impl FromStr for RowRanges {
    type Err = BadRanges;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Ok(Self::default());
        }
        let mut out = Vec::new();
        for part in s.split(',') {
            let (a, b) = part.split_once('-').ok_or(BadRanges)?;
            let (a, b): (usize, usize) = (
                a.parse().map_err(|_| BadRanges)?,
                b.parse().map_err(|_| BadRanges)?,
            );
            if b < a || out.last().is_some_and(|&(_, end)| end >= a) {
                return Err(BadRanges);
            }
            out.push((a, b));
        }
        Ok(Self(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec_csv::FileKind;

    #[test]
    fn indices_become_compact_ranges_and_back() {
        let r = RowRanges::from_indices([5, 0, 1, 2, 9, 1]);
        assert_eq!(r.to_string(), "0-2,5-5,9-9");
        assert_eq!(r.len(), 5);
        assert_eq!("0-2,5-5,9-9".parse::<RowRanges>(), Ok(r.clone()));
        assert!(r.contains(5) && !r.contains(6));
        assert_eq!("".parse::<RowRanges>(), Ok(RowRanges::default()));
    }

    #[test]
    fn malformed_or_overlapping_ranges_are_refused() {
        for bad in ["1", "2-1", "0-3,2-4", "a-b", "0-1,"] {
            assert_eq!(bad.parse::<RowRanges>(), Err(BadRanges), "{bad}");
        }
    }

    #[test]
    fn select_picks_the_rows_and_ignores_indices_past_the_end() {
        let table = Table {
            kind: FileKind::UsagePlan,
            rows: (0..4)
                .map(|i| Row {
                    line: i + 1,
                    fields: vec![i.to_string()],
                })
                .collect(),
        };
        let picked = RowRanges::from_indices([1, 3, 7]).select(&table);
        assert_eq!(picked.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
    }
}
