//! The month's reconciliation: for every person × office case, takes that office's rows out of
//! the latest 予定, 第7表 and 実績, compares them and sets the status.

use super::detail::DetailFile;
use super::keys::{Code, PersonKey, Provider};
use super::lines::{UsageFile, UsageLine};
use super::matching::compare;
use super::report::{Comparison, DiffKind, Difference, MonthReport, ServiceTotal, Side, Status};
use std::collections::BTreeMap;

/// One person with one office: the documents that count (the latest live version of each,
/// chosen by the data source).
#[derive(Clone, Copy, Debug)]
pub struct Case<'a> {
    /// Index into the partners.
    pub partner: usize,
    /// 利用者.
    pub person: PersonKey,
    /// The latest 予定 (UPPLAN) sent to this office that holds the person.
    pub plan: Option<&'a UsageFile>,
    /// The 第7表 sent with that 予定.
    pub detail: Option<&'a DetailFile>,
    /// The latest 実績 (UPJSK) this office sent for the person.
    pub actual: Option<&'a UsageFile>,
}

/// Reconciles `month` (YYYYMM) for `partners`; cases without anything to compare are left out.
pub fn reconcile(month: u32, partners: &[Provider], cases: &[Case<'_>]) -> MonthReport {
    let owner = Owner(partners);
    let mut comparisons: Vec<Comparison> = cases
        .iter()
        .filter_map(|case| reconcile_case(month, &owner, case))
        .collect();
    comparisons.sort_by_key(|c| (c.partner, c.person));
    MonthReport {
        month,
        partners: partners.to_vec(),
        comparisons,
    }
}

/// Which partner a row belongs to: the one with the row's 事業所番号 and サービス種類, else the
/// only partner with that 事業所番号 (add-on codes of another type, 予防 codes).
struct Owner<'p>(&'p [Provider]);

impl Owner<'_> {
    fn of(&self, provider: Provider) -> Option<usize> {
        if let Some(i) = self.0.iter().position(|p| *p == provider) {
            return Some(i);
        }
        let mut same_number = self
            .0
            .iter()
            .enumerate()
            .filter(|(_, p)| p.number() == provider.number());
        match (same_number.next(), same_number.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }
}

fn in_month(line: &UsageLine, month: u32) -> bool {
    line.month == month && line.date / 100 == month
}

fn row(kind: DiffKind, side: Side, line: u64, reason: String) -> Difference {
    Difference {
        kind,
        planned: None,
        actual: None,
        totals: None,
        row: Some((side, line, reason)),
    }
}

fn reconcile_case(month: u32, owner: &Owner<'_>, case: &Case<'_>) -> Option<Comparison> {
    let mine = |l: &&UsageLine| owner.of(l.provider) == Some(case.partner);
    let mut notes = Vec::new();
    let mut planned = Vec::new();
    if let Some(plan) = case.plan {
        for l in plan.for_person(case.person).iter().filter(mine) {
            if in_month(l, month) {
                planned.push(*l);
            } else {
                notes.push(other_month(Side::Plan, l));
            }
        }
        notes.extend(unreadable(plan, Side::Plan, case.person));
    }
    let mut actual = Vec::new();
    if let Some(file) = case.actual {
        for l in file.for_person(case.person) {
            if !mine(&l) {
                let reason = format!(
                    "サービス事業者コード {}・サービス種類 {} の行です",
                    l.provider.number(),
                    l.provider.service_type()
                );
                notes.push(row(DiffKind::OtherProvider, Side::Actual, l.line, reason));
            } else if in_month(l, month) {
                actual.push(*l);
            } else {
                notes.push(other_month(Side::Actual, l));
            }
        }
        notes.extend(unreadable(file, Side::Actual, case.person));
    }
    if let Some(detail) = case.detail {
        notes.extend(
            detail
                .unreadable
                .iter()
                .filter(|u| u.person == Some(case.person))
                .map(|u| {
                    row(
                        DiffKind::Unreadable,
                        Side::Detail,
                        u.line,
                        u.reason.to_string(),
                    )
                }),
        );
    }
    let has_plan = !planned.is_empty();
    let delivered = case.actual.is_some();
    if !has_plan && !delivered {
        return None;
    }
    let totals = totals(&planned, &actual, case, owner);
    let mut differences = if delivered {
        compare(&planned, &actual)
    } else {
        Vec::new()
    };
    if delivered && case.detail.is_some() {
        differences.extend(detail_differences(&totals));
    }
    differences.extend(notes);
    let status = match (has_plan, delivered) {
        (true, false) => Status::ActualsMissing,
        (false, _) => Status::NotPlanned,
        (true, true) if differences.is_empty() => Status::Match,
        (true, true) => Status::Differences,
    };
    Some(Comparison {
        person: case.person,
        partner: case.partner,
        status,
        differences,
        totals,
        planned,
        actual,
        has_detail: case.detail.is_some(),
    })
}

fn other_month(side: Side, l: &UsageLine) -> Difference {
    let reason = format!("対象年月 {}・サービス利用日 {} の行です", l.month, l.date);
    let mut d = row(DiffKind::OtherMonth, side, l.line, reason);
    if side == Side::Plan {
        d.planned = Some(*l);
    } else {
        d.actual = Some(*l);
    }
    d
}

fn unreadable(file: &UsageFile, side: Side, person: PersonKey) -> Vec<Difference> {
    file.unreadable_for(person)
        .map(|u| row(DiffKind::Unreadable, side, u.line, u.reason.to_string()))
        .collect()
}

fn totals(
    planned: &[UsageLine],
    actual: &[UsageLine],
    case: &Case<'_>,
    owner: &Owner<'_>,
) -> Vec<ServiceTotal> {
    let mut by_code: BTreeMap<Code, ServiceTotal> = BTreeMap::new();
    for l in planned {
        let t = by_code.entry(l.code).or_insert_with(|| blank(l.code, case));
        t.planned_units += l.total_units();
        t.planned_count += l.count;
    }
    for l in actual {
        let t = by_code.entry(l.code).or_insert_with(|| blank(l.code, case));
        t.actual_units += l.total_units();
        t.actual_count += l.count;
    }
    if let Some(detail) = case.detail {
        for d in detail.for_person(case.person) {
            if owner.of(d.provider) == Some(case.partner) {
                let t = by_code.entry(d.code).or_insert_with(|| blank(d.code, case));
                t.detail_units = Some(t.detail_units.unwrap_or(0) + d.units);
            }
        }
    }
    by_code.into_values().collect()
}

fn blank(code: Code, case: &Case<'_>) -> ServiceTotal {
    ServiceTotal {
        code,
        planned_units: 0,
        planned_count: 0,
        actual_units: 0,
        actual_count: 0,
        detail_units: case.detail.map(|_| 0),
    }
}

/// 第7表 units against 実績 totals per code. A code whose 実績 lines all carry 0 units is not
/// compared (spec.md §3.6 No.8: percentage codes may be 0 in 実績).
fn detail_differences(totals: &[ServiceTotal]) -> Vec<Difference> {
    totals
        .iter()
        .filter_map(|t| {
            let detail = t.detail_units?;
            let uncomputed = t.actual_units == 0 && t.actual_count > 0;
            (detail != t.actual_units && !uncomputed).then_some(Difference {
                kind: DiffKind::DetailTotalDiffers,
                planned: None,
                actual: None,
                totals: Some((t.code, detail, t.actual_units)),
                row: None,
            })
        })
        .collect()
}
