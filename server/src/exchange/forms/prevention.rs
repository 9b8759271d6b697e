//! 介護予防サービス・支援計画書 (`UPYOBO`) with its 別表 (`UPYOBO_SUB`), spec.md §3.10.

use super::build::{group_by, plan_key, Draft};
use super::labels;
use crate::spec_csv::layouts::{PreventionPlanRecord, PreventionPlanSubRecord};
use app::types::{
    FormBody, PersonHeader, PreventionForm, PreventionIssue, PreventionSupport, SheetKey,
};

/// One sheet per person and plan date: plans in file order, then 別表 rows whose plan was not
/// in the send. `sub_found` says whether the 別表 file came with the send at all.
pub fn prevention(
    plans: &[PreventionPlanRecord],
    subs: &[PreventionPlanSubRecord],
    sub_found: bool,
) -> Vec<Draft> {
    let mut keys: Vec<SheetKey> =
        group_by(plans, |r| plan_key(&r.insurer, &r.insured, &r.plan_date))
            .into_iter()
            .map(|(k, _)| k)
            .collect();
    for (k, _) in group_by(subs, |r| plan_key(&r.insurer, &r.insured, &r.plan_date)) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys.into_iter()
        .map(|key| {
            let matches = |insurer: &str, insured: &str, date: &str| {
                insurer == key.insurer
                    && insured == key.insured
                    && Some(date) == key.plan_date.as_deref()
            };
            let plan = plans
                .iter()
                .find(|p| matches(&p.insurer, &p.insured, &p.plan_date))
                .cloned()
                .unwrap_or_default();
            let rows: Vec<&PreventionPlanSubRecord> = subs
                .iter()
                .filter(|s| matches(&s.insurer, &s.insured, &s.plan_date))
                .collect();
            let form = form(&plan, &rows, sub_found);
            Draft {
                person: PersonHeader {
                    name: Some(plan.name.clone()).filter(|n| !n.is_empty()),
                    ..PersonHeader::default()
                },
                created_on: key.plan_date.clone().unwrap_or_default(),
                key,
                body: FormBody::Prevention(Box::new(form)),
            }
        })
        .collect()
}

fn form(
    p: &PreventionPlanRecord,
    rows: &[&PreventionPlanSubRecord],
    sub_found: bool,
) -> PreventionForm {
    let mut plan_kind = labels::one_two(&p.plan_kind, "介護予防支援", "介護予防ケアマネジメント");
    if p.outsourced == "2" {
        plan_kind.push_str("（委託）");
    }
    let labelled = |label: &str, value: &str| {
        if value.is_empty() {
            String::new()
        } else {
            format!("{label}：{value}")
        }
    };
    let has = |code: &str| labels::one_two(code, "有", "無");
    let need = |code: &str| labels::one_two(code, "要", "否");
    PreventionForm {
        reference_no: p.reference_no.clone(),
        plan_kind,
        certified_on: p.certified_on.clone(),
        cert_period: (p.cert_start.clone(), p.cert_end.clone()),
        category: labels::plan_category(&p.plan_category),
        cert_status: labels::cert_status(&p.cert_status),
        support_level: labels::support_level(&p.support_level),
        planners: labels::join(&[
            &labelled("地域包括支援センター担当者", &p.center_staff_name),
            &labelled("担当介護支援専門員", &p.care_manager_name),
        ]),
        planner_office: labels::join(&[
            &p.planner_office_name,
            &p.planner_office_address,
            &labelled("電話", &p.planner_office_phone),
        ]),
        plan_date: p.plan_date.clone(),
        first_plan_date: p.first_plan_date.clone(),
        support_center: p.support_center.clone(),
        goals: (p.goal_day.clone(), p.goal_year.clone()),
        domains: vec![
            [
                "運動・移動".into(),
                p.mobility_current.clone(),
                p.mobility_wishes.clone(),
                has(&p.mobility_has_issue),
                p.mobility_issue.clone(),
            ],
            [
                "日常生活（家庭生活）".into(),
                p.household_current.clone(),
                p.household_wishes.clone(),
                has(&p.household_has_issue),
                p.household_issue.clone(),
            ],
            [
                "社会参加、対人関係・コミュニケーション".into(),
                p.social_current.clone(),
                p.social_wishes.clone(),
                has(&p.social_has_issue),
                p.social_issue.clone(),
            ],
            [
                "健康管理".into(),
                p.health_current.clone(),
                p.health_wishes.clone(),
                has(&p.health_has_issue),
                p.health_issue.clone(),
            ],
        ],
        issues: issues(rows),
        has_sub: sub_found,
        health_notes: p.health_notes.clone(),
        support_policy: p.support_policy.clone(),
        overall_policy: p.overall_policy.clone(),
        checklist: vec![
            [
                "運動不足".into(),
                p.checklist_exercise.clone(),
                need(&p.program_exercise),
            ],
            [
                "栄養改善".into(),
                p.checklist_nutrition.clone(),
                need(&p.program_nutrition),
            ],
            [
                "口腔内ケア".into(),
                p.checklist_oral.clone(),
                need(&p.program_oral),
            ],
            [
                "閉じこもり予防".into(),
                p.checklist_withdrawal.clone(),
                need(&p.program_withdrawal),
            ],
            [
                "物忘れ予防".into(),
                p.checklist_memory.clone(),
                need(&p.program_memory),
            ],
            [
                "うつ予防".into(),
                p.checklist_depression.clone(),
                need(&p.program_depression),
            ],
        ],
        center_opinion: p.center_opinion.clone(),
        consent_date: p.consent_date.clone(),
        consent_name: p.consent_name.clone(),
    }
}

