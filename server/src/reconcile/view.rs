//! The engine's report as the pages show it: partners, persons, statuses, sentences.

use super::keys::{day_label, mask_label, PersonKey};
use super::lines::UsageLine;
use super::load::Loaded;
use super::report::{Comparison, MonthReport, Status};
use super::source::{Chosen, Partner};
use app::types::{
    BoardRow, PartnerRef, ReconcileDay, ReconcilePersonPartner, ReconcilePersonRef, ReconcileRow,
    ReconcileStatus, ReconcileTotal, StatusCounts,
};
use std::collections::{BTreeMap, HashMap};

/// A month computed for one office: the chosen versions and the engine's report.
pub struct Computed {
    /// 対象年月, YYYYMM.
    pub month: String,
    /// Versions and files.
    pub loaded: Loaded,
    /// The report.
    pub report: MonthReport,
}

/// The page's status for the engine's.
pub fn status(s: Status) -> ReconcileStatus {
    match s {
        Status::Match => ReconcileStatus::Match,
        Status::Differences => ReconcileStatus::Differences,
        Status::ActualsMissing => ReconcileStatus::ActualsMissing,
        Status::NotPlanned => ReconcileStatus::NotPlanned,
    }
}

/// 「ひまわり訪問介護（事業所番号 1372345678）」.
pub fn partner_ref(p: &Partner) -> PartnerRef {
    PartnerRef {
        id: p.office_id.clone(),
        label: format!("{}（事業所番号 {}）", p.name, p.provider.number()),
        number: p.provider.number().to_string(),
    }
}

impl Computed {
    /// The partner of a comparison.
    pub fn partner(&self, i: usize) -> Option<&Partner> {
        self.loaded.choice.partners.get(i)
    }

    /// The person with the name from the 利用者補足, if one came.
    pub fn person(&self, key: PersonKey) -> ReconcilePersonRef {
        let (name, kana) = self
            .loaded
            .choice
            .names
            .get(&key)
            .cloned()
            .unwrap_or_default();
        ReconcilePersonRef {
            insurer: key.insurer().to_string(),
            insured: key.insured().to_string(),
            name,
            kana,
        }
    }

    /// The versions chosen for (partner, person).
    pub fn chosen(&self) -> HashMap<(usize, PersonKey), Chosen> {
        self.loaded
            .choice
            .chosen
            .iter()
            .map(|c| ((c.partner, c.person), *c))
            .collect()
    }

    fn in_charge(&self, chosen: Option<&Chosen>) -> Option<String> {
        let plan = chosen?.plan?;
        self.loaded.origin(plan).map(|o| o.sent_by_name)
    }

    fn notes(&self, chosen: Option<&Chosen>) -> Vec<String> {
        let Some(c) = chosen else {
            return Vec::new();
        };
        let mut notes = Vec::new();
        for (doc, side) in [(c.plan, "予定"), (c.actual, "実績")] {
            if let Some(o) = doc.and_then(|i| self.loaded.origin(i)) {
                if o.warnings > 0 {
                    notes.push(format!(
                        "{side}のファイルに確認事項（警告）が{}件あります。受信・送信の画面で内容を確認してください。",
                        o.warnings
                    ));
                }
            }
        }
        if c.plan.is_some() && c.detail.is_none() {
            notes.push("第7表が同じ送信にないため、第7表との照合はしていません。".into());
        }
        notes
    }

    /// A row of the month page.
    pub fn row(&self, c: &Comparison, chosen: Option<&Chosen>) -> Option<ReconcileRow> {
        Some(ReconcileRow {
            partner: partner_ref(self.partner(c.partner)?),
            person: self.person(c.person),
            status: status(c.status),
            differences: c.differences.iter().map(|d| d.message()).collect(),
            in_charge: self.in_charge(chosen),
            units: c.unit_totals(),
            notes: self.notes(chosen),
        })
    }

    /// The day-by-day section of one partner.
    pub fn person_partner(
        &self,
        c: &Comparison,
        chosen: Option<&Chosen>,
    ) -> Option<ReconcilePersonPartner> {
        let delivery = |i: Option<usize>| {
            i.and_then(|i| self.loaded.origin(i))
                .map(|o| (o.delivery_id, o.sent_at))
        };
        let mut days: BTreeMap<u32, ReconcileDay> = BTreeMap::new();
        let mut monthly = ReconcileDay {
            label: "日割のサービス（月単位で照合）".into(),
            planned: Vec::new(),
            actual: Vec::new(),
            differences: Vec::new(),
        };
        for l in &c.planned {
            match l.pro_rata {
                Some(_) => monthly.planned.push(line_text(l)),
                None => day(&mut days, l.date).planned.push(line_text(l)),
            }
        }
        for l in &c.actual {
            match l.pro_rata {
                Some(_) => monthly.actual.push(line_text(l)),
                None => day(&mut days, l.date).actual.push(line_text(l)),
            }
        }
        let mut other = Vec::new();
        for d in &c.differences {
            match d.date() {
                Some(date) => day(&mut days, date).differences.push(d.message()),
                None if d.kind == super::report::DiffKind::ProRataDiffers => {
                    monthly.differences.push(d.message())
                }
                None => other.push(d.message()),
            }
        }
        let mut days: Vec<ReconcileDay> = days.into_values().collect();
        if !monthly.planned.is_empty() || !monthly.actual.is_empty() {
            days.push(monthly);
        }
        Some(ReconcilePersonPartner {
            partner: partner_ref(self.partner(c.partner)?),
            status: status(c.status),
            in_charge: self.in_charge(chosen),
            plan: delivery(chosen.and_then(|c| c.plan)),
            actual: delivery(chosen.and_then(|c| c.actual)),
            days,
            other,
            totals: c
                .totals
                .iter()
                .map(|t| ReconcileTotal {
                    code: t.code.to_string(),
                    planned: (t.planned_units, t.planned_count),
                    actual: (t.actual_units, t.actual_count),
                    detail: t.detail_units,
                })
                .collect(),
            notes: self.notes(chosen),
        })
    }

