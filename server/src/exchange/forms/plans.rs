//! 第1表, 第2表 and 第3表 from their records (spec.md §3.2–3.4).

use super::build::{group_by, person, plan_key, supplement_for, Draft};
use super::labels;
use crate::spec_csv::layouts::{Plan1Record, Plan2Record, Plan3Record, SupplementRecord};
use app::types::{
    FormBody, Plan1Form, Plan2Form, Plan2Goal, Plan2Issue, Plan2Service, Plan3Form, Plan3Slot,
};

/// 第1表: one sheet per person and plan date (the first record if a file repeats one).
pub fn plan1(rows: &[Plan1Record], supplements: &[SupplementRecord]) -> Vec<Draft> {
    group_by(rows, |r| plan_key(&r.insurer, &r.insured, &r.plan_date))
        .into_iter()
        .filter_map(|(key, records)| {
            let r = *records.first()?;
            let mut header = person(supplement_for(supplements, &key));
            if header.address.is_none() {
                let postal = if r.postal_code.is_empty() {
                    String::new()
                } else {
                    format!("〒{}", r.postal_code)
                };
                header.address = Some(labels::join(&[&postal, &r.address1, &r.address2]))
                    .filter(|a| !a.is_empty());
            }
            let agency_postal = if r.agency_postal_code.is_empty() {
                String::new()
            } else {
                format!("〒{}", r.agency_postal_code)
            };
            let form = Plan1Form {
                created_on: r.created_on.clone(),
                category: labels::plan_category(&r.plan_category),
                cert_status: labels::cert_status(&r.cert_status),
                planner_name: r.planner_name.clone(),
                agency: labels::join(&[
                    &r.agency_name,
                    &agency_postal,
                    &r.agency_address1,
                    &r.agency_address2,
                ]),
                agency_code: r.agency_code.clone(),
                plan_date: r.plan_date.clone(),
                first_plan_date: r.first_plan_date.clone(),
                certified_on: r.certified_on.clone(),
                cert_period: (r.cert_start.clone(), r.cert_end.clone()),
                care_level: labels::care_level_choice(&r.care_level),
                assessment: r.assessment.clone(),
                board_opinion: r.board_opinion.clone(),
                overall_policy: r.overall_policy.clone(),
                living_support_reason: labels::living_support_reason(&r.living_support_reason),
                other_reason: r.other_reason.clone(),
            };
            Some(Draft {
                key,
                person: header,
                created_on: r.created_on.clone(),
                body: FormBody::Plan1(form),
            })
        })
        .collect()
}

fn number(value: &str) -> Option<u32> {
    value.trim().parse().ok()
}

/// 第2表: rows sorted by 課題ＮＯ, 援助目標ＮＯ, 援助内容ＮＯ (spec.md §3.3: that order is the
/// printed order; a blank number continues the row above), then grouped into 課題 and 目標.
/// A 課題 or 目標 left blank on a continuation row belongs to the one above.
pub fn plan2(rows: &[Plan2Record], supplements: &[SupplementRecord]) -> Vec<Draft> {
    group_by(rows, |r| plan_key(&r.insurer, &r.insured, &r.plan_date))
        .into_iter()
        .map(|(key, records)| {
            let created_on = records
                .first()
                .map(|r| r.created_on.clone())
                .unwrap_or_default();
            let (mut issue_no, mut goal_no) = (0, 0);
            let mut numbered: Vec<((u32, u32, u32), &Plan2Record)> = records
                .iter()
                .map(|r| {
                    issue_no = number(&r.issue_no).unwrap_or(issue_no);
                    goal_no = number(&r.goal_no).unwrap_or(goal_no);
                    let support = number(&r.support_no).unwrap_or(0);
                    ((issue_no, goal_no, support), *r)
                })
                .collect();
            numbered.sort_by_key(|(n, _)| *n);
            let form = Plan2Form {
                created_on: created_on.clone(),
                issues: plan2_issues(&numbered),
            };
            Draft {
                person: person(supplement_for(supplements, &key)),
                key,
                created_on,
                body: FormBody::Plan2(form),
            }
        })
        .collect()
}

