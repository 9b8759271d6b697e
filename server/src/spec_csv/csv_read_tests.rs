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

/// The records and fields of `csv::Reader` (the reference the splitter must match).
fn csv_crate_records(bytes: &[u8]) -> Vec<Vec<Vec<u8>>> {
    csv_crate_lines(bytes).into_iter().map(|(_, r)| r).collect()
}

/// Each record of `csv::Reader` with the line of its first byte (after skipped line breaks).
fn csv_crate_lines(bytes: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut out = Vec::new();
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let mut start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        let line = 1 + bytes[..start].iter().filter(|&&b| b == b'\n').count() as u64;
        out.push((line, record.iter().map(<[u8]>::to_vec).collect()));
    }
    out
}

#[test]
fn escapes_and_text_after_a_closing_quote_split_as_csv_does() {
    for text in [
        "\"a\"\"b\",c\r\n",
        "\"a\"b,c\nd",
        "a\"b,\"\",\"\"\"\"\r\r\n,",
        "\"x\"\"\ny\",\"open",
        "a,",
        ",\r\n\r\n,",
    ] {
        let mut ours = Vec::new();
        let result = for_each_record(text.as_bytes(), |_, r| {
            ours.push(r.iter_bytes().map(<[u8]>::to_vec).collect::<Vec<_>>())
        });
        assert!(result.is_ok(), "{text:?}");
        assert_eq!(ours, csv_crate_records(text.as_bytes()), "{text:?}");
    }
}

proptest::proptest! {
    #[test]
    fn records_and_fields_are_exactly_those_of_the_csv_crate(
        bytes in proptest::collection::vec(proptest::sample::select(vec![b'a', b'1', b',', b'"', b'\r', b'\n', b' ', b'-', b'\t']), 0..120)
    ) {
        let mut ours = Vec::new();
        let mut lines = Vec::new();
        let result = for_each_record(&bytes, |at, r| {
            lines.push(at.get());
            ours.push(r.iter_bytes().map(<[u8]>::to_vec).collect::<Vec<_>>())
        });
        proptest::prop_assert!(result.is_ok());
        let expected = csv_crate_lines(&bytes);
        proptest::prop_assert_eq!(lines, expected.iter().map(|(l, _)| *l).collect::<Vec<_>>());
        proptest::prop_assert_eq!(ours, expected.into_iter().map(|(_, r)| r).collect::<Vec<_>>());
    }
}

proptest::proptest! {
    #[test]
    fn a_file_is_accepted_exactly_when_every_field_is_valid_ms932(
        bytes in proptest::collection::vec(proptest::sample::select(vec![b'a', b',', b'"', b'\r', b'\n', 0x5C, 0x40, 0x82, 0xA0, 0xB1, 0xF0, 0xFD]), 0..80)
    ) {
        let expected = decode::reject_utf8(&bytes).is_ok()
            && csv_crate_records(&bytes)
                .iter()
                .all(|r| r.iter().all(|f| decode::is_valid(f)));
        let ours = for_each_record(&bytes, |_, _| {}).is_ok();
        proptest::prop_assert_eq!(ours, expected);
    }
}