    /// The monthly-cycle board: per partner, 予定 sent → 実績 received → reconciled.
    pub fn board(&self) -> Vec<BoardRow> {
        let chosen = self.chosen();
        self.loaded
            .choice
            .partners
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let mine: Vec<&Comparison> = self
                    .report
                    .comparisons
                    .iter()
                    .filter(|c| c.partner == i)
                    .collect();
                if mine.is_empty() {
                    return None;
                }
                let mut counts = StatusCounts::default();
                let mut planned_at = None;
                let mut received_at = None;
                let mut in_charge: Vec<String> = Vec::new();
                for c in &mine {
                    counts.add(status(c.status));
                    let ch = chosen.get(&(c.partner, c.person));
                    if let Some(o) = ch.and_then(|x| x.plan).and_then(|d| self.loaded.origin(d)) {
                        planned_at = planned_at.max(Some(o.sent_at));
                        if !in_charge.contains(&o.sent_by_name) {
                            in_charge.push(o.sent_by_name);
                        }
                    }
                    if let Some(o) = ch
                        .and_then(|x| x.actual)
                        .and_then(|d| self.loaded.origin(d))
                    {
                        received_at = received_at.max(Some(o.sent_at));
                    }
                }
                in_charge.sort();
                Some(BoardRow {
                    partner: partner_ref(p),
                    planned: (counts.total() - counts.unplanned, planned_at),
                    received: (counts.total() - counts.missing, received_at),
                    counts,
                    status: partner_status(&counts),
                    in_charge,
                })
            })
            .collect()
    }
}

fn day(days: &mut BTreeMap<u32, ReconcileDay>, date: u32) -> &mut ReconcileDay {
    days.entry(date).or_insert_with(|| ReconcileDay {
        label: weekday_label(date),
        planned: Vec::new(),
        actual: Vec::new(),
        differences: Vec::new(),
    })
}

/// A partner needs action when any person differs or has 実績 without 予定; otherwise it
/// waits while any 実績 is missing; otherwise it matches.
pub fn partner_status(counts: &StatusCounts) -> ReconcileStatus {
    if counts.differences + counts.unplanned > 0 {
        ReconcileStatus::Differences
    } else if counts.missing > 0 {
        ReconcileStatus::ActualsMissing
    } else {
        ReconcileStatus::Match
    }
}

/// 「111111 9:00〜10:00 250単位 × 1回」 (日割: with the days).
fn line_text(l: &UsageLine) -> String {
    let base = format!("{} {} {}単位 × {}回", l.code, l.time, l.units, l.count);
    match l.pro_rata {
        Some(mask) => format!("{base}（日割対象日 {}）", mask_label(mask)),
        None => base,
    }
}

/// 「4月8日（火）」.
fn weekday_label(date: u32) -> String {
    let weekday = time::Month::try_from(u8::try_from(date / 100 % 100).unwrap_or(0))
        .ok()
        .and_then(|m| {
            time::Date::from_calendar_date(
                i32::try_from(date / 10_000).unwrap_or(0),
                m,
                u8::try_from(date % 100).unwrap_or(0),
            )
            .ok()
        })
        .map(|d| {
            ["月", "火", "水", "木", "金", "土", "日"]
                [usize::from(d.weekday().number_days_from_monday())]
        });
    match weekday {
        Some(w) => format!("{}（{w}）", day_label(date)),
        None => day_label(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_carry_their_weekday() {
        assert_eq!(weekday_label(20250408), "4月8日（火）");
    }

    #[test]
    fn a_partner_with_unplanned_actuals_needs_action() {
        let counts = StatusCounts {
            matched: 3,
            unplanned: 1,
            ..StatusCounts::default()
        };
        assert_eq!(partner_status(&counts), ReconcileStatus::Differences);
        let waiting = StatusCounts {
            matched: 3,
            missing: 1,
            ..StatusCounts::default()
        };
        assert_eq!(partner_status(&waiting), ReconcileStatus::ActualsMissing);
    }
}
