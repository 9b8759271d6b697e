use super::*;

both!(
    the_roster_exports_as_utf8_with_bom_and_escapes_formula_cells,
    |app| {
        let admin = roster_two_care_managers(&app).await;
        let roster = admin.get("/roster").await.text();
        assert!(
            roster.contains("山田 太郎（ヤマダ タロウ）") && roster.contains("介護 二郎"),
            "{roster}"
        );
        // A name that a spreadsheet would run as a formula.
        let staged = import_roster(&admin, &format!("{INSURER},{P3},=1+2,,,,\r\n")).await;
        let preview = staged.location.unwrap();
        admin.post(&format!("{preview}/apply"), &[]).await;

        let (status, bytes, headers) = admin.get_bytes("/roster/export.csv").await;
        assert_eq!(status, 200);
        assert!(headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "BOM for Excel");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.starts_with(
            "保険者番号,被保険者番号,氏名,フリガナ,生年月日,担当者ログインID,担当者名\r\n"
        ));
        assert!(
            text.contains(&format!(
                "{INSURER},{P1},山田 太郎,ヤマダ タロウ,19400101,a-cm1,介護 一郎\r\n"
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!("{INSURER},{P3},'=1+2,,,,\r\n")),
            "{text}"
        );
        assert!(app
            .audit_actions(app.office_a)
            .await
            .contains(&"roster_exported".to_string()));
        // Staff read the roster but cannot export it; another office sees none of it.
        let cm1 = app.login("a-cm1").await;
        assert_eq!(cm1.get_bytes("/roster/export.csv").await.0, 403);
        assert!(cm1.get("/roster").await.text().contains("山田 太郎"));
        let c = app.login("c-staff").await;
        assert!(!c.get("/roster").await.text().contains("山田 太郎"));
    }
);

both!(
    a_roster_import_with_bad_numbers_or_duplicates_applies_nothing,
    |app| {
        let admin = app.login("a-admin").await;
        let staged = import_roster(
            &admin,
            &format!("{INSURER},{P1},山田 太郎,,,a-cm1,\r\n{INSURER},12345,佐藤,,,,\r\n{INSURER},{P1},重複,,,,\r\n{INSURER},{P2},鈴木,,,b-staff,\r\n"),
        )
        .await;
        let preview_path = staged.location.unwrap();
        let preview = admin.get(&preview_path).await.text();
        assert!(preview.contains("取り込めません"), "{preview}");
        assert!(
            preview.contains("3行目：被保険者番号は10桁の数字"),
            "{preview}"
        );
        assert!(
            preview.contains(
                "4行目：保険者番号 131016・被保険者番号 0000012345 は2行目と重複しています"
            ),
            "{preview}"
        );
        let applied = admin.post(&format!("{preview_path}/apply"), &[]).await;
        assert!(admin
            .follow(&applied)
            .await
            .text()
            .contains("誤りのある行があるため、取り込めません"));
        assert_eq!(
            roster_assignee(&app, app.office_a, P1).await,
            None,
            "nothing applied"
        );

        // Another office's staff login is not a 担当 here.
        let staged = import_roster(&admin, &format!("{INSURER},{P2},鈴木,,,b-staff,\r\n")).await;
        let preview = admin.get(&staged.location.unwrap()).await.text();
        assert!(
            preview.contains(
                "2行目：担当者ログインID「b-staff」は、この事業所で利用中の職員にありません。"
            ),
            "{preview}"
        );

        // Shift_JIS is refused at upload, with the way out.
        let (sjis, _, _) = encoding_rs::SHIFT_JIS
            .encode("保険者番号,被保険者番号,氏名,フリガナ,生年月日,担当者ログインID\r\n");
        let refused = import_bytes(&admin, sjis.into_owned()).await;
        assert_eq!(refused.location.as_deref(), Some("/roster/import"));
        assert!(admin
            .follow(&refused)
            .await
            .text()
            .contains("UTF-8ではありません"));

        // A good file applies every line once; a second apply is refused.
        let staged = import_roster(
            &admin,
            &format!("{INSURER},{P1},山田 太郎,やまだ たろう,1940-01-01,a-cm1,\r\n"),
        )
        .await;
        let preview_path = staged.location.unwrap();
        assert!(admin
            .get(&preview_path)
            .await
            .text()
            .contains("この内容で取り込む（1人）"));
        let applied = admin.post(&format!("{preview_path}/apply"), &[]).await;
        assert!(admin
            .follow(&applied)
            .await
            .text()
            .contains("利用者台帳に1人分を取り込みました。"));
        assert_eq!(
            roster_assignee(&app, app.office_a, P1).await.as_deref(),
            Some("a-cm1")
        );
        let again = admin.post(&format!("{preview_path}/apply"), &[]).await;
        assert!(admin.follow(&again).await.text().contains("反映済み"));
        // Staff cannot import; another office cannot see the preview.
        let cm1 = app.login("a-cm1").await;
        assert_eq!(cm1.get(&preview_path).await.status, 403);
        let b = app.login("b-admin").await;
        assert_eq!(b.get(&preview_path).await.status, 404);
    }
);

both!(
    a_stale_roster_edit_shows_who_changed_it_and_keeps_their_change,
    |app| {
        let admin = roster_two_care_managers(&app).await;
        let edit = format!("/roster/edit?insurer={INSURER}&insured={P1}");
        let form = admin.get(&edit).await;
        let version = version_on(&form);
        // Another manager saves first.
        let other = app.login("a-admin").await;
        let cm2 = user_id(&app, "a-cm2").await;
        let fields = |name: &'static str, who: String, v: String| {
            vec![
                ("insurer", INSURER.to_string()),
                ("insured", P1.to_string()),
                ("name", name.to_string()),
                ("kana", String::new()),
                ("birth_date", String::new()),
                ("assignee", who),
                ("version", v),
            ]
        };
        let first: Vec<(&str, String)> = fields("山田 太郎", cm2.clone(), version.clone());
        let pairs: Vec<(&str, &str)> = first.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            other.post("/roster/edit", &pairs).await.location.as_deref(),
            Some("/roster")
        );
        let second = fields("上書き 太郎", String::new(), version);
        let pairs: Vec<(&str, &str)> = second.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let stale = admin.post("/roster/edit", &pairs).await;
        let text = admin.follow(&stale).await.text();
        assert!(
            text.contains("管理 花子さんが") && text.contains("あなたの変更は保存していません"),
            "{text}"
        );
        assert_eq!(
            roster_assignee(&app, app.office_a, P1).await.as_deref(),
            Some("a-cm2")
        );
        assert!(!admin.get("/roster").await.text().contains("上書き"));
    }
);
