//! Validation of one file: name, encoding, syntax, every field and the cross-row rules of
//! spec.md §6. Never stops at the first problem and never panics; always returns a report.

mod cross;
pub mod field;
mod sink;

use super::csv_read::{for_each_record, Fields, SyntaxProblem};
use super::file_kind::FileKind;
use super::file_name;
use super::layouts::{layout_for_width, layouts};
use super::report::{FileReport, Rule, Severity};
use cross::Cross;
use sink::Sink;

const SAME_OFFICE: &str = "送信元と送信先の事業所番号が同じです。";

/// Most findings kept per file; beyond this one 「省略」 finding is added.
pub const MAX_FINDINGS: usize = 1000;

/// Validates `bytes` as the file called `file_name` (a bare name, no directory).
pub fn validate_file(file: &str, bytes: &[u8]) -> FileReport {
    let mut sink = Sink::new(file);
    let name = match file_name::parse(file) {
        Ok(name) => Some(name),
        Err(e) => {
            sink.file_level(Severity::Error, Rule::FileName, e.to_string());
            None
        }
    };
    if let Some(n) = &name {
        if n.sender.office == n.destination.office {
            // spec.md §5.1 / §6.2: exchange between offices sharing one number is not supported.
            sink.file_level(Severity::Error, Rule::SameOffice, SAME_OFFICE.into());
        }
    }
    // Even with a broken name, a recognisable prefix lets us check the contents.
    let kind = name.as_ref().map(|n| n.kind).or_else(|| guess_kind(file));
    let Some(kind) = kind else {
        return sink.finish(name, 0);
    };
    if kind.is_image() {
        if !bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            sink.file_level(
                Severity::Error,
                Rule::NotJpeg,
                "JPEG画像ではありません。".into(),
            );
        }
        return sink.finish(name, 0);
    }
    let mut cross = Cross::new(kind, name.as_ref());
    let mut records = 0usize;
    let result = for_each_record(bytes, |at, record| {
        if records == 0 && !cross.started() && is_header(record) {
            sink.at(
                at.get(),
                None,
                None,
                Severity::Warning,
                Rule::HeaderRow,
                "見出し行とみなして読み飛ばしました。標準仕様に見出し行はありません。".into(),
            );
            cross.mark_started();
            return;
        }
        cross.mark_started();
        records += 1;
        let Some(layout) = layout_for_width(kind, record.len()) else {
            let expected: Vec<String> = layouts(kind)
                .iter()
                .map(|l| l.width().to_string())
                .collect();
            sink.at(
                at.get(),
                None,
                None,
                Severity::Error,
                Rule::ColumnCount,
                format!(
                    "列数が正しくありません（{}列あります。{}列で作成してください）。",
                    record.len(),
                    expected.join("列か")
                ),
            );
            return;
        };
        for (col, (spec, value)) in layout.specs().zip(record.iter_bytes()).enumerate() {
            // Nearly every value passes: test that inline, build a finding only when it fails.
            if field::is_ok(spec, value) {
                continue;
            }
            if let Some(p) = field::check(spec, value, &|| record.text(col)) {
                sink.at(
                    at.get(),
                    Some(col + 1),
                    Some(spec.name),
                    p.severity,
                    p.rule,
                    p.message,
                );
            }
        }
        cross.observe(at, layout, record, &mut sink);
    });
    let problems = match result {
        Ok(problems) => problems,
        Err(e) => {
            // An encoding error voids everything read so far: report only it.
            let mut sink = Sink::new(file);
            if let Some(n) = &name {
                if n.sender.office == n.destination.office {
                    sink.file_level(Severity::Error, Rule::SameOffice, SAME_OFFICE.into());
                }
            }
            sink.file_level(Severity::Error, Rule::Encoding, e.to_string());
            return sink.finish(name, 0);
        }
    };
    for problem in problems {
        let (line, column, message) = match problem {
            SyntaxProblem::UnbalancedQuotes => (
                None,
                None,
                "ダブルクォート（\"）の対応が取れていません。文字列の囲みを確認してください。"
                    .to_owned(),
            ),
            SyntaxProblem::TooManyFields { line } => (
                Some(line),
                None,
                "列が多すぎるため読み飛ばしました。".to_owned(),
            ),
            SyntaxProblem::FieldTooLong { line, column } => (
                Some(line),
                Some(column),
                "項目が長すぎるため、この行を読み飛ばしました。".to_owned(),
            ),
        };
        match line {
            Some(line) => sink.at(line, column, None, Severity::Error, Rule::Syntax, message),
            None => sink.file_level(Severity::Error, Rule::Syntax, message),
        }
    }
    if records == 0 {
        sink.file_level(
            Severity::Error,
            Rule::NoRecords,
            "データ行がありません。".into(),
        );
    }
    cross.finish(&mut sink);
    sink.finish(name, records)
}

/// The kind from a name's prefix alone, for names that break the grammar elsewhere.
pub fn guess_kind(file: &str) -> Option<FileKind> {
    FileKind::ALL.into_iter().find(|k| {
        file.strip_prefix(k.prefix())
            .is_some_and(|r| r.starts_with('_'))
    })
}

/// spec.md §2: no header is defined, but some software writes one; its first cell names the
/// CSVバージョン column instead of holding a YYYYMM value.
fn is_header(record: &Fields<'_>) -> bool {
    record.get(0).is_some_and(|v| {
        v.contains("バージョン") || v.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("csv"))
    })
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
