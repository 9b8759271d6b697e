//! ファイルを送る: the multipart upload (streamed to storage), and the draft actions
//! (send, discard, remove a file).

use super::flash::{back_with_errors, forward_with_notice};
use super::page_error::PageResult;
use crate::auth::{ClientInfo, TypedSession};
use crate::exchange::intake::{inspect, StagedFile};
use crate::startup::AppState;
use crate::storage::WriteError;
use app::types::{
    normalize::fold_digits, Caller, FieldError, FileId, OfficeNumber, OutgoingId, ServiceTypeCode,
};
use app::AppError;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

fn outgoing_id(raw: &str) -> Result<OutgoingId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

fn error(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

/// What one multipart upload produced.
struct Intake {
    files: Vec<StagedFile>,
    errors: Vec<FieldError>,
    attachment_to: (String, String),
    /// 「最近やり取りした事業所から選ぶ」: `事業所番号:サービス種類コード`, or empty.
    attachment_pick: String,
    /// More files were chosen than one upload may hold (none of the rest was read).
    too_many: bool,
}

/// Reads the form: the attachment destination fields, then each file streamed into staging.
/// Every problem is collected (the user sees all of them at once).
async fn read_upload(state: &AppState, mut multipart: Multipart) -> Result<Intake, AppError> {
    let storage = &state.services.exchange.storage;
    let limits = state.services.exchange.limits;
    let mut intake = Intake {
        files: Vec::new(),
        errors: Vec::new(),
        too_many: false,
        attachment_to: (String::new(), String::new()),
        attachment_pick: String::new(),
    };
    let mut chosen = 0usize;
    let interrupted = || {
        AppError::BadRequest("アップロードが途中で切れました。通信状態を確認して、もう一度ファイルを選んでください。".into())
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                discard_all(state, &intake.files).await;
                return Err(interrupted());
            }
        };
        match field.name() {
            Some("attachment_office") => {
                intake.attachment_to.0 = field.text().await.map_err(|_| interrupted())?
            }
            Some("attachment_type") => {
                intake.attachment_to.1 = field.text().await.map_err(|_| interrupted())?
            }
            Some("attachment_partner") => {
                intake.attachment_pick = field.text().await.map_err(|_| interrupted())?
            }
            Some("files") => {
                let name = field.file_name().unwrap_or_default().to_string();
                if name.is_empty() {
                    continue; // the browser sends an empty part when no file was chosen
                }
                chosen += 1;
                if chosen > limits.max_files {
                    continue; // counted for the message below, not stored
                }
                let attachment_to = chosen_partner(&intake);
                match storage.write_stream(field, limits.max_file_bytes).await {
                    Ok(blob) => match inspect(storage, blob, &name, attachment_to).await {
                        Ok(file) => intake.files.push(file),
                        Err((blob, message)) => {
                            storage.discard(&blob).await;
                            intake.errors.push(error("files", message));
                        }
                    },
                    Err(WriteError::TooLarge { limit }) => intake.errors.push(error(
                        "files",
                        format!(
                            "「{name}」は大きすぎます。ファイルは{}MB以下にしてください。",
                            limit / 1024 / 1024
                        ),
                    )),
                    Err(WriteError::Interrupted(_)) => {
                        discard_all(state, &intake.files).await;
                        return Err(interrupted());
                    }
                    Err(WriteError::Infra(e)) => {
                        discard_all(state, &intake.files).await;
                        return Err(e.into());
                    }
                }
            }
            _ => {}
        }
    }
    if chosen > limits.max_files {
        intake.too_many = true;
        intake.errors.push(error(
            "files",
            format!(
                "一度に送れるファイルは{}件までです（選んだファイル：{chosen}件）。",
                limits.max_files
            ),
        ));
    }
    if chosen == 0 {
        intake
            .errors
            .push(error("files", "送るファイルを選んでください。"));
    }
    Ok(intake)
}

/// The optional 添付ファイルの送信先 fields, normalised; `None` when left empty or invalid.
fn parse_partner((number, service): &(String, String)) -> Option<(String, String)> {
    let number = OfficeNumber::parse(number).ok()?;
    let service = ServiceTypeCode::parse(service).ok()?;
    Some((number.as_str().to_string(), service.as_str().to_string()))
}

fn is_blank((number, service): &(String, String)) -> bool {
    number.trim().is_empty() && service.trim().is_empty()
}

/// The office picked from the list, as the two fields (`事業所番号:サービス種類コード`).
fn picked(intake: &Intake) -> (String, String) {
    let (number, service) = intake
        .attachment_pick
        .split_once(':')
        .unwrap_or((intake.attachment_pick.as_str(), ""));
    (number.to_string(), service.to_string())
}

/// Where the attachments go: the typed number, or else the office picked from the list.
fn chosen_partner(intake: &Intake) -> Option<(String, String)> {
    if is_blank(&intake.attachment_to) {
        parse_partner(&picked(intake))
    } else {
        parse_partner(&intake.attachment_to)
    }
}

