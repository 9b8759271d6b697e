//! The upload form's script posts by XMLHttpRequest, which would follow a redirect in the
//! background and use up the next page's one-time message: its uploads are told where to go.

use super::bad_input::drafts;
use super::send_flow::two_partner_upload;

both!(
    the_scripts_upload_is_told_where_to_go_and_the_confirmation_keeps_its_content,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let page = cm1
            .upload_from_script("/uploads", two_partner_upload())
            .await;
        assert_eq!(page.status, 204, "{page:?}");
        assert_eq!(page.location, None, "no redirect for the script to follow");
        let next = page.script_next.expect("where to go");
        assert!(next.starts_with("/uploads/"), "{next}");
        let confirm = cm1.get(&next).await;
        assert!(
            confirm.text().contains("この内容で送信する（7件）"),
            "{}",
            confirm.text()
        );
        assert_eq!(drafts(&app).await, 1, "one upload, one draft");

        // The form without its script is answered as before.
        let plain = cm1.upload("/uploads", two_partner_upload(), &[]).await;
        assert_eq!(plain.status, 303);
        assert_eq!(plain.script_next, None);
    }
);

both!(
    a_refused_upload_from_the_script_keeps_its_error_for_the_form,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let page = cm1
            .upload_from_script("/uploads", vec![("memo.txt".into(), vec![])])
            .await;
        assert_eq!(page.status, 204, "{page:?}");
        assert_eq!(page.script_next.as_deref(), Some("/uploads/new"));
        let form = cm1.get("/uploads/new").await;
        assert!(
            form.text().contains("選んだファイル「memo.txt」は空です。"),
            "{}",
            form.text()
        );
        assert_eq!(drafts(&app).await, 0);
    }
);

both!(files_added_from_the_script_go_back_to_the_draft, |app| {
    let cm1 = app.login("a-cm1").await;
    let mut files = two_partner_upload();
    let last = files.pop().unwrap();
    let first = cm1.upload("/uploads", files, &[]).await;
    let draft = first.location.expect("the draft");
    let added = cm1
        .upload_from_script(&format!("{draft}/files"), vec![last])
        .await;
    assert_eq!(added.status, 204, "{added:?}");
    assert_eq!(added.script_next.as_deref(), Some(draft.as_str()));
    assert!(cm1
        .get(&draft)
        .await
        .text()
        .contains("この内容で送信する（7件）"));
});
