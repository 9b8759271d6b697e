use super::*;
use crate::spec_csv::layouts::codes::CARE_LEVEL;
use crate::spec_csv::layouts::{FREE, OPT, REQ};

fn spec(format: Format, max_len: u16, required: bool) -> FieldSpec {
    FieldSpec {
        name: "項目",
        max_len,
        required,
        format,
    }
}

fn rule(format: Format, max_len: u16, value: &str) -> Option<Rule> {
    check_str(&spec(format, max_len, OPT), value).map(|p| p.rule)
}

#[test]
fn an_empty_required_field_is_an_error() {
    assert_eq!(
        check_str(&spec(Format::Text, FREE, REQ), "").map(|p| p.rule),
        Some(Rule::Required)
    );
    assert_eq!(check_str(&spec(Format::Date, 8, OPT), ""), None);
}

#[test]
fn the_thirtieth_of_february_is_reported_with_its_value() {
    let p = check_str(&spec(Format::Date, 8, REQ), "20250230");
    assert_eq!(
        p.map(|p| p.message),
        Some("日付が正しくありません。（20250230）".to_owned())
    );
}

#[test]
fn an_unknown_csv_version_is_only_a_warning() {
    let p = check_str(&spec(Format::CsvVersion, 6, REQ), "202410");
    assert_eq!(
        p.map(|p| (p.severity, p.rule)),
        Some((Severity::Warning, Rule::UnknownVersion))
    );
    assert_eq!(check_str(&spec(Format::CsvVersion, 6, REQ), "202407"), None);
}

#[test]
fn a_value_outside_the_code_table_is_an_error() {
    assert_eq!(rule(Format::Code(CARE_LEVEL), 2, "01"), Some(Rule::Code));
    assert_eq!(rule(Format::Code(CARE_LEVEL), 2, "21"), None);
}

#[test]
fn free_text_longer_than_its_length_is_an_error() {
    assert_eq!(rule(Format::Ascii, 15, "03-1234-5678"), None);
    assert_eq!(
        rule(Format::Ascii, 15, "03-1234-5678-9999"),
        Some(Rule::Length)
    );
    assert_eq!(rule(Format::Ascii, 15, "０３"), Some(Rule::Format));
    assert_eq!(rule(Format::Text, FREE, &"あ".repeat(1000)), None);
}

#[test]
fn integers_allow_a_sign_but_not_letters_or_extra_digits() {
    assert_eq!(rule(Format::Integer, 6, "-120"), None);
    assert_eq!(rule(Format::Integer, 6, "12a"), Some(Rule::Format));
    assert_eq!(rule(Format::Integer, 6, "1234567"), Some(Rule::Length));
    assert_eq!(rule(Format::Integer, 6, "-"), Some(Rule::Format));
}

#[test]
fn decimals_use_a_dot() {
    assert_eq!(rule(Format::Decimal, 6, "10.21"), None);
    assert_eq!(rule(Format::Decimal, 6, "10"), None);
    assert_eq!(rule(Format::Decimal, 6, "10,21"), Some(Rule::Format));
    assert_eq!(rule(Format::Decimal, 6, ".5"), Some(Rule::Format));
}

#[test]
fn times_are_hhmm_or_9999() {
    assert_eq!(rule(Format::Time, 4, "9999"), None);
    assert_eq!(rule(Format::Time, 4, "12:00"), Some(Rule::Format));
}

#[test]
fn zero_dates_and_months_are_allowed_only_where_the_spec_says() {
    assert_eq!(rule(Format::DateOrZeros, 8, "00000000"), None);
    assert_eq!(rule(Format::Date, 8, "00000000"), Some(Rule::Format));
    assert_eq!(rule(Format::MonthOrZeros, 6, "000000"), None);
    assert_eq!(rule(Format::Month, 6, "000000"), Some(Rule::Format));
}

#[test]
fn identifiers_follow_their_formats() {
    assert_eq!(rule(Format::Insured, 10, "H123456789"), None);
    assert_eq!(rule(Format::Insured, 10, "12345"), Some(Rule::Format));
    assert_eq!(rule(Format::Insurer, 6, "1310161"), Some(Rule::Format));
    assert_eq!(rule(Format::Office, 10, "123456789"), Some(Rule::Format));
    assert_eq!(rule(Format::ServiceType, 2, "2A"), None);
    assert_eq!(rule(Format::ServiceCode, 6, "17AAAA"), None);
    assert_eq!(rule(Format::ServiceCode, 6, "17-AAA"), Some(Rule::Format));
}

#[test]
fn postal_codes_and_day_masks_have_fixed_shapes() {
    assert_eq!(rule(Format::Postal, 8, "100-0001"), None);
    assert_eq!(rule(Format::Postal, 8, "1000001"), Some(Rule::Format));
    assert_eq!(
        rule(Format::DayMask, 31, &format!("11111{}", "0".repeat(26))),
        None
    );
    assert_eq!(rule(Format::DayMask, 31, "111"), Some(Rule::Format));
}