fn partner_errors(intake: &Intake) -> Vec<FieldError> {
    let typed = &intake.attachment_to;
    if !intake.attachment_pick.is_empty() {
        let picked = parse_partner(&picked(intake));
        if picked.is_none() {
            // Only a changed page sends this: the list holds valid offices.
            return vec![error(
                "attachment_partner",
                "一覧から選んだ事業所を読み取れませんでした。もう一度選んでください。",
            )];
        }
        if !is_blank(typed) && parse_partner(typed) != picked {
            return vec![error(
                "attachment_partner",
                "添付ファイルの送信先が、一覧と番号の入力で違います。一覧から選ぶか、番号を入力するか、どちらか一方にしてください。",
            )];
        }
    }
    let (number, service) = typed;
    if is_blank(typed) {
        return Vec::new();
    }
    let mut errors = Vec::new();
    if OfficeNumber::parse(number).is_err() {
        errors.push(error(
            "attachment_office",
            "添付ファイルの送信先の事業所番号は10桁の数字で入力してください。",
        ));
    }
    if ServiceTypeCode::parse(&fold_digits(service)).is_err() {
        errors.push(error(
            "attachment_type",
            "添付ファイルの送信先のサービス種類は英数字2文字で入力してください（例：11）。",
        ));
    }
    errors
}

async fn discard_all(state: &AppState, files: &[StagedFile]) {
    for file in files {
        state.services.exchange.storage.discard(&file.blob).await;
    }
}

async fn accept(
    state: &AppState,
    caller: &Caller,
    client: &ClientInfo,
    session: &TypedSession,
    multipart: Multipart,
    into: Option<OutgoingId>,
    back: &str,
) -> PageResult<Response> {
    let intake = read_upload(state, multipart).await?;
    let mut errors = partner_errors(&intake);
    errors.extend(intake.errors);
    let values = vec![
        ("attachment_office", intake.attachment_to.0.clone()),
        ("attachment_type", intake.attachment_to.1.clone()),
        ("attachment_partner", intake.attachment_pick.clone()),
    ];
    if !errors.is_empty() {
        discard_all(state, &intake.files).await;
        // Nothing of the upload is kept: say so, or the files without a message seem sent
        // (the browser forgets the selection, so they are chosen again).
        let good = intake.files.len();
        let file_errors = errors.iter().filter(|e| e.field == "files").count();
        if good > 0 && !intake.too_many {
            let message = if file_errors > 0 {
                format!("ほかの{good}件のファイルも、まだアップロードしていません。問題のファイルを直すか除いて、もう一度まとめて選んでください。")
            } else {
                format!("選んだ{good}件のファイルは、まだアップロードしていません。入力を直して、もう一度選んでください。")
            };
            errors.push(error("files", message));
        }
        return back_with_errors(session, back, errors, values).await;
    }
    match state
        .services
        .exchange
        .save_draft(caller, client, intake.files.clone(), into)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/uploads/{id}")).into_response()),
        Err(e) => {
            discard_all(state, &intake.files).await;
            Err(e.into())
        }
    }
}

/// POST /uploads: a new draft from the chosen files.
pub async fn post_upload(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    multipart: Multipart,
) -> PageResult<Response> {
    accept(
        &state,
        &caller,
        &client,
        &session,
        multipart,
        None,
        "/uploads/new",
    )
    .await
}

/// POST /uploads/{id}/files: more files for an open draft.
pub async fn post_add_files(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw): Path<String>,
    multipart: Multipart,
) -> PageResult<Response> {
    let id = outgoing_id(&raw)?;
    accept(
        &state,
        &caller,
        &client,
        &session,
        multipart,
        Some(id),
        &format!("/uploads/{id}"),
    )
    .await
}

/// POST /uploads/{id}/send: delivers once; a second click shows the same result.
pub async fn post_send(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw): Path<String>,
) -> PageResult<Response> {
    let id = outgoing_id(&raw)?;
    let made = state.services.exchange.send(&caller, &client, id).await?;
    forward_with_notice(
        &session,
        &format!("/uploads/{id}"),
        format!("{}か所の事業所に送信しました。", made.len()),
    )
    .await
}

/// POST /uploads/{id}/discard.
pub async fn post_discard(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(client): Extension<ClientInfo>,
    session: TypedSession,
    Path(raw): Path<String>,
) -> PageResult<Response> {
    let id = outgoing_id(&raw)?;
    state
        .services
        .exchange
        .discard(&caller, &client, id)
        .await?;
    forward_with_notice(&session, "/uploads", "下書きを破棄しました。").await
}

/// POST /uploads/{id}/files/{file_id}/remove.
pub async fn post_remove_file(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    session: TypedSession,
    Path((raw, raw_file)): Path<(String, String)>,
) -> PageResult<Response> {
    let id = outgoing_id(&raw)?;
    let file: FileId = raw_file.parse().map_err(|_| AppError::NotFound)?;
    state
        .services
        .exchange
        .remove_file(&caller, id, file)
        .await?;
    forward_with_notice(
        &session,
        &format!("/uploads/{id}"),
        "ファイルを取り除きました。",
    )
    .await
}
