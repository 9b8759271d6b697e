use super::*;
use crate::spec_csv::layouts::{Record, UsageRecord};
use crate::spec_csv::parse::parse_records;
use proptest::prelude::*;

/// Free text from characters that survive MS932 both ways.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,\"\r\nあ-んア-ン介護計画山田太郎①Ⅱ髙﨑]{0,12}"
}

/// A value for one column: digits for coded and numeric columns, free text otherwise.
fn value(spec: &'static FieldSpec) -> BoxedStrategy<String> {
    match spec.format {
        Format::Text => text().boxed(),
        Format::CsvVersion => {
            proptest::sample::select(vec!["202407", "202504", "202410", "209912"])
                .prop_map(str::to_owned)
                .boxed()
        }
        Format::Code(codes) => proptest::sample::select(codes.to_vec())
            .prop_map(str::to_owned)
            .boxed(),
        _ => "[0-9A-Z-]{0,8}".boxed(),
    }
}

fn records_of(kind: FileKind) -> BoxedStrategy<Records> {
    let fields: &'static [FieldSpec] = Records::empty(kind).map_or(&[], |r| r.fields());
    let row = fields.iter().map(value).collect::<Vec<_>>();
    proptest::collection::vec(row, 1..4)
        .prop_map(move |rows| {
            let mut records = Records::empty(kind).unwrap_or(Records::Plan1(Vec::new()));
            for row in rows {
                let refs: Vec<&str> = row.iter().map(String::as_str).collect();
                records.push_fields(&refs);
            }
            records
        })
        .boxed()
}

fn any_records() -> impl Strategy<Value = (FileKind, Records)> {
    let kinds: Vec<FileKind> = FileKind::ALL
        .into_iter()
        .filter(|k| !k.is_image())
        .collect();
    proptest::sample::select(kinds).prop_flat_map(|k| records_of(k).prop_map(move |r| (k, r)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parse_of_write_gives_back_the_records_for_every_layout((kind, records) in any_records()) {
        let bytes = write_records(&records);
        prop_assert!(bytes.is_ok());
        let back = parse_records(kind, &bytes.unwrap_or_default());
        prop_assert_eq!(back, Ok(Some(records)));
    }
}

#[test]
fn a_v3_usage_record_is_written_without_tais_columns() {
    let mut fields = vec![""; 25];
    fields[0] = "202208";
    let record = UsageRecord::from_fields(&fields).unwrap_or_default();
    let bytes = write_records(&Records::Usage(vec![record.clone()])).unwrap_or_default();
    assert_eq!(bytes.iter().filter(|&&b| b == b',').count(), 21);
    assert_eq!(
        parse_records(FileKind::UsagePlan, &bytes),
        Ok(Some(Records::Usage(vec![record])))
    );
}

#[test]
fn a_character_outside_ms932_is_refused() {
    let record = UsageRecord {
        planner_name: "🙂".into(),
        ..UsageRecord::default()
    };
    assert_eq!(
        write_records(&Records::Usage(vec![record])),
        Err(WriteError::Unmappable {
            record: 0,
            column: 7
        })
    );
}

#[test]
fn free_text_is_quoted_and_quotes_are_doubled() {
    let mut fields = vec![""; 4];
    fields[0] = "202407";
    let mut records = Records::empty(FileKind::Plan1Delete).unwrap_or(Records::Plan1(Vec::new()));
    records.push_fields(&fields);
    assert_eq!(write_records(&records), Ok(b"202407,,,\r\n".to_vec()));
    let plan = crate::spec_csv::layouts::Plan1Record {
        planner_name: "a\"b".into(),
        ..Default::default()
    };
    let bytes = write_records(&Records::Plan1(vec![plan])).unwrap_or_default();
    assert!(bytes.windows(8).any(|w| w == b"\"a\"\"b\",\""));
}

#[test]
fn half_width_katakana_survives_a_round_trip() {
    // Fuzz regression: the written bytes were valid UTF-8 and were refused on re-reading.
    let record = crate::spec_csv::layouts::BasicInfoDeleteRecord {
        csv_version: "ﾃｦ".into(),
        ..Default::default()
    };
    let records = Records::BasicInfoDelete(vec![record]);
    let bytes = write_records(&records).unwrap_or_default();
    assert_eq!(
        parse_records(FileKind::BasicInfoDelete, &bytes),
        Ok(Some(records))
    );
}
