//! 利用者台帳 recipes: list and filter (every member reads), edit (managers, with a version so a
//! stale form cannot overwrite), CSV export, and CSV import in two steps: the upload is
//! checked and staged, the preview lists what will change, and applying re-checks the staged
//! file and writes every line in one transaction or none.

use super::roster::{self, RosterRow, RosterValues};
use super::roster_csv::{self, ExportRow, ParsedLine};
use super::{staff, RoutingAudit, RoutingService};
use crate::auth::{AuthCheck, ClientInfo};
use crate::db::OfficeTx;
use crate::error::InfraError;
use app::types::{
    Caller, FieldError, ImportLine, ImportPreview, RosterEntry, RosterFilter, RosterPage, StaffRef,
};
use app::AppError;

/// Rows per roster page.
pub const PER_PAGE: i64 = 50;

fn entry(r: RosterRow) -> RosterEntry {
    let assignee = r
        .assignee_id
        .as_ref()
        .and_then(|id| id.parse().ok())
        .map(|id| StaffRef {
            id,
            name: r.assignee_name.clone().unwrap_or_default(),
        });
    RosterEntry {
        insurer: r.insurer,
        insured: r.insured,
        name: r.name,
        kana: r.kana,
        birth_date: r.birth_date,
        assignee,
        updated_at_ms: r.updated_at,
        updated_by: r.updated_by_name,
        version: r.version,
    }
}

/// The roster edit form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct RosterForm {
    #[serde(default)]
    pub insurer: String,
    #[serde(default)]
    pub insured: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kana: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub assignee: String,
    #[serde(default)]
    pub version: String,
}

/// Login ids of active members → user id.
async fn logins(tx: &mut OfficeTx) -> Result<Vec<(String, String, String)>, InfraError> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select s.login_id, s.user_id, s.display_name from membership m join staff_account s on s.user_id = m.user_id
          where m.office_id = $1 and m.disabled_at is null and s.disabled_at is null and s.activated_at is not null",
    )
    .bind(office)
    .fetch_all(tx.conn())
    .await?)
}

impl RoutingService {
    /// A page of the roster.
    pub async fn roster_page(
        &self,
        caller: &Caller,
        f: RosterFilter,
    ) -> Result<RosterPage, AppError> {
        AuthCheck::member().check(caller)?;
        let page = f.page.max(1);
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let (rows, total) =
            roster::list(&mut tx, &f.q, &f.assignee, PER_PAGE, (page - 1) * PER_PAGE).await?;
        let staff = staff::choices(&mut tx).await?;
        tx.commit().await?;
        Ok(RosterPage {
            rows: rows.into_iter().map(entry).collect(),
            total,
            per_page: PER_PAGE,
            staff,
            can_edit: AuthCheck::manager().check(caller).is_ok(),
        })
    }

