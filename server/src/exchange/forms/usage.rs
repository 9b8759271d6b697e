//! 第6表 (予定 / 実績) and 第7表 from their records (spec.md §3.6, §3.8).

use super::build::{group_by, month_key, person, supplement_for, Draft};
use super::labels;
use crate::spec_csv::layouts::{Record, SupplementRecord, UsageDetailRecord, UsageRecord};
use app::types::{FormBody, UsageDetailForm, UsageDetailRow, UsageForm, UsageRow};

const WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

/// Weekday of each day of `YYYYMM`; 31 blank days when the month cannot be read.
fn weekdays(month: &str) -> Vec<String> {
    let parsed = month
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .zip(month.get(4..6).and_then(|m| m.parse::<u8>().ok()))
        .filter(|_| month.len() == 6)
        .and_then(|(y, m)| time::Month::try_from(m).ok().map(|m| (y, m)))
        .and_then(|(y, m)| time::Date::from_calendar_date(y, m, 1).ok());
    match parsed {
        Some(first) => {
            let days = first.month().length(first.year());
            (0..days)
                .map(|i| {
                    let wd = (first.weekday().number_days_from_monday() + i) % 7;
                    WEEKDAYS[usize::from(wd)].to_string()
                })
                .collect()
        }
        None => vec![String::new(); 31],
    }
}

/// 「車いす　自走式・TAIS 00001-000010」 for 福祉用具 rows; empty otherwise.
fn equipment(name: &str, tais: &str, notified: &str) -> String {
    let code = if !tais.is_empty() {
        format!("TAIS {tais}")
    } else if !notified.is_empty() {
        format!("届出 {notified}")
    } else {
        String::new()
    };
    [name, code.as_str()]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("・")
}

fn provider(name: &str, code: &str, satellite: &str) -> String {
    let mut text = name.to_string();
    if !code.is_empty() {
        text.push_str(&format!("（事業所番号 {code}）"));
    }
    if !satellite.is_empty() {
        text.push_str(&format!(" サテライト {satellite}"));
    }
    text
}

/// 第6表: one row per time, service code, 用具 and provider, with counts per day of the month
/// (サービス回数, 1 when unreadable), sorted by start time as the paper 利用票 is.
pub fn usage(rows: &[UsageRecord], supplements: &[SupplementRecord], actual: bool) -> Vec<Draft> {
    group_by(rows, |r| month_key(&r.insurer, &r.insured, &r.target_month))
        .into_iter()
        .map(|(key, records)| {
            let month = key.target_month.clone().unwrap_or_default();
            let days = weekdays(&month);
            let lines = group_by(&records, |r| {
                (
                    r.start_time.clone(),
                    r.end_time.clone(),
                    r.service_code.clone(),
                    r.tais_code.clone(),
                    r.welfare_equipment_code.clone(),
                    r.equipment_name.clone(),
                    r.detail_discriminator.clone(),
                    r.provider_code.clone(),
                    r.satellite_branch.clone(),
                )
            });
            let mut table: Vec<(u32, String, UsageRow)> = lines
                .into_iter()
                .filter_map(|(_, members)| {
                    let first = **members.first()?;
                    let mut counts = vec![0u32; days.len()];
                    for r in &members {
                        let day = r
                            .service_date
                            .strip_prefix(month.as_str())
                            .and_then(|d| d.parse::<usize>().ok());
                        if let Some(slot) = day
                            .and_then(|d| d.checked_sub(1))
                            .and_then(|i| counts.get_mut(i))
                        {
                            *slot += r.count.trim().parse::<u32>().unwrap_or(1);
                        }
                    }
                    let service = match equipment(
                        &first.equipment_name,
                        &first.tais_code,
                        &first.welfare_equipment_code,
                    ) {
                        e if e.is_empty() => labels::service_code(&first.service_code),
                        e => format!("{}\n{e}", labels::service_code(&first.service_code)),
                    };
                    let start = labels::hhmm(&first.start_time).map_or(u32::MAX, |(m, _)| m);
                    Some((
                        start,
                        first.service_code.clone(),
                        UsageRow {
                            time: labels::time_range(&first.start_time, &first.end_time),
                            service,
                            provider: provider(
                                &first.provider_name,
                                &first.provider_code,
                                &first.satellite_branch,
                            ),
                            total: counts.iter().sum(),
                            counts,
                        },
                    ))
                })
                .collect();
            table.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
            let first = records.first();
            let field =
                |f: fn(&UsageRecord) -> &String| first.map(|r| f(r).clone()).unwrap_or_default();
            let supplement = supplement_for(supplements, &key);
            let from_supplement = |f: fn(&SupplementRecord) -> &String| {
                supplement.map(|s| f(s).clone()).unwrap_or_default()
            };
            let form = UsageForm {
                actual,
                target_month: month.clone(),
                created_on: field(|r| &r.created_on),
                planner_office: field(|r| &r.plan_agency_code),
                planner_name: field(|r| &r.planner_name),
                care_level: labels::care_level(&from_supplement(|s| &s.care_level)),
                category_limit: from_supplement(|s| &s.category_limit),
                limit_period: (
                    from_supplement(|s| &s.limit_start),
                    from_supplement(|s| &s.limit_end),
                ),
                short_stay_days_before: records
                    .iter()
                    .map(|r| r.short_stay_days_before.clone())
                    .find(|v| !v.is_empty())
                    .unwrap_or_default(),
                weekdays: days,
                rows: table.into_iter().map(|(_, _, row)| row).collect(),
            };
            Draft {
                person: person(supplement),
                created_on: form.created_on.clone(),
                key,
                body: FormBody::Usage(form),
            }
        })
        .collect()
}

