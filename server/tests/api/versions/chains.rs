//! Chains built by real sends: supersession, new plans, months, persons, partners, order.

use super::fixtures::{pairs, plan_unit, send, usage_unit, B, HANAKO, TARO};
use crate::exchange_helpers::B2_NUMBER;
use crate::helpers::TestApp;
use app::types::OfficeId;
use server::spec_csv::version_key::Entity;
use server::versions::latest::{latest_live, Direction, LatestQuery, LatestVersion};

const D1: &str = "20260401";
const D2: &str = "20260501";

async fn latest(
    app: &TestApp,
    office: OfficeId,
    direction: Direction,
    entity: Entity,
    insured: &str,
    anchor: Option<&str>,
) -> Vec<LatestVersion> {
    let mut tx = app.db.read_office(office).await.unwrap();
    let found = latest_live(
        &mut tx,
        &LatestQuery {
            direction: Some(direction),
            entity,
            person: Some(("131016", insured)),
            anchor,
            ..LatestQuery::default()
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    found
}

both!(
    a_resent_plan_supersedes_the_earlier_one_for_both_offices,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(
            &app,
            &cm1,
            plan_unit(
                B,
                "20260401090000",
                D1,
                &[TARO],
                "自宅で暮らす",
                &["入浴介助"],
            ),
        )
        .await;
        send(
            &app,
            &cm1,
            plan_unit(
                B,
                "20260402090000",
                D1,
                &[TARO],
                "自宅で安全に暮らす",
                &["入浴介助"],
            ),
        )
        .await;
        assert_eq!(
            app.states(TARO.0, "plan").await,
            pairs(&[
                ("20260401090000", "superseded"),
                ("20260402090000", "latest")
            ])
        );
        let rows = app.chain_rows(TARO.0).await;
        assert_eq!((rows[0].version_no, rows[1].version_no), (1, 2));

        let sent = latest(
            &app,
            app.office_a,
            Direction::Sent,
            Entity::Plan,
            TARO.0,
            None,
        )
        .await;
        let received = latest(
            &app,
            app.office_b,
            Direction::Received,
            Entity::Plan,
            TARO.0,
            None,
        )
        .await;
        assert_eq!(sent.len(), 1);
        assert_eq!(sent, received, "both offices see the same latest version");
        assert_eq!(sent[0].send_stamp, "20260402090000");
        let mut kinds: Vec<&str> = sent[0].files.iter().map(|f| f.kind.prefix()).collect();
        kinds.sort_unstable();
        assert_eq!(kinds, ["UP1KYO", "UP2KYO", "UP3KYO", "UPHOSOKU"]);
        assert!(sent[0].files.iter().all(|f| !f.rows.is_empty()));
    }
);

both!(a_new_plan_date_makes_the_previous_plan_old, |app| {
    let cm1 = app.login("a-cm1").await;
    send(
        &app,
        &cm1,
        plan_unit(B, "20260401090000", D1, &[TARO], "方針1", &["入浴介助"]),
    )
    .await;
    send(
        &app,
        &cm1,
        plan_unit(B, "20260501090000", D2, &[TARO], "方針2", &["入浴介助"]),
    )
    .await;
    assert_eq!(
        app.states(TARO.0, "plan").await,
        pairs(&[("20260401090000", "old_plan"), ("20260501090000", "latest")])
    );
    let current = latest(
        &app,
        app.office_b,
        Direction::Received,
        Entity::Plan,
        TARO.0,
        None,
    )
    .await;
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].anchor, D2);
    // Asked for the old plan date, its newest live version still answers.
    let old = latest(
        &app,
        app.office_b,
        Direction::Received,
        Entity::Plan,
        TARO.0,
        Some(D1),
    )
    .await;
    assert_eq!(old.len(), 1);
    assert_eq!(old[0].send_stamp, "20260401090000");
});