    /// One row (404 when the office has no such person).
    pub async fn roster_row(
        &self,
        caller: &Caller,
        insurer: &str,
        insured: &str,
    ) -> Result<RosterEntry, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let row = roster::find(&mut tx, insurer, insured)
            .await?
            .ok_or(AppError::NotFound)?;
        tx.commit().await?;
        Ok(entry(row))
    }

    /// Saves an edit (managers). A row changed since the form was drawn is not overwritten.
    pub async fn save_roster(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        form: &RosterForm,
    ) -> Result<(), AppError> {
        AuthCheck::manager().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let current = roster::find(&mut tx, &form.insurer, &form.insured)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut errors = Vec::new();
        let name = app::types::normalize::fold_spaces(&form.name);
        if name.chars().count() > 100 {
            errors.push(FieldError {
                field: "name".into(),
                message: "氏名は100文字以内で入力してください。".into(),
            });
        }
        let kana = roster_csv::katakana(&app::types::normalize::fold_spaces(&form.kana));
        let birth = roster_csv::birth_date(&form.birth_date).unwrap_or_else(|| {
            errors.push(FieldError {
                field: "birth_date".into(),
                message: "生年月日は「1950-04-01」の形で入力してください。".into(),
            });
            String::new()
        });
        let assignee = if form.assignee.is_empty() {
            None
        } else {
            match staff::require_active(&mut tx, &form.assignee, "assignee").await {
                Ok(m) => Some(m.id.to_string()),
                Err(AppError::Invalid(list)) => {
                    errors.extend(list);
                    None
                }
                Err(other) => return Err(other),
            }
        };
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let version: i64 = form.version.parse().unwrap_or(-1);
        let values = RosterValues {
            insurer: &current.insurer,
            insured: &current.insured,
            name: &name,
            kana: &kana,
            birth_date: &birth,
            assignee: assignee.as_deref(),
        };
        if !roster::save(&mut tx, &values, version, &caller.user_id.to_string(), now).await? {
            let who = current
                .updated_by_name
                .map(|n| format!("{n}さんが"))
                .unwrap_or_default();
            return Err(AppError::conflict(format!(
                "この画面を開いた後に、{who}{}にこの利用者の台帳を変更しました。あなたの変更は保存していません。最新の内容を確認して、もう一度入力してください。",
                app::format::date_time(current.updated_at)
            )));
        }
        let event = RoutingAudit::RosterEdited {
            insurer: current.insurer,
            insured: current.insured,
        };
        self.audit(&mut tx, caller, client, event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The whole roster as CSV (UTF-8 with BOM, formulas escaped). Managers only: it is the
    /// office's list of clients.
    pub async fn export_roster(
        &self,
        caller: &Caller,
        client: &ClientInfo,
    ) -> Result<Vec<u8>, AppError> {
        AuthCheck::manager().check(caller)?;
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let rows = roster::all(&mut tx).await?;
        let export: Vec<ExportRow<'_>> = rows
            .iter()
            .map(|(r, login)| ExportRow {
                insurer: &r.insurer,
                insured: &r.insured,
                name: &r.name,
                kana: &r.kana,
                birth_date: &r.birth_date,
                assignee_login: login.as_deref().unwrap_or(""),
                assignee_name: r.assignee_name.as_deref().unwrap_or(""),
            })
            .collect();
        let bytes = roster_csv::export(&export).map_err(|e| InfraError::Corrupt(e.to_string()))?;
        self.audit(
            &mut tx,
            caller,
            client,
            RoutingAudit::RosterExported { rows: rows.len() },
        )
        .await?;
        tx.commit().await?;
        Ok(bytes)
    }

    /// Stages an uploaded CSV for its preview; a file that cannot be read at all (not UTF-8,
    /// empty) is refused here.
    pub async fn stage_import(
        &self,
        caller: &Caller,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<String, AppError> {
        AuthCheck::manager().check(caller)?;
        if bytes.is_empty() {
            return Err(AppError::invalid(
                "file",
                "取り込むCSVファイルを選んでください。",
            ));
        }
        let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        let Ok(text) = std::str::from_utf8(body) else {
            let message = roster_csv::parse(bytes)
                .err()
                .and_then(|e| e.into_iter().next())
                .unwrap_or_default();
            return Err(AppError::invalid("file", message));
        };
        let id = crate::db::new_row_id();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        sqlx::query(
            "insert into roster_import (import_id, office_id, created_by, file_name, content, created_at) values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(tx.office_id().to_string())
        .bind(caller.user_id.to_string())
        .bind(file_name.chars().take(200).collect::<String>())
        .bind(text)
        .bind(self.clock.now())
        .execute(tx.conn())
        .await
        .map_err(InfraError::from)?;
        tx.commit().await?;
        Ok(id)
    }

    /// Checks a staged import: lines with 新規/更新, or every error with its line.
    async fn check_import(
        &self,
        tx: &mut OfficeTx,
        id: &str,
    ) -> Result<(ImportPreview, Vec<(ParsedLine, Option<String>)>), AppError> {
        let office = tx.office_id().to_string();
        let row: Option<(String, String, Option<i64>)> = sqlx::query_as(
            "select file_name, content, applied_at from roster_import where office_id = $1 and import_id = $2",
        )
        .bind(office)
        .bind(id)
        .fetch_optional(tx.conn())
        .await
        .map_err(InfraError::from)?;
        let (file_name, content, applied) = row.ok_or(AppError::NotFound)?;
        let mut preview = ImportPreview {
            id: id.to_string(),
            file_name,
            lines: Vec::new(),
            errors: Vec::new(),
            applied: applied.is_some(),
        };
        let parsed = match roster_csv::parse(content.as_bytes()) {
            Ok(lines) => lines,
            Err(errors) => {
                preview.errors = errors;
                return Ok((preview, Vec::new()));
            }
        };
        let logins = logins(tx).await?;
        let mut resolved = Vec::new();
        for line in parsed {
            let assignee = if line.assignee_login.is_empty() {
                None
            } else if let Some((_, uid, name)) =
                logins.iter().find(|(l, _, _)| *l == line.assignee_login)
            {
                Some((uid.clone(), name.clone()))
            } else {
                preview.errors.push(format!(
                    "{}行目：担当者ログインID「{}」は、この事業所で利用中の職員にありません。",
                    line.line, line.assignee_login
                ));
                continue;
            };
            let exists = roster::find(tx, &line.insurer, &line.insured)
                .await?
                .is_some();
            preview.lines.push(ImportLine {
                line: line.line,
                insurer: line.insurer.clone(),
                insured: line.insured.clone(),
                name: line.name.clone(),
                assignee: assignee
                    .as_ref()
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                change: if exists { "更新" } else { "新規" }.into(),
            });
            resolved.push((line, assignee.map(|(id, _)| id)));
        }
        Ok((preview, resolved))
    }

    /// The preview of a staged import.
    pub async fn preview_import(
        &self,
        caller: &Caller,
        id: &str,
    ) -> Result<ImportPreview, AppError> {
        AuthCheck::manager().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let (preview, _) = self.check_import(&mut tx, id).await?;
        tx.commit().await?;
        Ok(preview)
    }

    /// Applies a staged import: every line or, on any error, none. Returns the lines written.
    pub async fn apply_import(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        id: &str,
    ) -> Result<usize, AppError> {
        AuthCheck::manager().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let (preview, lines) = self.check_import(&mut tx, id).await?;
        if preview.applied {
            return Err(AppError::conflict("この取り込みは既に反映済みです。"));
        }
        if !preview.errors.is_empty() {
            return Err(AppError::conflict(
                "誤りのある行があるため、取り込めません。ファイルを直して、選び直してください。",
            ));
        }
        let by = caller.user_id.to_string();
        for (l, assignee) in &lines {
            let values = RosterValues {
                insurer: &l.insurer,
                insured: &l.insured,
                name: &l.name,
                kana: &l.kana,
                birth_date: &l.birth_date,
                assignee: assignee.as_deref(),
            };
            roster::upsert(&mut tx, &values, "imported", &by, now).await?;
        }
        sqlx::query(
            "update roster_import set applied_at = $1 where office_id = $2 and import_id = $3",
        )
        .bind(now)
        .bind(tx.office_id().to_string())
        .bind(id)
        .execute(tx.conn())
        .await
        .map_err(InfraError::from)?;
        self.audit(
            &mut tx,
            caller,
            client,
            RoutingAudit::RosterImported { rows: lines.len() },
        )
        .await?;
        tx.commit().await?;
        Ok(lines.len())
    }
}
