//! 版の表示 of a form: for each version a stored file carries, its 版 n/m, whether it is the
//! latest, and where the latest can be opened as a form. The readable-form page fills each
//! sheet's stamp from these, so a printed old version says 旧版 on every page.

use super::read_store::{self, VersionRow};
use crate::db::OfficeTx;
use crate::error::InfraResult;
use app::types::VersionStamp;
use std::collections::HashMap;

/// The chain's part of one version's stamp, with the key a sheet is matched on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileVersionStamp {
    /// 保険者番号.
    pub insurer: String,
    /// 被保険者番号.
    pub insured: String,
    /// 作成日 (YYYYMMDD) or 対象年月 (YYYYMM).
    pub anchor: String,
    /// 版 n/m and 最新; 作成日 and 受信日時 are left to the form.
    pub stamp: VersionStamp,
}

/// The stamps of the versions `file` of `delivery` carries (deletions have none). `kind` is the
/// file's prefix: the latest version's file of the same kind is the link of an old version.
pub async fn of_file(
    tx: &mut OfficeTx,
    delivery: &str,
    file: &str,
    kind: &str,
) -> InfraResult<Vec<FileVersionStamp>> {
    let Some((_, ids)) = read_store::file_of_delivery(tx, delivery, file).await? else {
        return Ok(Vec::new());
    };
    let rows: Vec<VersionRow> = read_store::by_ids(tx, &ids)
        .await?
        .into_iter()
        .filter(|r| r.action == "upsert")
        .collect();
    let replaced: Vec<String> = rows
        .iter()
        .filter(|r| r.state != "latest")
        .map(|r| r.version_id.clone())
        .collect();
    let latest = if replaced.is_empty() {
        Vec::new()
    } else {
        read_store::latest_of(tx, &replaced).await?
    };
    let urls = form_urls(tx, &latest, kind).await?;
    Ok(rows
        .into_iter()
        .map(|row| FileVersionStamp {
            stamp: VersionStamp {
                version_no: u32::try_from(row.version_no).ok().filter(|n| *n > 0),
                version_count: u32::try_from(row.version_count).ok().filter(|n| *n > 0),
                is_latest: Some(row.state == "latest"),
                latest_url: urls.get(&row.version_id).cloned(),
                ..VersionStamp::default()
            },
            insurer: row.insurer,
            insured: row.insured,
            anchor: row.anchor,
        })
        .collect())
}

/// For each (replaced version, its latest version), the form page of the latest version's
/// file of `kind` (or its first file): two queries, whatever the number of persons.
async fn form_urls(
    tx: &mut OfficeTx,
    latest: &[(String, String)],
    kind: &str,
) -> InfraResult<HashMap<String, String>> {
    let mut ids: Vec<String> = latest.iter().map(|(_, l)| l.clone()).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let deliveries: HashMap<String, String> = read_store::by_ids(tx, &ids)
        .await?
        .into_iter()
        .map(|r| (r.version_id, r.delivery_id))
        .collect();
    let mut files: HashMap<String, String> = HashMap::new();
    for (version, file_kind, file) in read_store::kinds_of(tx, &ids).await? {
        if file_kind == kind || !files.contains_key(&version) {
            files.insert(version, file);
        }
    }
    Ok(latest
        .iter()
        .filter_map(|(replaced, l)| {
            let url = format!(
                "/deliveries/{}/files/{}/form",
                deliveries.get(l)?,
                files.get(l)?
            );
            Some((replaced.clone(), url))
        })
        .collect())
}

/// Fills a sheet's stamp from the file's versions: the one with the sheet's person and key, or
/// the person's only version when the key cannot be told (a 予防 plan without its date).
pub fn apply(
    stamp: &mut VersionStamp,
    versions: &[FileVersionStamp],
    insurer: &str,
    insured: &str,
    anchor: Option<&str>,
) {
    let person: Vec<&FileVersionStamp> = versions
        .iter()
        .filter(|v| v.insurer == insurer && v.insured == insured)
        .collect();
    let found = anchor
        .and_then(|a| person.iter().find(|v| v.anchor == a))
        .or_else(|| (person.len() == 1).then(|| &person[0]));
    if let Some(version) = found {
        stamp.version_no = version.stamp.version_no;
        stamp.version_count = version.stamp.version_count;
        stamp.is_latest = version.stamp.is_latest;
        stamp.latest_url = version.stamp.latest_url.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(insured: &str, anchor: &str, no: u32, latest: bool) -> FileVersionStamp {
        FileVersionStamp {
            insurer: "131001".into(),
            insured: insured.into(),
            anchor: anchor.into(),
            stamp: VersionStamp {
                version_no: Some(no),
                version_count: Some(2),
                is_latest: Some(latest),
                latest_url: (!latest).then(|| "/deliveries/d/files/f/form".to_string()),
                ..VersionStamp::default()
            },
        }
    }

    #[test]
    fn a_sheet_takes_the_version_of_its_own_person_and_key() {
        let versions = [
            version("0000000001", "20260401", 1, false),
            version("0000000001", "20260501", 1, true),
            version("0000000002", "20260401", 2, true),
        ];
        let mut stamp = VersionStamp {
            created_on: Some("20260401".into()),
            ..VersionStamp::default()
        };
        apply(
            &mut stamp,
            &versions,
            "131001",
            "0000000001",
            Some("20260401"),
        );
        assert_eq!(stamp.version_label().as_deref(), Some("版 1/2"));
        assert_eq!(stamp.status_label(), Some("旧版"));
        assert_eq!(
            stamp.latest_url.as_deref(),
            Some("/deliveries/d/files/f/form")
        );
        assert_eq!(stamp.created_on.as_deref(), Some("20260401"));
    }

    #[test]
    fn an_unknown_key_leaves_the_stamp_without_a_version_unless_the_person_has_only_one() {
        let versions = [
            version("0000000001", "20260401", 1, false),
            version("0000000001", "20260501", 1, true),
            version("0000000002", "20260401", 2, true),
        ];
        let mut ambiguous = VersionStamp::default();
        apply(&mut ambiguous, &versions, "131001", "0000000001", None);
        assert_eq!(ambiguous, VersionStamp::default());
        let mut single = VersionStamp::default();
        apply(&mut single, &versions, "131001", "0000000002", None);
        assert_eq!(single.status_label(), Some("最新"));
    }
}