both!(months_and_persons_are_separate_chains, |app| {
    let cm1 = app.login("a-cm1").await;
    send(
        &app,
        &cm1,
        usage_unit(B, "20260401090000", "202604", &[TARO, HANAKO], &[8, 15]),
    )
    .await;
    send(
        &app,
        &cm1,
        usage_unit(B, "20260425090000", "202605", &[TARO], &[6]),
    )
    .await;
    // A new April slip for TARO alone leaves HANAKO's April slip as it was.
    send(
        &app,
        &cm1,
        usage_unit(B, "20260410090000", "202604", &[TARO], &[8, 22]),
    )
    .await;
    assert_eq!(
        app.states(TARO.0, "usage").await,
        pairs(&[
            ("20260401090000", "superseded"),
            ("20260410090000", "latest"),
            ("20260425090000", "latest"),
        ])
    );
    assert_eq!(
        app.states(HANAKO.0, "usage").await,
        pairs(&[("20260401090000", "latest")])
    );
    let april = latest(
        &app,
        app.office_a,
        Direction::Sent,
        Entity::UsageSlip,
        TARO.0,
        Some("202604"),
    )
    .await;
    assert_eq!(april[0].send_stamp, "20260410090000");
    let upplan = april[0]
        .files
        .iter()
        .find(|f| f.kind.prefix() == "UPPLAN")
        .unwrap();
    assert_eq!(upplan.rows.len(), 2, "TARO's two days");
    // HANAKO's rows of the first file are hers alone.
    let hanako = latest(
        &app,
        app.office_a,
        Direction::Sent,
        Entity::UsageSlip,
        HANAKO.0,
        None,
    )
    .await;
    let rows = hanako[0]
        .files
        .iter()
        .find(|f| f.kind.prefix() == "UPPLAN")
        .unwrap();
    assert_eq!(rows.rows.to_string(), "2-3");
    let tables = server::versions::latest::read_records(
        &app.state.services.exchange.storage,
        &hanako[0].files,
    )
    .await
    .unwrap();
    let (_, usage) = tables.iter().find(|(k, _)| k.prefix() == "UPPLAN").unwrap();
    assert!(usage.rows.iter().all(|r| r.get(2) == HANAKO.0));
});

both!(
    an_older_stamp_arriving_after_a_newer_one_does_not_become_latest,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(
            &app,
            &cm1,
            usage_unit(B, "20260405090000", "202604", &[TARO], &[8]),
        )
        .await;
        send(
            &app,
            &cm1,
            usage_unit(B, "20260403090000", "202604", &[TARO], &[9]),
        )
        .await;
        assert_eq!(
            app.states(TARO.0, "usage").await,
            pairs(&[
                ("20260403090000", "superseded"),
                ("20260405090000", "latest")
            ])
        );
        let rows = app.chain_rows(TARO.0).await;
        assert_eq!(
            (rows[0].version_no, rows[1].version_no),
            (1, 2),
            "numbered by 連番"
        );
        let found = latest(
            &app,
            app.office_b,
            Direction::Received,
            Entity::UsageSlip,
            TARO.0,
            None,
        )
        .await;
        assert_eq!(found[0].send_stamp, "20260405090000");
    }
);

both!(each_partner_has_its_own_chain, |app| {
    let cm1 = app.login("a-cm1").await;
    let b2 = (B2_NUMBER, "15");
    send(
        &app,
        &cm1,
        plan_unit(B, "20260401090000", D1, &[TARO], "方針", &["入浴介助"]),
    )
    .await;
    send(
        &app,
        &cm1,
        plan_unit(b2, "20260402090000", D1, &[TARO], "方針", &["入浴介助"]),
    )
    .await;
    assert_eq!(
        app.states(TARO.0, "plan").await,
        pairs(&[("20260401090000", "latest"), ("20260402090000", "latest")])
    );
    let to_b = latest(
        &app,
        app.office_b,
        Direction::Received,
        Entity::Plan,
        TARO.0,
        None,
    )
    .await;
    assert_eq!(to_b.len(), 1);
    assert_eq!(to_b[0].send_stamp, "20260401090000");
});

both!(an_unrelated_office_sees_no_chain, |app| {
    let cm1 = app.login("a-cm1").await;
    send(
        &app,
        &cm1,
        plan_unit(B, "20260401090000", D1, &[TARO], "方針", &["入浴介助"]),
    )
    .await;
    let mut tx = app.db.read_office(app.office_b2).await.unwrap();
    let seen = latest_live(
        &mut tx,
        &LatestQuery {
            entity: Entity::Plan,
            ..LatestQuery::default()
        },
    )
    .await
    .unwrap();
    assert!(seen.is_empty(), "{seen:?}");
    // On PostgreSQL the row-level policy hides the rows even from a query without filters.
    if app.backend == server::db::Backend::Postgres {
        let (n,): (i64,) = sqlx::query_as("select count(*) from doc_version")
            .fetch_one(tx.conn())
            .await
            .unwrap();
        assert_eq!(n, 0);
    }
});
