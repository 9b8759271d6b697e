//! 受信 and 送信済み lists: newest first, 50 to a page, and 「次の50件」 to the rest.

use crate::exchange_helpers::{listed_deliveries, spec_file, A_NUMBER, B_NUMBER};
use crate::helpers::Browser;
use server::spec_csv::FileKind;

/// The page's 「次の50件」 link, if any.
fn next_page(body: &str) -> Option<String> {
    let link = body.split("<a ").find(|a| a.contains("rel=\"next\""))?;
    let href = link.split("href=\"").nth(1)?.split('"').next()?;
    Some(href.replace("&amp;", "&"))
}

/// Both pages of a list of 51: the first holds 50, newest first, and links to the second,
/// which holds only the oldest and links nowhere.
async fn assert_two_pages(browser: &Browser, path: &str, oldest: &str) {
    let first = browser.get(path).await;
    assert_eq!(first.status, 200);
    let ids = listed_deliveries(&first.body);
    assert_eq!(ids.len(), 50, "{}", first.text());
    assert!(
        ids.windows(2).all(|pair| pair[0] > pair[1]),
        "newest first: {ids:?}"
    );
    assert!(
        !ids.iter().any(|id| id == oldest),
        "the oldest waits for page 2"
    );
    let next = next_page(&first.body).expect("a link to the next 50");
    let second = browser.get(&next).await;
    assert_eq!(second.status, 200);
    assert_eq!(listed_deliveries(&second.body), vec![oldest.to_string()]);
    assert_eq!(next_page(&second.body), None, "nothing after the last page");
}

both!(
    lists_show_fifty_newest_first_and_page_on_to_the_rest,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let b = app.login("b-staff").await;
        let a = (A_NUMBER, "43");
        let to = (B_NUMBER, "11");
        let mut oldest = None;
        for i in 0..51 {
            let stamp = format!("20260401090{i:03}");
            let files = vec![
                spec_file(FileKind::Supplement, a, to, &stamp),
                spec_file(FileKind::UsagePlan, a, to, &stamp),
            ];
            let uploaded = cm1.upload("/uploads", files, &[]).await;
            assert_eq!(uploaded.status, 303, "{}", uploaded.text());
            let draft = uploaded.location.unwrap();
            let sent = cm1.post(&format!("{draft}/send"), &[]).await;
            assert_eq!(sent.status, 303, "{}", sent.text());
            if oldest.is_none() {
                oldest = listed_deliveries(&b.get("/inbox").await.body).pop();
            }
        }
        let oldest = oldest.expect("the first send is listed");
        assert_two_pages(&b, "/inbox", &oldest).await;
        assert_two_pages(&cm1, "/outbox", &oldest).await;
    }
);

// The 受信 list reads on the connection the caller was loaded on (`auth::request_reads`),
// held from the middleware until the list runs. Twenty-one pages at once (受信, 自分の受信,
// 送信済み), four times the test pool's five connections, all load: a page that took a second connection while holding the
// first would wait for the pool with every other request doing the same (the pool's 10 s
// timeout, then an error page).
both!(
    many_inbox_pages_at_once_all_load_with_more_requests_than_connections,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let b = app.login("b-staff").await;
        let files = vec![spec_file(
            FileKind::Supplement,
            (A_NUMBER, "43"),
            (B_NUMBER, "11"),
            "20260401090000",
        )];
        let uploaded = cm1.upload("/uploads", files, &[]).await;
        let draft = uploaded.location.expect("a draft");
        assert_eq!(cm1.post(&format!("{draft}/send"), &[]).await.status, 303);
        let paths = ["/inbox", "/inbox/mine", "/outbox"];
        let pages = futures_util::future::join_all((0..21).map(|i| b.get(paths[i % 3])));
        let pages = tokio::time::timeout(std::time::Duration::from_secs(5), pages)
            .await
            .expect("twenty-one pages within 5 s");
        for (i, page) in pages.iter().enumerate() {
            assert_eq!(page.status, 200, "{}", page.text());
            // The item is in 受信 only (自分の受信: nobody is in charge of its person yet).
            let listed = if i % 3 == 0 { 1 } else { 0 };
            assert_eq!(
                listed_deliveries(&page.body).len(),
                listed,
                "{}",
                paths[i % 3]
            );
        }
    }
);

// The menu marks the list an item belongs to (受信 for the receiver, 送信済み for the sender),
// and the lists' less-used conditions stay folded unless one of them is in use.
both!(
    an_item_marks_its_own_list_in_the_menu_and_filters_fold_unless_in_use,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let b = app.login("b-staff").await;
        let home = b.get("/").await.text();
        assert!(
            home.contains("いま確認が必要なものはありません。"),
            "{home}"
        );
        let files = vec![spec_file(
            FileKind::Supplement,
            (A_NUMBER, "43"),
            (B_NUMBER, "11"),
            "20260401090000",
        )];
        let draft = cm1.upload("/uploads", files, &[]).await.location.unwrap();
        assert_eq!(cm1.post(&format!("{draft}/send"), &[]).await.status, 303);
        let item = listed_deliveries(&cm1.get("/outbox").await.body)
            .pop()
            .unwrap();
        let current = |list: &str| format!("href=\"{list}\" aria-current=\"page\"");
        let sent = cm1.get(&item).await.body;
        assert!(sent.contains(&current("/outbox")), "{sent}");
        assert!(!sent.contains(&current("/inbox")));
        let received = b.get(&item).await.body;
        assert!(received.contains(&current("/inbox")), "{received}");

        // The attributes of the 「詳しい条件」 element, whatever their order.
        let more = |body: &str| {
            body.split("<details")
                .skip(1)
                .filter_map(|t| t.split('>').next())
                .find(|attrs| attrs.contains("\"filter__more\""))
                .map(str::to_string)
                .expect("a 詳しい条件 section")
        };
        let plain = b.get("/inbox").await.body;
        assert!(!more(&plain).contains("open"), "{plain}");
        let filtered = b.get("/inbox?kind=UPHOSOKU").await.body;
        assert!(more(&filtered).contains("open"), "{filtered}");
        assert_eq!(listed_deliveries(&filtered), vec![item]);
    }
);
