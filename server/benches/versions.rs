//! Version pages on a release build: the timeline of a person with 200 versions with one
//! partner, and the diff of two 500-line 第6表 versions, each as the page's service call
//! (queries, storage reads, parsing, comparing) and with the page content rendered to HTML.
//! Target: each < 50 ms.
//! Run: `cargo bench -p server --bench versions`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use app::pages::{DiffView, TimelineView};
use app::ports::VersionsPort;
use app::types::{Caller, VersionId};
use criterion::{criterion_group, criterion_main, Criterion};
use leptos::prelude::*;
use server::db::{Batch, Db};
use server::exchange::delivery_store;
use server::offices::create::create_organisation;
use server::storage::Storage;
use server::versions::build::{drafts_of, read_tables, Tables};
use server::versions::{read_store, record_delivery, VersionService};
use std::hint::black_box;
use support::*;

const CARE_MANAGER: &str = "1371234567";
const PARTNER: &str = "1372000001";
/// The person of the timeline: 50 months × 4 sends of the 第6表.
const TIMELINE_PERSON: &str = "0000000001";
/// The person of the diff: two versions of a 500-line 第6表.
const DIFF_PERSON: &str = "0000000002";
const MONTHS: u32 = 50;
const SENDS_PER_MONTH: u32 = 4;

fn month(i: u32) -> String {
    let (y, m) = (2022 + i / 12, i % 12 + 1);
    format!("{y}{m:02}")
}

/// A 第6表 of `insured` for `month`: `slots` visits a day for `days` days. A `revised` one
/// leaves day 3 out and moves every seventh visit an hour later (a new version's changes).
fn usage_file(insured: &str, month: &str, days: u32, slots: u32, revised: bool) -> Vec<u8> {
    let mut text = String::new();
    for day in 1..=days {
        if revised && day == 3 {
            continue;
        }
        for slot in 0..slots {
            let late = revised && (day * slots + slot).is_multiple_of(7);
            UsageLine {
                care_manager: CARE_MANAGER,
                partner: PARTNER,
                insured,
                month,
                day,
                start: 6 + slot + u32::from(late),
                service_code: &format!("11{:04}", 1111 + slot),
                units: 250,
            }
            .push_to(&mut text);
        }
    }
    encode(&text)
}

fn persons(insured: &str) -> String {
    serde_json::json!([{"insurer": "131016", "insured": insured, "name": null, "kana": null}])
        .to_string()
}

/// One 第6表 send.
struct Plan<'a> {
    insured: &'a str,
    month: &'a str,
    stamp: &'a str,
    bytes: Vec<u8>,
    at: i64,
}

/// Delivers one 第6表 from the care manager to the partner and adds it to the chains, as a
/// send does; returns the id of its version.
async fn send_plan(
    db: &Db,
    storage: &Storage,
    (from, to, by): (app::types::OfficeId, app::types::OfficeId, &str),
    plan: Plan<'_>,
) -> String {
    let Plan {
        insured,
        month,
        stamp,
        bytes,
        at,
    } = plan;
    let mut tx = db.begin_office(from).await.unwrap();
    let route = format!("{CARE_MANAGER}_43_{PARTNER}_11");
    let file = BenchFile {
        kind: "UPPLAN",
        name: format!("UPPLAN_{month}_{route}_{stamp}.CSV"),
        bytes,
        stamp,
        month: Some(month),
    };
    let to = to.to_string();
    let delivery = deliver(&mut tx, storage, by, &to, vec![file], &persons(insured), at).await;
    let files = delivery_store::files(&mut tx, &delivery).await.unwrap();
    let refs: Vec<_> = files.iter().collect();
    let mut tables = Tables::new();
    read_tables(storage, &refs, &mut tables).await.unwrap();
    let mut writes = Batch::new();
    let drafts = drafts_of(&refs, &tables);
    record_delivery(&mut tx, &mut writes, &delivery, &to, &drafts, at)
        .await
        .unwrap();
    writes.run(tx.conn()).await.unwrap();
    let rows = read_store::of_delivery(&mut tx, &delivery).await.unwrap();
    tx.commit().await.unwrap();
    rows[0].version_id.clone()
}

