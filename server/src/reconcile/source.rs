//! The data source of 予実突合, and its one seam: which versions count. From the deliveries
//! between the office and each partner it takes, per person × month × partner, the latest
//! `UPPLAN` the office sent and the latest `UPJSK` the partner sent, ordered by ファイル連番
//! then sending time (an older 連番 arriving later never wins, spec.md §4.4), and honours
//! `DLTPLAN` (which also removes the 第7表) and `DLTJSK` (for the partner's own 事業所番号 and
//! サービス種類, §4.2). The 第7表 counts only from the 予定's own send unit; names come from the
//! latest 利用者補足. [`super::load`] reads the chosen files; everything else in `reconcile`
//! only sees its [`super::load::Loaded`].

use super::keys::{PersonKey, Provider};
use crate::db::OfficeTx;
use crate::error::InfraResult;
use app::types::PersonRef;
use sqlx::FromRow;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A standard file of the month sent to or received from a partner.
#[derive(Clone, Debug, FromRow)]
pub struct DocRow {
    pub delivery_id: String,
    pub sent_at: i64,
    pub partner_id: String,
    pub partner_name: String,
    pub partner_number: String,
    pub partner_type: String,
    pub sent_by: String,
    pub sent_by_name: String,
    pub file_id: String,
    pub kind: String,
    pub send_stamp: Option<String>,
    pub persons_json: String,
    pub warning_count: i64,
    pub storage_key: String,
}

/// The month's 予定, 第7表, 補足, deletions sent by the office and 実績 received by it.
pub async fn month_rows(tx: &mut OfficeTx, month: &str) -> InfraResult<Vec<DocRow>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select d.delivery_id, d.sent_at, p.office_id as partner_id, p.name as partner_name,
                p.office_number as partner_number, p.service_type as partner_type,
                d.sent_by, s.display_name as sent_by_name, f.file_id, f.kind, f.send_stamp, f.persons_json,
                f.warning_count, b.storage_key
           from delivery d
           join delivery_file df on df.delivery_id = d.delivery_id
           join stored_file f on f.file_id = df.file_id
           join blob b on b.sha256 = f.sha256
           join staff_account s on s.user_id = d.sent_by
           join office p on p.office_id = case when d.from_office_id = $1 then d.to_office_id else d.from_office_id end
          where f.target_month = $2
            and ((d.from_office_id = $1 and f.kind in ('UPPLAN', 'DLTPLAN', 'UPSIKYU', 'UPHOSOKU'))
              or (d.to_office_id = $1 and f.kind in ('UPJSK', 'DLTJSK')))",
    )
    .bind(&office)
    .bind(month)
    .fetch_all(tx.conn())
    .await?)
}

/// A partner office of the month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    /// Its id.
    pub office_id: String,
    /// 事業所名.
    pub name: String,
    /// 事業所番号 + サービス種類.
    pub provider: Provider,
}

/// Where a chosen version came from (for the pages: 担当, dates, links).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The delivery.
    pub delivery_id: String,
    /// When it was sent.
    pub sent_at: i64,
    /// Who sent it (user id).
    pub sent_by: String,
    /// Who sent it.
    pub sent_by_name: String,
    /// Warnings the file had when it was sent.
    pub warnings: i64,
}

/// The versions that count for one person with one partner (indices into [`Choice::docs`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chosen {
    /// Index into the partners.
    pub partner: usize,
    /// 利用者.
    pub person: PersonKey,
    /// Latest live 予定.
    pub plan: Option<usize>,
    /// 第7表 of the same send unit.
    pub detail: Option<usize>,
    /// Latest live 実績.
    pub actual: Option<usize>,
}

/// What [`choose`] decided.
#[derive(Clone, Debug, Default)]
pub struct Choice {
    /// Partners, ordered by name.
    pub partners: Vec<Partner>,
    /// One per person × partner with a live 予定 or 実績, ordered by partner then person.
    pub chosen: Vec<Chosen>,
    /// 氏名 and フリガナ per person, from the latest 利用者補足.
    pub names: HashMap<PersonKey, (Option<String>, Option<String>)>,
    /// The rows the indices point at.
    pub docs: Vec<DocRow>,
}

fn persons(row: &DocRow) -> Vec<PersonRef> {
    serde_json::from_str(&row.persons_json).unwrap_or_default()
}

pub(super) fn person_keys(row: &DocRow) -> Vec<PersonKey> {
    persons(row)
        .iter()
        .filter_map(|p| PersonKey::new(&p.insurer, &p.insured))
        .collect()
}

