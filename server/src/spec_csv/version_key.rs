//! Version keys and deletion cascades (spec.md §4.1–4.2).

use super::file_kind::FileKind;
use super::parse::{Row, Table};
use super::values::{InsuredNumber, InsurerNumber, OfficeNumber, ServiceTypeCode, YearMonth};

/// The versioned thing a record belongs to (spec.md §4.1 "Parent").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    /// 居宅サービス計画 (第1–3表 and plan-tied 補足).
    Plan,
    /// サービス利用票 予定 (第6/7表 and 6表-tied 補足).
    UsageSlip,
    /// 実績.
    Actuals,
    /// 利用者基本情報 (and 別表1/2, images).
    BasicInfo,
    /// 介護予防サービス・支援計画書 (and 別表).
    PreventionPlan,
}

/// The date or month that, with the two numbers, identifies a version.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Anchor {
    /// 計画作成(変更)日 or 相談日, YYYYMMDD.
    Date(String),
    /// 対象年月.
    Month(YearMonth),
}

/// 保険者番号 + 被保険者番号 + date or month; for 実績 also the service office and type,
/// because 実績 is replaced and deleted per service type (spec.md §4.2, §4.3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VersionKey {
    /// What is versioned.
    pub entity: Entity,
    /// 保険者番号.
    pub insurer: InsurerNumber,
    /// 被保険者番号.
    pub insured: InsuredNumber,
    /// 作成日 / 相談日 / 対象年月.
    pub anchor: Anchor,
    /// サービス事業者コード and サービス種類コード, for 実績 only.
    pub provider: Option<(OfficeNumber, ServiceTypeCode)>,
}

/// A key a deletion file deletes, with the file kinds the deletion cascades to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deletion {
    /// The deleted version.
    pub key: VersionKey,
    /// Kinds whose records with this key are deleted too (the parent included).
    pub cascades: &'static [FileKind],
}

/// Kinds removed by each deletion kind (spec.md §4.1 dependants, §4.2). DLT1KYO includes the
/// plan-tied 補足 per the §4.1 table; spec.md open question 11 notes the text is silent on it.
pub fn cascade(kind: FileKind) -> &'static [FileKind] {
    use FileKind::*;
    match kind {
        Plan1Delete => &[Plan1, Plan2, Plan3, Supplement],
        UsagePlanDelete => &[UsagePlan, UsageDetail, Supplement],
        ActualsDelete => &[Actuals],
        BasicInfoDelete => &[BasicInfo, BasicInfoSub1, BasicInfoSub2, BasicInfoImage],
        PreventionPlanDelete => &[PreventionPlan, PreventionPlanSub],
        _ => &[],
    }
}

/// The key of one row of `kind`; `None` when a key column is malformed (validation says why).
pub fn key_of_row(kind: FileKind, row: &Row) -> Option<VersionKey> {
    use FileKind::*;
    let date = |i: usize| {
        Some(Anchor::Date(row.get(i).to_owned()))
            .filter(|_| super::values::is_valid_date(row.get(i)))
    };
    let month = |i: usize| YearMonth::parse(row.get(i)).ok().map(Anchor::Month);
    let (entity, anchor, provider) = match kind {
        Supplement if row.get(62) == "000000" => (Entity::Plan, date(3)?, None),
        Supplement => (Entity::UsageSlip, month(62)?, None),
        Plan1 => (Entity::Plan, date(13)?, None),
        Plan2 | Plan3 => (Entity::Plan, date(4)?, None),
        Plan1Delete => (Entity::Plan, date(3)?, None),
        UsagePlan | UsageDetail => (Entity::UsageSlip, month(4)?, None),
        UsagePlanDelete => (Entity::UsageSlip, month(3)?, None),
        Actuals => (
            Entity::Actuals,
            month(4)?,
            Some(provider(row.get(19), row.get(14).get(..2)?)?),
        ),
        ActualsDelete => (
            Entity::Actuals,
            month(3)?,
            Some(provider(row.get(4), row.get(5))?),
        ),
        BasicInfo | BasicInfoSub1 | BasicInfoSub2 | BasicInfoDelete => {
            (Entity::BasicInfo, date(3)?, None)
        }
        PreventionPlan | PreventionPlanSub | PreventionPlanDelete => {
            (Entity::PreventionPlan, date(3)?, None)
        }
        BasicInfoImage => return None,
    };
    Some(VersionKey {
        entity,
        insurer: InsurerNumber::parse(row.get(1)).ok()?,
        insured: InsuredNumber::parse(row.get(2)).ok()?,
        anchor,
        provider,
    })
}

fn provider(office: &str, service_type: &str) -> Option<(OfficeNumber, ServiceTypeCode)> {
    Some((
        OfficeNumber::parse(office).ok()?,
        ServiceTypeCode::parse(service_type).ok()?,
    ))
}

/// The distinct version keys in a file, sorted.
pub fn keys(table: &Table) -> Vec<VersionKey> {
    let mut keys: Vec<VersionKey> = table
        .rows
        .iter()
        .filter_map(|r| key_of_row(table.kind, r))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// What a deletion file deletes; empty for other kinds.
pub fn deletions(table: &Table) -> Vec<Deletion> {
    let cascades = cascade(table.kind);
    if cascades.is_empty() {
        return Vec::new();
    }
    keys(table)
        .into_iter()
        .map(|key| Deletion { key, cascades })
        .collect()
}

#[cfg(test)]
#[path = "version_key_tests.rs"]
mod tests;
