//! The chain rules, pure: given every entry of one person's document chain between two
//! offices (versions and deletions, in any arrival order), which version is 最新, which are
//! 更新済, 旧計画 or 取消, and what 版 n/m each one is.
//!
//! - Order is the ファイル連番 (spec.md §4.4: process by 連番), then deletions before versions
//!   with the same 連番, then arrival time: an older 連番 arriving late never becomes 最新.
//! - A series is one version key (作成日 or 対象年月, plus the provider for 実績); within a series
//!   the last live version is 最新 and the earlier live ones are 更新済 (spec.md §4.3).
//! - A deletion withdraws (取消) the versions of its series that come before it (spec.md §4.2);
//!   versions after it are untouched. A deletion that withdrew nothing names a key never received.
//! - For dated documents (plans, 予防計画, 基本情報) a newer 計画作成(変更)日 is a new plan: the
//!   live series with the newest date is current, the latest versions of the others are 旧計画.

use std::cmp::Ordering;

/// Whether an entry is a version or a deletion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A record set (a version).
    Upsert,
    /// A DLT* file's key.
    Delete,
}

impl Action {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Upsert => "upsert",
            Self::Delete => "delete",
        }
    }

    /// From the stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "upsert" => Some(Self::Upsert),
            "delete" => Some(Self::Delete),
            _ => None,
        }
    }
}

/// The state of a chain entry (stored in `doc_version.state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    /// 最新: the newest live version of its key (and, for plans, of the current plan).
    Latest,
    /// 更新済: a newer version with the same key exists.
    Superseded,
    /// 旧計画: the newest version of a plan whose 作成(変更)日 was followed by a newer plan.
    OldPlan,
    /// 取消: withdrawn by a deletion file.
    Withdrawn,
    /// The deletion itself.
    Deletion,
}

impl State {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Latest => "latest",
            Self::Superseded => "superseded",
            Self::OldPlan => "old_plan",
            Self::Withdrawn => "withdrawn",
            Self::Deletion => "deletion",
        }
    }

    /// From the stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::Latest,
            Self::Superseded,
            Self::OldPlan,
            Self::Withdrawn,
            Self::Deletion,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// One entry of a chain, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Row id (the tie-breaker of last resort, so the order is total).
    pub id: String,
    /// 作成日 / 相談日 (YYYYMMDD) or 対象年月 (YYYYMM).
    pub anchor: String,
    /// 実績's provider, else empty.
    pub provider: String,
    /// Version or deletion.
    pub action: Action,
    /// ファイル連番.
    pub stamp: String,
    /// When it was sent (Unix ms): the arrival order within one 連番.
    pub sent_at: i64,
}

/// What the chain makes of one entry; indices point into the input slice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// Its state.
    pub state: State,
    /// 版 n (1-based, among the versions of its series); 0 for deletions.
    pub version_no: i64,
    /// m: versions in its series.
    pub version_count: i64,
    /// The version that replaces it (series latest, or the current plan), if it is not current.
    pub latest: Option<usize>,
    /// The previous version of the same document (for the diff).
    pub previous: Option<usize>,
    /// The deletion that withdrew it.
    pub withdrawn_by: Option<usize>,
    /// For deletions: how many versions it withdrew.
    pub withdrew: i64,
}

fn order(a: &Entry, b: &Entry) -> Ordering {
    let rank = |e: &Entry| match e.action {
        Action::Delete => 0,
        Action::Upsert => 1,
    };
    (a.stamp.as_str(), rank(a), a.sent_at, a.id.as_str()).cmp(&(
        b.stamp.as_str(),
        rank(b),
        b.sent_at,
        b.id.as_str(),
    ))
}

/// Resolves one chain: all entries of one entity for one person between two offices.
/// `dated`: the anchors are plan dates, and the newest live one is the current plan.
pub fn resolve(entries: &[Entry], dated: bool) -> Vec<Resolved> {
    let mut out: Vec<Resolved> = entries
        .iter()
        .map(|e| Resolved {
            state: if e.action == Action::Delete {
                State::Deletion
            } else {
                State::Superseded
            },
            version_no: 0,
            version_count: 0,
            latest: None,
            previous: None,
            withdrawn_by: None,
            withdrew: 0,
        })
        .collect();
    let mut sorted: Vec<usize> = (0..entries.len()).collect();
    sorted.sort_by(|&a, &b| order(&entries[a], &entries[b]));

    // Series in order of first appearance: (anchor, provider) → indices in chain order.
    let mut series: Vec<((&str, &str), Vec<usize>)> = Vec::new();
    for &i in &sorted {
        let key = (entries[i].anchor.as_str(), entries[i].provider.as_str());
        match series.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => series.push((key, vec![i])),
        }
    }

    // Within each series: withdrawals, numbering, the series latest.
    let mut series_latest: Vec<(&str, usize)> = Vec::new();
    for ((anchor, _), members) in &series {
        let mut live: Vec<usize> = Vec::new();
        let mut n = 0;
        for &i in members {
            match entries[i].action {
                Action::Delete => {
                    for &w in &live {
                        out[w].state = State::Withdrawn;
                        out[w].withdrawn_by = Some(i);
                    }
                    out[i].withdrew = i64::try_from(live.len()).unwrap_or(i64::MAX);
                    live.clear();
                }
                Action::Upsert => {
                    n += 1;
                    out[i].version_no = n;
                    live.push(i);
                }
            }
        }
        for &i in members {
            if entries[i].action == Action::Upsert {
                out[i].version_count = n;
            }
        }
        if let Some(&last) = live.last() {
            out[last].state = State::Latest;
            series_latest.push((anchor, last));
            for &w in &live[..live.len() - 1] {
                out[w].latest = Some(last);
            }
        }
    }

    // Dated documents: only the newest plan date is current.
    if dated {
        let current = series_latest
            .iter()
            .max_by(|a, b| {
                a.0.cmp(b.0)
                    .then_with(|| order(&entries[a.1], &entries[b.1]))
            })
            .map(|&(_, i)| i);
        for (i, entry) in entries.iter().enumerate() {
            if entry.action != Action::Upsert || Some(i) == current {
                continue;
            }
            if out[i].state == State::Latest {
                out[i].state = State::OldPlan;
            }
            out[i].latest = current;
        }
    }

    // The previous version of the same document: by 連番 over the whole chain for dated
    // documents (a new plan is compared with the plan before it), within the series otherwise.
    let mut last_seen: Vec<((&str, &str), usize)> = Vec::new();
    let mut last_any: Option<usize> = None;
    for &i in &sorted {
        if entries[i].action != Action::Upsert {
            continue;
        }
        let key = (entries[i].anchor.as_str(), entries[i].provider.as_str());
        out[i].previous = if dated {
            last_any
        } else {
            last_seen.iter().find(|(k, _)| *k == key).map(|&(_, p)| p)
        };
        last_any = Some(i);
        match last_seen.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = i,
            None => last_seen.push((key, i)),
        }
    }
    out
}

#[cfg(test)]
#[path = "chain_tests.rs"]
mod tests;
