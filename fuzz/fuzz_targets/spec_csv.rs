//! Fuzzes the standard-spec module over (file name, bytes): name parsing, full validation,
//! send-unit checks, persons, version keys, deletions, diff against itself and the writer
//! round trip. Any panic is a bug: the module must always return a report.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, unused_imports)]
#[path = "../../server/src/spec_csv/mod.rs"]
mod spec_csv;

use spec_csv::file_kind::FileKind;
use spec_csv::{decode, diff, file_name, parse, persons, send_unit, validate, version_key, write};

/// First byte: high bit picks a valid sample name for a kind (deep content coverage), otherwise
/// its low bits are the length of an arbitrary name taken from the following bytes.
fn split(data: &[u8]) -> (String, &[u8]) {
    let Some((&head, rest)) = data.split_first() else {
        return (String::new(), data);
    };
    if head & 0x80 != 0 {
        let kind = FileKind::ALL[usize::from(head & 0x7F) % FileKind::ALL.len()];
        return (spec_csv::sample::name(kind), rest);
    }
    let n = usize::from(head).min(rest.len());
    (String::from_utf8_lossy(&rest[..n]).into_owned(), &rest[n..])
}

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = split(data);
    let report = validate::validate_file(&name, bytes);
    for finding in &report.findings {
        let _ = finding.to_string();
    }
    if let Ok(parsed) = file_name::parse(&name) {
        assert_eq!(file_name::parse(&parsed.to_string()).as_ref(), Ok(&parsed));
        let _ = send_unit::check_units(&[(name.as_str(), &parsed), (name.as_str(), &parsed)]);
    }
    let Some(kind) = report
        .name
        .as_ref()
        .map(|n| n.kind)
        .or_else(|| validate::guess_kind(&name))
    else {
        return;
    };
    let Ok(table) = parse::read_table(kind, bytes) else {
        return;
    };
    let _ = persons::persons(&table);
    let _ = version_key::keys(&table);
    let _ = version_key::deletions(&table);
    assert_eq!(diff::diff(&table, &table), Ok(Vec::new()));
    if let Some(records) = table.to_records() {
        if let Ok(out) = write::write_records(&records) {
            // Bytes that also form Japanese UTF-8 are refused by design (decode::reject_utf8).
            if decode::reject_utf8(&out).is_ok() {
                assert_eq!(parse::parse_records(kind, &out), Ok(Some(records)));
            }
        }
    }
});
