//! Chain rows to what pages show: Japanese document names, short table names, states.

use super::chain::State;
use super::read_store::VersionRow;
use crate::error::{InfraError, InfraResult};
use app::types::{ByWhom, FileId, OfficeRef, PersonRef, Receipt, VersionRef, VersionState};
use std::collections::HashMap;

/// The page state of a stored state code.
pub fn state(code: &str) -> VersionState {
    match State::from_code(code) {
        Some(State::Latest) => VersionState::Latest,
        Some(State::Superseded) | None => VersionState::Superseded,
        Some(State::OldPlan) => VersionState::OldPlan,
        Some(State::Withdrawn) => VersionState::Withdrawn,
        Some(State::Deletion) => VersionState::Deletion,
    }
}

/// 書類の種類 of an entity code.
pub fn family_label(entity: &str) -> &'static str {
    match entity {
        "plan" => "居宅サービス計画",
        "usage" => "サービス利用票（予定）",
        "actuals" => "サービス提供実績",
        "basic_info" => "利用者基本情報",
        "prevention_plan" => "介護予防サービス・支援計画書",
        _ => "書類",
    }
}

/// 「2026年4月1日」 for YYYYMMDD (as is when malformed).
pub fn ymd(date: &str) -> String {
    let part = |r: std::ops::Range<usize>| date.get(r).and_then(|s| s.parse::<u32>().ok());
    match (part(0..4), part(4..6), part(6..8)) {
        (Some(y), Some(m), Some(d)) if date.len() == 8 => format!("{y}年{m}月{d}日"),
        _ => date.to_string(),
    }
}

/// 「2026年4月分」 for YYYYMM.
pub fn ym(month: &str) -> String {
    let part = |r: std::ops::Range<usize>| month.get(r).and_then(|s| s.parse::<u32>().ok());
    match (part(0..4), part(4..6)) {
        (Some(y), Some(m)) if month.len() == 6 => format!("{y}年{m}月分"),
        _ => month.to_string(),
    }
}

/// The document's name: family and key (作成日, 対象年月, provider).
pub fn document_label(entity: &str, anchor: &str, provider: &str) -> String {
    let family = family_label(entity);
    match entity {
        "plan" | "prevention_plan" => format!("{family}（{}作成）", ymd(anchor)),
        "basic_info" => format!("{family}（{}相談）", ymd(anchor)),
        "actuals" => {
            let (office, service) = provider.split_once(':').unwrap_or((provider, ""));
            format!(
                "{family}（{}・事業所番号 {office} 種類{service}）",
                ym(anchor)
            )
        }
        _ => format!("{family}（{}）", ym(anchor)),
    }
}

/// Short table names in print order: 第1表, 第2表 … (deletions say so).
pub fn kind_short(prefix: &str) -> (u8, &'static str) {
    match prefix {
        "UP1KYO" => (1, "第1表"),
        "UP2KYO" => (2, "第2表"),
        "UP3KYO" => (3, "第3表"),
        "UPPLAN" => (6, "第6表"),
        "UPJSK" => (6, "第6表（実績）"),
        "UPSIKYU" => (7, "第7表"),
        "UPKIHON" => (10, "基本情報"),
        "UPKIHON_SUB1" => (11, "別表1"),
        "UPKIHON_SUB2" => (12, "別表2"),
        "UPYOBO" => (20, "計画書"),
        "UPYOBO_SUB" => (21, "別表"),
        "UPHOSOKU" => (30, "利用者補足情報"),
        "DLT1KYO" => (40, "第1表の削除"),
        "DLTPLAN" => (40, "第6表の削除"),
        "DLTJSK" => (40, "実績の削除"),
        "DLTKIHON" => (40, "基本情報の削除"),
        "DLTYOBO" => (40, "計画書の削除"),
        _ => (50, "その他"),
    }
}

fn office(id: &str, name: &str, number: &str, service_type: &str) -> OfficeRef {
    OfficeRef {
        id: id.parse().ok(),
        name: Some(name.to_string()),
        number: number.to_string(),
        service_type: Some(service_type.to_string()),
    }
}

