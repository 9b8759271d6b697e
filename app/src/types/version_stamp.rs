//! 版の表示: what a shown or printed version of a document says about itself.

use serde::{Deserialize, Serialize};

/// 版の表示 (version stamp) of one document version: 作成日, 受信日時, 版 n/m and whether it is
/// the latest. The exchange fills what a delivery knows (作成日 from the record, 受信日時 from the
/// send); the version chain fills 版 and 最新. Unknown parts stay `None` and are not shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionStamp {
    /// 作成日 of the record as written in the file (`YYYYMMDD`).
    pub created_on: Option<String>,
    /// 受信日時 (Unix ms): when the delivery carrying this version arrived.
    pub received_at_ms: Option<i64>,
    /// 版 n: this version's position in its chain, from 1.
    pub version_no: Option<u32>,
    /// 版 …/m: how many versions the chain has.
    pub version_count: Option<u32>,
    /// `Some(true)` 最新, `Some(false)` replaced by a newer version (旧版), `None` unknown.
    pub is_latest: Option<bool>,
    /// Where the latest version can be opened, when this one is replaced.
    pub latest_url: Option<String>,
}

impl VersionStamp {
    /// True when a newer version replaces this one.
    pub fn is_superseded(&self) -> bool {
        self.is_latest == Some(false)
    }

    /// 「版 2/3」, 「版 2」 or nothing.
    pub fn version_label(&self) -> Option<String> {
        match (self.version_no, self.version_count) {
            (Some(n), Some(m)) => Some(format!("版 {n}/{m}")),
            (Some(n), None) => Some(format!("版 {n}")),
            _ => None,
        }
    }

    /// 「最新」, 「旧版」 or nothing when unknown.
    pub fn status_label(&self) -> Option<&'static str> {
        self.is_latest
            .map(|latest| if latest { "最新" } else { "旧版" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_names_its_version_and_state_only_when_known() {
        let unknown = VersionStamp::default();
        assert_eq!(unknown.version_label(), None);
        assert_eq!(unknown.status_label(), None);
        assert!(!unknown.is_superseded());
        let old = VersionStamp {
            version_no: Some(2),
            version_count: Some(3),
            is_latest: Some(false),
            ..VersionStamp::default()
        };
        assert_eq!(old.version_label().as_deref(), Some("版 2/3"));
        assert_eq!(old.status_label(), Some("旧版"));
        assert!(old.is_superseded());
    }
}
