//! `server demo-files DIR`: writes sample send units between the demo offices (MS932 CSV with
//! standard names), so anyone trying the portal has real files to upload. Tests build their
//! files the same way.

use crate::spec_csv::layouts::{layouts, Format};
use crate::spec_csv::{sample, FileKind};
use std::path::Path;

/// A valid standard file of `kind` from one office to another (`(事業所番号, 種類)`), built from
/// the spec module's samples with those office numbers, and its V4.1 name.
pub fn unit_file(
    kind: FileKind,
    from: (&str, &str),
    to: (&str, &str),
    stamp: &str,
) -> Result<(String, Vec<u8>), csv::Error> {
    build(
        kind,
        sample::rows(kind),
        kind.has_month().then_some(sample::MONTH),
        from,
        to,
        stamp,
    )
}

/// The 利用者補足情報 that travels with a 第1〜3表 unit: its month is `000000` (spec.md §1.1).
pub fn plan_supplement(
    from: (&str, &str),
    to: (&str, &str),
    stamp: &str,
) -> Result<(String, Vec<u8>), csv::Error> {
    build(
        FileKind::Supplement,
        sample::plan_tied_supplement(),
        Some("000000"),
        from,
        to,
        stamp,
    )
}

/// 実績 from a service office to a care-manager office for several insured persons (保険者番号
/// of the samples), one record each: one file often carries persons of several care managers.
pub fn actuals_for(
    from: (&str, &str),
    to: (&str, &str),
    stamp: &str,
    insured: &[&str],
) -> Result<(String, Vec<u8>), csv::Error> {
    let base = sample::rows(FileKind::Actuals);
    let rows = insured
        .iter()
        .flat_map(|number| {
            base.iter().cloned().map(move |mut row| {
                sample::set(&mut row, 2, number);
                row
            })
        })
        .collect();
    build(
        FileKind::Actuals,
        rows,
        Some(sample::MONTH),
        from,
        to,
        stamp,
    )
}

/// A standard file of `kind` holding `rows` (sample rows, possibly edited), the samples' office
/// numbers replaced by `from` and `to`, and its V4.1 name.
pub fn build(
    kind: FileKind,
    rows: Vec<Vec<String>>,
    month: Option<&str>,
    from: (&str, &str),
    to: (&str, &str),
    stamp: &str,
) -> Result<(String, Vec<u8>), csv::Error> {
    // 実績 travels from the service office to the care-manager office; the samples' sender is
    // always the care-manager office, so swap the parties for it.
    let backwards = matches!(kind, FileKind::Actuals | FileKind::ActualsDelete);
    let (care_manager, provider) = if backwards { (to, from) } else { (from, to) };
    let fill = |value: &str| {
        value
            .replace(sample::SENDER, "\u{1}")
            .replace(sample::DESTINATION, "\u{2}")
            .replace('\u{1}', care_manager.0)
            .replace('\u{2}', provider.0)
    };
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        writer.write_record(row.iter().map(|v| fill(v)))?;
    }
    let text =
        String::from_utf8_lossy(&writer.into_inner().map_err(|e| e.into_error())?).into_owned();
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let month = month.map(|m| format!("_{m}")).unwrap_or_default();
    let name = format!(
        "{}{month}_{}_{}_{}_{}_{stamp}.CSV",
        kind.prefix(),
        from.0,
        from.1,
        to.0,
        to.1
    );
    Ok((name, bytes.into_owned()))
}

/// The demo units: a plan set (第1〜3表 + 利用者補足) for ひまわり訪問介護 and a 第6/7表 unit for
/// ひまわりデイサービス from ケアプランセンターさくら, and 実績 back from ひまわり訪問介護.
pub fn demo_units() -> Result<Vec<(String, Vec<u8>)>, csv::Error> {
    let sakura = ("1371234567", "43");
    let helper = ("1372345678", "11");
    let day = ("1372345679", "15");
    // Each file: kind, sender, destination, ファイル連番 (the samples' records, made readable).
    let file = |kind: FileKind, from, to, stamp| {
        let rows = readable(kind, sample::rows(kind));
        build(
            kind,
            rows,
            kind.has_month().then_some(sample::MONTH),
            from,
            to,
            stamp,
        )
    };
    let plan_stamp = "20250401090000";
    // The 補足 of a plan set is named with 000000, not a month (see `plan_supplement`).
    let supplement = readable(FileKind::Supplement, sample::plan_tied_supplement());
    Ok(vec![
        file(FileKind::Plan1, sakura, helper, plan_stamp)?,
        file(FileKind::Plan2, sakura, helper, plan_stamp)?,
        file(FileKind::Plan3, sakura, helper, plan_stamp)?,
        build(
            FileKind::Supplement,
            supplement,
            Some("000000"),
            sakura,
            helper,
            plan_stamp,
        )?,
        file(FileKind::Supplement, sakura, day, "20250401090100")?,
        file(FileKind::UsagePlan, sakura, day, "20250401090100")?,
        file(FileKind::UsageDetail, sakura, day, "20250401090100")?,
        file(FileKind::Actuals, helper, sakura, "20250501090000")?,
    ])
}

