//! Send units (送信単位): files sharing one ファイル連番 (spec.md §1.3), their allowed
//! combinations, route consistency and import order (spec.md §4.4).

use super::file_kind::FileKind;
use super::file_name::{NameMonth, NameVersion, SpecFileName};
use super::report::{Finding, Rule, Severity};
use super::values::SendStamp;
use std::collections::BTreeMap;

/// The files of one send unit, in import order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendUnit<'a> {
    /// ファイル連番 shared by the files.
    pub stamp: SendStamp,
    /// (file name as given, parsed name), parents before children.
    pub files: Vec<(&'a str, &'a SpecFileName)>,
}

/// Position of a kind within a unit: parents first, so children always find their parent.
fn rank(kind: FileKind) -> u8 {
    use FileKind::*;
    match kind {
        Plan1 | UsagePlan | BasicInfo | PreventionPlan | Actuals => 0,
        Plan2 | UsageDetail | BasicInfoSub1 | PreventionPlanSub => 1,
        Plan3 | BasicInfoSub2 => 2,
        BasicInfoImage => 3,
        Supplement => 4,
        Plan1Delete | UsagePlanDelete | ActualsDelete | BasicInfoDelete | PreventionPlanDelete => 5,
    }
}

/// Groups files by ファイル連番 in ascending order: the order in which units must be imported
/// (spec.md §4.4). Within a unit, parents come first.
pub fn import_order<'a>(files: &[(&'a str, &'a SpecFileName)]) -> Vec<SendUnit<'a>> {
    let mut units: BTreeMap<SendStamp, Vec<(&'a str, &'a SpecFileName)>> = BTreeMap::new();
    for &(file, name) in files {
        units.entry(name.stamp).or_default().push((file, name));
    }
    units
        .into_iter()
        .map(|(stamp, mut files)| {
            files
                .sort_by_key(|(file, name)| (rank(name.kind), name.kind, name.image_branch, *file));
            SendUnit { stamp, files }
        })
        .collect()
}

/// The set a unit's core files form (spec.md §1.3 table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Set {
    Plan,
    Usage,
    Prevention,
    Alone(FileKind),
}

impl Set {
    fn label(self) -> &'static str {
        match self {
            Set::Plan => "居宅サービス計画（第1〜3表＋利用者補足）",
            Set::Usage => "サービス利用票（第6表＋第7表＋利用者補足）",
            Set::Prevention => "介護予防（利用者基本情報・計画書）",
            Set::Alone(kind) => kind.label(),
        }
    }
}

/// Checks every unit: route consistency, allowed combination, missing members and months.
pub fn check_units(files: &[(&str, &SpecFileName)]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for unit in import_order(files) {
        check_unit(&unit, &mut findings);
    }
    findings
}

