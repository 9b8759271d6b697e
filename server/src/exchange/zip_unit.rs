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
    build_in(&std::env::temp_dir(), storage, files).await
}

/// [`build`], with the temp file in `dir`.
async fn build_in(
    dir: &std::path::Path,
    storage: &Storage,
    files: &[FileRow],
) -> InfraResult<std::fs::File> {
    let path = dir.join(format!("portal-zip-{}.zip", uuid::Uuid::new_v4().simple()));
    // Unlinked on return, also when left unfinished (a stored file that cannot be read).
    let _unlink = RemoveOnDrop(path.clone());
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
    let reader = tokio::task::spawn_blocking(move || -> InfraResult<std::fs::File> {
        w.finish()
            .map_err(|e| InfraError::Corrupt(format!("zip: {e}")))?;
        Ok(std::fs::File::open(path)?)
    })
    .await??;
    Ok(reader)
}

/// Removes the file at its path when dropped: the ZIP's temp file is unlinked when `build`
/// returns, finished (its reader stays open) or not.
struct RemoveOnDrop(std::path::PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::StorageConfig;

    fn row(name: &str, key: &str) -> FileRow {
        FileRow {
            file_id: name.into(),
            original_name: name.into(),
            size_bytes: 0,
            sha256: String::new(),
            storage_key: key.into(),
            content_type: "text/plain".into(),
            kind: "attachment".into(),
            target_month: None,
            send_stamp: None,
            dest_office_number: None,
            dest_service_type: None,
            error_count: 0,
            report_json: "[]".into(),
            persons_json: "[]".into(),
        }
    }

    #[tokio::test]
    async fn a_zip_left_unfinished_by_a_missing_file_leaves_no_temp_file() {
        let root = std::env::temp_dir().join(format!("zip-unit-{}", uuid::Uuid::new_v4().simple()));
        let temp = root.join("temp");
        std::fs::create_dir_all(&temp).unwrap();
        let storage = Storage::open(&StorageConfig::Local(root.join("objects"))).unwrap();
        let staged = storage
            .write_stream(
                futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from_static(
                    b"note",
                ))]),
                100,
            )
            .await
            .unwrap();
        let key = storage.promote(&staged, false).await.unwrap();
        let files = [row("a.txt", &key), row("b.txt", "files/00/missing")];

        let built = build_in(&temp, &storage, &files).await;
        assert!(matches!(built, Err(InfraError::Storage(_))), "{built:?}");
        let left: Vec<_> = std::fs::read_dir(&temp).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");

        // The same unit without the missing file is built, and its temp file is unlinked.
        let zip = build_in(&temp, &storage, &files[..1]).await.unwrap();
        assert!(zip.metadata().unwrap().len() > 0);
        assert_eq!(std::fs::read_dir(&temp).unwrap().count(), 0);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
