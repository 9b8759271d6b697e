//! What an uploaded file is: a standard-spec file (by its name), an attachment (by extension
//! *and* magic bytes, so a renamed executable is refused), or something we do not carry.

use crate::spec_csv::{file_name, SpecFileName};

/// The accepted kinds of file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Classified {
    /// A standard-spec file (CSV, or the 家族構成 JPEG of the 予防 set).
    Spec(SpecFileName),
    /// 添付ファイル with its verified content type.
    Attachment(&'static str),
}

/// Checks the first bytes of a file.
type MagicCheck = fn(&[u8]) -> bool;

/// Attachments the portal carries: extension, content type, and a check of the first bytes.
const ATTACHMENTS: &[(&str, &str, MagicCheck)] = &[
    ("pdf", "application/pdf", |h| h.starts_with(b"%PDF-")),
    ("jpg", "image/jpeg", |h| h.starts_with(&[0xFF, 0xD8, 0xFF])),
    ("jpeg", "image/jpeg", |h| h.starts_with(&[0xFF, 0xD8, 0xFF])),
    ("gif", "image/gif", |h| {
        h.starts_with(b"GIF87a") || h.starts_with(b"GIF89a")
    }),
    ("png", "image/png", |h| {
        h.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A])
    }),
    ("txt", "text/plain", is_plain_text),
];

/// Text has no NUL bytes and is not an executable in disguise.
fn is_plain_text(head: &[u8]) -> bool {
    let executable =
        head.starts_with(b"MZ") || head.starts_with(b"\x7fELF") || head.starts_with(b"#!");
    !executable && !head.contains(&0)
}

/// Refuses names that could act as paths or hide characters (checked before anything else).
pub fn check_name(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("ファイル名がありません。".into());
    }
    if name.chars().count() > 255 {
        return Err(format!(
            "ファイル名が長すぎます（{}文字）。255文字以内にしてください。",
            name.chars().count()
        ));
    }
    if name.contains('/')
        || name.contains('\\')
        || name.contains("..")
        || name.chars().any(char::is_control)
    {
        return Err(format!(
            "ファイル名「{}」に使えない文字（/ \\ .. や制御文字）が含まれています。",
            name.chars().filter(|c| !c.is_control()).collect::<String>()
        ));
    }
    Ok(())
}

/// Classifies a file by its name and first bytes. `Err` is a Japanese message naming the file.
pub fn classify(name: &str, head: &[u8]) -> Result<Classified, String> {
    check_name(name)?;
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if extension == "csv" {
        return file_name::parse(name).map(Classified::Spec).map_err(|e| {
            format!("「{name}」は標準仕様のファイル名ではありません（{e}）。連携ソフトが出力したファイル名のまま選んでください。")
        });
    }
    if extension == "jpg" {
        if let Ok(spec) = file_name::parse(name) {
            return Ok(Classified::Spec(spec));
        }
    }
    match ATTACHMENTS.iter().find(|(ext, _, _)| *ext == extension) {
        Some((_, content_type, looks_right)) if looks_right(head) => Ok(Classified::Attachment(content_type)),
        Some(_) => Err(format!("「{name}」の中身が拡張子（.{extension}）と合いません。別の種類のファイルの名前を変えたものは送れません。")),
        None => Err(format!("「{name}」は送れない種類のファイルです。送れるのは標準仕様のCSVと、PDF・JPEG・GIF・PNG・TXTの添付ファイルです。")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_standard_file_name_is_recognised() {
        let name = "UPPLAN_202504_1371234567_43_1372345678_11_20250401120000.CSV";
        assert!(matches!(
            classify(name, b"202407,"),
            Ok(Classified::Spec(_))
        ));
    }

    #[test]
    fn a_renamed_executable_is_refused() {
        let err = classify("plan.pdf", b"MZ\x90\x00").unwrap_err();
        assert!(err.contains("中身が拡張子"), "{err}");
        assert!(classify("notes.txt", b"MZ\x90\x00").is_err());
    }

    #[test]
    fn real_attachments_pass_their_magic_check() {
        assert_eq!(
            classify("a.pdf", b"%PDF-1.7"),
            Ok(Classified::Attachment("application/pdf"))
        );
        assert_eq!(
            classify("a.PNG", &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]),
            Ok(Classified::Attachment("image/png"))
        );
        assert_eq!(
            classify("memo.txt", "連絡事項".as_bytes()),
            Ok(Classified::Attachment("text/plain"))
        );
    }

    #[test]
    fn path_tricks_and_control_characters_are_refused() {
        assert!(classify("../etc/passwd.csv", b"").is_err());
        assert!(classify("a\u{0007}.pdf", b"%PDF-").is_err());
        assert!(classify("dir\\x.pdf", b"%PDF-").is_err());
    }

    #[test]
    fn other_file_types_and_unknown_prefixes_are_refused() {
        assert!(classify("setup.exe", b"MZ")
            .unwrap_err()
            .contains("送れない種類"));
        assert!(
            classify("UPXYZ_1371234567_43_1372345678_11_20250401120000.csv", b"")
                .unwrap_err()
                .contains("標準仕様のファイル名ではありません")
        );
    }
}
