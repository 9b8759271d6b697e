//! ログイン中の端末: the list, ending one or all other sessions, never someone else's.

/// Handles of the sessions listed with an end button (not the current one).
fn other_handles(body: &str) -> Vec<String> {
    body.split("action=\"/account/sessions/")
        .skip(1)
        .filter_map(|rest| rest.split_once("/end\"").map(|(h, _)| h.to_string()))
        .collect()
}

both!(a_user_sees_their_sessions_and_ends_another_one, |app| {
    let here = app.login("a-cm1").await;
    let there = app.login("a-cm1").await;
    let page = here.get("/account/sessions").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("この端末"), "{}", page.text());
    assert!(page.text().contains("127.0.0.1"));
    let others = other_handles(&page.body);
    assert_eq!(others.len(), 1);
    let ended = here
        .post(&format!("/account/sessions/{}/end", others[0]), &[])
        .await;
    assert_eq!(ended.location.as_deref(), Some("/account/sessions"));
    assert!(here
        .follow(&ended)
        .await
        .text()
        .contains("ログインを終了しました。"));
    assert_eq!(
        there.get("/").await.location.as_deref(),
        Some("/login?ended=1")
    );
    assert_eq!(here.get("/").await.status, 200);
    assert!(app
        .system_audit_actions()
        .await
        .contains(&"sessions_ended".to_string()));
});

both!(a_user_ends_every_other_session_at_once, |app| {
    let here = app.login("a-cm1").await;
    let second = app.login("a-cm1").await;
    let third = app.login("a-cm1").await;
    let done = here.post("/account/sessions/end-others", &[]).await;
    assert!(here
        .follow(&done)
        .await
        .text()
        .contains("この端末以外の2件のログインを終了しました。"));
    assert_eq!(
        second.get("/").await.location.as_deref(),
        Some("/login?ended=1")
    );
    assert_eq!(
        third.get("/").await.location.as_deref(),
        Some("/login?ended=1")
    );
    assert_eq!(here.get("/").await.status, 200);
});

both!(another_persons_session_cannot_be_ended, |app| {
    let victim = app.login("a-cm1").await;
    let spare = app.login("a-cm1").await;
    let handle = other_handles(&victim.get("/account/sessions").await.body).remove(0);
    let intruder = app.login("a-cm2").await;
    let refused = intruder
        .post(&format!("/account/sessions/{handle}/end"), &[])
        .await;
    assert_eq!(refused.status, 404);
    assert_eq!(spare.get("/").await.status, 200);
    assert!(!intruder
        .get("/account/sessions")
        .await
        .body
        .contains(&handle));
});

both!(logging_out_removes_the_session_from_the_list, |app| {
    let here = app.login("a-cm1").await;
    let there = app.login("a-cm1").await;
    there.post("/logout", &[]).await;
    assert!(other_handles(&here.get("/account/sessions").await.body).is_empty());
});

both!(a_session_cookie_kept_after_logout_opens_nothing, |app| {
    // Someone kept a copy of the cookie (a shared PC, a copied profile): after logging out, that
    // copy finds no session at all, not one that is merely marked ended.
    let browser = app.browser();
    let login = browser
        .post(
            "/login",
            &[
                ("login_id", "a-cm1"),
                ("password", crate::helpers::PASSWORD),
            ],
        )
        .await;
    assert_eq!(login.location.as_deref(), Some("/"));
    let cookie = login
        .set_cookie
        .iter()
        .find_map(|c| {
            c.split(';')
                .next()
                .filter(|v| v.starts_with("portal_session="))
        })
        .expect("session cookie")
        .to_string();
    let copy = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let open = |path: &'static str| {
        copy.get(format!("{}{path}", app.base))
            .header("cookie", &cookie)
            .send()
    };
    assert_eq!(
        open("/").await.unwrap().status(),
        200,
        "the copy works while logged in"
    );
    browser.post("/logout", &[]).await;
    let after = open("/").await.unwrap();
    assert_eq!(
        after
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/login")
    );
});
