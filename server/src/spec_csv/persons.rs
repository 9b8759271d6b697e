//! The insured persons (利用者) in a file, with names where the layout carries them.

use super::csv_read::for_each_record;
use super::decode::DecodeError;
use super::file_kind::FileKind;
use super::layouts::layout_for_width;
use super::parse::Table;
use super::values::{InsuredNumber, InsurerNumber};
use std::collections::HashMap;

/// One insured person found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// 保険者番号.
    pub insurer: InsurerNumber,
    /// 被保険者番号.
    pub insured: InsuredNumber,
    /// 利用者氏名, when the layout has it and it is filled.
    pub name: Option<String>,
    /// 利用者氏名フリガナ, when the layout has it and it is filled.
    pub kana: Option<String>,
}

/// Current-layout columns of (氏名, フリガナ) per kind (spec.md §3.1, §3.10).
pub fn name_columns(kind: FileKind) -> (Option<usize>, Option<usize>) {
    match kind {
        FileKind::Supplement => (Some(5), Some(4)),
        FileKind::BasicInfo => (Some(14), Some(13)),
        FileKind::PreventionPlan => (Some(7), None),
        _ => (None, None),
    }
}

/// Distinct persons in order of first appearance; rows with malformed numbers are skipped.
pub fn persons(table: &Table) -> Vec<Person> {
    let mut found = Found::new(table.kind);
    for row in &table.rows {
        found.add(|col| row.get(col));
    }
    found.out
}

/// [`persons`] of a file's bytes, read straight from its records: only the number and name
/// columns are looked at, where [`read_table`](super::parse::read_table) copies every field.
pub fn persons_in(kind: FileKind, bytes: &[u8]) -> Result<Vec<Person>, DecodeError> {
    let mut found = Found::new(kind);
    for_each_record(bytes, |_, record| {
        let Some(layout) = layout_for_width(kind, record.len()) else {
            return;
        };
        // Current-layout column `full` of this record ("" where this edition lacks it).
        let get = |full: usize| {
            layout
                .to_physical(full)
                .and_then(|col| record.get(col))
                .unwrap_or("")
        };
        found.add(get);
    })?;
    Ok(found.out)
}

/// Persons collected row by row: the first row of a person adds it, later rows fill in a
/// name or フリガナ it still lacks.
struct Found {
    name_col: Option<usize>,
    kana_col: Option<usize>,
    out: Vec<Person>,
    index: HashMap<(InsurerNumber, InsuredNumber), usize>,
}

impl Found {
    fn new(kind: FileKind) -> Self {
        let (name_col, kana_col) = name_columns(kind);
        Self {
            name_col,
            kana_col,
            out: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// One row, as its current-layout columns by index (保険者番号 1, 被保険者番号 2).
    fn add<'a>(&mut self, column: impl Fn(usize) -> &'a str) {
        let (Ok(insurer), Ok(insured)) = (
            InsurerNumber::parse(column(1)),
            InsuredNumber::parse(column(2)),
        ) else {
            return;
        };
        let text = |col: Option<usize>| {
            col.map(&column)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let (name, kana) = (text(self.name_col), text(self.kana_col));
        let out = &mut self.out;
        let slot = *self
            .index
            .entry((insurer.clone(), insured.clone()))
            .or_insert_with(|| {
                out.push(Person {
                    insurer,
                    insured,
                    name: None,
                    kana: None,
                });
                out.len() - 1
            });
        if let Some(person) = out.get_mut(slot) {
            person.name = person.name.take().or(name);
            person.kana = person.kana.take().or(kana);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec_csv::parse::Row;

    fn row(fields: &[(usize, &str)], width: usize) -> Row {
        let mut v = vec![String::new(); width];
        for (i, s) in fields {
            v[*i] = (*s).to_owned();
        }
        Row { line: 1, fields: v }
    }

    #[test]
    fn persons_are_listed_once_with_name_and_kana() {
        let table = Table {
            kind: FileKind::Supplement,
            rows: vec![
                row(
                    &[
                        (1, "131016"),
                        (2, "0000000001"),
                        (4, "ヤマダ タロウ"),
                        (5, "山田 太郎"),
                    ],
                    63,
                ),
                row(&[(1, "131016"), (2, "0000000001")], 63),
                row(&[(1, "131016"), (2, "H000000002")], 63),
                row(&[(1, "bad"), (2, "0000000003")], 63),
            ],
        };
        let found = persons(&table);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name.as_deref(), Some("山田 太郎"));
        assert_eq!(found[0].kana.as_deref(), Some("ヤマダ タロウ"));
        assert_eq!(found[1].insured.as_str(), "H000000002");
        assert_eq!(found[1].name, None);
    }

    #[test]
    fn layouts_without_names_still_list_numbers() {
        let table = Table {
            kind: FileKind::UsagePlan,
            rows: vec![row(&[(1, "131016"), (2, "0000000001")], 25)],
        };
        assert_eq!(persons(&table).len(), 1);
    }

    /// Reading persons from the bytes finds what reading the whole table finds, for every
    /// kind's sample file in every edition of its layout (names and フリガナ included) and for
    /// the large 第6表 of the benchmarks.
    #[test]
    fn persons_in_bytes_are_the_persons_of_the_table() {
        use crate::spec_csv::layouts::{layouts, Edition, Records};
        use crate::spec_csv::parse::read_table;
        use crate::spec_csv::{sample, write::write_records};
        let file = |kind: FileKind, rows: &[Vec<String>]| {
            let mut records = Records::empty(kind).expect("a CSV kind");
            for row in rows {
                let refs: Vec<&str> = row.iter().map(String::as_str).collect();
                assert!(records.push_fields(&refs));
            }
            write_records(&records).expect("sample file")
        };
        let mut files: Vec<(FileKind, Vec<u8>)> = Vec::new();
        for kind in FileKind::ALL.into_iter().filter(|k| !k.is_image()) {
            let rows = sample::rows(kind);
            files.push((kind, file(kind, &rows)));
            // The older V3 edition of 第6/7表: the writer uses it for a V3 CSV version whose
            // V4-only columns are empty.
            if let Some(v3) = layouts(kind).iter().find(|l| l.edition == Edition::V3) {
                let rows: Vec<Vec<String>> = rows
                    .into_iter()
                    .map(|mut row| {
                        sample::set(&mut row, 0, "201910");
                        for (full, value) in row.iter_mut().enumerate() {
                            if v3.to_physical(full).is_none() {
                                value.clear();
                            }
                        }
                        row
                    })
                    .collect();
                let bytes = file(kind, &rows);
                let mut widths = Vec::new();
                for_each_record(&bytes, |_, record| widths.push(record.len())).expect("decodes");
                assert!(
                    !widths.is_empty() && widths.iter().all(|w| *w == v3.width()),
                    "{kind:?} written in V3: {widths:?}"
                );
                files.push((kind, bytes));
            }
        }
        files.push((FileKind::UsagePlan, sample::usage_plan_bytes(60 * 1024)));
        let (mut listed, mut named) = (0, 0);
        for (kind, bytes) in files {
            let table = read_table(kind, &bytes).expect("sample decodes");
            let expected = persons(&table);
            listed += expected.len();
            named += expected.iter().filter(|p| p.name.is_some()).count();
            assert_eq!(
                persons_in(kind, &bytes).expect("decodes"),
                expected,
                "{kind:?}"
            );
        }
        // The comparison means something: the samples hold persons, some of them named.
        assert!(listed > 20 && named > 0, "{listed} persons, {named} named");
    }
}
