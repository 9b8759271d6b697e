use super::*;

fn csv(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

const HEAD: &str = "保険者番号,被保険者番号,氏名,フリガナ,生年月日,担当者ログインID,担当者名\r\n";

#[test]
fn an_exported_file_starts_with_a_bom_and_escapes_formulas() {
    let rows = [ExportRow {
        insurer: "131016",
        insured: "0000012345",
        name: "=HYPERLINK(\"http://evil\")",
        kana: "+カナ",
        birth_date: "",
        assignee_login: "@cm1",
        assignee_name: "-介護",
    }];
    let bytes = export(&rows).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with(HEAD), "{text}");
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{text}"
    );
    assert!(text.contains(",'+カナ,"));
    assert!(text.contains(",'@cm1,'-介護\r\n"));
}

#[test]
fn an_exported_file_reads_back_the_same_values() {
    let rows = [ExportRow {
        insurer: "131016",
        insured: "H123456789",
        name: "=山田 太郎",
        kana: "ヤマダ タロウ",
        birth_date: "19500401",
        assignee_login: "a-cm1",
        assignee_name: "介護 一郎",
    }];
    let lines = parse(&export(&rows).unwrap()).unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].name, "=山田 太郎");
    assert_eq!(lines[0].insured, "H123456789");
    assert_eq!(lines[0].birth_date, "19500401");
    assert_eq!(lines[0].assignee_login, "a-cm1");
}

#[test]
fn full_width_numbers_and_hiragana_are_accepted_and_stored_strictly() {
    let text = format!(
        "{HEAD}１３１０１６,０００００－１２３４５,山田　太郎,やまだ たろう,1950/4/1,,\r\n"
    );
    let lines = parse(&csv(&text)).unwrap();
    assert_eq!(lines[0].insurer, "131016");
    assert_eq!(lines[0].insured, "0000012345");
    assert_eq!(lines[0].name, "山田 太郎");
    assert_eq!(lines[0].kana, "ヤマダ タロウ");
    assert_eq!(lines[0].birth_date, "19500401");
}

#[test]
fn a_bad_insured_number_is_reported_with_its_line() {
    let text = format!("{HEAD}131016,0000012345,山田,,,,\r\n131016,12345,佐藤,,,,\r\n");
    let errors = parse(&csv(&text)).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("3行目：被保険者番号は10桁の数字"),
        "{errors:?}"
    );
}

#[test]
fn a_duplicate_person_names_both_lines() {
    let text = format!("{HEAD}131016,0000012345,山田,,,,\r\n131016,0000012345,山田,,,,\r\n");
    let errors = parse(&csv(&text)).unwrap_err();
    assert!(
        errors[0].contains("3行目") && errors[0].contains("2行目と重複"),
        "{errors:?}"
    );
}

#[test]
fn shift_jis_is_refused_with_a_way_out() {
    let text = format!("{HEAD}131016,0000012345,山田,,,,\r\n");
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let errors = parse(&bytes).unwrap_err();
    assert!(errors[0].contains("UTF-8ではありません"), "{errors:?}");
}

#[test]
fn a_wrong_header_is_refused() {
    let errors = parse(&csv("番号,名前\r\n1,2\r\n")).unwrap_err();
    assert!(
        errors[0].starts_with("1行目の見出しが違います"),
        "{errors:?}"
    );
}

#[test]
fn birth_dates_are_read_in_the_forms_staff_type() {
    for typed in [
        "19500401",
        "1950-04-01",
        "1950-4-1",
        "1950/4/1",
        "１９５０－０４－０１",
        "",
    ] {
        let expected = if typed.is_empty() { "" } else { "19500401" };
        assert_eq!(birth_date(typed).as_deref(), Some(expected), "{typed}");
    }
    assert_eq!(birth_date("1950-02-30"), None);
    assert_eq!(birth_date("あいう"), None);
}
