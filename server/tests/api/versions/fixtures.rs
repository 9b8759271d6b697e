//! Standard files for the version tests: plan units, usage units and deletions for chosen
//! persons, dates, months and 連番, built from the spec module's valid samples.

use crate::exchange_helpers::{A_NUMBER, B_NUMBER};
use crate::helpers::{Browser, TestApp};
use server::spec_csv::{sample, FileKind};

/// 利用者 of the tests: (被保険者番号, 氏名).
pub const TARO: (&str, &str) = ("0000012345", "介護 太郎");
pub const HANAKO: (&str, &str) = ("0000067890", "介護 花子");

/// A (居宅, type 43) and B (訪問介護, type 11).
pub const A: (&str, &str) = (A_NUMBER, "43");
pub const B: (&str, &str) = (B_NUMBER, "11");

/// MS932 CSV bytes and the V4.1 name for `rows` of `kind` from `from` to `to`.
pub fn csv_file(
    kind: FileKind,
    from: (&str, &str),
    to: (&str, &str),
    stamp: &str,
    month: Option<&str>,
    rows: Vec<Vec<String>>,
) -> (String, Vec<u8>) {
    // The samples name SENDER (care-manager office) and DESTINATION (provider).
    let backwards = matches!(kind, FileKind::Actuals | FileKind::ActualsDelete);
    let (cm, provider) = if backwards { (to, from) } else { (from, to) };
    let mut text = String::new();
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|v| {
                let v = v
                    .replace(sample::SENDER, cm.0)
                    .replace(sample::DESTINATION, provider.0);
                if v.contains([',', '"', '\n']) {
                    format!("\"{}\"", v.replace('"', "\"\""))
                } else {
                    v
                }
            })
            .collect();
        text.push_str(&fields.join(","));
        text.push_str("\r\n");
    }
    let bytes = encoding_rs::SHIFT_JIS.encode(&text).0.into_owned();
    let month = month.map(|m| format!("_{m}")).unwrap_or_default();
    let name = format!(
        "{}{month}_{}_{}_{}_{}_{stamp}.CSV",
        kind.prefix(),
        from.0,
        from.1,
        to.0,
        to.1
    );
    (name, bytes)
}

fn person_row(kind: FileKind, insured: &str) -> Vec<String> {
    let mut row = sample::rows(kind).remove(0);
    sample::set(&mut row, 2, insured);
    row
}

/// 第1〜3表 + 補足 from A to `to` for `people` (被保険者番号, 氏名), plan date `date`;
/// `goal` is 総合的な援助の方針, `lines` the 第2表 サービス内容 (one line each).
pub fn plan_unit(
    to: (&str, &str),
    stamp: &str,
    date: &str,
    people: &[(&str, &str)],
    goal: &str,
    lines: &[&str],
) -> Vec<(String, Vec<u8>)> {
    let (mut p1, mut p2, mut p3, mut sup) = (vec![], vec![], vec![], vec![]);
    for (insured, name) in people {
        let mut r = person_row(FileKind::Plan1, insured);
        sample::set(&mut r, 3, date);
        sample::set(&mut r, 13, date);
        sample::set(&mut r, 23, goal);
        p1.push(r);
        for (i, line) in lines.iter().enumerate() {
            let mut r = person_row(FileKind::Plan2, insured);
            sample::set(&mut r, 3, date);
            sample::set(&mut r, 4, date);
            sample::set(&mut r, 12, &(i + 1).to_string());
            sample::set(&mut r, 13, line);
            p2.push(r);
        }
        let mut r = person_row(FileKind::Plan3, insured);
        sample::set(&mut r, 3, date);
        sample::set(&mut r, 4, date);
        p3.push(r);
        let mut r = sample::plan_tied_supplement().remove(0);
        sample::set(&mut r, 2, insured);
        sample::set(&mut r, 3, date);
        sample::set(&mut r, 5, name);
        sup.push(r);
    }
    vec![
        csv_file(FileKind::Plan1, A, to, stamp, None, p1),
        csv_file(FileKind::Plan2, A, to, stamp, None, p2),
        csv_file(FileKind::Plan3, A, to, stamp, None, p3),
        csv_file(FileKind::Supplement, A, to, stamp, Some("000000"), sup),
    ]
}

/// 第6表 + 第7表 + 補足 from A to `to` for `people`, month `month` (YYYYMM), one 第6表 record
/// per day in `days`.
pub fn usage_unit(
    to: (&str, &str),
    stamp: &str,
    month: &str,
    people: &[(&str, &str)],
    days: &[u32],
) -> Vec<(String, Vec<u8>)> {
    let (mut plan, mut detail, mut sup) = (vec![], vec![], vec![]);
    for (insured, name) in people {
        for day in days {
            let mut r = person_row(FileKind::UsagePlan, insured);
            sample::set(&mut r, 4, month);
            sample::set(&mut r, 9, &format!("{month}{day:02}"));
            plan.push(r);
        }
        for mut r in sample::rows(FileKind::UsageDetail) {
            sample::set(&mut r, 2, insured);
            sample::set(&mut r, 4, month);
            detail.push(r);
        }
        let mut r = person_row(FileKind::Supplement, insured);
        sample::set(&mut r, 62, month);
        sample::set(&mut r, 5, name);
        sup.push(r);
    }
    vec![
        csv_file(FileKind::UsagePlan, A, to, stamp, Some(month), plan),
        csv_file(FileKind::UsageDetail, A, to, stamp, Some(month), detail),
        csv_file(FileKind::Supplement, A, to, stamp, Some(month), sup),
    ]
}

