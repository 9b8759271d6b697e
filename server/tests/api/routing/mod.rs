//! Routing of received items (issue 7): each routing step, sticky roster, assignment and its
//! roles, stale forms, status and notes, absence cover, disabling with open work, roster CSV,
//! notification modes. Office A (居宅) receives 実績 from office B.

mod assign;
mod cover_disable;
mod list;
mod notify;
mod roster_csv;
mod steps;
mod work;

use crate::exchange_helpers::{spec_file, A_NUMBER, B_NUMBER};
use crate::helpers::{Browser, TestApp};
use server::spec_csv::FileKind;
use std::time::Duration;

/// The insurer of the sample files.
pub const INSURER: &str = "131016";
/// Persons used below: the sample plans' person, and two more.
pub const P1: &str = "0000012345";
pub const P2: &str = "0000022222";
pub const P3: &str = "0000033333";

/// Uploads and confirms `files` as `browser`; returns the new delivery id (one destination).
pub async fn send(app: &TestApp, browser: &Browser, files: Vec<(String, Vec<u8>)>) -> String {
    // Each send gets its own minute, so "newest" is well defined.
    app.clock.advance(Duration::from_secs(60));
    let page = browser.upload("/uploads", files, &[]).await;
    assert_eq!(page.status, 303, "{}", page.text());
    let path = page.location.unwrap();
    let sent = browser.post(&format!("{path}/send"), &[]).await;
    assert_eq!(sent.status, 303, "{}", sent.text());
    let mut conn = app.owner_connection().await;
    let (id,): (String,) = sqlx::query_as(
        "select d.delivery_id from delivery d join outgoing o on o.outgoing_id = d.outgoing_id
          order by d.sent_at desc limit 1",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    id
}

/// B (訪問介護) sends 実績 for `persons` to A; returns the delivery id.
pub async fn actuals_to_a(app: &TestApp, persons: &[&str]) -> String {
    let b = app.login("b-staff").await;
    let stamp = format!("2025050210{:02}00", app.clock.now() / 60_000 % 60);
    let file =
        server::cli::demo_files::actuals_for((B_NUMBER, "11"), (A_NUMBER, "43"), &stamp, persons)
            .unwrap();
    send(app, &b, vec![file]).await
}

/// `login` of A sends a plan unit (person P1) to B: the sender becomes P1's 担当 at A.
pub async fn plan_to_b(app: &TestApp, login: &str) -> String {
    let browser = app.login(login).await;
    let a = (A_NUMBER, "43");
    let b = (B_NUMBER, "11");
    let stamp = format!("2025040109{:02}00", app.clock.now() / 60_000 % 60);
    let files = vec![
        spec_file(FileKind::Plan1, a, b, &stamp),
        spec_file(FileKind::Plan2, a, b, &stamp),
        spec_file(FileKind::Plan3, a, b, &stamp),
        server::cli::demo_files::plan_supplement(a, b, &stamp).unwrap(),
    ];
    send(app, &browser, files).await
}

/// The user id of a login.
pub async fn user_id(app: &TestApp, login: &str) -> String {
    let mut conn = app.owner_connection().await;
    let (id,): (String,) = sqlx::query_as("select user_id from staff_account where login_id = $1")
        .bind(login)
        .fetch_one(&mut conn)
        .await
        .unwrap();
    id
}

/// (insured, assignee login or "", reason, status) of a delivery's routes, by insured.
pub async fn routes(app: &TestApp, delivery: &str) -> Vec<(String, String, String, String)> {
    let mut conn = app.owner_connection().await;
    sqlx::query_as(
        "select r.insured, coalesce(s.login_id, ''), r.reason, r.status from delivery_route r
           left join staff_account s on s.user_id = r.assignee_id
          where r.delivery_id = $1 order by r.insured",
    )
    .bind(delivery)
    .fetch_all(&mut conn)
    .await
    .unwrap()
}

/// The 担当 login of a person in an office's roster ("" when unassigned, None when absent).
pub async fn roster_assignee(
    app: &TestApp,
    office: app::types::OfficeId,
    insured: &str,
) -> Option<String> {
    let mut conn = app.owner_connection().await;
    let row: Option<(String,)> = sqlx::query_as(
        "select coalesce(s.login_id, '') from client_roster c left join staff_account s on s.user_id = c.assignee_id
          where c.office_id = $1 and c.insured = $2",
    )
    .bind(office.to_string())
    .bind(insured)
    .fetch_optional(&mut conn)
    .await
    .unwrap();
    row.map(|r| r.0)
}

/// Imports a roster CSV (UTF-8 text, header added) as `browser`; returns the preview page.
pub async fn import_roster(browser: &Browser, lines: &str) -> crate::helpers::Page {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(
        format!(
            "保険者番号,被保険者番号,氏名,フリガナ,生年月日,担当者ログインID,担当者名\r\n{lines}"
        )
        .as_bytes(),
    );
    import_bytes(browser, bytes).await
}

/// Uploads raw bytes to the roster import; returns the answer (303 to the preview or back).
pub async fn import_bytes(browser: &Browser, bytes: Vec<u8>) -> crate::helpers::Page {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name("daichou.csv"),
    );
    let response = browser
        .client
        .post(format!("{}/roster/import", browser.base))
        .header("origin", &browser.base)
        .multipart(form)
        .send()
        .await
        .unwrap();
    Browser::read(response).await
}

/// a-admin sets the roster: P1 → a-cm1, P2 → a-cm2 (P3 stays unknown).
pub async fn roster_two_care_managers(app: &TestApp) -> Browser {
    let admin = app.login("a-admin").await;
    let staged = import_roster(
        &admin,
        &format!("{INSURER},{P1},山田 太郎,ヤマダ タロウ,19400101,a-cm1,\r\n{INSURER},{P2},佐藤 花子,サトウ ハナコ,,a-cm2,\r\n"),
    )
    .await;
    assert_eq!(staged.status, 303, "{}", staged.text());
    let preview = staged.location.unwrap();
    let applied = admin.post(&format!("{preview}/apply"), &[]).await;
    assert_eq!(
        applied.location.as_deref(),
        Some("/roster"),
        "{}",
        applied.text()
    );
    admin
}

/// The hidden `version` value of the first form on a page.
pub fn version_on(page: &crate::helpers::Page) -> String {
    let at = page
        .body
        .find("name=\"version\" value=\"")
        .expect("a version field");
    let rest = &page.body[at + "name=\"version\" value=\"".len()..];
    rest.split('"').next().unwrap().to_string()
}

/// Posts the item page's status form as `browser`, with the version the page shows now.
pub async fn post_status(browser: &Browser, delivery: &str, status: &str) -> crate::helpers::Page {
    let item = format!("/deliveries/{delivery}");
    let page = browser.get(&item).await;
    browser
        .post(
            &format!("{item}/status"),
            &[("status", status), ("version", &version_on(&page))],
        )
        .await
}

/// The value of `delivery`'s checkbox in the 未割当 queue (`{delivery}:{version}`).
pub fn queue_value(queue: &crate::helpers::Page, delivery: &str) -> String {
    let at = queue
        .body
        .find(&format!("value=\"{delivery}:"))
        .expect("the item waits in 未割当");
    let rest = &queue.body[at + "value=\"".len()..];
    rest.split('"').next().unwrap().to_string()
}
