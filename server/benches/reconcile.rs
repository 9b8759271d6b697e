//! 予実突合 for one month of an office with 300 persons × 8 partners × 30 days (see
//! `reconcile_data`): the pure engine on parsed files, the engine including parsing the 24
//! files, and the month page's whole service call on SQLite (query, storage reads, parsing,
//! matching, one page of rows). Target: < 1 s on a release build.
//! Run: `cargo bench -p server --bench reconcile`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "reconcile_data/mod.rs"]
mod reconcile_data;
mod support;

use app::ports::ReconcilePort;
use app::types::{Caller, ReconcileQuery, Role};
use criterion::{criterion_group, criterion_main, Criterion};
use reconcile_data::*;
use server::offices::create::{create_organisation, NewOffice, NewPerson};
use server::reconcile::detail::DetailFile;
use server::reconcile::engine::{reconcile, Case};
use server::reconcile::keys::{PersonKey, Provider};
use server::reconcile::lines::UsageFile;
use server::reconcile::ReconcileService;
use std::hint::black_box;
use support::*;

struct Files {
    plans: Vec<Vec<u8>>,
    details: Vec<Vec<u8>>,
    actuals: Vec<Vec<u8>>,
}

fn files() -> Files {
    let plan = plan_bytes();
    let detail = detail_bytes();
    Files {
        plans: vec![plan; PARTNERS],
        details: vec![detail; PARTNERS],
        actuals: (0..PARTNERS).map(actual_bytes).collect(),
    }
}

fn partners() -> Vec<Provider> {
    (0..PARTNERS)
        .map(|k| Provider::new(&partner_number(k), TYPES[k]).unwrap())
        .collect()
}

fn persons() -> Vec<PersonKey> {
    (0..PERSONS)
        .map(|p| PersonKey::new("131016", &format!("{:010}", p + 1)).unwrap())
        .collect()
}

fn run(plans: &[UsageFile], details: &[DetailFile], actuals: &[UsageFile]) -> usize {
    let persons = persons();
    let cases: Vec<Case<'_>> = (0..PARTNERS)
        .flat_map(|k| {
            persons.iter().map(move |&person| Case {
                partner: k,
                person,
                plan: Some(&plans[k]),
                detail: Some(&details[k]),
                actual: Some(&actuals[k]),
            })
        })
        .collect();
    let report = reconcile(202504, &partners(), &cases);
    report.comparisons.iter().map(|c| c.differences.len()).sum()
}

fn engine(c: &mut Criterion) {
    let files = files();
    let parse = |f: &Files| {
        let plans: Vec<UsageFile> = f
            .plans
            .iter()
            .map(|b| UsageFile::from_bytes(b).unwrap())
            .collect();
        let details: Vec<DetailFile> = f
            .details
            .iter()
            .map(|b| DetailFile::from_bytes(b).unwrap())
            .collect();
        let actuals: Vec<UsageFile> = f
            .actuals
            .iter()
            .map(|b| UsageFile::from_bytes(b).unwrap())
            .collect();
        (plans, details, actuals)
    };
    let (plans, details, actuals) = parse(&files);
    // 30 persons × 8 partners with a missing day, a later visit and so a 第7表 total that no
    // longer matches: 3 differences each.
    assert_eq!(run(&plans, &details, &actuals), 30 * PARTNERS * 3);
    let mut group = c.benchmark_group("reconcile_month_300x8x30");
    group.sample_size(10);
    group.bench_function("engine_on_parsed_files", |b| {
        b.iter(|| black_box(run(&plans, &details, &actuals)))
    });
    group.bench_function("engine_with_parsing_24_files", |b| {
        b.iter(|| {
            let (p, d, a) = parse(black_box(&files));
            black_box(run(&p, &d, &a))
        })
    });
    group.finish();
}

/// A SQLite database and local store holding the month: the care manager sends each partner
/// its 予定 unit (第6表 + 第7表), each partner sends back its 実績.
async fn seed(dir: &std::path::Path) -> (ReconcileService, Caller) {
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
    let partner_offices: Vec<NewOffice> = (0..PARTNERS)
        .map(|k| office(&partner_number(k), TYPES[k], &format!("事業所{k}")))
        .collect();
    let people = vec![NewPerson {
        roles: (0..PARTNERS).map(|k| (k, Role::Admin)).collect(),
        ..person("事業所 職員", "svc")
    }];
    let svc = create_organisation(&db, &clock, "事業者", &partner_offices, people)
        .await
        .unwrap();
    let (plan, detail, persons) = (plan_bytes(), detail_bytes(), persons_json());
    let cm_office = cm.offices[0];
    let by = cm.people[0].to_string();
    for (k, &to) in svc.offices.iter().enumerate() {
        let mut tx = db.begin_office(cm_office).await.unwrap();
        let route = format!("{CARE_MANAGER}_43_{}_{}", partner_number(k), TYPES[k]);
        let stamp = "20250425090000";
        let files = vec![
            BenchFile {
                kind: "UPPLAN",
                name: format!("UPPLAN_{MONTH}_{route}_{stamp}.CSV"),
                bytes: plan.clone(),
                stamp,
                month: Some(MONTH),
            },
            BenchFile {
                kind: "UPSIKYU",
                name: format!("UPSIKYU_{MONTH}_{route}_{stamp}.CSV"),
                bytes: detail.clone(),
                stamp,
                month: Some(MONTH),
            },
        ];
        deliver(
            &mut tx,
            &storage,
            &by,
            &to.to_string(),
            files,
            &persons,
            1_745_500_000_000,
        )
        .await;
        tx.commit().await.unwrap();
        let mut tx = db.begin_office(to).await.unwrap();
        let back = format!("{}_{}_{CARE_MANAGER}_43", partner_number(k), TYPES[k]);
        let stamp = "20250502090000";
        let files = vec![BenchFile {
            kind: "UPJSK",
            name: format!("UPJSK_{MONTH}_{back}_{stamp}.CSV"),
            bytes: actual_bytes(k),
            stamp,
            month: Some(MONTH),
        }];
        deliver(
            &mut tx,
            &storage,
            &svc.people[0].to_string(),
            &cm_office.to_string(),
            files,
            &persons,
            1_746_100_000_000,
        )
        .await;
        tx.commit().await.unwrap();
    }
    let base = url::Url::parse("http://127.0.0.1:3000").unwrap();
    let service = ReconcileService::new(db, clock, storage, &base);
    let caller = caller(cm.people[0], cm_office, CARE_MANAGER, "43");
    (service, caller)
}

fn service(c: &mut Criterion) {
    let rt = runtime();
    let dir = TempDir::new("reconcile-bench");
    let (service, caller) = rt.block_on(seed(&dir.0));
    let query = ReconcileQuery {
        month: MONTH.into(),
        ..ReconcileQuery::default()
    };
    let page = rt.block_on(service.month(&caller, query.clone())).unwrap();
    assert_eq!(page.counts.total(), PERSONS * PARTNERS);
    assert_eq!(page.counts.differences, 30 * PARTNERS);
    let mut group = c.benchmark_group("reconcile_month_300x8x30");
    group.sample_size(10);
    group.bench_function("month_page_service_sqlite", |b| {
        b.iter(|| {
            black_box(
                rt.block_on(service.month(&caller, query.clone()))
                    .unwrap()
                    .rows
                    .len(),
            )
        })
    });
    group.bench_function("board_service_sqlite", |b| {
        b.iter(|| {
            black_box(
                rt.block_on(service.board(&caller, MONTH.into()))
                    .unwrap()
                    .rows
                    .len(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, engine, service);
criterion_main!(benches);