/// サービスコード of a 第7表 row as the paper labels it: 合計 (`999999`), 小計 rows (type +
/// `AAAA`/`EEEE`/`ZZZZ`, spec.md §3.8), or the service.
fn detail_label(r: &UsageDetailRecord) -> (&'static str, String) {
    let code = r.service_code.as_str();
    let kind = code.get(..2).map(labels::service_type).unwrap_or_default();
    match code.get(2..) {
        _ if code == "999999" => ("total", "合計".into()),
        Some("AAAA") => ("subtotal", format!("{kind} 小計（区分支給限度対象）")),
        Some("EEEE") => ("subtotal", format!("{kind} 小計（区分支給限度対象外）")),
        Some("ZZZZ") => ("subtotal", format!("{kind} 小計（30日超過分）")),
        _ => {
            let e = equipment(&r.equipment_name, &r.tais_code, &r.welfare_equipment_code);
            let service = labels::service_code(code);
            (
                "service",
                if e.is_empty() {
                    service
                } else {
                    format!("{service}\n{e}")
                },
            )
        }
    }
}

/// 第7表: rows in file order, 種類別支給限度管理 from the 補足's slots, 短期入所利用日数.
pub fn usage_detail(rows: &[UsageDetailRecord], supplements: &[SupplementRecord]) -> Vec<Draft> {
    group_by(rows, |r| month_key(&r.insurer, &r.insured, &r.target_month))
        .into_iter()
        .map(|(key, records)| {
            let table = records
                .iter()
                .map(|r| {
                    let (row_kind, service) = detail_label(r);
                    let all_nines = r.provider_code == "9999999999";
                    UsageDetailRow {
                        row_kind: row_kind.into(),
                        provider_name: r.provider_name.clone(),
                        provider_code: match (all_nines, r.satellite_branch.is_empty()) {
                            (true, _) => String::new(),
                            (false, true) => r.provider_code.clone(),
                            (false, false) => {
                                format!("{}（サテライト {}）", r.provider_code, r.satellite_branch)
                            }
                        },
                        service,
                        values: [
                            &r.units,
                            &r.discount_rate,
                            &r.discounted_units,
                            &r.count,
                            &r.service_unit_amount,
                            &r.benefit_managed_units,
                            &r.type_limit_over_units,
                            &r.type_limit_within_units,
                            &r.category_limit_over_units,
                            &r.category_limit_within_units,
                            &r.unit_price,
                            &r.total_cost,
                            &r.benefit_rate,
                            &r.insurance_claim,
                            &r.fixed_copay_price,
                            &r.copay_insured,
                            &r.copay_full,
                        ]
                        .iter()
                        .map(|v| (*v).clone())
                        .collect(),
                    }
                })
                .collect();
            let short_stay = records
                .iter()
                .find(|r| {
                    [&r.days_before, &r.planned_days, &r.cumulative_days]
                        .iter()
                        .any(|v| !v.is_empty())
                })
                .map(|r| {
                    [
                        r.days_before.clone(),
                        r.planned_days.clone(),
                        r.cumulative_days.clone(),
                    ]
                });
            let supplement = supplement_for(supplements, &key);
            let type_limits = supplement.map(type_limits).unwrap_or_default();
            let created_on = records
                .first()
                .map(|r| r.created_on.clone())
                .unwrap_or_default();
            let form = UsageDetailForm {
                target_month: key.target_month.clone().unwrap_or_default(),
                created_on: created_on.clone(),
                rows: table,
                type_limits,
                category_limit: supplement
                    .map(|s| s.category_limit.clone())
                    .unwrap_or_default(),
                short_stay,
            };
            Draft {
                person: person(supplement),
                key,
                created_on,
                body: FormBody::UsageDetail(form),
            }
        })
        .collect()
}

/// The 補足's nine per-type slots (No.20–55: 種類, 限度額, 合計単位数, 超過単位数), filled ones.
fn type_limits(s: &SupplementRecord) -> Vec<[String; 4]> {
    let fields = s.to_fields();
    (0..9)
        .filter_map(|i| {
            let at = 19 + 4 * i;
            let slot: Vec<&str> = fields.get(at..at + 4)?.to_vec();
            let kind = *slot.first()?;
            (!kind.is_empty()).then(|| {
                [
                    labels::service_type(kind),
                    slot.get(1).copied().unwrap_or_default().to_string(),
                    slot.get(2).copied().unwrap_or_default().to_string(),
                    slot.get(3).copied().unwrap_or_default().to_string(),
                ]
            })
        })
        .collect()
}
