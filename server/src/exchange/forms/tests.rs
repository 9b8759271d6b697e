//! The builders on hand-made records: grouping rules, slots, day counts, stamps.

use super::build::{sheets, Inputs};
use super::{plans, usage};
use crate::spec_csv::layouts::{Plan2Record, Plan3Record, Records, UsageRecord};
use app::types::{FormBody, FormKind};

fn plan2(issue_no: &str, issue: &str, goal_no: &str, long: &str, content: &str) -> Plan2Record {
    Plan2Record {
        insurer: "131016".into(),
        insured: "0000012345".into(),
        created_on: "20250401".into(),
        plan_date: "20250401".into(),
        issue_no: issue_no.into(),
        issue: issue.into(),
        goal_no: goal_no.into(),
        long_term_goal: long.into(),
        service_content: content.into(),
        ..Plan2Record::default()
    }
}

#[test]
fn plan2_rows_without_numbers_split_where_the_text_changes_and_keep_blank_continuations() {
    let rows = [
        plan2("", "入浴", "", "安全に入浴", "入浴介助"),
        plan2("", "", "", "", "見守り"),
        plan2("", "買い物", "", "外出", "買い物同行"),
    ];
    let drafts = plans::plan2(&rows, &[]);
    let Some(FormBody::Plan2(form)) = drafts.first().map(|d| d.body.clone()) else {
        panic!("a 第2表")
    };
    let issues: Vec<(&str, usize)> = form
        .issues
        .iter()
        .map(|i| {
            (
                i.text.as_str(),
                i.goals.iter().map(|g| g.services.len()).sum(),
            )
        })
        .collect();
    assert_eq!(issues, vec![("入浴", 2), ("買い物", 1)]);
}

#[test]
fn plan2_rows_are_put_in_number_order_whatever_the_file_order() {
    let rows = [
        plan2("2", "買い物", "1", "外出", "買い物同行"),
        plan2("1", "入浴", "1", "安全に入浴", "入浴介助"),
    ];
    let Some(FormBody::Plan2(form)) = plans::plan2(&rows, &[]).first().map(|d| d.body.clone())
    else {
        panic!("a 第2表")
    };
    assert_eq!(form.issues[0].text, "入浴");
    assert_eq!(form.issues[1].text, "買い物");
}

#[test]
fn plan3_untimed_services_and_services_without_a_weekday_are_not_lost() {
    let base = Plan3Record {
        insurer: "131016".into(),
        insured: "0000012345".into(),
        plan_date: "20250401".into(),
        ..Plan3Record::default()
    };
    let rows = [
        Plan3Record {
            service_content: "訪問介護".into(),
            weekday: "3".into(),
            service_start: "1330".into(),
            service_end: "1430".into(),
            ..base.clone()
        },
        Plan3Record {
            service_content: "通院介助".into(),
            weekday: "5".into(),
            service_start: "9999".into(),
            service_end: "9999".into(),
            ..base.clone()
        },
        Plan3Record {
            service_content: "配食".into(),
            ..base.clone()
        },
    ];
    let Some(FormBody::Plan3(form)) = plans::plan3(&rows, &[]).first().map(|d| d.body.clone())
    else {
        panic!("a 第3表")
    };
    // 13:30 on Wednesday: the 12:00 slot (index 6), third weekday column.
    assert_eq!(form.slots[6].days[2], vec!["13:30〜14:30 訪問介護"]);
    assert_eq!(form.slots[6].band.as_deref(), Some("午後"));
    assert_eq!(
        form.untimed.map(|u| u.days[4].clone()),
        Some(vec!["通院介助".to_string()])
    );
    assert_eq!(form.non_weekly, vec!["配食"]);
}

fn usage_row(date: &str, start: &str, count: &str) -> UsageRecord {
    UsageRecord {
        insurer: "131016".into(),
        insured: "0000012345".into(),
        created_on: "20250325".into(),
        target_month: "202502".into(),
        service_date: date.into(),
        start_time: start.into(),
        end_time: "1000".into(),
        count: count.into(),
        service_code: "111111".into(),
        provider_code: "1372345678".into(),
        ..UsageRecord::default()
    }
}

#[test]
fn usage_counts_add_up_per_day_sorted_by_time_and_dates_outside_the_month_are_left_out() {
    let rows = [
        usage_row("20250203", "1300", "1"),
        usage_row("20250201", "0900", "2"),
        usage_row("20250201", "0900", ""),
        usage_row("20250301", "0900", "1"),
    ];
    let Some(FormBody::Usage(form)) = usage::usage(&rows, &[], false)
        .first()
        .map(|d| d.body.clone())
    else {
        panic!("a 第6表")
    };
    // February 2025: 28 days, the 1st a Saturday.
    assert_eq!(form.weekdays.len(), 28);
    assert_eq!(form.weekdays[0], "土");
    assert_eq!(form.rows.len(), 2);
    assert_eq!(form.rows[0].time, "9:00〜10:00");
    assert_eq!(form.rows[0].counts[0], 3, "2 + 1 for an unreadable count");
    assert_eq!(form.rows[0].total, 3, "the March date is not counted");
    assert_eq!(form.rows[1].counts[2], 1);
}

#[test]
fn sheets_are_numbered_and_stamped_with_what_the_delivery_knows() {
    let inputs = Inputs {
        main: Some(Records::Plan2(vec![
            plan2("1", "入浴", "1", "安全に入浴", "入浴介助"),
            Plan2Record {
                insured: "0000099999".into(),
                created_on: "20250402".into(),
                ..plan2("1", "外出", "1", "散歩", "同行")
            },
        ])),
        ..Inputs::default()
    };
    let out = sheets(FormKind::Plan2, &inputs, 1_743_465_600_000);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].anchor, "person-2");
    assert_eq!(out[1].key.insured, "0000099999");
    assert_eq!(out[1].stamp.created_on.as_deref(), Some("20250402"));
    assert_eq!(out[1].stamp.received_at_ms, Some(1_743_465_600_000));
    assert_eq!(
        out[1].stamp.is_latest, None,
        "the version chain decides 最新"
    );
    assert!(
        sheets(FormKind::Plan1, &inputs, 0).is_empty(),
        "records of another kind"
    );
}
