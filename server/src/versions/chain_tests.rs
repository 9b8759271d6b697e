use super::*;

fn up(id: &str, anchor: &str, stamp: &str, sent_at: i64) -> Entry {
    Entry {
        id: id.into(),
        anchor: anchor.into(),
        provider: String::new(),
        action: Action::Upsert,
        stamp: stamp.into(),
        sent_at,
    }
}

fn del(id: &str, anchor: &str, stamp: &str, sent_at: i64) -> Entry {
    Entry {
        action: Action::Delete,
        ..up(id, anchor, stamp, sent_at)
    }
}

fn states(entries: &[Entry], dated: bool) -> Vec<State> {
    resolve(entries, dated)
        .into_iter()
        .map(|r| r.state)
        .collect()
}

#[test]
fn a_resend_with_the_same_key_supersedes_the_earlier_version() {
    let chain = [
        up("a", "20250401", "20250401090000", 1),
        up("b", "20250401", "20250402090000", 2),
    ];
    let r = resolve(&chain, true);
    assert_eq!(r[0].state, State::Superseded);
    assert_eq!(r[0].latest, Some(1));
    assert_eq!(r[1].state, State::Latest);
    assert_eq!((r[0].version_no, r[1].version_no), (1, 2));
    assert_eq!((r[0].version_count, r[1].version_count), (2, 2));
    assert_eq!(r[1].previous, Some(0));
    assert_eq!(r[0].previous, None);
}

#[test]
fn a_new_plan_date_makes_the_previous_plan_old() {
    let chain = [
        up("a", "20250401", "20250401090000", 1),
        up("b", "20250501", "20250501090000", 2),
    ];
    let r = resolve(&chain, true);
    assert_eq!(r[0].state, State::OldPlan);
    assert_eq!(r[0].latest, Some(1));
    assert_eq!(r[1].state, State::Latest);
    // Each plan date is its own series: both are 版 1/1.
    assert_eq!((r[0].version_no, r[0].version_count), (1, 1));
    // The new plan is compared with the plan before it.
    assert_eq!(r[1].previous, Some(0));
}

#[test]
fn months_are_independent_series() {
    let chain = [
        up("a", "202504", "20250401090000", 1),
        up("b", "202505", "20250501090000", 2),
        up("c", "202504", "20250410090000", 3),
    ];
    let r = resolve(&chain, false);
    assert_eq!(
        r.iter().map(|r| r.state).collect::<Vec<_>>(),
        [State::Superseded, State::Latest, State::Latest]
    );
    assert_eq!(r[2].previous, Some(0), "April compares with April");
    assert_eq!(r[1].previous, None);
}

#[test]
fn an_older_stamp_arriving_late_does_not_become_latest() {
    let chain = [
        up("new", "20250401", "20250405090000", 1),
        up("old", "20250401", "20250403090000", 2),
    ];
    let r = resolve(&chain, true);
    assert_eq!(r[0].state, State::Latest);
    assert_eq!(r[1].state, State::Superseded);
    assert_eq!(r[1].latest, Some(0));
    assert_eq!(
        (r[1].version_no, r[0].version_no),
        (1, 2),
        "numbered by 連番"
    );
}

#[test]
fn a_deletion_withdraws_earlier_versions_and_keeps_them() {
    let chain = [
        up("a", "202504", "20250401090000", 1),
        up("b", "202504", "20250402090000", 2),
        del("d", "202504", "20250403090000", 3),
    ];
    let r = resolve(&chain, false);
    assert_eq!(r[0].state, State::Withdrawn);
    assert_eq!(r[1].state, State::Withdrawn);
    assert_eq!(r[0].withdrawn_by, Some(2));
    assert_eq!(r[2].state, State::Deletion);
    assert_eq!(r[2].withdrew, 2);
}

#[test]
fn a_version_after_a_deletion_is_latest_again() {
    let chain = [
        up("a", "202504", "20250401090000", 1),
        del("d", "202504", "20250402090000", 2),
        up("b", "202504", "20250403090000", 3),
    ];
    assert_eq!(
        states(&chain, false),
        [State::Withdrawn, State::Deletion, State::Latest]
    );
}

#[test]
fn a_late_version_older_than_a_deletion_is_withdrawn_on_arrival() {
    let chain = [
        del("d", "202504", "20250402090000", 1),
        up("late", "202504", "20250401090000", 2),
    ];
    let r = resolve(&chain, false);
    assert_eq!(r[1].state, State::Withdrawn);
    assert_eq!(r[0].withdrew, 1);
}

#[test]
fn a_deletion_for_a_key_never_received_withdraws_nothing() {
    let chain = [
        up("a", "202504", "20250401090000", 1),
        del("d", "202505", "20250402090000", 2),
    ];
    let r = resolve(&chain, false);
    assert_eq!(r[0].state, State::Latest);
    assert_eq!(r[1].withdrew, 0);
}

#[test]
fn withdrawing_the_newest_plan_makes_the_previous_plan_current_again() {
    let chain = [
        up("a", "20250401", "20250401090000", 1),
        up("b", "20250501", "20250501090000", 2),
        del("d", "20250501", "20250502090000", 3),
    ];
    let r = resolve(&chain, true);
    assert_eq!(r[0].state, State::Latest);
    assert_eq!(r[1].state, State::Withdrawn);
    assert_eq!(r[1].latest, Some(0));
}

#[test]
fn an_older_plan_date_sent_later_stays_an_old_plan() {
    let chain = [
        up("may", "20250501", "20250501090000", 1),
        up("april", "20250401", "20250502090000", 2),
    ];
    let r = resolve(&chain, true);
    assert_eq!(r[0].state, State::Latest);
    assert_eq!(r[1].state, State::OldPlan);
}

#[test]
fn actuals_of_two_providers_are_separate_series() {
    let mut a = up("a", "202504", "20250501090000", 1);
    a.provider = "1320000002:11".into();
    let mut b = up("b", "202504", "20250502090000", 2);
    b.provider = "1320000003:15".into();
    let mut d = del("d", "202504", "20250503090000", 3);
    d.provider = "1320000002:11".into();
    assert_eq!(
        states(&[a, b, d], false),
        [State::Withdrawn, State::Latest, State::Deletion]
    );
}

#[test]
fn arrival_order_does_not_change_the_result() {
    let chain = [
        up("a", "20250401", "20250401090000", 1),
        up("b", "20250401", "20250402090000", 2),
        up("c", "20250501", "20250501090000", 3),
        del("d", "20250401", "20250403090000", 4),
    ];
    let forward = resolve(&chain, true);
    let mut reversed: Vec<Entry> = chain.iter().rev().cloned().collect();
    for (i, e) in reversed.iter_mut().enumerate() {
        e.sent_at = i64::try_from(i).unwrap_or(0);
    }
    let backward = resolve(&reversed, true);
    for (i, r) in forward.iter().enumerate() {
        assert_eq!(r.state, backward[chain.len() - 1 - i].state, "entry {i}");
    }
}

#[test]
fn state_codes_round_trip() {
    for s in [
        State::Latest,
        State::Superseded,
        State::OldPlan,
        State::Withdrawn,
        State::Deletion,
    ] {
        assert_eq!(State::from_code(s.code()), Some(s));
    }
    assert_eq!(Action::from_code("delete"), Some(Action::Delete));
}
