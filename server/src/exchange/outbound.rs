//! One delivery of a send as it will be written: everything about it that follows from its
//! files alone, worked out before the send's write transaction (which on SQLite holds the one
//! write lock), so that the transaction only reads and writes rows.

use super::drafts::Planned;
use super::view;
use crate::versions::build::{drafts_of, Tables};
use crate::versions::extract::Draft;
use app::types::{DeliveryId, PersonRef};

/// A delivery to one destination office.
pub(super) struct Outbound {
    pub(super) delivery: DeliveryId,
    pub(super) to_office: String,
    pub(super) office_name: String,
    /// Persons in its files, in file order (repeats allowed).
    pub(super) persons: Vec<PersonRef>,
    pub(super) file_ids: Vec<String>,
    /// File kinds, as the lists filter them (separated by spaces).
    pub(super) kinds: String,
    /// 対象年月 (separated by spaces).
    pub(super) months: String,
    pub(super) persons_label: String,
    /// The label and each person's names and numbers, for the lists' search.
    pub(super) persons_text: String,
    /// What it adds to the version chains.
    pub(super) drafts: Vec<Draft>,
}

impl Outbound {
    /// The delivery of `files` (planned, sendable, all for `to_office`, in import order).
    pub(super) fn of(to_office: &str, files: &[&Planned], tables: &Tables) -> Self {
        let persons: Vec<PersonRef> = files.iter().flat_map(|p| p.file.persons.clone()).collect();
        let mut kinds: Vec<&str> = files.iter().map(|p| p.row.kind.as_str()).collect();
        kinds.dedup();
        let mut months: Vec<&str> = files
            .iter()
            .filter_map(|p| p.row.target_month.as_deref())
            .collect();
        months.sort_unstable();
        months.dedup();
        let search: Vec<String> = persons
            .iter()
            .map(|p| {
                format!(
                    "{} {} {} {}",
                    p.name.as_deref().unwrap_or_default(),
                    p.kana.as_deref().unwrap_or_default(),
                    p.insurer,
                    p.insured
                )
            })
            .collect();
        let persons_label = view::persons_label(&persons);
        let rows: Vec<&super::store::FileRow> = files.iter().map(|p| &p.row).collect();
        Self {
            delivery: DeliveryId::new(),
            to_office: to_office.to_string(),
            office_name: files
                .first()
                .and_then(|p| p.destination.as_ref())
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            file_ids: files.iter().map(|p| p.row.file_id.clone()).collect(),
            kinds: kinds.join(" "),
            months: months.join(" "),
            persons_text: format!("{persons_label}\n{}", search.join("\n")),
            persons_label,
            drafts: drafts_of(&rows, tables),
            persons,
        }
    }
}
