//! 予実突合 over HTTP on both databases: the month page, the day view, the board, versions
//! and deletions, tenant walls, the CSV and the reminder mail.

mod bad_input;
mod flow;
mod isolation;
mod reminder;
mod versions;

use crate::exchange_helpers::{A_NUMBER, B_NUMBER};
use crate::helpers::{Browser, Page, TestApp};
use server::cli::demo_reconcile::Scenario;

/// The month the test clock (2026-04-01) reconciles by default.
pub const MONTH: &str = "202603";

/// A (居宅, 43) plans with B (訪問介護, 11) for [`MONTH`].
pub fn scenario() -> Scenario<'static> {
    Scenario {
        month: MONTH,
        care_manager: (A_NUMBER, "43"),
        provider: (B_NUMBER, "11"),
    }
}

/// Uploads and sends `files` as `who` (already signed in); asserts the send went through.
pub async fn send(who: &Browser, files: Vec<(String, Vec<u8>)>) {
    let page = who.upload("/uploads", files, &[]).await;
    assert_eq!(page.status, 303, "{}", page.text());
    let confirm = page.location.unwrap();
    let sent = who.post(&format!("{confirm}/send"), &[]).await;
    let done = who.follow(&sent).await;
    assert!(
        done.text().contains("送信しました"),
        "send failed: {}",
        done.text()
    );
}

/// A's care manager sends the 予定 unit; B returns 実績 (with or without the two differences).
pub async fn plan_and_actuals(app: &TestApp, differences: bool) -> (Browser, Browser) {
    let cm1 = app.login("a-cm1").await;
    send(&cm1, scenario().plan_unit("20260225090000").unwrap()).await;
    let b = app.login("b-staff").await;
    send(
        &b,
        vec![scenario().actuals("20260402090000", differences).unwrap()],
    )
    .await;
    (cm1, b)
}

/// The text a person reads (the page's serialized data, which follows it, left out).
pub fn visible(page: &Page) -> String {
    let text = page.text();
    match text.find("__RESOLVED_RESOURCES") {
        Some(end) => text[..end].to_string(),
        None => text,
    }
}

/// The visible text of the month page for [`MONTH`].
pub async fn month_text(who: &Browser, query: &str) -> String {
    let page = who.get(&format!("/reconcile?month={MONTH}{query}")).await;
    assert_eq!(page.status, 200, "{}", page.text());
    visible(&page)
}

/// Reminder mails queued for `to`.
pub async fn reminders_to(app: &TestApp, to: &str) -> i64 {
    let mut conn = app.owner_connection().await;
    let (n,): (i64,) = sqlx::query_as(
        "select count(*) from mail_outbox where to_address = $1 and template = 'reconcile_reminder'",
    )
    .bind(to)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    n
}
