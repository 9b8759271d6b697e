//! Record layouts of spec.md §3: one Rust type per layout, plus the column tables used by
//! validation, the writer and the diff.

mod basic_info;
mod basic_info_sub;
pub mod codes;
mod deletions;
mod field;
mod macros;
mod plan1;
mod plan2;
mod plan3;
mod prevention_plan;
mod prevention_plan_sub;
mod records;
mod supplement;
mod usage;
mod usage_detail;

pub use basic_info::BasicInfoRecord;
pub use basic_info_sub::{BasicInfoSub1Record, BasicInfoSub2Record};
pub use deletions::{
    ActualsDeleteRecord, BasicInfoDeleteRecord, Plan1DeleteRecord, PreventionPlanDeleteRecord,
    UsagePlanDeleteRecord,
};
pub use field::{FieldSpec, Format, FREE, OPT, REQ};
pub use plan1::Plan1Record;
pub use plan2::Plan2Record;
pub use plan3::Plan3Record;
pub use prevention_plan::PreventionPlanRecord;
pub use prevention_plan_sub::PreventionPlanSubRecord;
pub use records::Records;
pub use supplement::SupplementRecord;
pub use usage::UsageRecord;
pub use usage_detail::UsageDetailRecord;

use super::file_kind::FileKind;

/// A typed record of one layout, convertible from and to its columns.
pub trait Record: Sized {
    /// The columns of the current (V4.1) layout, in file order.
    const FIELDS: &'static [FieldSpec];
    /// Builds a record from exactly `FIELDS.len()` values; `None` for any other count.
    fn from_fields(fields: &[&str]) -> Option<Self>;
    /// The values in file order.
    fn to_fields(&self) -> Vec<&str>;
}

/// Which edition of a layout a file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edition {
    /// The V4.0/V4.1 layout (also V1–V3 where the layout did not change).
    Current,
    /// The V3 layout of 第6表/第7表, without TAIS columns (spec.md §3.9 inferred consequences).
    V3,
}

/// One layout variant: the current columns minus an optional contiguous block.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Edition of this variant.
    pub edition: Edition,
    full: &'static [FieldSpec],
    /// (start, len) of the current-layout columns this edition lacks.
    omitted: (usize, usize),
}

impl Layout {
    /// Number of columns a record of this variant has.
    pub fn width(&self) -> usize {
        self.full.len() - self.omitted.1
    }

    /// Number of columns of the current layout.
    pub fn full_width(&self) -> usize {
        self.full.len()
    }

    /// Current-layout index of physical column `col` (0-based).
    pub fn to_full(&self, col: usize) -> usize {
        if self.omitted.1 > 0 && col >= self.omitted.0 {
            col + self.omitted.1
        } else {
            col
        }
    }

    /// Physical column (0-based) of current-layout index `full`, `None` if this edition lacks it.
    pub fn to_physical(&self, full: usize) -> Option<usize> {
        let (start, len) = self.omitted;
        if full < start || len == 0 {
            Some(full)
        } else if full < start + len {
            None
        } else {
            Some(full - len)
        }
    }

    /// Spec of physical column `col`.
    pub fn spec(&self, col: usize) -> Option<&'static FieldSpec> {
        self.full.get(self.to_full(col))
    }

    /// Specs of the physical columns, in file order.
    pub fn specs(&self) -> impl Iterator<Item = &'static FieldSpec> + '_ {
        let (start, len) = self.omitted;
        let (head, tail) = self.full.split_at(start.min(self.full.len()));
        head.iter().chain(tail.get(len..).unwrap_or_default())
    }

    /// Current-layout column specs.
    pub fn fields(&self) -> &'static [FieldSpec] {
        self.full
    }
}

const fn current(full: &'static [FieldSpec]) -> Layout {
    Layout {
        edition: Edition::Current,
        full,
        omitted: (0, 0),
    }
}

