//! Staff administration: create, roles, disable, tenant isolation.

use crate::helpers::PASSWORD;
use crate::mail_helpers::token_of;

both!(
    an_admin_invites_a_staff_member_who_sets_a_password_and_logs_in,
    |app| {
        let admin = app.login("a-admin").await;
        let form = [
            ("display_name", "新人　 三郎"),
            ("login_id", "new-saburo"),
            ("email", "saburo@example.jp"),
            ("role", "staff"),
        ];
        let created = admin.post("/admin/staff", &form).await;
        assert_eq!(created.status, 303);
        let detail = admin.follow(&created).await;
        assert!(
            detail
                .text()
                .contains("新人 三郎さんを追加し、saburo@example.jp に招待メールを送りました。"),
            "{}",
            detail.text()
        );
        assert!(detail.text().contains("招待中"));
        assert!(admin
            .get("/admin/staff")
            .await
            .text()
            .contains("new-saburo"));
        let mail = app.last_mail("saburo@example.jp", "invitation").await;
        let browser = app.browser();
        let set = browser
            .post(
                "/invitation",
                &[
                    ("token", token_of(&mail.link_path(&app.base)).as_str()),
                    ("password", "a new long password"),
                ],
            )
            .await;
        assert_eq!(set.location.as_deref(), Some("/login?joined=1"));
        let login = browser
            .post(
                "/login",
                &[
                    ("login_id", "new-saburo"),
                    ("password", "a new long password"),
                ],
            )
            .await;
        assert_eq!(login.location.as_deref(), Some("/"));
        assert!(browser
            .get("/")
            .await
            .text()
            .contains("テスト居宅介護支援事業所"));
        assert!(app
            .audit_actions(app.office_a)
            .await
            .contains(&"staff_created".to_string()));
        let mut conn = app.owner_connection().await;
        let (hash,): (String,) =
            sqlx::query_as("select password_hash from staff_account where login_id = 'new-saburo'")
                .fetch_one(&mut conn)
                .await
                .unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(!hash.contains("a new long password"));
    }
);

both!(
    a_form_with_mistakes_comes_back_with_every_error_and_the_typed_values,
    |app| {
        let admin = app.login("a-admin").await;
        let form = [
            ("display_name", ""),
            ("login_id", "a-cm1"),
            ("email", "not-an-address"),
            ("role", "staff"),
            ("password", "short"),
        ];
        let back = admin.post("/admin/staff", &form).await;
        assert_eq!(back.location.as_deref(), Some("/admin/staff/new"));
        let page = admin.follow(&back).await;
        let text = page.text();
        assert!(text.contains("氏名を入力してください。"), "{text}");
        assert!(text.contains("メールアドレスを「name@example.jp」の形で入力してください。"));
        assert!(
            page.body.contains("value=\"not-an-address\""),
            "typed values are kept"
        );
        // Taken login ids are reported once the form is otherwise right.
        let taken = [
            ("display_name", "重複"),
            ("login_id", "a-cm1"),
            ("email", "dup@example.jp"),
            ("role", "staff"),
            ("password", "a long enough password"),
        ];
        let again = admin
            .follow(&admin.post("/admin/staff", &taken).await)
            .await;
        assert!(again
            .text()
            .contains("このログインIDは既に使われています。"));
    }
);

both!(staff_members_cannot_open_or_use_the_admin_pages, |app| {
    let staff = app.login("a-cm1").await;
    assert_eq!(staff.get("/admin/staff").await.status, 403);
    assert_eq!(staff.get("/admin/audit").await.status, 403);
    let form = [
        ("display_name", "x"),
        ("login_id", "sneaky"),
        ("email", "sneaky@example.jp"),
        ("role", "admin"),
        ("password", "a long enough password"),
    ];
    let refused = staff.post("/admin/staff", &form).await;
    assert_eq!(refused.status, 403);
    assert!(refused.text().contains("この操作を行う権限がありません。"));
});

both!(
    another_offices_staff_member_answers_404_on_every_route,
    |app| {
        let admin = app.login("a-admin").await;
        let other = app.b_staff;
        assert_eq!(
            admin.get(&format!("/admin/staff/{other}")).await.status,
            404
        );
        assert_eq!(
            admin
                .get(&format!("/admin/staff/{other}/disable"))
                .await
                .status,
            404
        );
        assert_eq!(
            admin
                .post(&format!("/admin/staff/{other}/disable"), &[])
                .await
                .status,
            404
        );
        assert_eq!(
            admin
                .post(&format!("/admin/staff/{other}/enable"), &[])
                .await
                .status,
            404
        );
        assert_eq!(
            admin
                .post(&format!("/admin/staff/{other}/role"), &[("role", "admin")])
                .await
                .status,
            404
        );
        assert_eq!(admin.get("/admin/staff/not-a-uuid").await.status, 404);
        // B's staff member is untouched and can still log in.
        app.login("b-staff").await;
    }
);

both!(a_role_change_is_applied_and_audited, |app| {
    let admin = app.login("a-admin").await;
    let page = admin
        .follow(
            &admin
                .post(
                    &format!("/admin/staff/{}/role", app.cm1),
                    &[("role", "manager")],
                )
                .await,
        )
        .await;
    assert!(
        page.text().contains("権限を「管理職」にしました。"),
        "{}",
        page.text()
    );
    let cm1 = app.login("a-cm1").await;
    assert!(
        cm1.get("/").await.text().contains("（ 管理職 ）")
            || cm1.get("/").await.text().contains("（管理職）")
    );
    assert!(app
        .audit_actions(app.office_a)
        .await
        .contains(&"staff_role_changed".to_string()));
});

both!(an_admin_cannot_lock_themselves_out, |app| {
    let admin = app.login("a-admin").await;
    let home = admin.get("/admin/staff").await;
    let own_id = home
        .body
        .split("/admin/staff/")
        .filter_map(|s| s.get(..36))
        .find(|id| {
            id.parse::<uuid::Uuid>().is_ok()
                && home
                    .body
                    .contains(&format!("/admin/staff/{id}\">管理 花子"))
        })
        .expect("own id")
        .to_string();
    let refused = admin
        .post(&format!("/admin/staff/{own_id}/disable"), &[])
        .await;
    assert_eq!(refused.status, 409);
    assert!(refused.text().contains("自分自身の利用は停止できません。"));
    let role = admin
        .follow(
            &admin
                .post(&format!("/admin/staff/{own_id}/role"), &[("role", "staff")])
                .await,
        )
        .await;
    assert!(role.text().contains("自分の権限は変更できません。"));
});

both!(
    disabling_a_staff_member_ends_their_open_session_at_once,
    |app| {
        let cm1 = app.login("a-cm1").await;
        assert_eq!(cm1.get("/").await.status, 200);
        let admin = app.login("a-admin").await;
        let confirm = admin
            .get(&format!("/admin/staff/{}/disable", app.cm1))
            .await;
        assert!(confirm.text().contains("介護 一郎さんの利用を停止しますか"));
        admin
            .post(&format!("/admin/staff/{}/disable", app.cm1), &[])
            .await;
        assert_eq!(
            cm1.get("/").await.location.as_deref(),
            Some("/login?ended=1")
        );
        // Re-enabled, they can sign in again.
        admin
            .post(&format!("/admin/staff/{}/enable", app.cm1), &[])
            .await;
        let again = app.browser();
        let ok = again
            .post("/login", &[("login_id", "a-cm1"), ("password", PASSWORD)])
            .await;
        assert_eq!(ok.location.as_deref(), Some("/"));
    }
);