fn order(row: &DocRow) -> (Option<&str>, i64, &str) {
    (row.send_stamp.as_deref(), row.sent_at, &row.delivery_id)
}

/// The latest event of a chain: `Some(Some(doc))` an upload, `Some(None)` a deletion.
type Event = Option<Option<usize>>;

/// A 第7表 doc of a send unit with the persons it holds.
type DetailDoc = (usize, HashSet<PersonKey>);

/// Picks the versions. `deleted` gives, for a `DLTJSK` row, the persons it deletes for its
/// own partner (read from the file); other rows use their persons list.
pub fn choose(docs: Vec<DocRow>, deleted: &HashMap<String, Vec<PersonKey>>) -> Choice {
    let mut order_idx: Vec<usize> = (0..docs.len()).collect();
    order_idx.sort_by(|&a, &b| order(&docs[a]).cmp(&order(&docs[b])));
    let mut partner_ids: Vec<(String, String, Option<Provider>)> = docs
        .iter()
        .map(|d| {
            (
                d.partner_name.clone(),
                d.partner_id.clone(),
                Provider::new(&d.partner_number, &d.partner_type),
            )
        })
        .collect();
    partner_ids.sort();
    partner_ids.dedup();
    let partners: Vec<Partner> = partner_ids
        .into_iter()
        .filter_map(|(name, office_id, provider)| {
            Some(Partner {
                office_id,
                name,
                provider: provider?,
            })
        })
        .collect();
    let index: HashMap<&str, usize> = partners
        .iter()
        .enumerate()
        .map(|(i, p)| (p.office_id.as_str(), i))
        .collect();
    // (partner, person) → (latest 予定 event, latest 実績 event); Some(i) = upload, None = deleted.
    let mut chains: BTreeMap<(usize, PersonKey), (Event, Event)> = BTreeMap::new();
    let mut names = HashMap::new();
    // 第7表 by send unit (delivery, ファイル連番), with the persons each holds.
    let mut details: HashMap<(&str, Option<&str>), Vec<DetailDoc>> = HashMap::new();
    for &i in &order_idx {
        let doc = &docs[i];
        let Some(&partner) = index.get(doc.partner_id.as_str()) else {
            continue;
        };
        let keys: Vec<PersonKey> = match deleted.get(&doc.file_id) {
            Some(keys) => keys.clone(),
            None => person_keys(doc),
        };
        let side = match doc.kind.as_str() {
            "UPPLAN" => Some((true, Some(i))),
            "DLTPLAN" => Some((true, None)),
            "UPJSK" => Some((false, Some(i))),
            "DLTJSK" => Some((false, None)),
            _ => None,
        };
        if let Some((is_plan, event)) = side {
            for person in keys {
                let slot = chains.entry((partner, person)).or_default();
                if is_plan {
                    slot.0 = Some(event);
                } else {
                    slot.1 = Some(event);
                }
            }
        } else if doc.kind == "UPSIKYU" {
            details
                .entry((doc.delivery_id.as_str(), doc.send_stamp.as_deref()))
                .or_default()
                .push((i, keys.into_iter().collect()));
        } else if doc.kind == "UPHOSOKU" {
            for p in persons(doc) {
                if let Some(key) = PersonKey::new(&p.insurer, &p.insured) {
                    if p.name.is_some() || p.kana.is_some() {
                        names.insert(key, (p.name, p.kana));
                    }
                }
            }
        }
    }
    // The 第7表 sent in the same delivery with the same ファイル連番 as the 予定, holding the
    // person.
    let same_unit_detail = |plan: usize, person: PersonKey| {
        let p = docs.get(plan)?;
        let unit = details.get(&(p.delivery_id.as_str(), p.send_stamp.as_deref()))?;
        unit.iter()
            .find(|(_, persons)| persons.contains(&person))
            .map(|(i, _)| *i)
    };
    let chosen = chains
        .into_iter()
        .filter_map(|((partner, person), (plan, actual))| {
            let plan = plan.flatten();
            let actual = actual.flatten();
            if plan.is_none() && actual.is_none() {
                return None;
            }
            let detail = plan.and_then(|p| same_unit_detail(p, person));
            Some(Chosen {
                partner,
                person,
                plan,
                detail,
                actual,
            })
        })
        .collect();
    Choice {
        partners,
        chosen,
        names,
        docs,
    }
}

#[cfg(test)]
#[path = "source_tests.rs"]
mod tests;
