//! What a form post hands to the page it redirects to (post/redirect/get without JavaScript).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A field error: the input's id and the message (UI.md §8: same words in summary and field).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The `id`/`name` of the input the summary links to.
    pub field: String,
    /// What to do, in Japanese.
    pub message: String,
}

/// One-shot data kept in the session between a POST and the GET it redirects to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    /// Errors of the form that was posted.
    pub errors: Vec<FieldError>,
    /// What the user typed (never passwords), so fields keep it.
    pub values: BTreeMap<String, String>,
    /// A success message for the banner (「職員を追加しました」).
    pub notice: Option<String>,
}

impl Flash {
    /// A success banner.
    pub fn notice(message: impl Into<String>) -> Self {
        Self {
            notice: Some(message.into()),
            ..Self::default()
        }
    }
    /// The error for one field, if any.
    pub fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
    /// What the user typed into one field.
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
}
