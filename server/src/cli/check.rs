//! `server check FILE…`: validates standard-spec files and prints a Japanese report, so vendors
//! and operators can test files before sending them.

use crate::spec_csv::report::Severity;
use crate::spec_csv::send_unit::check_units;
use crate::spec_csv::validate::validate_file;
use crate::spec_csv::{file_name, Finding, SpecFileName};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Largest file read; the national system limits a send to 10 MB (spec.md §5.2 [U]).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Checks the files (directories expand to their files, sorted), writes the report to `out`
/// and returns `Ok(true)` when any finding is an error.
pub fn run(paths: &[PathBuf], out: &mut dyn Write) -> io::Result<bool> {
    let files = expand(paths, out)?;
    let (mut errors, mut warnings) = (files.unreadable, 0usize);
    let mut names: Vec<(String, SpecFileName)> = Vec::new();
    for path in &files.paths {
        let display = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bytes = match read_capped(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                writeln!(out, "[エラー] {display}: ファイルを読めません（{e}）。")?;
                errors += 1;
                continue;
            }
        };
        let report = validate_file(&display, &bytes);
        if report.findings.is_empty() {
            writeln!(
                out,
                "[OK] {display}: 問題はありません（{}件）。",
                report.records
            )?;
        }
        for finding in &report.findings {
            count(finding, &mut errors, &mut warnings);
            writeln!(out, "{finding}")?;
        }
        if let Ok(name) = file_name::parse(&display) {
            names.push((display, name));
        }
    }
    let refs: Vec<(&str, &SpecFileName)> = names.iter().map(|(f, n)| (f.as_str(), n)).collect();
    for finding in check_units(&refs) {
        count(&finding, &mut errors, &mut warnings);
        writeln!(out, "{finding}")?;
    }
    writeln!(
        out,
        "{}ファイルを確認しました。エラー{errors}件、警告{warnings}件です。",
        files.paths.len()
    )?;
    Ok(errors > 0)
}

fn count(finding: &Finding, errors: &mut usize, warnings: &mut usize) {
    match finding.severity {
        Severity::Error => *errors += 1,
        Severity::Warning => *warnings += 1,
    }
}

struct Expanded {
    paths: Vec<PathBuf>,
    unreadable: usize,
}

fn expand(paths: &[PathBuf], out: &mut dyn Write) -> io::Result<Expanded> {
    let mut expanded = Expanded {
        paths: Vec::new(),
        unreadable: 0,
    };
    for path in paths {
        if !path.is_dir() {
            expanded.paths.push(path.clone());
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file())
                    .collect();
                files.sort();
                expanded.paths.extend(files);
            }
            Err(e) => {
                writeln!(
                    out,
                    "[エラー] {}: フォルダを読めません（{e}）。",
                    path.display()
                )?;
                expanded.unreadable += 1;
            }
        }
    }
    Ok(expanded)
}

fn read_capped(path: &Path) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::other("64MBを超えています"));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures(sub: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/spec_csv")
            .join(sub)
    }

    fn run_on(sub: &str) -> (bool, String) {
        let mut out = Vec::new();
        let failed = run(&[fixtures(sub)], &mut out).unwrap_or(true);
        (failed, String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn the_valid_fixtures_pass_without_errors() {
        let (failed, text) = run_on("valid");
        assert!(!failed, "{text}");
        assert!(text.contains("エラー0件"), "{text}");
    }

    #[test]
    fn the_invalid_fixtures_fail_with_japanese_findings() {
        let (failed, text) = run_on("invalid");
        assert!(failed);
        assert!(
            text.contains("日付が正しくありません。（20250230）"),
            "{text}"
        );
        assert!(text.contains("文字コードがUTF-8"), "{text}");
    }

    #[test]
    fn a_missing_file_is_an_error_not_a_crash() {
        let mut out = Vec::new();
        assert_eq!(
            run(&[PathBuf::from("/nonexistent/UPPLAN.CSV")], &mut out).ok(),
            Some(true)
        );
    }
}
