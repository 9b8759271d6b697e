//! DLT* files mark versions 取消 (with their dependants) and never erase them.

use super::fixtures::{deletion, pairs, plan_unit, send, slip_deletion, usage_unit, B, TARO};
use server::spec_csv::version_key::Entity;
use server::spec_csv::FileKind;
use server::versions::latest::{latest_live, LatestQuery};

both!(
    a_plan_deletion_withdraws_the_plan_with_its_tables_and_keeps_them,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(
            &app,
            &cm1,
            plan_unit(
                B,
                "20260401090000",
                "20260401",
                &[TARO],
                "方針",
                &["入浴介助"],
            ),
        )
        .await;
        send(
            &app,
            &cm1,
            vec![deletion(
                FileKind::Plan1Delete,
                B,
                "20260402090000",
                TARO.0,
                "20260401",
            )],
        )
        .await;
        assert_eq!(
            app.states(TARO.0, "plan").await,
            pairs(&[
                ("20260401090000", "withdrawn"),
                ("20260402090000", "deletion")
            ])
        );
        // The withdrawn version keeps its 第1〜3表 and 補足 (nothing erased) …
        let mut conn = app.owner_connection().await;
        let (files,): (i64,) = sqlx::query_as(
        "select count(*) from doc_version_file vf join doc_version v on v.version_id = vf.version_id
          where v.state = 'withdrawn'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
        assert_eq!(files, 4);
        // … but no live version is left to compare or import.
        let mut tx = app.db.read_office(app.office_b).await.unwrap();
        let live = latest_live(
            &mut tx,
            &LatestQuery {
                entity: Entity::Plan,
                ..LatestQuery::default()
            },
        )
        .await
        .unwrap();
        assert!(live.is_empty());
    }
);

both!(
    a_usage_deletion_withdraws_the_slip_and_its_detail_for_that_month_only,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(
            &app,
            &cm1,
            usage_unit(B, "20260401090000", "202604", &[TARO], &[8]),
        )
        .await;
        send(
            &app,
            &cm1,
            usage_unit(B, "20260402090000", "202605", &[TARO], &[8]),
        )
        .await;
        send(&app, &cm1, slip_deletion("20260403090000", "202604")).await;
        let rows = app.chain_rows(TARO.0).await;
        let april: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| r.anchor == "202604")
            .map(|r| (r.stamp.as_str(), r.state.as_str()))
            .collect();
        assert_eq!(
            april,
            [
                ("20260401090000", "withdrawn"),
                ("20260403090000", "deletion")
            ]
        );
        let may = rows.iter().find(|r| r.anchor == "202605").unwrap();
        assert_eq!(may.state, "latest");
        // The 第7表 went with the 第6表: both are files of the withdrawn version.
        let mut conn = app.owner_connection().await;
        let kinds: Vec<(String,)> = sqlx::query_as(
        "select vf.kind from doc_version_file vf join doc_version v on v.version_id = vf.version_id
          where v.state = 'withdrawn' order by vf.kind",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
        let kinds: Vec<&str> = kinds.iter().map(|k| k.0.as_str()).collect();
        assert_eq!(kinds, ["UPHOSOKU", "UPPLAN", "UPSIKYU"]);
    }
);

both!(a_version_sent_after_a_deletion_is_latest_again, |app| {
    let cm1 = app.login("a-cm1").await;
    send(
        &app,
        &cm1,
        usage_unit(B, "20260401090000", "202604", &[TARO], &[8]),
    )
    .await;
    send(&app, &cm1, slip_deletion("20260402090000", "202604")).await;
    send(
        &app,
        &cm1,
        usage_unit(B, "20260403090000", "202604", &[TARO], &[9]),
    )
    .await;
    assert_eq!(
        app.states(TARO.0, "usage").await,
        pairs(&[
            ("20260401090000", "withdrawn"),
            ("20260402090000", "deletion"),
            ("20260403090000", "latest"),
        ])
    );
});

both!(
    a_late_version_older_than_a_deletion_arrives_withdrawn,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(&app, &cm1, slip_deletion("20260402090000", "202604")).await;
        send(
            &app,
            &cm1,
            usage_unit(B, "20260401090000", "202604", &[TARO], &[8]),
        )
        .await;
        assert_eq!(
            app.states(TARO.0, "usage").await,
            pairs(&[
                ("20260401090000", "withdrawn"),
                ("20260402090000", "deletion")
            ])
        );
    }
);

both!(a_deletion_for_a_key_never_received_changes_nothing, |app| {
    let cm1 = app.login("a-cm1").await;
    send(
        &app,
        &cm1,
        usage_unit(B, "20260401090000", "202604", &[TARO], &[8]),
    )
    .await;
    send(&app, &cm1, slip_deletion("20260402090000", "202605")).await;
    assert_eq!(
        app.states(TARO.0, "usage").await,
        pairs(&[("20260401090000", "latest"), ("20260402090000", "deletion")])
    );
    let mut conn = app.owner_connection().await;
    let (withdrew,): (i64,) =
        sqlx::query_as("select withdrew_count from doc_version where action = 'delete'")
            .fetch_one(&mut conn)
            .await
            .unwrap();
    assert_eq!(withdrew, 0);
});