/// A deletion file (DLT1KYO with a plan date, DLTPLAN with a month) from A to `to`.
pub fn deletion(
    kind: FileKind,
    to: (&str, &str),
    stamp: &str,
    insured: &str,
    key: &str,
) -> (String, Vec<u8>) {
    let row = vec![
        "202407".to_string(),
        "131016".to_string(),
        insured.to_string(),
        key.to_string(),
    ];
    let month = (kind == FileKind::UsagePlanDelete).then_some(key);
    csv_file(kind, A, to, stamp, month, vec![row])
}

/// A DLTPLAN withdrawing TARO's 第6表 of `month` (YYYYMM), sent to B.
pub fn slip_deletion(stamp: &str, month: &str) -> Vec<(String, Vec<u8>)> {
    vec![deletion(FileKind::UsagePlanDelete, B, stamp, TARO.0, month)]
}

/// TARO's plan of 2026-05-01 (方針2, one 第2表 line), sent to B.
pub fn may_plan() -> Vec<(String, Vec<u8>)> {
    plan_unit(
        B,
        "20260501090000",
        "20260501",
        &[TARO],
        "方針2",
        &["入浴介助"],
    )
}

/// Uploads `files` as `browser` and confirms the send; asserts every file goes. The clock
/// moves a minute on, so each send has its own time.
pub async fn send(app: &TestApp, browser: &Browser, files: Vec<(String, Vec<u8>)>) {
    let count = files.len();
    let page = browser.upload("/uploads", files, &[]).await;
    assert_eq!(page.status, 303, "{}", page.text());
    let confirm = page.location.unwrap();
    let text = browser.get(&confirm).await.text();
    assert!(
        text.contains(&format!("この内容で送信する（{count}件）")),
        "{text}"
    );
    let sent = browser.post(&format!("{confirm}/send"), &[]).await;
    assert_eq!(sent.status, 303, "{}", sent.text());
    app.clock.advance(std::time::Duration::from_secs(60));
}

/// Ids (UUIDs) that follow `prefix` in `body`, in order of appearance, each once.
pub fn ids_after(body: &str, prefix: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for part in body.split(prefix).skip(1) {
        if let Some(id) = part
            .get(..36)
            .filter(|id| uuid::Uuid::parse_str(id).is_ok())
        {
            if !ids.iter().any(|x| x == id) {
                ids.push(id.to_string());
            }
        }
    }
    ids
}

/// One chain row as the tests look at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub entity: String,
    pub anchor: String,
    pub stamp: String,
    pub action: String,
    pub state: String,
    pub version_no: i64,
}

impl TestApp {
    /// The chain rows of a person (any offices), by 連番.
    pub async fn chain_rows(&self, insured: &str) -> Vec<Row> {
        let mut conn = self.owner_connection().await;
        let rows: Vec<(String, String, String, String, String, i64)> = sqlx::query_as(
            "select entity, anchor, send_stamp, action, state, version_no from doc_version
              where insured = $1 order by send_stamp, action, to_office_id",
        )
        .bind(insured)
        .fetch_all(&mut conn)
        .await
        .unwrap();
        rows.into_iter()
            .map(|(entity, anchor, stamp, action, state, version_no)| Row {
                entity,
                anchor,
                stamp,
                action,
                state,
                version_no,
            })
            .collect()
    }

    /// `(連番, state)` of a person's chain rows of one entity.
    pub async fn states(&self, insured: &str, entity: &str) -> Vec<(String, String)> {
        self.chain_rows(insured)
            .await
            .into_iter()
            .filter(|r| r.entity == entity)
            .map(|r| (r.stamp, r.state))
            .collect()
    }
}

/// `(連番, state)` pairs, for short assertions.
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// A chain row's ids, to open its pages.
#[derive(Debug, Clone)]
pub struct V {
    pub id: String,
    pub delivery: String,
    pub stamp: String,
    pub to: String,
}

impl TestApp {
    /// Versions (and deletions) of a person's document family, by 連番 then receiving office.
    pub async fn versions_of(&self, insured: &str, entity: &str) -> Vec<V> {
        let mut conn = self.owner_connection().await;
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(
            "select version_id, delivery_id, send_stamp, to_office_id from doc_version
              where insured = $1 and entity = $2 order by send_stamp, to_office_id",
        )
        .bind(insured)
        .bind(entity)
        .fetch_all(&mut conn)
        .await
        .unwrap();
        rows.into_iter()
            .map(|(id, delivery, stamp, to)| V {
                id,
                delivery,
                stamp,
                to,
            })
            .collect()
    }
}