/// The samples' free text (`介護　太郎, "テスト"`, which exercises CSV quoting in the tests)
/// made readable for people trying the portal: the person's name and フリガナ, the office, staff
/// names, addresses, and a short note in every other free-text column.
fn readable(kind: FileKind, mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let Some(layout) = layouts(kind).first() else {
        return rows;
    };
    for row in &mut rows {
        for (i, field) in layout.fields().iter().enumerate() {
            if field.format != Format::Text {
                continue;
            }
            let name = field.name;
            let value = if name.contains("フリガナ") || name.contains("ﾌﾘｶﾞﾅ") {
                "カイゴ　タロウ"
            } else if name.starts_with("利用者氏名") {
                "介護　太郎"
            } else if name.contains("事業者名") || name.contains("事業所名") {
                "ケアプランセンターさくら"
            } else if name.contains("氏名") || name.ends_with("者名") {
                "佐藤　一郎"
            } else if name.contains("住所") {
                if name.ends_with('２') {
                    "霞が関ビル１階"
                } else {
                    "東京都千代田区霞が関１－２－２"
                }
            } else {
                "デモ用の記入例です。"
            };
            sample::set(row, i, value);
        }
    }
    rows
}

/// Writes the demo units into `dir` (created if missing), and the 予実突合 scenario
/// ([`super::demo_reconcile`]) into `dir/reconcile`; returns the file names.
pub fn write(dir: &Path) -> std::io::Result<Vec<String>> {
    let units = demo_units().map_err(std::io::Error::other)?;
    let mut names = write_into(dir, units)?;
    let reconcile = super::demo_reconcile::files(("1371234567", "43"), ("1372345678", "11"))
        .map_err(std::io::Error::other)?;
    names.extend(write_into(&dir.join("reconcile"), reconcile)?);
    Ok(names)
}

fn write_into(dir: &Path, files: Vec<(String, Vec<u8>)>) -> std::io::Result<Vec<String>> {
    std::fs::create_dir_all(dir)?;
    let mut names = Vec::new();
    for (name, bytes) in files {
        std::fs::write(dir.join(&name), bytes)?;
        names.push(name);
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_file_passes_validation() {
        for (name, bytes) in demo_units().unwrap() {
            let report = crate::spec_csv::validate::validate_file(&name, &bytes);
            assert!(!report.has_errors(), "{name}: {:?}", report.findings);
        }
    }

    #[test]
    fn actuals_for_several_persons_pass_validation_and_name_each_person() {
        let (name, bytes) = actuals_for(
            ("1372345678", "11"),
            ("1371234567", "43"),
            "20250502090000",
            &["0000012345", "0000022222", "0000033333"],
        )
        .unwrap();
        let report = crate::spec_csv::validate::validate_file(&name, &bytes);
        assert!(!report.has_errors(), "{name}: {:?}", report.findings);
        // The browser test uploads this very file (e2e/fixtures/routing/).
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../e2e/fixtures/routing")
            .join(&name);
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all(fixture.parent().unwrap()).unwrap();
            std::fs::write(&fixture, &bytes).unwrap();
        }
        assert_eq!(
            std::fs::read(&fixture).unwrap(),
            bytes,
            "run with UPDATE_FIXTURES=1"
        );
    }

    #[test]
    fn the_demo_units_are_complete_send_units() {
        let units = demo_units().unwrap();
        let names: Vec<(String, crate::spec_csv::SpecFileName)> = units
            .iter()
            .map(|(n, _)| (n.clone(), crate::spec_csv::file_name::parse(n).unwrap()))
            .collect();
        let refs: Vec<(&str, &crate::spec_csv::SpecFileName)> =
            names.iter().map(|(n, s)| (n.as_str(), s)).collect();
        let errors: Vec<_> = crate::spec_csv::send_unit::check_units(&refs)
            .into_iter()
            .filter(|f| f.severity == crate::spec_csv::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}
