//! File-name grammar of spec.md §1.4: V4.1 names (with service types) and V3 names (without).

use super::file_kind::FileKind;
use super::values::{OfficeNumber, SendStamp, ServiceTypeCode, YearMonth};
use std::fmt;

/// Longest name accepted; real names are under 80 characters, so anything longer is hostile.
const MAX_NAME_LEN: usize = 255;

/// Which naming rule a file name follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameVersion {
    /// V3 (vol.1156): office numbers without service types (spec.md §1.4 "V3 names").
    V3,
    /// V4.1: each office number followed by its サービス種類コード.
    V41,
}

/// The YYYYMM segment of a name (spec.md §1.1 last column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameMonth {
    /// The kind has no month segment.
    Absent,
    /// `000000`: a 利用者補足情報 tied to 第1–3表.
    PlanTied,
    /// 対象年月 (or 提供年月 for 補足).
    Month(YearMonth),
}

/// One end of a transfer: 事業所番号 and, in V4.1 names, サービス種類コード.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Party {
    /// 事業所番号.
    pub office: OfficeNumber,
    /// サービス種類コード; `None` in V3 names.
    pub service_type: Option<ServiceTypeCode>,
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.service_type {
            Some(t) => write!(f, "{}（{}）", self.office, t),
            None => write!(f, "{}", self.office),
        }
    }
}

/// A parsed interface file name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SpecFileName {
    /// ファイル種別 from the prefix.
    pub kind: FileKind,
    /// V3 or V4.1 naming.
    pub version: NameVersion,
    /// 対象年月 segment.
    pub month: NameMonth,
    /// 送信元 (sender).
    pub sender: Party,
    /// 送信先 (destination).
    pub destination: Party,
    /// ファイル連番.
    pub stamp: SendStamp,
    /// 画像枝番 (4 digits) of a `UPKIHON_IMAGE` file.
    pub image_branch: Option<u16>,
}

impl SpecFileName {
    /// 対象年月 when the name carries a real month.
    pub fn target_month(&self) -> Option<YearMonth> {
        match self.month {
            NameMonth::Month(m) => Some(m),
            _ => None,
        }
    }
}

/// Why a file name does not follow spec.md §1.4; `Display` is Japanese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileNameError {
    /// Longer than any real name.
    TooLong,
    /// A path separator, control character or non-ASCII character.
    ForbiddenCharacter(char),
    /// Extension missing or not CSV/JPG as the kind requires.
    BadExtension,
    /// The prefix is none of spec.md §1.4.
    UnknownPrefix,
    /// Wrong number of `_`-separated fields.
    FieldCount {
        /// Fields found after the prefix.
        found: usize,
    },
    /// The YYYYMM segment is not a real month (or `000000` outside 補足).
    BadMonth,
    /// A 事業所番号 is not 10 characters.
    BadOffice,
    /// A サービス種類コード is not 2 alphanumerics.
    BadServiceType,
    /// ファイル連番 is not a real YYYYMMDDHHMMSS.
    BadStamp,
    /// 画像枝番 is not 4 digits.
    BadImageBranch,
}

impl fmt::Display for FileNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLong => f.write_str("ファイル名が長すぎます。"),
            Self::ForbiddenCharacter(c) => {
                write!(
                    f,
                    "ファイル名に使用できない文字が含まれています（U+{:04X}）。",
                    *c as u32
                )
            }
            Self::BadExtension => {
                f.write_str("拡張子が正しくありません（CSVファイルは.CSV、画像は.jpgです）。")
            }
            Self::UnknownPrefix => {
                f.write_str("ファイル名の種別（先頭の英字）が標準仕様にありません。")
            }
            Self::FieldCount { found } => write!(
                f,
                "ファイル名の区切り（_）の数が正しくありません（種別の後に{found}項目あります）。"
            ),
            Self::BadMonth => f.write_str("ファイル名の年月が正しくありません。"),
            Self::BadOffice => f.write_str("ファイル名の事業所番号は10桁で指定してください。"),
            Self::BadServiceType => {
                f.write_str("ファイル名のサービス種類コードは英数字2桁で指定してください。")
            }
            Self::BadStamp => {
                f.write_str("ファイル名のファイル連番（年月日時分秒14桁）が正しくありません。")
            }
            Self::BadImageBranch => f.write_str("画像ファイルの枝番は数字4桁で指定してください。"),
        }
    }
}

impl std::error::Error for FileNameError {}