fn plan2_issues(rows: &[((u32, u32, u32), &Plan2Record)]) -> Vec<Plan2Issue> {
    let mut issues: Vec<(u32, Plan2Issue)> = Vec::new();
    let mut current_goal: Option<u32> = None;
    for ((issue_no, goal_no, _), r) in rows {
        let new_issue = match issues.last() {
            Some((no, issue)) => no != issue_no || (!r.issue.is_empty() && r.issue != issue.text),
            None => true,
        };
        if new_issue {
            issues.push((
                *issue_no,
                Plan2Issue {
                    text: r.issue.clone(),
                    goals: Vec::new(),
                },
            ));
            current_goal = None;
        }
        let Some((_, issue)) = issues.last_mut() else {
            continue;
        };
        let new_goal = match (current_goal, issue.goals.last()) {
            (Some(no), Some(goal)) => {
                no != *goal_no
                    || (!r.long_term_goal.is_empty() && r.long_term_goal != goal.long_term)
                    || (!r.short_term_goal.is_empty() && r.short_term_goal != goal.short_term)
            }
            _ => true,
        };
        if new_goal {
            issue.goals.push(Plan2Goal {
                long_term: r.long_term_goal.clone(),
                long_period: r.long_term_period.clone(),
                short_term: r.short_term_goal.clone(),
                short_period: r.short_term_period.clone(),
                services: Vec::new(),
            });
            current_goal = Some(*goal_no);
        }
        let service = Plan2Service {
            content: r.service_content.clone(),
            insured: if r.insurance_scope == "Y" {
                "○".into()
            } else {
                String::new()
            },
            kind: r.service_kind.clone(),
            provider: r.provider_name.clone(),
            frequency: r.frequency.clone(),
            period: r.period.clone(),
        };
        let has_service = [
            &service.content,
            &service.kind,
            &service.provider,
            &service.frequency,
            &service.period,
        ]
        .iter()
        .any(|v| !v.is_empty());
        if let (true, Some(goal)) = (has_service, issue.goals.last_mut()) {
            goal.services.push(service);
        }
    }
    issues.into_iter().map(|(_, issue)| issue).collect()
}

const BANDS: [(u32, &str); 6] = [
    (0, "深夜"),
    (6, "早朝"),
    (8, "午前"),
    (12, "午後"),
    (18, "夜間"),
    (22, "深夜"),
];

/// 第3表: each record's weekly service (曜日 1–7), daily activity and non-weekly service put
/// in the two-hour slot of its start time; entries without a usable time go to 時刻の指定なし,
/// weekly services without a 曜日 to 週単位以外のサービス.
pub fn plan3(rows: &[Plan3Record], supplements: &[SupplementRecord]) -> Vec<Draft> {
    group_by(rows, |r| plan_key(&r.insurer, &r.insured, &r.plan_date))
        .into_iter()
        .map(|(key, records)| {
            let created_on = records
                .first()
                .map(|r| r.created_on.clone())
                .unwrap_or_default();
            // (minutes, text) per slot: 7 weekdays then the activity column.
            let mut grid: Vec<Vec<Vec<(u32, String)>>> = vec![vec![Vec::new(); 8]; 12];
            let mut untimed: Vec<Vec<(u32, String)>> = vec![Vec::new(); 8];
            let mut non_weekly = Vec::new();
            let mut place = |column: usize, start: &str, end: &str, what: &str| {
                let entry = labels::join(&[&labels::time_range(start, end), what]);
                match labels::hhmm(start) {
                    Some((minutes, _)) => {
                        let slot = usize::try_from(minutes / 120).unwrap_or(11).min(11);
                        grid[slot][column].push((minutes, entry));
                    }
                    None => untimed[column].push((0, entry)),
                }
            };
            for r in &records {
                if !r.service_content.is_empty() {
                    match number(&r.weekday).filter(|d| (1..=7).contains(d)) {
                        Some(day) => place(
                            day as usize - 1,
                            &r.service_start,
                            &r.service_end,
                            &r.service_content,
                        ),
                        None => non_weekly.push(labels::join(&[
                            &labels::time_range(&r.service_start, &r.service_end),
                            &r.service_content,
                        ])),
                    }
                }
                if !r.daily_activity.is_empty() {
                    place(7, &r.activity_start, &r.activity_end, &r.daily_activity);
                }
                if !r.non_weekly_service.is_empty() {
                    non_weekly.push(r.non_weekly_service.clone());
                }
            }
            let texts = |mut cell: Vec<(u32, String)>| {
                cell.sort_by_key(|(m, _)| *m);
                cell.into_iter().map(|(_, t)| t).collect::<Vec<_>>()
            };
            let slot = |cells: Vec<Vec<(u32, String)>>, band: Option<String>, time: String| {
                let mut cells: Vec<Vec<String>> = cells.into_iter().map(texts).collect();
                let activities = cells.pop().unwrap_or_default();
                Plan3Slot {
                    band,
                    time,
                    days: cells,
                    activities,
                }
            };
            let slots = grid
                .into_iter()
                .enumerate()
                .map(|(i, cells)| {
                    let hour = u32::try_from(i).unwrap_or(0) * 2;
                    let band = BANDS
                        .iter()
                        .find(|(h, _)| *h == hour)
                        .map(|(_, b)| b.to_string());
                    slot(cells, band, format!("{hour}:00"))
                })
                .collect();
            let untimed = untimed
                .iter()
                .any(|c| !c.is_empty())
                .then(|| slot(untimed, None, String::new()));
            let form = Plan3Form {
                created_on: created_on.clone(),
                slots,
                untimed,
                non_weekly,
            };
            Draft {
                person: person(supplement_for(supplements, &key)),
                key,
                created_on,
                body: FormBody::Plan3(form),
            }
        })
        .collect()
}
