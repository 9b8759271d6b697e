//! Liveness and readiness.

both!(health_and_readiness_answer_without_login, |app| {
    let browser = app.browser();
    let health = browser.get("/healthz").await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok"));
    let ready = browser.get("/readyz").await;
    assert_eq!((ready.status, ready.body.as_str()), (200, "ready"));
});

both!(security_headers_are_sent_on_pages, |app| {
    let response = reqwest::get(format!("{}/login", app.base)).await.unwrap();
    let headers = response.headers();
    assert_eq!(headers.get("x-frame-options").unwrap(), "DENY");
    assert_eq!(headers.get("x-content-type-options").unwrap(), "nosniff");
    assert!(headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
});