fn by(name: &Option<String>, at: Option<i64>) -> Option<ByWhom> {
    Some(ByWhom {
        name: name.clone().unwrap_or_else(|| "—".into()),
        at_ms: at?,
    })
}

/// Member tables of each version: short names in print order, and file ids.
pub type Members = HashMap<String, (Vec<String>, Vec<FileId>)>;

/// Member tables per version id from (version id, kind prefix, file id) triples.
pub fn kinds_by_version(triples: Vec<(String, String, String)>) -> Members {
    let mut map: HashMap<String, Vec<(u8, &'static str, String)>> = HashMap::new();
    for (id, kind, file) in triples {
        let (order, short) = kind_short(&kind);
        map.entry(id).or_default().push((order, short, file));
    }
    map.into_iter()
        .map(|(id, mut members)| {
            members.sort_unstable();
            let files = members
                .iter()
                .filter_map(|(_, _, f)| f.parse().ok())
                .collect();
            let mut kinds: Vec<String> = members.iter().map(|(_, k, _)| k.to_string()).collect();
            kinds.dedup();
            (id, (kinds, files))
        })
        .collect()
}

/// A chain row for a page.
pub fn version_ref(row: &VersionRow, members: &Members) -> InfraResult<VersionRef> {
    let corrupt = |what: &str| InfraError::Corrupt(format!("{what} of version {}", row.version_id));
    Ok(VersionRef {
        id: row.version_id.parse().map_err(|_| corrupt("id"))?,
        delivery_id: row.delivery_id.parse().map_err(|_| corrupt("delivery"))?,
        family: family_label(&row.entity).to_string(),
        document: document_label(&row.entity, &row.anchor, &row.provider),
        kinds: members
            .get(&row.version_id)
            .map(|m| m.0.clone())
            .unwrap_or_default(),
        files: members
            .get(&row.version_id)
            .map(|m| m.1.clone())
            .unwrap_or_default(),
        state: state(&row.state),
        version_no: row.version_no,
        version_count: row.version_count,
        person: PersonRef {
            insurer: row.insurer.clone(),
            insured: row.insured.clone(),
            name: row.person_name.clone(),
            kana: row.person_kana.clone(),
        },
        from: office(
            &row.from_office_id,
            &row.from_name,
            &row.from_number,
            &row.from_type,
        ),
        to: office(
            &row.to_office_id,
            &row.to_name,
            &row.to_number,
            &row.to_type,
        ),
        sent_at_ms: row.sent_at,
        sent_by: row.sent_by_name.clone(),
        send_stamp: row.send_stamp.clone(),
        conflict_name: row.conflict_name.clone(),
        arrived_late: row.newer_before > 0,
        withdrew_count: row.withdrew_count,
        confirmed: by(&row.confirmed_by_name, row.confirmed_at),
        previous: row
            .previous_version_id
            .as_deref()
            .and_then(|p| p.parse().ok()),
    })
}

/// Receipts of a row's delivery that concern the version.
pub fn receipt(row: &VersionRow) -> Receipt {
    Receipt {
        opened: by(&row.opened_by_name, row.first_opened_at),
        downloaded: by(&row.downloaded_by_name, row.downloaded_at),
        confirmed: by(&row.confirmed_by_name, row.confirmed_at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_named_as_staff_know_them() {
        assert_eq!(
            document_label("plan", "20260401", ""),
            "居宅サービス計画（2026年4月1日作成）"
        );
        assert_eq!(
            document_label("usage", "202604", ""),
            "サービス利用票（予定）（2026年4月分）"
        );
        assert_eq!(
            document_label("actuals", "202604", "1320000002:11"),
            "サービス提供実績（2026年4月分・事業所番号 1320000002 種類11）"
        );
    }

    #[test]
    fn tables_are_listed_in_print_order() {
        let kinds = kinds_by_version(vec![
            ("v".into(), "UPHOSOKU".into(), "f3".into()),
            ("v".into(), "UP2KYO".into(), "f2".into()),
            ("v".into(), "UP1KYO".into(), "f1".into()),
        ]);
        assert_eq!(kinds["v"].0, ["第1表", "第2表", "利用者補足情報"]);
    }
}