fn check_unit(unit: &SendUnit<'_>, out: &mut Vec<Finding>) {
    let unit_label = format!("送信単位（ファイル連番{}）", unit.stamp);
    let mut push = |file: &str, severity: Severity, message: String| {
        out.push(Finding {
            file: file.to_owned(),
            line: None,
            column: None,
            field: None,
            severity,
            rule: Rule::SendUnit,
            message,
        });
    };
    let Some(&(_, first)) = unit.files.first() else {
        return;
    };
    for &(file, name) in &unit.files[1..] {
        if name.sender != first.sender || name.destination != first.destination {
            push(
                file,
                Severity::Error,
                format!("{unit_label}の中で送信元・送信先が他のファイルと一致しません。"),
            );
        }
        if name.version != first.version {
            push(
                file,
                Severity::Error,
                format!(
                    "{unit_label}の中で旧形式（V3）と新形式（V4.1）のファイル名が混在しています。"
                ),
            );
        }
    }
    let has = |k: FileKind| unit.files.iter().any(|(_, n)| n.kind == k);
    let mut seen: std::collections::BTreeSet<(FileKind, Option<u16>)> = Default::default();
    for &(file, name) in &unit.files {
        let id = (name.kind, name.image_branch);
        if !seen.insert(id) {
            push(
                file,
                Severity::Error,
                format!(
                    "{unit_label}に同じ種類のファイル（{}）が複数あります。",
                    name.kind.label()
                ),
            );
        }
    }
    let usage_month = unit
        .files
        .iter()
        .find(|(_, n)| n.kind == FileKind::UsagePlan)
        .map(|(_, n)| n.month);
    let mut sets: Vec<Set> = Vec::new();
    for &(file, name) in &unit.files {
        let set = match name.kind {
            FileKind::Plan1 | FileKind::Plan2 | FileKind::Plan3 => Set::Plan,
            FileKind::UsagePlan | FileKind::UsageDetail => Set::Usage,
            FileKind::Supplement => supplement_set(
                file,
                name,
                has(FileKind::Plan1),
                usage_month,
                &unit_label,
                &mut push,
            ),
            FileKind::BasicInfo
            | FileKind::BasicInfoSub1
            | FileKind::BasicInfoSub2
            | FileKind::BasicInfoImage
            | FileKind::PreventionPlan
            | FileKind::PreventionPlanSub => Set::Prevention,
            other => Set::Alone(other),
        };
        if name.kind == FileKind::UsageDetail && usage_month.is_some_and(|m| m != name.month) {
            push(
                file,
                Severity::Error,
                format!("{unit_label}の第7表の年月が第6表の対象年月と一致しません。"),
            );
        }
        if !sets.contains(&set) {
            sets.push(set);
        }
    }
    if sets.len() > 1 {
        let names: Vec<&str> = sets.iter().map(|s| s.label()).collect();
        push(
            &unit_label,
            Severity::Error,
            format!(
                "この送信単位に送信単位の異なるファイルが混在しています（{}）。",
                names.join("／")
            ),
        );
    }
    let v41 = first.version == NameVersion::V41;
    let needs: &[(FileKind, FileKind, Severity)] = &[
        (FileKind::Plan2, FileKind::Plan1, Severity::Error),
        (FileKind::Plan3, FileKind::Plan1, Severity::Error),
        (FileKind::Plan1, FileKind::Plan2, Severity::Error),
        (FileKind::UsageDetail, FileKind::UsagePlan, Severity::Error),
        (FileKind::UsagePlan, FileKind::UsageDetail, Severity::Error),
        (FileKind::UsagePlan, FileKind::Supplement, Severity::Error),
        (FileKind::Plan1, FileKind::Supplement, Severity::Error),
        (
            FileKind::BasicInfoSub1,
            FileKind::BasicInfo,
            Severity::Error,
        ),
        (
            FileKind::BasicInfoSub2,
            FileKind::BasicInfo,
            Severity::Error,
        ),
        (
            FileKind::BasicInfoImage,
            FileKind::BasicInfo,
            Severity::Error,
        ),
        (
            FileKind::PreventionPlanSub,
            FileKind::PreventionPlan,
            Severity::Error,
        ),
        (
            FileKind::PreventionPlan,
            FileKind::PreventionPlanSub,
            Severity::Warning,
        ),
    ];
    for &(present, missing, severity) in needs {
        if has(present) && !has(missing) {
            push(
                &unit_label,
                severity,
                format!(
                    "この送信単位に{}がありますが、{}がありません。",
                    present.label(),
                    missing.label()
                ),
            );
        }
    }
    if has(FileKind::Supplement) && !has(FileKind::Plan1) && !has(FileKind::UsagePlan) {
        push(
            &unit_label,
            Severity::Error,
            "この送信単位には利用者補足情報だけがあります。第1表か第6表と一緒に送ってください。"
                .to_owned(),
        );
    }
    // 第3表 is new in V4 (spec.md §3.4), so only V4.1-named units are expected to carry it.
    if v41 && has(FileKind::Plan1) && !has(FileKind::Plan3) {
        push(
            &unit_label,
            Severity::Warning,
            format!(
                "この送信単位に{}がありません（V4で追加された帳票です）。",
                FileKind::Plan3.label()
            ),
        );
    }
}

/// Decides which set a 補足 belongs to, reporting a month that does not fit its unit.
fn supplement_set(
    file: &str,
    name: &SpecFileName,
    with_plan: bool,
    usage_month: Option<NameMonth>,
    unit_label: &str,
    push: &mut impl FnMut(&str, Severity, String),
) -> Set {
    if with_plan {
        if name.month != NameMonth::PlanTied {
            push(file, Severity::Error, format!("{unit_label}は第1〜3表の送信単位なので、利用者補足情報の年月は000000にしてください。"));
        }
        return Set::Plan;
    }
    if let Some(month) = usage_month {
        if name.month != month {
            push(
                file,
                Severity::Error,
                format!("{unit_label}の利用者補足情報の年月が第6表の対象年月と一致しません。"),
            );
        }
        return Set::Usage;
    }
    if name.month == NameMonth::PlanTied {
        Set::Plan
    } else {
        Set::Usage
    }
}

#[cfg(test)]
#[path = "send_unit_tests.rs"]
mod tests;