/// 別表 rows grouped by 課題ＮＯ and 支援計画ＮＯ. The spec writes a 課題's text only on its first
/// row and a 支援計画's only on its first row (spec.md §3.10 row rule); a blank number continues
/// the group above.
fn issues(rows: &[&PreventionPlanSubRecord]) -> Vec<PreventionIssue> {
    let mut out: Vec<(String, PreventionIssue)> = Vec::new();
    let mut support_no: Option<String> = None;
    for r in rows {
        let issue_no = if r.issue_no.trim().is_empty() {
            out.last().map(|(n, _)| n.clone()).unwrap_or_default()
        } else {
            r.issue_no.trim().to_string()
        };
        let new_issue = match out.last() {
            Some((no, issue)) => {
                *no != issue_no
                    || (!r.overall_issue.is_empty() && r.overall_issue != issue.overall_issue)
            }
            None => true,
        };
        if new_issue {
            out.push((
                issue_no,
                PreventionIssue {
                    overall_issue: r.overall_issue.clone(),
                    proposal: r.proposal.clone(),
                    wishes: r.wishes.clone(),
                    goal: r.goal.clone(),
                    supports: Vec::new(),
                },
            ));
            support_no = None;
        }
        let Some((_, issue)) = out.last_mut() else {
            continue;
        };
        let this_support = Some(r.support_no.trim().to_string())
            .filter(|n| !n.is_empty())
            .or_else(|| support_no.clone());
        let texts_differ = issue.supports.last().is_some_and(|s| {
            (!r.support_points.is_empty() && r.support_points != s.points)
                || (!r.formal_support.is_empty() && r.formal_support != s.formal)
        });
        if issue.supports.is_empty() || this_support != support_no || texts_differ {
            issue.supports.push(PreventionSupport {
                points: r.support_points.clone(),
                informal: r.informal_support.clone(),
                formal: r.formal_support.clone(),
                services: Vec::new(),
            });
            support_no = this_support;
        }
        let service = [
            r.service_kind.clone(),
            r.service_office.clone(),
            r.service_period.clone(),
        ];
        if let (true, Some(support)) = (
            service.iter().any(|v| !v.is_empty()),
            issue.supports.last_mut(),
        ) {
            support.services.push(service);
        }
    }
    out.into_iter().map(|(_, issue)| issue).collect()
}
