use super::*;

type Rows = Vec<(u64, Vec<String>)>;

fn rows(text: &str) -> (Rows, Vec<SyntaxProblem>) {
    let bytes = encoding_rs::SHIFT_JIS.encode(text).0.into_owned();
    let mut out = Vec::new();
    let problems = for_each_record(&bytes, |at, r| {
        out.push((at.get(), r.iter().map(str::to_owned).collect()))
    });
    (out, problems.unwrap_or_default())
}

#[test]
fn crlf_and_lf_both_end_records() {
    let (r, p) = rows("a,b\r\nc,d\ne,f");
    assert!(p.is_empty());
    assert_eq!(r.iter().map(|(l, _)| *l).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert_eq!(r[1].1, vec!["c", "d"]);
}

#[test]
fn quoted_fields_keep_commas_escaped_quotes_and_line_breaks() {
    let (r, p) = rows("1,\"介護,\"\"表\"\"\r\nソ\",2\r\n3,x,4\r\n");
    assert!(p.is_empty());
    assert_eq!(r[0].1, vec!["1", "介護,\"表\"\r\nソ", "2"]);
    assert_eq!(r[1].0, 3, "the second record starts on physical line 3");
}

#[test]
fn blank_lines_are_skipped_but_counted() {
    let (r, _) = rows("a\r\n\r\n\r\nb\r\n");
    assert_eq!(r.iter().map(|(l, _)| *l).collect::<Vec<_>>(), vec![1, 4]);
}

#[test]
fn an_unclosed_quote_is_reported() {
    let (_, p) = rows("1,\"abc\r\n2,3\r\n");
    assert_eq!(p, vec![SyntaxProblem::UnbalancedQuotes]);
}

#[test]
fn oversized_records_are_skipped_and_reported() {
    let wide = ",".repeat(MAX_FIELDS + 1);
    let long = "x".repeat(MAX_FIELD_BYTES + 1);
    let (r, p) = rows(&format!("{wide}\n1,{long}\nok\n"));
    assert_eq!(r.len(), 1);
    assert_eq!(
        p,
        vec![
            SyntaxProblem::TooManyFields { line: 1 },
            SyntaxProblem::FieldTooLong { line: 2, column: 2 }
        ]
    );
}

#[test]
fn a_bad_byte_inside_a_field_fails_with_the_file_offset() {
    let result = for_each_record(b"abc,d\xA0e\r\n", |_, _| {});
    assert_eq!(result, Err(DecodeError::Malformed { offset: 5 }));
    let result = for_each_record("a,介護".as_bytes(), |_, _| {});
    assert_eq!(result, Err(DecodeError::Utf8 { offset: 2 }));
}
