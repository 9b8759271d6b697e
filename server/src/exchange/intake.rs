//! Upload intake: each file is received (a large one streamed into staging storage, a small one
//! held in memory), classified, and (for standard files) validated with the spec module.
//! Nothing reaches the database until the whole upload is accepted; a refused upload leaves no
//! blob and no row.

use super::classify::{classify, Classified};
use crate::spec_csv::{self, Severity};
use crate::storage::{StagedBlob, Storage};
use app::types::{FileFinding, PersonRef};

/// A file that passed intake, waiting to become part of a draft.
#[derive(Clone, Debug)]
pub struct StagedFile {
    /// The received file, measured.
    pub blob: StagedBlob,
    /// Original name.
    pub name: String,
    /// MIME type.
    pub content_type: String,
    /// Standard prefix or `attachment`.
    pub kind: String,
    /// 対象年月 YYYYMM.
    pub target_month: Option<String>,
    /// ファイル連番.
    pub send_stamp: Option<String>,
    /// Destination named by the file (attachments: the partner chosen on the form).
    pub dest_number: Option<String>,
    /// Destination service type.
    pub dest_type: Option<String>,
    /// Validation findings.
    pub findings: Vec<FileFinding>,
    /// Insured persons inside.
    pub persons: Vec<PersonRef>,
}

/// Converts the spec module's findings to what pages show.
pub fn findings_of(report: &spec_csv::FileReport) -> Vec<FileFinding> {
    report
        .findings
        .iter()
        .map(|f| FileFinding {
            line: f.line,
            column: f.column,
            field: f.field.map(str::to_string),
            error: f.severity == Severity::Error,
            message: f.message.clone(),
        })
        .collect()
}

fn persons_of(kind: spec_csv::FileKind, bytes: &[u8]) -> Vec<PersonRef> {
    match spec_csv::persons::persons_in(kind, bytes) {
        Ok(persons) => persons
            .into_iter()
            .map(|p| PersonRef {
                insurer: p.insurer.as_str().to_string(),
                insured: p.insured.as_str().to_string(),
                name: p.name,
                kana: p.kana,
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Classifies and checks one staged file. `Err` is a Japanese reason to refuse the upload.
pub async fn inspect(
    storage: &Storage,
    blob: StagedBlob,
    name: &str,
    attachment_to: Option<(String, String)>,
) -> Result<StagedFile, (StagedBlob, String)> {
    if blob.size == 0 {
        return Err((blob, format!("選んだファイル「{name}」は空です。")));
    }
    let classified = match classify(name, &blob.head) {
        Ok(c) => c,
        Err(message) => return Err((blob, message)),
    };
    match classified {
        Classified::Attachment(content_type) => {
            let (dest_number, dest_type) = attachment_to
                .map(|(n, t)| (Some(n), Some(t)))
                .unwrap_or((None, None));
            Ok(StagedFile {
                blob,
                name: name.to_string(),
                content_type: content_type.to_string(),
                kind: "attachment".into(),
                target_month: None,
                send_stamp: None,
                dest_number,
                dest_type,
                findings: Vec::new(),
                persons: Vec::new(),
            })
        }
        Classified::Spec(spec) => {
            let bytes = match storage.received_bytes(&blob).await {
                Ok(bytes) => bytes,
                Err(_) => {
                    return Err((
                        blob,
                        format!("「{name}」を読み直せませんでした。もう一度お試しください。"),
                    ))
                }
            };
            let report = spec_csv::validate::validate_file(name, &bytes);
            let persons = if spec.kind.is_image() {
                Vec::new()
            } else {
                persons_of(spec.kind, &bytes)
            };
            let content_type = if spec.kind.is_image() {
                "image/jpeg"
            } else {
                "text/csv; charset=Shift_JIS"
            };
            Ok(StagedFile {
                name: name.to_string(),
                content_type: content_type.to_string(),
                kind: spec.kind.prefix().to_string(),
                target_month: spec.target_month().map(|m| m.to_string()),
                send_stamp: Some(spec.stamp.to_string()),
                dest_number: Some(spec.destination.office.as_str().to_string()),
                dest_type: spec
                    .destination
                    .service_type
                    .as_ref()
                    .map(|t| t.as_str().to_string()),
                findings: findings_of(&report),
                persons,
                blob,
            })
        }
    }
}