/// The partner's view: 200 versions of one person, and two versions of a long 第6表.
async fn seed(dir: &std::path::Path) -> (VersionService, Caller, VersionId, VersionId) {
    let (db, storage) = sqlite(dir).await;
    let clock = clock();
    let cm = create_organisation(
        &db,
        &clock,
        "居宅",
        &[office(CARE_MANAGER, "43", "ケアプランセンター")],
        vec![person("介護 花子", "cm")],
    )
    .await
    .unwrap();
    let svc = create_organisation(
        &db,
        &clock,
        "事業者",
        &[office(PARTNER, "11", "訪問介護ステーション")],
        vec![person("事業所 職員", "svc")],
    )
    .await
    .unwrap();
    let by = cm.people[0].to_string();
    let offices = (cm.offices[0], svc.offices[0], by.as_str());
    let mut at = 1_700_000_000_000;
    let mut timeline_version = String::new();
    for i in 0..MONTHS {
        let month = month(i);
        for send in 0..SENDS_PER_MONTH {
            at += 60_000;
            let stamp = format!("{month}{:02}090000", send + 1);
            let bytes = usage_file(TIMELINE_PERSON, &month, 10, 1, send % 2 == 1);
            let plan = Plan {
                insured: TIMELINE_PERSON,
                month: &month,
                stamp: &stamp,
                bytes,
                at,
            };
            timeline_version = send_plan(&db, &storage, offices, plan).await;
        }
    }
    let mut diff_version = String::new();
    for (send, revised) in [(1, false), (2, true)] {
        at += 60_000;
        let stamp = format!("2025040{send}090000");
        let bytes = usage_file(DIFF_PERSON, "202504", 25, 20, revised);
        let plan = Plan {
            insured: DIFF_PERSON,
            month: "202504",
            stamp: &stamp,
            bytes,
            at,
        };
        diff_version = send_plan(&db, &storage, offices, plan).await;
    }
    let service = VersionService::new(db, clock, storage);
    let caller = caller(svc.people[0], svc.offices[0], PARTNER, "11");
    (
        service,
        caller,
        timeline_version.parse().unwrap(),
        diff_version.parse().unwrap(),
    )
}

/// The page's content as HTML, as the server renders it (the layout around it is left out).
fn html(content: impl FnOnce() -> AnyView) -> usize {
    Owner::new().with(|| content().to_html()).len()
}

fn pages(c: &mut Criterion) {
    let rt = runtime();
    let dir = TempDir::new("versions-bench");
    let (service, caller, timeline_id, diff_id) = rt.block_on(seed(&dir.0));
    let timeline = rt.block_on(service.timeline(&caller, timeline_id)).unwrap();
    assert_eq!(timeline.lines.len(), (MONTHS * SENDS_PER_MONTH) as usize);
    let diff = rt.block_on(service.diff(&caller, diff_id, None)).unwrap();
    // 500 lines before; day 3's 20 visits gone and every seventh visit an hour later.
    assert!(diff.count() > 60, "{} differences", diff.count());
    let shown = Owner::new().with(|| view! { <DiffView d=diff/> }.to_html());
    assert!(shown.contains("件の違いがあります"), "{shown}");
    let mut group = c.benchmark_group("versions");
    group.sample_size(20);
    group.bench_function("timeline_200_versions_service_sqlite", |b| {
        b.iter(|| {
            black_box(
                rt.block_on(service.timeline(&caller, timeline_id))
                    .unwrap()
                    .lines
                    .len(),
            )
        })
    });
    group.bench_function("timeline_200_versions_service_and_html", |b| {
        b.iter(|| {
            let t = rt.block_on(service.timeline(&caller, timeline_id)).unwrap();
            black_box(html(|| {
                view! { <TimelineView t=t current=timeline_id/> }.into_any()
            }))
        })
    });
    group.bench_function("diff_two_500_line_usage_plans_service_sqlite", |b| {
        b.iter(|| {
            black_box(
                rt.block_on(service.diff(&caller, diff_id, None))
                    .unwrap()
                    .count(),
            )
        })
    });
    group.bench_function("diff_two_500_line_usage_plans_service_and_html", |b| {
        b.iter(|| {
            let d = rt.block_on(service.diff(&caller, diff_id, None)).unwrap();
            black_box(html(|| view! { <DiffView d=d/> }.into_any()))
        })
    });
    group.finish();
}

criterion_group!(benches, pages);
criterion_main!(benches);
