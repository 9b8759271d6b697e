//! Turning stored rows into what pages show: files with findings and persons, the partner
//! office, Japanese kind labels.

use super::delivery_store::DeliveryFacts;
use super::store::FileRow;
use crate::error::{InfraError, InfraResult};
use crate::spec_csv::FileKind;
use app::types::{DeliverySummary, ExchangeFile, FileFinding, OfficeRef, PersonRef};
use std::collections::HashMap;

/// 種類 as staff know it.
pub fn kind_label(kind: &str) -> String {
    FileKind::from_prefix(kind)
        .map(|k| k.label().to_string())
        .unwrap_or_else(|| "添付ファイル".to_string())
}

/// A stored file for a page (destination filled in by the caller).
pub fn file(row: &FileRow, destination: OfficeRef) -> InfraResult<ExchangeFile> {
    let findings: Vec<FileFinding> = serde_json::from_str(&row.report_json)
        .map_err(|e| InfraError::Corrupt(format!("report json: {e}")))?;
    let persons: Vec<PersonRef> = serde_json::from_str(&row.persons_json)
        .map_err(|e| InfraError::Corrupt(format!("persons json: {e}")))?;
    Ok(ExchangeFile {
        id: row
            .file_id
            .parse()
            .map_err(|_| InfraError::Corrupt(format!("file id {}", row.file_id)))?,
        name: row.original_name.clone(),
        size: u64::try_from(row.size_bytes).unwrap_or(0),
        sha256: row.sha256.clone(),
        kind_label: kind_label(&row.kind),
        target_month: row.target_month.clone(),
        destination,
        persons,
        findings,
        blocked: None,
    })
}

/// Names the persons of files that carry only numbers (第1〜3表, 第6/7表) from the files shown
/// with them that carry names (利用者補足情報, 基本情報), matched by 保険者番号 and 被保険者番号.
/// A number seen with two different names is left unnamed: which one is right is not known.
pub fn name_persons(files: &mut [ExchangeFile]) {
    type Name = (String, Option<String>);
    let mut known: HashMap<(String, String), Option<Name>> = HashMap::new();
    for p in files.iter().flat_map(|f| &f.persons) {
        let Some(name) = &p.name else { continue };
        let key = (p.insurer.clone(), p.insured.clone());
        let seen = (name.clone(), p.kana.clone());
        known
            .entry(key)
            .and_modify(|kept| {
                if kept.as_ref().is_some_and(|k| k.0 != seen.0) {
                    *kept = None;
                }
            })
            .or_insert(Some(seen));
    }
    for p in files.iter_mut().flat_map(|f| &mut f.persons) {
        if p.name.is_some() {
            continue;
        }
        if let Some(Some((name, kana))) = known.get(&(p.insurer.clone(), p.insured.clone())) {
            p.name = Some(name.clone());
            p.kana.clone_from(kana);
        }
    }
}

/// Persons as one line for lists: names where known, else 被保険者番号; at most three. A person
/// named by one file (補足) and only numbered by another (第1表) is listed once, by name.
pub fn persons_label(persons: &[PersonRef]) -> String {
    let mut named: HashMap<(&str, &str), &str> = HashMap::new();
    for p in persons {
        if let Some(name) = &p.name {
            named.entry((&p.insurer, &p.insured)).or_insert(name);
        }
    }
    let mut names: Vec<String> = Vec::new();
    for p in persons {
        let label = named
            .get(&(p.insurer.as_str(), p.insured.as_str()))
            .map_or_else(|| p.insured.clone(), |n| (*n).to_string());
        if !names.contains(&label) {
            names.push(label);
        }
    }
    match names.len() {
        0 => "—".to_string(),
        1..=3 => names.join("、"),
        n => format!("{} ほか{}人", names[..3].join("、"), n - 3),
    }
}

/// A delivery as a list shows it; `partner` is its other office.
pub fn summary(
    delivery_id: &str,
    partner: OfficeRef,
    row: &DeliveryFacts,
) -> InfraResult<DeliverySummary> {
    let kinds: Vec<String> = row.kinds.split_whitespace().map(kind_label).collect();
    Ok(DeliverySummary {
        id: delivery_id
            .parse()
            .map_err(|_| InfraError::Corrupt(format!("delivery id {delivery_id}")))?,
        partner,
        sent_at_ms: row.sent_at,
        sent_by: row.sent_by_name.clone(),
        file_count: row.file_count,
        kinds_label: kinds.join("、"),
        target_months: row
            .target_months
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("、"),
        persons_label: row.persons_label.clone(),
        opened: row.first_opened_at.is_some(),
        imported: row.imported_at.is_some(),
        routing: Default::default(),
        version: app::types::VersionMark::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::name_persons;
    use app::types::{ExchangeFile, OfficeRef, PersonRef};

    fn person(insured: &str, name: Option<&str>) -> PersonRef {
        PersonRef {
            insurer: "131016".into(),
            insured: insured.into(),
            name: name.map(str::to_string),
            kana: name.map(|_| "カイゴ　タロウ".to_string()),
        }
    }

    fn file(persons: Vec<PersonRef>) -> ExchangeFile {
        ExchangeFile {
            id: "01a24870-8580-7354-910a-1b7602ef4100".parse().unwrap(),
            name: "UP1KYO.CSV".into(),
            size: 1,
            sha256: String::new(),
            kind_label: String::new(),
            target_month: None,
            destination: OfficeRef {
                id: None,
                name: None,
                number: String::new(),
                service_type: None,
            },
            persons,
            findings: Vec::new(),
            blocked: None,
        }
    }

    #[test]
    fn a_plan_file_s_person_is_named_from_the_supplement_sent_with_it() {
        let mut files = vec![
            file(vec![person("0000012345", None), person("0000099999", None)]),
            file(vec![person("0000012345", Some("介護　太郎"))]),
        ];
        name_persons(&mut files);
        let first = &files[0].persons;
        assert_eq!(first[0].name.as_deref(), Some("介護　太郎"));
        assert_eq!(first[0].kana.as_deref(), Some("カイゴ　タロウ"));
        assert_eq!(first[1].name, None, "a number no file names stays unnamed");
    }

    #[test]
    fn a_person_numbered_in_one_file_and_named_in_another_is_listed_once_by_name() {
        let persons = [
            person("0000012345", None),
            person("0000012345", Some("介護　太郎")),
            person("0000099999", None),
        ];
        assert_eq!(super::persons_label(&persons), "介護　太郎、0000099999");
    }

    #[test]
    fn a_number_seen_with_two_names_is_not_named() {
        let mut files = vec![
            file(vec![person("0000012345", None)]),
            file(vec![person("0000012345", Some("介護　太郎"))]),
            file(vec![person("0000012345", Some("介護　花子"))]),
        ];
        name_persons(&mut files);
        assert_eq!(files[0].persons[0].name, None);
        assert_eq!(files[2].persons[0].name.as_deref(), Some("介護　花子"));
    }
}
