//! Drafts: an upload not yet sent is shared by the office's staff, who can change its files,
//! send it or discard it.

use super::send_flow::{two_partner_upload, upload};

both!(
    a_draft_is_shared_by_the_office_and_can_be_discarded,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let path = upload(&app, &cm1, two_partner_upload()).await;
        let cm2 = app.login("a-cm2").await;
        let drafts = cm2.get("/uploads").await;
        assert!(
            drafts.text().contains("介護 一郎") && drafts.text().contains("7件"),
            "{}",
            drafts.text()
        );
        // Each draft says where its files go, each partner once.
        assert!(
            drafts.text().contains("テスト訪問介護、テストデイサービス"),
            "{}",
            drafts.text()
        );
        assert!(cm2
            .get(&format!("{path}/discard"))
            .await
            .text()
            .contains("この下書きを破棄しますか"));
        let gone = cm2
            .follow(&cm2.post(&format!("{path}/discard"), &[]).await)
            .await;
        assert!(gone.text().contains("下書きを破棄しました。"));
        assert!(gone.text().contains("下書きはありません。"));
        assert_eq!(
            cm1.post(&format!("{path}/send"), &[]).await.status,
            409,
            "a discarded draft cannot be sent"
        );
    }
);

both!(files_can_be_removed_from_and_added_to_a_draft, |app| {
    let cm1 = app.login("a-cm1").await;
    let mut files = two_partner_upload();
    let last = files.pop().unwrap();
    let path = upload(&app, &cm1, files).await;
    let page = cm1.get(&path).await;
    assert!(page.text().contains("この内容で送信する（6件）"));
    let remove = page
        .body
        .split("action=\"")
        .filter_map(|s| s.split('"').next())
        .find(|a| a.ends_with("/remove"))
        .unwrap()
        .to_string();
    cm1.post(&remove, &[]).await;
    assert!(cm1
        .get(&path)
        .await
        .text()
        .contains("この内容で送信する（5件）"));
    let added = cm1.upload(&format!("{path}/files"), vec![last], &[]).await;
    assert_eq!(added.location.as_deref(), Some(path.as_str()));
    assert!(cm1
        .get(&path)
        .await
        .text()
        .contains("この内容で送信する（6件）"));
});