static SUPPLEMENT: [Layout; 1] = [current(SupplementRecord::FIELDS)];
static PLAN1: [Layout; 1] = [current(Plan1Record::FIELDS)];
static PLAN2: [Layout; 1] = [current(Plan2Record::FIELDS)];
static PLAN3: [Layout; 1] = [current(Plan3Record::FIELDS)];
static PLAN1_DELETE: [Layout; 1] = [current(Plan1DeleteRecord::FIELDS)];
static USAGE: [Layout; 2] = [
    current(UsageRecord::FIELDS),
    Layout {
        edition: Edition::V3,
        full: UsageRecord::FIELDS,
        omitted: (usage::V3_OMITTED[0], usage::V3_OMITTED.len()),
    },
];
static USAGE_PLAN_DELETE: [Layout; 1] = [current(UsagePlanDeleteRecord::FIELDS)];
static ACTUALS_DELETE: [Layout; 1] = [current(ActualsDeleteRecord::FIELDS)];
static USAGE_DETAIL: [Layout; 2] = [
    current(UsageDetailRecord::FIELDS),
    Layout {
        edition: Edition::V3,
        full: UsageDetailRecord::FIELDS,
        omitted: (usage_detail::V3_OMITTED[0], usage_detail::V3_OMITTED.len()),
    },
];
static BASIC_INFO: [Layout; 1] = [current(BasicInfoRecord::FIELDS)];
static BASIC_INFO_SUB1: [Layout; 1] = [current(BasicInfoSub1Record::FIELDS)];
static BASIC_INFO_SUB2: [Layout; 1] = [current(BasicInfoSub2Record::FIELDS)];
static BASIC_INFO_DELETE: [Layout; 1] = [current(BasicInfoDeleteRecord::FIELDS)];
static PREVENTION_PLAN: [Layout; 1] = [current(PreventionPlanRecord::FIELDS)];
static PREVENTION_PLAN_SUB: [Layout; 1] = [current(PreventionPlanSubRecord::FIELDS)];
static PREVENTION_PLAN_DELETE: [Layout; 1] = [current(PreventionPlanDeleteRecord::FIELDS)];

/// The layout variants of a kind, current first; empty for the JPEG image.
pub fn layouts(kind: FileKind) -> &'static [Layout] {
    match kind {
        FileKind::Supplement => &SUPPLEMENT,
        FileKind::Plan1 => &PLAN1,
        FileKind::Plan2 => &PLAN2,
        FileKind::Plan3 => &PLAN3,
        FileKind::Plan1Delete => &PLAN1_DELETE,
        FileKind::UsagePlan | FileKind::Actuals => &USAGE,
        FileKind::UsagePlanDelete => &USAGE_PLAN_DELETE,
        FileKind::ActualsDelete => &ACTUALS_DELETE,
        FileKind::UsageDetail => &USAGE_DETAIL,
        FileKind::BasicInfo => &BASIC_INFO,
        FileKind::BasicInfoSub1 => &BASIC_INFO_SUB1,
        FileKind::BasicInfoSub2 => &BASIC_INFO_SUB2,
        FileKind::BasicInfoImage => &[],
        FileKind::BasicInfoDelete => &BASIC_INFO_DELETE,
        FileKind::PreventionPlan => &PREVENTION_PLAN,
        FileKind::PreventionPlanSub => &PREVENTION_PLAN_SUB,
        FileKind::PreventionPlanDelete => &PREVENTION_PLAN_DELETE,
    }
}

/// The variant whose width is `width`, if any.
pub fn layout_for_width(kind: FileKind, width: usize) -> Option<&'static Layout> {
    layouts(kind).iter().find(|l| l.width() == width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width(kind: FileKind) -> usize {
        layouts(kind).first().map_or(0, Layout::width)
    }

    #[test]
    fn every_layout_has_the_column_count_of_spec_section_three() {
        let expected = [
            (FileKind::Supplement, 63),
            (FileKind::Plan1, 28),
            (FileKind::Plan2, 22),
            (FileKind::Plan3, 13),
            (FileKind::Plan1Delete, 4),
            (FileKind::UsagePlan, 25),
            (FileKind::Actuals, 25),
            (FileKind::UsagePlanDelete, 4),
            (FileKind::ActualsDelete, 6),
            (FileKind::UsageDetail, 37),
            (FileKind::BasicInfo, 71),
            (FileKind::BasicInfoSub1, 7),
            (FileKind::BasicInfoSub2, 11),
            (FileKind::BasicInfoImage, 0),
            (FileKind::BasicInfoDelete, 4),
            (FileKind::PreventionPlan, 57),
            (FileKind::PreventionPlanSub, 17),
            (FileKind::PreventionPlanDelete, 4),
        ];
        for (kind, n) in expected {
            assert_eq!(width(kind), n, "{kind:?}");
        }
    }

    #[test]
    fn v3_usage_slips_lack_the_three_tais_columns() {
        assert!(layout_for_width(FileKind::UsagePlan, 22).is_some_and(|l| l.edition == Edition::V3));
        assert!(
            layout_for_width(FileKind::UsageDetail, 34).is_some_and(|l| l.edition == Edition::V3)
        );
        let v3 = &USAGE[1];
        assert_eq!(v3.spec(15).map(|s| s.name), Some("明細判別コード"));
        assert_eq!(v3.to_physical(16), None);
        assert_eq!(v3.to_physical(19), Some(16));
    }

    #[test]
    fn every_layout_starts_with_the_three_common_fields() {
        for kind in FileKind::ALL.into_iter().filter(|k| !k.is_image()) {
            let names: Vec<_> = layouts(kind)[0]
                .fields()
                .iter()
                .take(3)
                .map(|f| f.name)
                .collect();
            assert_eq!(
                names,
                ["CSVバージョン", "保険者番号", "被保険者番号"],
                "{kind:?}"
            );
        }
    }
}
