//! The whole delivery as one ZIP (original names, import order), written to a temporary file
//! one stored file at a time, so memory stays at one file however large the unit is.

use super::store::FileRow;
use crate::error::{InfraError, InfraResult};
use crate::spec_csv::{file_name, send_unit, SpecFileName};
use crate::storage::Storage;
use std::io::Write;
use zip::write::SimpleFileOptions;

/// Orders files for import (spec.md §4.4): units by ファイル連番, parents before children;
/// attachments and anything unparsable keep their order after them.
pub fn import_ordered(rows: Vec<FileRow>) -> Vec<FileRow> {
    let parsed: Vec<(String, SpecFileName)> = rows
        .iter()
        .filter_map(|r| {
            file_name::parse(&r.original_name)
                .ok()
                .map(|n| (r.original_name.clone(), n))
        })
        .collect();
    let refs: Vec<(&str, &SpecFileName)> = parsed.iter().map(|(n, s)| (n.as_str(), s)).collect();
    let order: Vec<&str> = send_unit::import_order(&refs)
        .into_iter()
        .flat_map(|u| u.files.into_iter().map(|(n, _)| n))
        .collect();
    let mut ordered: Vec<FileRow> = Vec::with_capacity(rows.len());
    let mut rest = rows;
    for name in order {
        if let Some(i) = rest.iter().position(|r| r.original_name == name) {
            ordered.push(rest.remove(i));
        }
    }
    ordered.extend(rest);
    ordered
}

/// Writes `files` into a ZIP temp file and returns it opened for reading (already unlinked,
/// so it disappears when the download ends).
pub async fn build(storage: &Storage, files: &[FileRow]) -> InfraResult<std::fs::File> {
    let path =
        std::env::temp_dir().join(format!("portal-zip-{}.zip", uuid::Uuid::new_v4().simple()));
    let file = std::fs::File::create(&path)?;
    let mut writer = Some(zip::ZipWriter::new(file));
    let mut used: Vec<String> = Vec::new();
    for row in files {
        let bytes = storage.read_all(&row.storage_key).await?;
        let name = unique_name(&row.original_name, &mut used);
        let mut w = writer
            .take()
            .ok_or_else(|| InfraError::Corrupt("zip writer".into()))?;
        w = tokio::task::spawn_blocking(move || -> InfraResult<_> {
            let options =
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            w.start_file(name, options)
                .map_err(|e| InfraError::Corrupt(format!("zip: {e}")))?;
            w.write_all(&bytes)?;
            Ok(w)
        })
        .await??;
        writer = Some(w);
    }
    let w = writer
        .take()
        .ok_or_else(|| InfraError::Corrupt("zip writer".into()))?;
    let path_for_task = path.clone();
    let reader = tokio::task::spawn_blocking(move || -> InfraResult<std::fs::File> {
        w.finish()
            .map_err(|e| InfraError::Corrupt(format!("zip: {e}")))?;
        let reader = std::fs::File::open(&path_for_task)?;
        std::fs::remove_file(&path_for_task)?;
        Ok(reader)
    })
    .await??;
    Ok(reader)
}

/// Two files with the same name in one ZIP get 「(2)」 before the extension.
fn unique_name(name: &str, used: &mut Vec<String>) -> String {
    let mut candidate = name.to_string();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = match name.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}({n}).{ext}"),
            None => format!("{name}({n})"),
        };
        n += 1;
    }
    used.push(candidate.clone());
    candidate
}
