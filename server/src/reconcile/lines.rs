//! 第6表 rows (予定 `UPPLAN` and 実績 `UPJSK`, one layout, spec.md §3.6) reduced to what
//! matching needs, sorted by person so one person's lines are a slice.

use super::keys::{Code, PersonKey, Provider, TimeBand};
use crate::spec_csv::csv_read::for_each_record;
use crate::spec_csv::decode::DecodeError;
use crate::spec_csv::layouts::layout_for_width;
use crate::spec_csv::parse::Table;
use crate::spec_csv::values::is_valid_date;
use crate::spec_csv::FileKind;

/// Current-layout columns of 第6表 (0-based, spec.md §3.6 numbering minus one).
mod col {
    pub const INSURER: usize = 1;
    pub const INSURED: usize = 2;
    pub const MONTH: usize = 4;
    pub const UNITS: usize = 7;
    pub const DATE: usize = 9;
    pub const PRO_RATA: usize = 10;
    pub const START: usize = 11;
    pub const END: usize = 12;
    pub const COUNT: usize = 13;
    pub const CODE: usize = 14;
    pub const DISCRIMINATOR: usize = 18;
    pub const PROVIDER: usize = 19;
}

/// One service on one date (or, with a 日割 mask, one monthly service).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UsageLine {
    /// 1-based line of the record in its file.
    pub line: u64,
    /// 利用者.
    pub person: PersonKey,
    /// 対象年月, YYYYMM.
    pub month: u32,
    /// サービス利用日, YYYYMMDD.
    pub date: u32,
    /// サービス開始〜終了時刻.
    pub time: TimeBand,
    /// サービス回数.
    pub count: u32,
    /// 単位数 (after discount; spec.md §3.6 No.8).
    pub units: i64,
    /// サービスコード.
    pub code: Code,
    /// 明細判別コード (福祉用具貸与 items with the same code; 0 when empty).
    pub discriminator: u8,
    /// サービス事業者コード with the code's サービス種類.
    pub provider: Provider,
    /// 日割対象日 (bit 0 = day 1); `None` when the field is empty (not 日割).
    pub pro_rata: Option<u32>,
}

impl UsageLine {
    /// Units the line stands for: 単位数 × サービス回数 (our reading of spec.md §3.6 No.8/14:
    /// 単位数 is per service, 回数 counts services billed several times a day).
    pub fn total_units(&self) -> i64 {
        self.units.saturating_mul(i64::from(self.count))
    }
}

/// A record the engine could not use, kept so it is reported rather than dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// 1-based line.
    pub line: u64,
    /// The person, when the numbers could be read.
    pub person: Option<PersonKey>,
    /// What could not be read (Japanese).
    pub reason: &'static str,
}

/// The usable lines of one 第6表 file, sorted by (person, date, time, line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsageFile {
    lines: Vec<UsageLine>,
    /// Records left out, in file order.
    pub unreadable: Vec<Unreadable>,
}

impl UsageFile {
    /// Reads a 予定 or 実績 file's bytes (MS932, V4 or V3 layout).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut file = Self::default();
        for_each_record(bytes, |at, fields| {
            let line = at.get();
            match layout_for_width(FileKind::UsagePlan, fields.len()) {
                Some(layout) => {
                    let get = |full: usize| {
                        layout
                            .to_physical(full)
                            .and_then(|p| fields.get(p))
                            .unwrap_or("")
                    };
                    file.push(read_line(line, get));
                }
                None => file.unreadable.push(Unreadable {
                    line,
                    person: None,
                    reason: "列の数が第6表の形式と合いません",
                }),
            }
        })?;
        file.finish();
        Ok(file)
    }

    /// A file that could not be read at all, reported through its persons.
    pub fn broken(unreadable: Vec<Unreadable>) -> Self {
        Self {
            lines: Vec::new(),
            unreadable,
        }
    }

    /// Reads an already parsed table (rows of a wrong width were left out by the parser).
    pub fn from_table(table: &Table) -> Self {
        let mut file = Self::default();
        for row in &table.rows {
            file.push(read_line(row.line, |i| row.get(i)));
        }
        file.finish();
        file
    }

    fn push(&mut self, read: Result<UsageLine, Unreadable>) {
        match read {
            Ok(l) => self.lines.push(l),
            Err(u) => self.unreadable.push(u),
        }
    }

    fn finish(&mut self) {
        self.lines
            .sort_unstable_by_key(|l| (l.person, l.date, l.time, l.line));
    }

    /// All usable lines.
    pub fn lines(&self) -> &[UsageLine] {
        &self.lines
    }

    /// One person's lines (a slice: the lines are sorted by person).
    pub fn for_person(&self, person: PersonKey) -> &[UsageLine] {
        let start = self.lines.partition_point(|l| l.person < person);
        let end = self.lines.partition_point(|l| l.person <= person);
        self.lines.get(start..end).unwrap_or_default()
    }

    /// One person's unreadable records.
    pub fn unreadable_for(&self, person: PersonKey) -> impl Iterator<Item = &Unreadable> {
        self.unreadable
            .iter()
            .filter(move |u| u.person == Some(person))
    }
}

