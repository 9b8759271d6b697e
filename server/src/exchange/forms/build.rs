//! From parsed records to sheets: one per insured person and version key, in file order, each
//! with the person's header (from the 補足 sent alongside) and what the delivery knows of its
//! version. Pure: no I/O.

use super::{plans, prevention, usage};
use crate::spec_csv::layouts::{
    PreventionPlanRecord, PreventionPlanSubRecord, Records, SupplementRecord,
};
use app::types::{FormBody, FormKind, FormSheet, PersonHeader, SheetKey, VersionStamp};

/// What a form is built from: the opened file's records and the files sent with it.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The opened file (`None` when nothing could be read).
    pub main: Option<Records>,
    /// 利用者補足情報 of the same send that fits the form (plan-tied or of the same month).
    pub supplements: Vec<SupplementRecord>,
    /// 予防: the plan records of the send (whichever of the two files was opened).
    pub prevention_plans: Vec<PreventionPlanRecord>,
    /// 予防: the 別表 records of the send.
    pub prevention_subs: Vec<PreventionPlanSubRecord>,
    /// 予防: whether the send carried a 別表 file at all.
    pub prevention_sub_found: bool,
}

/// One sheet before numbering: key, person, 作成日 and the form.
pub struct Draft {
    /// Version key.
    pub key: SheetKey,
    /// Who.
    pub person: PersonHeader,
    /// 作成日 of the record (`YYYYMMDD`).
    pub created_on: String,
    /// The form.
    pub body: FormBody,
}

/// Sheets of a form, numbered `person-1`, `person-2` …, stamped with 作成日 and 受信日時.
/// 版 and 最新 are left unknown here: the version chain fills them.
pub fn sheets(kind: FormKind, inputs: &Inputs, received_at_ms: i64) -> Vec<FormSheet> {
    let drafts = match (kind, &inputs.main) {
        (FormKind::Plan1, Some(Records::Plan1(rows))) => plans::plan1(rows, &inputs.supplements),
        (FormKind::Plan2, Some(Records::Plan2(rows))) => plans::plan2(rows, &inputs.supplements),
        (FormKind::Plan3, Some(Records::Plan3(rows))) => plans::plan3(rows, &inputs.supplements),
        (FormKind::UsagePlan | FormKind::UsageActual, Some(Records::Usage(rows))) => {
            usage::usage(rows, &inputs.supplements, kind == FormKind::UsageActual)
        }
        (FormKind::UsageDetail, Some(Records::UsageDetail(rows))) => {
            usage::usage_detail(rows, &inputs.supplements)
        }
        (FormKind::Prevention, Some(_)) => prevention::prevention(
            &inputs.prevention_plans,
            &inputs.prevention_subs,
            inputs.prevention_sub_found,
        ),
        _ => Vec::new(),
    };
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| FormSheet {
            anchor: format!("person-{}", i + 1),
            key: d.key,
            person: d.person,
            stamp: VersionStamp {
                created_on: Some(d.created_on).filter(|c| !c.is_empty()),
                received_at_ms: Some(received_at_ms),
                ..VersionStamp::default()
            },
            body: d.body,
        })
        .collect()
}

/// Records grouped by a key, groups in order of first appearance, records in file order.
pub fn group_by<'a, R, K: PartialEq>(
    records: &'a [R],
    key: impl Fn(&R) -> K,
) -> Vec<(K, Vec<&'a R>)> {
    let mut groups: Vec<(K, Vec<&'a R>)> = Vec::new();
    for record in records {
        let k = key(record);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, members)) => members.push(record),
            None => groups.push((k, vec![record])),
        }
    }
    groups
}

/// The version key of a plan sheet.
pub fn plan_key(insurer: &str, insured: &str, plan_date: &str) -> SheetKey {
    SheetKey {
        insurer: insurer.to_string(),
        insured: insured.to_string(),
        plan_date: Some(plan_date.to_string()),
        target_month: None,
    }
}

/// The version key of a 第6/7表 sheet.
pub fn month_key(insurer: &str, insured: &str, month: &str) -> SheetKey {
    SheetKey {
        insurer: insurer.to_string(),
        insured: insured.to_string(),
        plan_date: None,
        target_month: Some(month.to_string()),
    }
}

/// The 補足 of a person: the one for this plan date if several, else the first.
pub fn supplement_for<'a>(
    supplements: &'a [SupplementRecord],
    key: &SheetKey,
) -> Option<&'a SupplementRecord> {
    let mine = || {
        supplements
            .iter()
            .filter(|s| s.insurer == key.insurer && s.insured == key.insured)
    };
    mine()
        .find(|s| key.plan_date.as_deref() == Some(s.plan_date.as_str()))
        .or_else(|| mine().next())
}

/// A person's header from their 補足, if any.
pub fn person(supplement: Option<&SupplementRecord>) -> PersonHeader {
    let Some(s) = supplement else {
        return PersonHeader::default();
    };
    let filled = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    let postal = filled(&s.postal_code)
        .map(|p| format!("〒{p}"))
        .unwrap_or_default();
    PersonHeader {
        name: filled(&s.name),
        kana: filled(&s.name_kana),
        birth_date: filled(&s.birth_date),
        sex: super::labels::sex(&s.sex),
        address: filled(&super::labels::join(&[&postal, &s.address1, &s.address2])),
    }
}
