//! Which versions count: ordering by ファイル連番, deletions, the 第7表 of the same unit.

use super::*;

const HELPER: &str = "helper-office";

fn doc(kind: &str, delivery: &str, stamp: &str, sent_at: i64, persons: &[&str]) -> DocRow {
    let persons: Vec<PersonRef> = persons
        .iter()
        .map(|insured| PersonRef {
            insurer: "131016".into(),
            insured: (*insured).into(),
            name: Some(format!("利用者{insured}")),
            kana: None,
        })
        .collect();
    DocRow {
        delivery_id: delivery.into(),
        sent_at,
        partner_id: HELPER.into(),
        partner_name: "ひまわり訪問介護".into(),
        partner_number: "1372345678".into(),
        partner_type: "11".into(),
        sent_by: "user-1".into(),
        sent_by_name: "介護 一郎".into(),
        file_id: format!("{kind}-{delivery}"),
        kind: kind.into(),
        send_stamp: Some(stamp.into()),
        persons_json: serde_json::to_string(&persons).unwrap(),
        warning_count: 0,
        storage_key: String::new(),
    }
}

fn person(insured: &str) -> PersonKey {
    PersonKey::new("131016", insured).unwrap()
}

fn kind_of(choice: &Choice, i: Option<usize>) -> Option<String> {
    i.map(|i| choice.docs[i].delivery_id.clone())
}

#[test]
fn the_newest_file_number_wins_even_when_it_arrived_first() {
    let docs = vec![
        doc("UPJSK", "v2", "20250502090000", 1_000, &["0000000001"]),
        doc("UPJSK", "v1", "20250501090000", 2_000, &["0000000001"]),
        doc("UPPLAN", "p1", "20250401090000", 500, &["0000000001"]),
    ];
    let choice = choose(docs, &HashMap::new());
    assert_eq!(choice.chosen.len(), 1);
    assert_eq!(
        kind_of(&choice, choice.chosen[0].actual).as_deref(),
        Some("v2")
    );
    assert_eq!(
        kind_of(&choice, choice.chosen[0].plan).as_deref(),
        Some("p1")
    );
}

#[test]
fn the_same_file_number_is_decided_by_sending_time() {
    let docs = vec![
        doc("UPPLAN", "late", "20250401090000", 2_000, &["0000000001"]),
        doc("UPPLAN", "early", "20250401090000", 1_000, &["0000000001"]),
    ];
    let choice = choose(docs, &HashMap::new());
    assert_eq!(
        kind_of(&choice, choice.chosen[0].plan).as_deref(),
        Some("late")
    );
}

#[test]
fn a_later_plan_deletion_removes_the_plan_and_a_newer_plan_brings_it_back() {
    let plan = doc(
        "UPPLAN",
        "p1",
        "20250401090000",
        1_000,
        &["0000000001", "0000000002"],
    );
    let delete = doc("DLTPLAN", "d1", "20250405090000", 2_000, &["0000000001"]);
    let choice = choose(vec![plan.clone(), delete.clone()], &HashMap::new());
    let persons: Vec<PersonKey> = choice.chosen.iter().map(|c| c.person).collect();
    assert_eq!(
        persons,
        [person("0000000002")],
        "person 1's plan is deleted"
    );
    let again = doc("UPPLAN", "p2", "20250406090000", 3_000, &["0000000001"]);
    let choice = choose(vec![plan, delete, again], &HashMap::new());
    assert_eq!(choice.chosen.len(), 2);
    assert_eq!(
        kind_of(&choice, choice.chosen[0].plan).as_deref(),
        Some("p2")
    );
}

#[test]
fn an_older_deletion_arriving_late_does_not_remove_a_newer_version() {
    let docs = vec![
        doc("UPJSK", "v2", "20250503090000", 1_000, &["0000000001"]),
        doc("DLTJSK", "d1", "20250502090000", 2_000, &["0000000001"]),
    ];
    let deleted = HashMap::from([("DLTJSK-d1".to_string(), vec![person("0000000001")])]);
    let choice = choose(docs, &deleted);
    assert_eq!(
        kind_of(&choice, choice.chosen[0].actual).as_deref(),
        Some("v2")
    );
}

#[test]
fn an_actuals_deletion_counts_only_for_the_persons_it_names_for_its_sender() {
    let docs = vec![
        doc("UPJSK", "v1", "20250501090000", 1_000, &["0000000001"]),
        doc("DLTJSK", "d1", "20250502090000", 2_000, &["0000000001"]),
    ];
    // The file named another office's number: nothing deleted for this partner.
    let none = HashMap::from([("DLTJSK-d1".to_string(), Vec::new())]);
    assert_eq!(choose(docs.clone(), &none).chosen.len(), 1);
    let mine = HashMap::from([("DLTJSK-d1".to_string(), vec![person("0000000001")])]);
    assert!(choose(docs, &mine).chosen.is_empty());
}

#[test]
fn the_detail_comes_only_from_the_plans_own_send_unit_and_names_from_the_supplement() {
    let docs = vec![
        doc("UPPLAN", "u1", "20250401090000", 1_000, &["0000000001"]),
        doc("UPSIKYU", "u1", "20250401090000", 1_000, &["0000000001"]),
        doc("UPHOSOKU", "u1", "20250401090000", 1_000, &["0000000001"]),
        doc("UPPLAN", "u2", "20250402090000", 2_000, &["0000000001"]),
    ];
    let choice = choose(docs.clone(), &HashMap::new());
    assert_eq!(choice.chosen[0].detail, None, "v2 came without a 第7表");
    let choice = choose(docs[..3].to_vec(), &HashMap::new());
    assert_eq!(
        kind_of(&choice, choice.chosen[0].detail).as_deref(),
        Some("u1")
    );
    assert_eq!(
        choice
            .names
            .get(&person("0000000001"))
            .and_then(|n| n.0.clone())
            .as_deref(),
        Some("利用者0000000001")
    );
}
