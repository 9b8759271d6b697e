//! A 予実突合 scenario between the demo offices, for the browser test and for anyone trying
//! the reconciliation pages: ケアプランセンターさくら sends 予定 (第6表 + 第7表 + 利用者補足) for
//! two persons to ひまわり訪問介護, which returns 実績 with one planned day missing and one
//! unplanned day added for the first person.

use crate::spec_csv::{sample, FileKind};

/// 対象年月 of the scenario.
pub const MONTH: &str = "202505";
/// The two persons: (被保険者番号, 氏名, フリガナ).
pub const PERSONS: [(&str, &str, &str); 2] = [
    ("0000000101", "山田 花子", "ヤマダ ハナコ"),
    ("0000000102", "鈴木 次郎", "スズキ ジロウ"),
];
/// Days of the 予定 (身体介護 9:00〜10:00 each).
pub const PLANNED_DAYS: [u32; 5] = [7, 8, 9, 14, 15];
/// The day the first person's 実績 leaves out, and the day it adds.
pub const MISSING_DAY: u32 = 8;
/// See [`MISSING_DAY`].
pub const EXTRA_DAY: u32 = 16;
const CODE: &str = "111111";
const UNITS: i64 = 250;

/// The scenario's parties and month.
#[derive(Clone, Copy, Debug)]
pub struct Scenario<'a> {
    /// 対象年月, YYYYMM.
    pub month: &'a str,
    /// The care-manager office: (事業所番号, 種類).
    pub care_manager: (&'a str, &'a str),
    /// The service office: (事業所番号, 種類).
    pub provider: (&'a str, &'a str),
}

type Files = Result<Vec<(String, Vec<u8>)>, csv::Error>;