fn read_line<'a>(line: u64, get: impl Fn(usize) -> &'a str) -> Result<UsageLine, Unreadable> {
    let fail = |person: Option<PersonKey>, reason: &'static str| Unreadable {
        line,
        person,
        reason,
    };
    let person = PersonKey::new(get(col::INSURER), get(col::INSURED))
        .ok_or_else(|| fail(None, "保険者番号または被保険者番号を読み取れません"))?;
    let some = Some(person);
    let month = number(get(col::MONTH), 6).ok_or_else(|| fail(some, "対象年月を読み取れません"))?;
    let date_text = get(col::DATE);
    let date = number(date_text, 8)
        .filter(|_| is_valid_date(date_text))
        .ok_or_else(|| fail(some, "サービス利用日を読み取れません"))?;
    let time = TimeBand::parse(get(col::START), get(col::END))
        .ok_or_else(|| fail(some, "サービス開始・終了時刻を読み取れません"))?;
    let code =
        Code::new(get(col::CODE)).ok_or_else(|| fail(some, "サービスコードを読み取れません"))?;
    let provider = Provider::new(get(col::PROVIDER), code.service_type())
        .ok_or_else(|| fail(some, "サービス事業者コードを読み取れません"))?;
    let units = match get(col::UNITS) {
        "" => 0,
        v => v
            .parse()
            .map_err(|_| fail(some, "単位数を読み取れません"))?,
    };
    let count = get(col::COUNT)
        .parse()
        .map_err(|_| fail(some, "サービス回数を読み取れません"))?;
    let discriminator = match get(col::DISCRIMINATOR) {
        "" => 0,
        v => v
            .parse()
            .map_err(|_| fail(some, "明細判別コードを読み取れません"))?,
    };
    let pro_rata = match get(col::PRO_RATA) {
        "" => None,
        v => Some(day_mask(v).ok_or_else(|| fail(some, "日割対象日を読み取れません"))?),
    };
    Ok(UsageLine {
        line,
        person,
        month,
        date,
        time,
        count,
        units,
        code,
        discriminator,
        provider,
        pro_rata,
    })
}

fn number(value: &str, digits: usize) -> Option<u32> {
    (value.len() == digits && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.parse().ok())
        .flatten()
}

/// `1111100…` (one character per day, `1` = 日割 possible) → bit mask.
fn day_mask(value: &str) -> Option<u32> {
    if value.len() > 31 {
        return None;
    }
    value
        .bytes()
        .enumerate()
        .try_fold(0u32, |mask, (i, b)| match b {
            b'1' => Some(mask | (1 << i)),
            b'0' => Some(mask),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec_csv::{sample, write};

    fn bytes(rows: Vec<Vec<String>>) -> Vec<u8> {
        let mut records = crate::spec_csv::layouts::Records::empty(FileKind::UsagePlan).unwrap();
        for row in &rows {
            let fields: Vec<&str> = row.iter().map(String::as_str).collect();
            records.push_fields(&fields);
        }
        write::write_records(&records).unwrap()
    }

    #[test]
    fn a_sample_row_reads_into_a_line() {
        let file = UsageFile::from_bytes(&bytes(sample::rows(FileKind::UsagePlan))).unwrap();
        let line = file.lines()[0];
        assert_eq!(line.person.insured(), "0000012345");
        assert_eq!(
            (line.date, line.time.start, line.count, line.units),
            (20250401, 900, 1, 1)
        );
        assert_eq!(line.pro_rata, Some(0b11111));
        assert_eq!(line.provider.number(), sample::DESTINATION);
        assert!(file.unreadable.is_empty());
    }

    #[test]
    fn a_row_with_a_broken_date_is_kept_as_unreadable() {
        let mut row = sample::rows(FileKind::UsagePlan).remove(0);
        sample::set(&mut row, col::DATE, "20250431");
        let file = UsageFile::from_bytes(&bytes(vec![row])).unwrap();
        assert!(file.lines().is_empty());
        assert_eq!(file.unreadable[0].reason, "サービス利用日を読み取れません");
        assert!(file.unreadable[0].person.is_some());
    }

    #[test]
    fn lines_are_grouped_by_person() {
        let mut rows = Vec::new();
        for insured in ["0000000003", "0000000001", "0000000003"] {
            let mut row = sample::rows(FileKind::UsagePlan).remove(0);
            sample::set(&mut row, col::INSURED, insured);
            rows.push(row);
        }
        let file = UsageFile::from_bytes(&bytes(rows)).unwrap();
        let three = PersonKey::new("131016", "0000000003").unwrap();
        assert_eq!(file.for_person(three).len(), 2);
        assert_eq!(
            file.for_person(PersonKey::new("131016", "0000000002").unwrap())
                .len(),
            0
        );
    }
}
