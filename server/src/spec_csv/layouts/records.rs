//! `Records`: the typed records of one file, one variant per layout.

use super::*;

macro_rules! records {
    ( $( $variant:ident($ty:ty) = $($kind:ident)|+ ; )+ ) => {
        /// All records of one file, typed by the file's layout.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Records {
            $(
                #[doc = concat!("Records of `", stringify!($ty), "`.")]
                $variant(Vec<$ty>),
            )+
        }

        impl Records {
            /// An empty collection for a CSV kind; `None` for the JPEG image.
            pub fn empty(kind: FileKind) -> Option<Self> {
                match kind {
                    $( $(FileKind::$kind)|+ => Some(Self::$variant(Vec::new())), )+
                    FileKind::BasicInfoImage => None,
                }
            }

            /// Appends a record from current-layout values; false if the count is wrong.
            pub fn push_fields(&mut self, fields: &[&str]) -> bool {
                match self {
                    $( Self::$variant(v) => match <$ty>::from_fields(fields) {
                        Some(r) => { v.push(r); true }
                        None => false,
                    }, )+
                }
            }

            /// Each record's values in current-layout order.
            pub fn rows(&self) -> Vec<Vec<&str>> {
                match self {
                    $( Self::$variant(v) => v.iter().map(Record::to_fields).collect(), )+
                }
            }

            /// Number of records.
            pub fn len(&self) -> usize {
                match self {
                    $( Self::$variant(v) => v.len(), )+
                }
            }

            /// True when there is no record.
            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }

            /// Current-layout columns of these records.
            pub fn fields(&self) -> &'static [FieldSpec] {
                match self {
                    $( Self::$variant(_) => <$ty>::FIELDS, )+
                }
            }
        }
    };
}

records! {
    Supplement(SupplementRecord) = Supplement;
    Plan1(Plan1Record) = Plan1;
    Plan2(Plan2Record) = Plan2;
    Plan3(Plan3Record) = Plan3;
    Plan1Delete(Plan1DeleteRecord) = Plan1Delete;
    Usage(UsageRecord) = UsagePlan | Actuals;
    UsagePlanDelete(UsagePlanDeleteRecord) = UsagePlanDelete;
    ActualsDelete(ActualsDeleteRecord) = ActualsDelete;
    UsageDetail(UsageDetailRecord) = UsageDetail;
    BasicInfo(BasicInfoRecord) = BasicInfo;
    BasicInfoSub1(BasicInfoSub1Record) = BasicInfoSub1;
    BasicInfoSub2(BasicInfoSub2Record) = BasicInfoSub2;
    BasicInfoDelete(BasicInfoDeleteRecord) = BasicInfoDelete;
    PreventionPlan(PreventionPlanRecord) = PreventionPlan;
    PreventionPlanSub(PreventionPlanSubRecord) = PreventionPlanSub;
    PreventionPlanDelete(PreventionPlanDeleteRecord) = PreventionPlanDelete;
}
