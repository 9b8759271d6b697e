//! The insured persons (利用者) in a file, with names where the layout carries them.

use super::file_kind::FileKind;
use super::parse::Table;
use super::values::{InsuredNumber, InsurerNumber};

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
    let (name_col, kana_col) = name_columns(table.kind);
    let mut out: Vec<Person> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for row in &table.rows {
        let (Ok(insurer), Ok(insured)) = (
            InsurerNumber::parse(row.get(1)),
            InsuredNumber::parse(row.get(2)),
        ) else {
            continue;
        };
        let text = |col: Option<usize>| {
            col.map(|c| row.get(c))
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let (name, kana) = (text(name_col), text(kana_col));
        let slot = *index
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
    out
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
}