/// Parses a bare file name (no directory part) per spec.md §1.4.
pub fn parse(name: &str) -> Result<SpecFileName, FileNameError> {
    if name.len() > MAX_NAME_LEN {
        return Err(FileNameError::TooLong);
    }
    // Path separators, controls and non-ASCII never occur in spec names; refusing them keeps
    // hostile names out of later storage paths and reports.
    if let Some(c) = name
        .chars()
        .find(|c| !c.is_ascii() || c.is_ascii_control() || matches!(c, '/' | '\\' | ':'))
    {
        return Err(FileNameError::ForbiddenCharacter(c));
    }
    let (stem, ext) = name.rsplit_once('.').ok_or(FileNameError::BadExtension)?;
    let kind = FileKind::ALL
        .into_iter()
        .find(|k| {
            stem.strip_prefix(k.prefix())
                .is_some_and(|rest| rest.starts_with('_'))
        })
        .ok_or(FileNameError::UnknownPrefix)?;
    let wanted_ext = if kind.is_image() { "jpg" } else { "csv" };
    if !ext.eq_ignore_ascii_case(wanted_ext) {
        return Err(FileNameError::BadExtension);
    }
    let fields: Vec<&str> = stem[kind.prefix().len() + 1..].split('_').collect();
    let fixed = usize::from(kind.has_month()) + usize::from(kind.is_image());
    let version = match fields.len().checked_sub(fixed) {
        Some(5) => NameVersion::V41,
        Some(3) => NameVersion::V3,
        _ => {
            return Err(FileNameError::FieldCount {
                found: fields.len(),
            })
        }
    };
    let mut it = fields.into_iter();
    let mut next = || it.next().unwrap_or_default();
    let month = if kind.has_month() {
        parse_month(kind, next())?
    } else {
        NameMonth::Absent
    };
    let sender_office = parse_office(next())?;
    let sender_type = parse_type(version, &mut next)?;
    let dest_office = parse_office(next())?;
    let dest_type = parse_type(version, &mut next)?;
    let stamp = SendStamp::parse(next()).map_err(|_| FileNameError::BadStamp)?;
    let image_branch = if kind.is_image() {
        Some(parse_branch(next())?)
    } else {
        None
    };
    Ok(SpecFileName {
        kind,
        version,
        month,
        sender: Party {
            office: sender_office,
            service_type: sender_type,
        },
        destination: Party {
            office: dest_office,
            service_type: dest_type,
        },
        stamp,
        image_branch,
    })
}

fn parse_month(kind: FileKind, s: &str) -> Result<NameMonth, FileNameError> {
    // spec.md §1.1: `000000` only for a 補足 tied to 第1–3表.
    if s == "000000" && kind == FileKind::Supplement {
        return Ok(NameMonth::PlanTied);
    }
    YearMonth::parse(s)
        .map(NameMonth::Month)
        .map_err(|_| FileNameError::BadMonth)
}

fn parse_office(s: &str) -> Result<OfficeNumber, FileNameError> {
    OfficeNumber::parse(s).map_err(|_| FileNameError::BadOffice)
}

fn parse_type<'a>(
    version: NameVersion,
    next: &mut impl FnMut() -> &'a str,
) -> Result<Option<ServiceTypeCode>, FileNameError> {
    match version {
        NameVersion::V3 => Ok(None),
        NameVersion::V41 => ServiceTypeCode::parse(next())
            .map(Some)
            .map_err(|_| FileNameError::BadServiceType),
    }
}

fn parse_branch(s: &str) -> Result<u16, FileNameError> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().map_err(|_| FileNameError::BadImageBranch)
    } else {
        Err(FileNameError::BadImageBranch)
    }
}

impl fmt::Display for SpecFileName {
    /// Formats the canonical name: upper-case `.CSV`, lower-case `.jpg` (spec.md §1.4 rules).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.prefix())?;
        match self.month {
            NameMonth::Absent => {}
            NameMonth::PlanTied => f.write_str("_000000")?,
            NameMonth::Month(m) => write!(f, "_{m}")?,
        }
        for party in [&self.sender, &self.destination] {
            write!(f, "_{}", party.office)?;
            if let Some(t) = &party.service_type {
                write!(f, "_{t}")?;
            }
        }
        write!(f, "_{}", self.stamp)?;
        match self.image_branch {
            Some(b) => write!(f, "_{b:04}.jpg"),
            None => f.write_str(".CSV"),
        }
    }
}

#[cfg(test)]
#[path = "file_name_tests.rs"]
mod tests;
