//! Typed identifiers. Two kinds of id can never be swapped by accident.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh id: time-ordered (UUID version 7), so the rows made one after another
            /// land side by side in every index that starts with it (`server::db::new_row_id`).
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
            /// The inner UUID.
            pub fn get(self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl From<Uuid> for $name {
            fn from(value: Uuid) -> Self {
                Self(value)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

uuid_id!(
    /// 法人: the tenant that owns offices and employs staff.
    OrganisationId
);
uuid_id!(
    /// 事業所: one office (an organisation may own many).
    OfficeId
);
uuid_id!(
    /// 職員: one staff account.
    UserId
);
uuid_id!(
    /// 送信 (a draft until confirmed).
    OutgoingId
);
uuid_id!(
    /// One delivery: a send's files for one destination office.
    DeliveryId
);
uuid_id!(
    /// One stored file.
    FileId
);
uuid_id!(
    /// 版: one version (or deletion) in a document chain.
    VersionId
);
