//! Pairs one person's planned lines with their delivered lines for one office and lists the
//! differences. The rules are written down in the module docs of `reconcile`.

use super::lines::UsageLine;
use super::report::{DiffKind, Difference};

/// Compares `planned` with `actual` (both one person with one office, one month, sorted by
/// date and time). Differences come back in date order, monthly (日割) services last.
pub fn compare(planned: &[UsageLine], actual: &[UsageLine]) -> Vec<Difference> {
    let mut out = Vec::new();
    let (plan_monthly, plan_daily): (Vec<&UsageLine>, Vec<&UsageLine>) =
        planned.iter().partition(|l| l.pro_rata.is_some());
    let (act_monthly, act_daily): (Vec<&UsageLine>, Vec<&UsageLine>) =
        actual.iter().partition(|l| l.pro_rata.is_some());

    let mut left_plan = Vec::new();
    let mut left_act = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < plan_daily.len() || j < act_daily.len() {
        let date = match (plan_daily.get(i), act_daily.get(j)) {
            (Some(p), Some(a)) => p.date.min(a.date),
            (Some(p), None) => p.date,
            (None, Some(a)) => a.date,
            (None, None) => break,
        };
        let p_end = i + plan_daily[i..]
            .iter()
            .take_while(|l| l.date == date)
            .count();
        let a_end = j + act_daily[j..].iter().take_while(|l| l.date == date).count();
        let (lp, la) = match_day(&plan_daily[i..p_end], &act_daily[j..a_end], &mut out);
        left_plan.extend(lp);
        left_act.extend(la);
        (i, j) = (p_end, a_end);
    }
    across_dates(left_plan, left_act, &mut out);
    monthly(&plan_monthly, &act_monthly, &mut out);
    out
}

type Leftovers<'a> = (Vec<&'a UsageLine>, Vec<&'a UsageLine>);

/// One date: same line (code, time band, 明細判別コード), then same code at another time, then
/// same time with another code. What is left goes back to the caller.
fn match_day<'a>(
    plan: &[&'a UsageLine],
    actual: &[&'a UsageLine],
    out: &mut Vec<Difference>,
) -> Leftovers<'a> {
    let mut used = vec![false; actual.len()];
    let mut rest = Vec::new();
    let mut pending: Vec<&UsageLine> = Vec::new();
    for p in plan {
        let same = |a: &&UsageLine| {
            a.code == p.code && a.time == p.time && a.discriminator == p.discriminator
        };
        match take(actual, &mut used, same) {
            Some(a) => values(p, a, out),
            None => pending.push(p),
        }
    }
    let mut unpaired = Vec::new();
    for p in pending {
        // The nearest start time wins when the same code appears twice that day.
        let near = actual
            .iter()
            .enumerate()
            .filter(|(k, a)| !used[*k] && a.code == p.code && a.discriminator == p.discriminator)
            .min_by_key(|(_, a)| a.time.start.abs_diff(p.time.start))
            .map(|(k, _)| k);
        match near {
            Some(k) => {
                used[k] = true;
                out.push(Difference::pair(
                    DiffKind::TimeDiffers,
                    Some(*p),
                    Some(*actual[k]),
                ));
                values(p, actual[k], out);
            }
            None => unpaired.push(p),
        }
    }
    for p in unpaired {
        let same_time = |a: &&UsageLine| a.time == p.time && !a.time.is_untimed();
        match take(actual, &mut used, same_time) {
            Some(a) => out.push(Difference::pair(DiffKind::CodeDiffers, Some(*p), Some(*a))),
            None => rest.push(p),
        }
    }
    let left = actual
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(a, _)| *a)
        .collect();
    (rest, left)
}

fn take<'a>(
    actual: &[&'a UsageLine],
    used: &mut [bool],
    matches: impl Fn(&&UsageLine) -> bool,
) -> Option<&'a UsageLine> {
    let k = actual
        .iter()
        .enumerate()
        .position(|(k, a)| !used[k] && matches(a))?;
    used[k] = true;
    Some(actual[k])
}

/// Untimed services (time `9999`: monthly add-ons, 福祉用具貸与) carry a date that is often
/// only a placeholder, so one left on each side with the same code is one 「利用日が違う」.
/// Timed services never pair across dates: a missing day and an extra day are two differences.
fn across_dates(plan: Vec<&UsageLine>, actual: Vec<&UsageLine>, out: &mut Vec<Difference>) {
    let mut used = vec![false; actual.len()];
    for p in plan {
        let same = |a: &&UsageLine| {
            p.time.is_untimed()
                && a.time.is_untimed()
                && a.code == p.code
                && a.discriminator == p.discriminator
        };
        match take(&actual, &mut used, same) {
            Some(a) => {
                out.push(Difference::pair(DiffKind::DateDiffers, Some(*p), Some(*a)));
                values(p, a, out);
            }
            None => out.push(Difference::pair(DiffKind::NotDelivered, Some(*p), None)),
        }
    }
    for (a, _) in actual.iter().zip(&used).filter(|(_, u)| !**u) {
        out.push(Difference::pair(DiffKind::NotPlanned, None, Some(**a)));
    }
    out.sort_by_key(|d| (d.date(), d.planned.or(d.actual).map(|l| (l.time, l.line))));
}

/// 日割 services (a 日割対象日 mask on the row) are billed per month: paired by code, then
/// their masks, units and counts compared; their dates are not compared.
fn monthly(plan: &[&UsageLine], actual: &[&UsageLine], out: &mut Vec<Difference>) {
    let mut used = vec![false; actual.len()];
    for p in plan {
        let same = |a: &&UsageLine| a.code == p.code && a.discriminator == p.discriminator;
        match take(actual, &mut used, same) {
            Some(a) => {
                if a.pro_rata != p.pro_rata {
                    out.push(Difference::pair(
                        DiffKind::ProRataDiffers,
                        Some(**p),
                        Some(*a),
                    ));
                }
                values(p, a, out);
            }
            None => out.push(Difference::pair(DiffKind::NotDelivered, Some(**p), None)),
        }
    }
    for (a, _) in actual.iter().zip(&used).filter(|(_, u)| !**u) {
        out.push(Difference::pair(DiffKind::NotPlanned, None, Some(**a)));
    }
}

/// 単位数 and サービス回数 of a paired line. A 実績 of 0 units is not a difference: spec.md
/// §3.6 No.8 lets 実績 carry 0 for percentage codes it cannot compute.
fn values(p: &UsageLine, a: &UsageLine, out: &mut Vec<Difference>) {
    if p.units != a.units && a.units != 0 {
        out.push(Difference::pair(DiffKind::UnitsDiffer, Some(*p), Some(*a)));
    }
    if p.count != a.count {
        out.push(Difference::pair(DiffKind::CountDiffers, Some(*p), Some(*a)));
    }
}