impl Scenario<'_> {
    fn usage_row(&self, insured: &str, day: u32) -> Vec<String> {
        let month = self.month;
        let mut row = sample::rows(FileKind::UsagePlan).remove(0);
        for (i, v) in [
            (2, insured.to_string()),
            (3, format!("{month}01")),
            (4, month.to_string()),
            (5, self.care_manager.0.to_string()),
            (7, UNITS.to_string()),
            (9, format!("{month}{day:02}")),
            (10, String::new()),
            (11, "0900".into()),
            (12, "1000".into()),
            (14, CODE.into()),
            (15, String::new()),
            (16, String::new()),
            (17, String::new()),
            (19, self.provider.0.to_string()),
            (20, "訪問介護".into()),
            (23, self.care_manager.0.to_string()),
        ] {
            sample::set(&mut row, i, &v);
        }
        row
    }

    fn detail_rows(&self, insured: &str) -> Vec<Vec<String>> {
        let days = i64::try_from(PLANNED_DAYS.len()).unwrap_or(0);
        let amount = (UNITS * days).to_string();
        let base = sample::rows(FileKind::UsageDetail);
        let mut service = base.first().cloned().unwrap_or_default();
        let mut total = base.get(1).cloned().unwrap_or_default();
        for row in [&mut service, &mut total] {
            sample::set(row, 2, insured);
            sample::set(row, 3, &format!("{}01", self.month));
            sample::set(row, 4, self.month);
            for i in [9, 10, 11, 13, 14] {
                sample::set(row, i, "");
            }
        }
        for (i, v) in [
            (5, "訪問介護"),
            (6, self.provider.0),
            (8, CODE),
            (12, &UNITS.to_string()[..]),
            (15, &days.to_string()[..]),
            (16, &amount[..]),
        ] {
            sample::set(&mut service, i, v);
        }
        for (i, v) in [(12, "0"), (15, "0"), (16, &amount[..])] {
            sample::set(&mut total, i, v);
        }
        vec![service, total]
    }

    fn supplement_rows(&self) -> Vec<Vec<String>> {
        PERSONS
            .iter()
            .map(|(insured, name, kana)| {
                let mut row = sample::rows(FileKind::Supplement).remove(0);
                sample::set(&mut row, 2, insured);
                sample::set(&mut row, 3, "00000000");
                sample::set(&mut row, 4, kana);
                sample::set(&mut row, 5, name);
                sample::set(&mut row, 62, self.month);
                row
            })
            .collect()
    }

    fn file(
        &self,
        kind: FileKind,
        rows: Vec<Vec<String>>,
        stamp: &str,
    ) -> Result<(String, Vec<u8>), csv::Error> {
        let backwards = matches!(kind, FileKind::Actuals | FileKind::ActualsDelete);
        let (from, to) = if backwards {
            (self.provider, self.care_manager)
        } else {
            (self.care_manager, self.provider)
        };
        super::demo_files::build(kind, rows, Some(self.month), from, to, stamp)
    }

    /// The 予定 unit for both persons: 利用者補足, 第6表, 第7表.
    pub fn plan_unit(&self, stamp: &str) -> Files {
        let plan = PERSONS
            .iter()
            .flat_map(|(insured, _, _)| PLANNED_DAYS.map(|d| self.usage_row(insured, d)))
            .collect();
        let detail = PERSONS
            .iter()
            .flat_map(|(i, _, _)| self.detail_rows(i))
            .collect();
        Ok(vec![
            self.file(FileKind::Supplement, self.supplement_rows(), stamp)?,
            self.file(FileKind::UsagePlan, plan, stamp)?,
            self.file(FileKind::UsageDetail, detail, stamp)?,
        ])
    }

    /// 実績 for both persons; with `differences`, the first person's lacks [`MISSING_DAY`] and
    /// adds [`EXTRA_DAY`].
    pub fn actuals(&self, stamp: &str, differences: bool) -> Result<(String, Vec<u8>), csv::Error> {
        let mut rows = Vec::new();
        for (n, (insured, _, _)) in PERSONS.iter().enumerate() {
            let first = n == 0 && differences;
            for day in PLANNED_DAYS
                .into_iter()
                .filter(|d| !(first && *d == MISSING_DAY))
            {
                rows.push(self.usage_row(insured, day));
            }
            if first {
                rows.push(self.usage_row(insured, EXTRA_DAY));
            }
        }
        self.file(FileKind::Actuals, rows, stamp)
    }

    /// 実績_削除 (DLTJSK) of one person, for the service office's own number and type.
    pub fn actuals_deletion(
        &self,
        stamp: &str,
        insured: &str,
    ) -> Result<(String, Vec<u8>), csv::Error> {
        let row = [
            "202407",
            "131016",
            insured,
            self.month,
            self.provider.0,
            self.provider.1,
        ];
        self.file(
            FileKind::ActualsDelete,
            vec![row.map(str::to_string).to_vec()],
            stamp,
        )
    }

    /// 第6表 予定 削除 (DLTPLAN) of one person.
    pub fn plan_deletion(
        &self,
        stamp: &str,
        insured: &str,
    ) -> Result<(String, Vec<u8>), csv::Error> {
        let row = ["202407", "131016", insured, self.month];
        self.file(
            FileKind::UsagePlanDelete,
            vec![row.map(str::to_string).to_vec()],
            stamp,
        )
    }
}

/// The scenario between the demo offices for [`MONTH`]: the 予定 unit and the 実績 with one
/// missing and one extra day.
pub fn files(care_manager: (&str, &str), provider: (&str, &str)) -> Files {
    let scenario = Scenario {
        month: MONTH,
        care_manager,
        provider,
    };
    let mut files = scenario.plan_unit("20250425090000")?;
    files.push(scenario.actuals("20250602090000", true)?);
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scenario_files_pass_validation_without_errors() {
        let scenario = Scenario {
            month: MONTH,
            care_manager: ("1371234567", "43"),
            provider: ("1372345678", "11"),
        };
        let mut all = files(scenario.care_manager, scenario.provider).unwrap();
        all.push(scenario.actuals("20250603090000", false).unwrap());
        all.push(
            scenario
                .actuals_deletion("20250604090000", PERSONS[0].0)
                .unwrap(),
        );
        all.push(
            scenario
                .plan_deletion("20250604090000", PERSONS[0].0)
                .unwrap(),
        );
        for (name, bytes) in all {
            let report = crate::spec_csv::validate::validate_file(&name, &bytes);
            assert!(!report.has_errors(), "{name}: {:?}", report.findings);
        }
    }
}
