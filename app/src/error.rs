//! `AppError`: the one error users and clients see.

use crate::types::FieldError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Every port method, server fn and handler returns this. `Display` is a Japanese sentence for the
/// user; `code()` a stable snake_case code; `status()` the HTTP status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// Not signed in (or the session ended).
    Unauthenticated,
    /// Signed in, may see the object, may not do this.
    Forbidden,
    /// Does not exist, or belongs to another office (never tell which).
    NotFound,
    /// The request cannot be applied in the current state.
    Conflict(String),
    /// The form has mistakes the user can fix.
    Invalid(Vec<FieldError>),
    /// The request did not come from our own pages (CSRF/Origin check).
    CrossSite,
    /// Too large, too long or not text.
    BadRequest(String),
    /// Too many attempts in a short time (rate limit); the message says to wait.
    RateLimited(String),
    /// A stored file could not be read back (lost from the file store): retrying does not help.
    /// The storage key is in the log under `reference`.
    FileUnavailable {
        /// 参照番号 the user can quote to support.
        reference: String,
    },
    /// Something failed on our side; the cause is in the log under `reference`.
    Internal {
        /// 参照番号 the user can quote to support.
        reference: String,
    },
}

impl AppError {
    /// A conflict with a message for the user.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::Conflict(message.into())
    }
    /// A single-field validation error.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError {
            field: field.to_string(),
            message: message.into(),
        }])
    }
    /// Stable code for clients and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "unauthenticated",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::Conflict(_) => "conflict",
            Self::Invalid(_) => "invalid",
            Self::CrossSite => "cross_site",
            Self::BadRequest(_) => "bad_request",
            Self::RateLimited(_) => "rate_limited",
            Self::FileUnavailable { .. } => "file_unavailable",
            Self::Internal { .. } => "internal",
        }
    }
    /// HTTP status code.
    pub fn status(&self) -> u16 {
        match self {
            Self::Unauthenticated => 401,
            Self::Forbidden | Self::CrossSite => 403,
            Self::NotFound => 404,
            Self::Conflict(_) => 409,
            Self::Invalid(_) => 422,
            Self::BadRequest(_) => 400,
            Self::RateLimited(_) => 429,
            Self::FileUnavailable { .. } | Self::Internal { .. } => 500,
        }
    }
    /// Page heading for the error page.
    pub fn title(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "ログインしてください",
            Self::Forbidden => "この操作を行う権限がありません",
            Self::NotFound => "ページが見つかりません",
            Self::Conflict(_) => "操作を完了できませんでした",
            Self::Invalid(_) => "入力内容を確認してください",
            Self::CrossSite => "この操作を受け付けられませんでした",
            Self::BadRequest(_) => "送信された内容を受け付けられませんでした",
            Self::RateLimited(_) => "しばらくしてからお試しください",
            Self::FileUnavailable { .. } => "ファイルを読み出せませんでした",
            Self::Internal { .. } => "システムエラーが発生しました",
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unauthenticated => f.write_str("ログインしてから、もう一度お試しください。"),
            Self::Forbidden => f.write_str(
                "この操作を行う権限がありません。必要な場合は事業所の管理者にお問い合わせください。",
            ),
            Self::NotFound => f.write_str(
                "お探しのページは見つかりませんでした。アドレスに誤りがないか、ご確認ください。",
            ),
            Self::Conflict(message) | Self::BadRequest(message) | Self::RateLimited(message) => {
                f.write_str(message)
            }
            Self::Invalid(errors) => {
                let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
                f.write_str(&messages.join(" "))
            }
            Self::CrossSite => f.write_str(
                "このポータル以外のページから送信されたため、処理しませんでした。ポータルの画面からもう一度操作してください。",
            ),
            Self::FileUnavailable { reference } => write!(
                f,
                "保管しているファイルを読み出せなかったため、処理できませんでした（参照番号: {reference}）。何も変更していません。繰り返しても解決しないため、この参照番号を事業所の管理者にお伝えください。"
            ),
            Self::Internal { reference } => write!(
                f,
                "システムエラーが発生しました（参照番号: {reference}）。時間をおいてもう一度お試しください。"
            ),
        }
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                Self::BadRequest("送信された内容を読み取れませんでした。".to_string())
            }
            _ => Self::Internal {
                reference: "server-fn".to_string(),
            },
        }
    }
}
