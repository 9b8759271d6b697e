//! Turning stored rows into what pages show: files with findings and persons, the partner
//! office, Japanese kind labels.

use super::delivery_store::DeliveryFacts;
use super::store::FileRow;
use crate::error::{InfraError, InfraResult};
use crate::spec_csv::FileKind;
use app::types::{DeliverySummary, ExchangeFile, FileFinding, OfficeRef, PersonRef};

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

/// Persons as one line for lists: names where known, else 被保険者番号; at most three.
pub fn persons_label(persons: &[PersonRef]) -> String {
    let mut names: Vec<String> = Vec::new();
    for p in persons {
        let label = p.name.clone().unwrap_or_else(|| p.insured.clone());
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
