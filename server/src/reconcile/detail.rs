//! 第7表 (サービス利用票別表 `UPSIKYU`, spec.md §3.8) reduced to units per person, office and
//! service code: what the care manager's 給付管理 expects each office to bill.

use super::keys::{Code, PersonKey, Provider};
use super::lines::Unreadable;
use crate::spec_csv::csv_read::for_each_record;
use crate::spec_csv::decode::DecodeError;
use crate::spec_csv::layouts::layout_for_width;
use crate::spec_csv::FileKind;

mod col {
    pub const INSURER: usize = 1;
    pub const INSURED: usize = 2;
    pub const PROVIDER: usize = 6;
    pub const CODE: usize = 8;
    pub const UNITS: usize = 12;
    pub const DISCOUNTED_UNITS: usize = 14;
    pub const COUNT: usize = 15;
    pub const AMOUNT: usize = 16;
}

/// One service row of a 第7表 (subtotal and total rows are left out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DetailLine {
    /// 1-based line.
    pub line: u64,
    /// 利用者.
    pub person: PersonKey,
    /// サービス事業所コード with the code's サービス種類.
    pub provider: Provider,
    /// サービスコード.
    pub code: Code,
    /// サービス単位/金額; where empty, (割引後)単位数 × 回数.
    pub units: i64,
}

/// The service rows of one 第7表 file, sorted by person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailFile {
    lines: Vec<DetailLine>,
    /// Records left out because a value could not be read.
    pub unreadable: Vec<Unreadable>,
}

/// Subtotal (`AAAA`, `EEEE`, `ZZZZ`) and grand-total (`999999`, office `9999999999`) rows carry
/// no service of their own (spec.md §3.8 special codes).
fn is_total_row(code: &str, provider: &str) -> bool {
    code == "999999"
        || provider == "9999999999"
        || ["AAAA", "EEEE", "ZZZZ"].iter().any(|s| code.ends_with(s))
}

impl DetailFile {
    /// Reads a 第7表 file's bytes (V4 or V3 layout).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut file = Self::default();
        for_each_record(bytes, |at, fields| {
            let line = at.get();
            let Some(layout) = layout_for_width(FileKind::UsageDetail, fields.len()) else {
                file.unreadable.push(Unreadable {
                    line,
                    person: None,
                    reason: "列の数が第7表の形式と合いません",
                });
                return;
            };
            let get = |full: usize| {
                layout
                    .to_physical(full)
                    .and_then(|p| fields.get(p))
                    .unwrap_or("")
            };
            if is_total_row(get(col::CODE), get(col::PROVIDER)) {
                return;
            }
            match read_line(line, get) {
                Ok(l) => file.lines.push(l),
                Err(u) => file.unreadable.push(u),
            }
        })?;
        file.lines.sort_unstable_by_key(|l| (l.person, l.line));
        Ok(file)
    }

    /// A file that could not be read at all, reported through its persons.
    pub fn broken(unreadable: Vec<Unreadable>) -> Self {
        Self {
            lines: Vec::new(),
            unreadable,
        }
    }

    /// One person's service rows.
    pub fn for_person(&self, person: PersonKey) -> &[DetailLine] {
        let start = self.lines.partition_point(|l| l.person < person);
        let end = self.lines.partition_point(|l| l.person <= person);
        self.lines.get(start..end).unwrap_or_default()
    }
}

fn read_line<'a>(line: u64, get: impl Fn(usize) -> &'a str) -> Result<DetailLine, Unreadable> {
    let fail = |person: Option<PersonKey>, reason: &'static str| Unreadable {
        line,
        person,
        reason,
    };
    let person = PersonKey::new(get(col::INSURER), get(col::INSURED))
        .ok_or_else(|| fail(None, "保険者番号または被保険者番号を読み取れません"))?;
    let some = Some(person);
    let code =
        Code::new(get(col::CODE)).ok_or_else(|| fail(some, "サービスコードを読み取れません"))?;
    let provider = Provider::new(get(col::PROVIDER), code.service_type())
        .ok_or_else(|| fail(some, "サービス事業所コードを読み取れません"))?;
    let int = |i: usize| -> Result<Option<i64>, Unreadable> {
        match get(i) {
            "" => Ok(None),
            v => v
                .parse()
                .map(Some)
                .map_err(|_| fail(some, "単位数または回数を読み取れません")),
        }
    };
    let units = match int(col::AMOUNT)? {
        Some(amount) => amount,
        None => {
            let per = int(col::DISCOUNTED_UNITS)?
                .or(int(col::UNITS)?)
                .unwrap_or(0);
            per.saturating_mul(int(col::COUNT)?.unwrap_or(0))
        }
    };
    Ok(DetailLine {
        line,
        person,
        provider,
        code,
        units,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec_csv::{layouts::Records, sample, write};

    #[test]
    fn service_rows_are_read_and_the_grand_total_is_left_out() {
        let rows = sample::rows(FileKind::UsageDetail);
        let mut records = Records::empty(FileKind::UsageDetail).unwrap();
        for row in &rows {
            let fields: Vec<&str> = row.iter().map(String::as_str).collect();
            records.push_fields(&fields);
        }
        let file = DetailFile::from_bytes(&write::write_records(&records).unwrap()).unwrap();
        let person = PersonKey::new("131016", "0000012345").unwrap();
        let lines = file.for_person(person);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].code.as_str(), "111111");
        // The sample's サービス単位/金額 is 1.
        assert_eq!(lines[0].units, 1);
    }

    #[test]
    fn totals_are_recognised_by_their_special_codes() {
        assert!(is_total_row("11AAAA", "1372345678"));
        assert!(is_total_row("999999", "9999999999"));
        assert!(!is_total_row("111111", "1372345678"));
    }
}
