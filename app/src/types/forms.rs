//! 帳票表示: a stored standard file rendered like the paper form (MHLW 様式), one sheet per
//! insured person. Values are display-ready text; dates stay `YYYYMMDD` for the one formatter.

use super::forms_body::FormBody;
use super::{DeliveryId, FileFinding, FileId, OfficeRef, VersionStamp};
use serde::{Deserialize, Serialize};

/// Which paper form a file is shown as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormKind {
    /// 第1表 居宅サービス計画書（１） (`UP1KYO`).
    Plan1,
    /// 第2表 居宅サービス計画書（２） (`UP2KYO`).
    Plan2,
    /// 第3表 週間サービス計画表 (`UP3KYO`).
    Plan3,
    /// 第6表 サービス利用票 予定 (`UPPLAN`).
    UsagePlan,
    /// 第6表 サービス利用票 実績 (`UPJSK`).
    UsageActual,
    /// 第7表 サービス利用票別表 (`UPSIKYU`).
    UsageDetail,
    /// 介護予防サービス・支援計画書 and its 別表 (`UPYOBO`, `UPYOBO_SUB`).
    Prevention,
}

/// File-name prefixes that have a form, longest first (`UPYOBO_SUB` before `UPYOBO`).
const PREFIXES: [(&str, FormKind); 8] = [
    ("UPYOBO_SUB", FormKind::Prevention),
    ("UPSIKYU", FormKind::UsageDetail),
    ("UPYOBO", FormKind::Prevention),
    ("UPPLAN", FormKind::UsagePlan),
    ("UP1KYO", FormKind::Plan1),
    ("UP2KYO", FormKind::Plan2),
    ("UP3KYO", FormKind::Plan3),
    ("UPJSK", FormKind::UsageActual),
];

impl FormKind {
    /// The form of a stored file kind (its standard prefix); `None` for kinds without one
    /// (補足, deletions, 利用者基本情報, attachments).
    pub fn for_prefix(prefix: &str) -> Option<Self> {
        PREFIXES
            .iter()
            .find(|(p, _)| *p == prefix)
            .map(|(_, kind)| *kind)
    }

    /// The form of a standard file name (`UP2KYO_….CSV`); `None` otherwise.
    pub fn for_file_name(name: &str) -> Option<Self> {
        PREFIXES
            .iter()
            .find(|(p, _)| {
                name.strip_prefix(p)
                    .is_some_and(|rest| rest.starts_with('_'))
            })
            .map(|(_, kind)| *kind)
    }

    /// 「第2表」 and the like; `None` for the 予防 plan, which has no number.
    pub fn table_no(self) -> Option<&'static str> {
        match self {
            Self::Plan1 => Some("第1表"),
            Self::Plan2 => Some("第2表"),
            Self::Plan3 => Some("第3表"),
            Self::UsagePlan | Self::UsageActual => Some("第6表"),
            Self::UsageDetail => Some("第7表"),
            Self::Prevention => None,
        }
    }

    /// The paper form's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Plan1 => "居宅サービス計画書（１）",
            Self::Plan2 => "居宅サービス計画書（２）",
            Self::Plan3 => "週間サービス計画表",
            Self::UsagePlan => "サービス利用票（予定）",
            Self::UsageActual => "サービス利用票（実績）",
            Self::UsageDetail => "サービス利用票別表",
            Self::Prevention => "介護予防サービス・支援計画書",
        }
    }

    /// 「第2表 居宅サービス計画書（２）」.
    pub fn full_title(self) -> String {
        match self.table_no() {
            Some(no) => format!("{no} {}", self.title()),
            None => self.title().to_string(),
        }
    }

    /// True when the paper form is A4 landscape (every form here: the MHLW 様式 are 横).
    pub fn landscape(self) -> bool {
        true
    }
}

/// A choice printed with the chosen option marked, as on paper (「初回・紹介・継続」).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Options in paper order, each with whether it is chosen.
    pub options: Vec<(String, bool)>,
}

impl Choice {
    /// The chosen options' labels.
    pub fn chosen(&self) -> Vec<&str> {
        self.options
            .iter()
            .filter(|(_, on)| *on)
            .map(|(label, _)| label.as_str())
            .collect()
    }
}

/// The version key of one sheet (spec.md §4.1): plans by 計画作成(変更)日, 第6/7表 by 対象年月.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetKey {
    /// 保険者番号.
    pub insurer: String,
    /// 被保険者番号.
    pub insured: String,
    /// 計画作成(変更)日 `YYYYMMDD` (plans).
    pub plan_date: Option<String>,
    /// 対象年月 `YYYYMM` (第6/7表).
    pub target_month: Option<String>,
}

/// The person a sheet is about; names and more come from the 補足 sent alongside, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonHeader {
    /// 利用者氏名.
    pub name: Option<String>,
    /// フリガナ.
    pub kana: Option<String>,
    /// 生年月日 `YYYYMMDD`.
    pub birth_date: Option<String>,
    /// 性別 (男 / 女).
    pub sex: Option<String>,
    /// 住所 (郵便番号 and address lines joined).
    pub address: Option<String>,
}

/// One insured person's form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSheet {
    /// Fragment id of this sheet on the page (`person-1`).
    pub anchor: String,
    /// The version key this sheet shows.
    pub key: SheetKey,
    /// Who.
    pub person: PersonHeader,
    /// 版の表示, printed on every page of the sheet.
    pub stamp: VersionStamp,
    /// The form itself.
    pub body: FormBody,
}

/// A stored file shown as its paper form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormView {
    /// The delivery.
    pub delivery: DeliveryId,
    /// The file.
    pub file: FileId,
    /// Its name.
    pub file_name: String,
    /// Which form.
    pub kind: FormKind,
    /// True when the caller's office received it.
    pub incoming: bool,
    /// 送信元.
    pub from: OfficeRef,
    /// 送信先.
    pub to: OfficeRef,
    /// What reading the file again found; any error means only part of it is shown.
    pub findings: Vec<FileFinding>,
    /// One sheet per person (and version key), in file order.
    pub sheets: Vec<FormSheet>,
    /// When this page was made (Unix ms), printed with the stamp.
    pub printed_at_ms: i64,
}

impl FormView {
    /// True when the file did not pass validation (some of it may be missing here).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_pick_their_form_and_sub_files_join_their_parent() {
        let tail = "_1371234567_43_1372345678_11_20250401090000.CSV";
        assert_eq!(
            FormKind::for_file_name(&format!("UP2KYO{tail}")),
            Some(FormKind::Plan2)
        );
        assert_eq!(
            FormKind::for_file_name(&format!("UPYOBO_SUB{tail}")),
            Some(FormKind::Prevention)
        );
        assert_eq!(
            FormKind::for_file_name(&format!("UPHOSOKU_000000{tail}")),
            None
        );
        assert_eq!(FormKind::for_file_name("UP2KYO.pdf"), None);
        assert_eq!(FormKind::for_prefix("UPJSK"), Some(FormKind::UsageActual));
        assert_eq!(FormKind::for_prefix("DLT1KYO"), None);
    }
}
