//! 帳票表示 over HTTP: each paper form from sample files, multi-person files, broken files,
//! receipts and audit, tenant isolation.

mod access;
mod prevention;
mod render;
mod stamps;

use crate::exchange_helpers::{A_NUMBER, B_NUMBER};
use crate::helpers::{Browser, TestApp};
use server::spec_csv::{sample, FileKind};

/// ファイル連番 of the plan unit and of the 利用票 unit in these tests.
pub const PLAN_STAMP: &str = "20260401090000";
pub const USAGE_STAMP: &str = "20260401090100";

/// Sample rows of `kind` with the given (0-based column, value) edits on every row.
pub fn rows(kind: FileKind, edits: &[(usize, &str)]) -> Vec<Vec<String>> {
    let mut rows = sample::rows(kind);
    for row in &mut rows {
        for (i, v) in edits {
            sample::set(row, *i, v);
        }
    }
    rows
}

/// A standard file from A (居宅, 43) to B (訪問介護, 11).
pub fn file(kind: FileKind, rows: Vec<Vec<String>>, stamp: &str) -> (String, Vec<u8>) {
    let month = if kind == FileKind::Supplement && stamp == PLAN_STAMP {
        Some("000000")
    } else {
        kind.has_month().then_some(sample::MONTH)
    };
    server::cli::demo_files::build(kind, rows, month, (A_NUMBER, "43"), (B_NUMBER, "11"), stamp)
        .unwrap()
}

/// The plan-tied 補足 naming one person (山田 花子, born 1940-05-05).
pub fn plan_supplement() -> (String, Vec<u8>) {
    let mut supplement = sample::plan_tied_supplement();
    for row in &mut supplement {
        for (i, v) in [
            (4, "ヤマダ ハナコ"),
            (5, "山田 花子"),
            (6, "2"),
            (7, "19400505"),
            (9, "東京都港区芝公園1-1"),
        ] {
            sample::set(row, i, v);
        }
    }
    file(FileKind::Supplement, supplement, PLAN_STAMP)
}

/// A sent delivery: its path and its form links by file-name prefix, as the sender sees them.
pub struct Sent {
    pub delivery: String,
    pub forms: Vec<(String, String)>,
}

impl Sent {
    /// The form link of the file whose name starts with `prefix_`.
    pub fn form(&self, prefix: &str) -> String {
        self.forms
            .iter()
            .find(|(name, _)| name.starts_with(&format!("{prefix}_")))
            .map(|(_, href)| href.clone())
            .unwrap_or_else(|| panic!("no form link for {prefix}: {:?}", self.forms))
    }
}

/// A's CM1 uploads and sends `files` to B; returns the delivery and its form links, read from
/// the item page as the sender (which records no receipt).
pub async fn send_to_b(app: &TestApp, files: Vec<(String, Vec<u8>)>) -> (Browser, Sent) {
    let cm1 = app.login("a-cm1").await;
    let uploaded = cm1.upload("/uploads", files, &[]).await;
    assert_eq!(uploaded.status, 303, "{}", uploaded.text());
    let confirm = uploaded.location.unwrap();
    let sent = cm1.post(&format!("{confirm}/send"), &[]).await;
    assert_eq!(sent.status, 303, "{}", cm1.follow(&sent).await.text());
    let outbox = cm1.get("/outbox").await;
    let delivery = crate::exchange_helpers::listed_deliveries(&outbox.body)
        .into_iter()
        .next()
        .expect("a delivery in the outbox");
    let page = cm1.get(&delivery).await;
    let forms = page
        .body
        .split("href=\"")
        .skip(1)
        .filter_map(|s| {
            let href = s.split('"').next()?;
            let label = s.split("aria-label=\"").nth(1)?.split('"').next()?;
            href.ends_with("/form").then(|| {
                (
                    label.trim_end_matches("を帳票で見る").to_string(),
                    href.to_string(),
                )
            })
        })
        .collect();
    (cm1, Sent { delivery, forms })
}

/// Audit actions of an office with their objects' detail, oldest first.
pub async fn audit_rows(app: &TestApp, office: app::types::OfficeId) -> Vec<(String, String)> {
    let mut conn = app.owner_connection().await;
    sqlx::query_as("select action, detail from audit_log where chain = $1 order by seq")
        .bind(office.to_string())
        .fetch_all(&mut conn)
        .await
        .unwrap()
}
