//! `Form<T>`: a urlencoded form body that must be valid UTF-8 with fields of sane length.
//! axum's own `Form` silently replaces broken bytes; staff deserve to hear that their text could
//! not be read, and the database must never store U+FFFD garbage.

use super::page_error::PageError;
use app::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use percent_encoding::percent_decode;
use serde::de::DeserializeOwned;

/// Longest field accepted (characters).
pub const MAX_FIELD_CHARS: usize = 2_000;

/// A decoded form.
#[derive(Debug)]
pub struct Form<T>(pub T);

/// Decodes `application/x-www-form-urlencoded` strictly: invalid UTF-8 or an over-long field is
/// a `BadRequest` with a Japanese message; nothing else is looked at.
pub fn decode_pairs(body: &[u8]) -> Result<Vec<(String, String)>, AppError> {
    let mut pairs = Vec::new();
    for part in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let mut kv = part.splitn(2, |b| *b == b'=');
        let key = decode_component(kv.next().unwrap_or_default())?;
        let value = decode_component(kv.next().unwrap_or_default())?;
        if value.chars().count() > MAX_FIELD_CHARS {
            return Err(AppError::BadRequest(format!(
                "入力された文字が長すぎます。各項目は{MAX_FIELD_CHARS}文字以内で入力してください。"
            )));
        }
        pairs.push((key, value));
    }
    Ok(pairs)
}

fn decode_component(raw: &[u8]) -> Result<String, AppError> {
    let plus_as_space: Vec<u8> = raw
        .iter()
        .map(|b| if *b == b'+' { b' ' } else { *b })
        .collect();
    percent_decode(&plus_as_space)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| AppError::BadRequest("送信された文字を読み取れませんでした。文字化けしていないか確認して、もう一度入力してください。".into()))
}

impl<T, S> FromRequest<S> for Form<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = PageError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::BadRequest("送信された内容が大きすぎます。".into()))?;
        let pairs = decode_pairs(&bytes)?;
        let map: serde_json::Map<String, serde_json::Value> = pairs
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .collect();
        let value = serde_json::from_value(serde_json::Value::Object(map))
            .map_err(|_| AppError::BadRequest("送信された内容を読み取れませんでした。".into()))?;
        Ok(Self(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoded_japanese_and_plus_signs_decode() {
        let pairs = decode_pairs(b"name=%E5%B1%B1%E7%94%B0+%E5%A4%AA%E9%83%8E&x=1").unwrap();
        assert_eq!(
            pairs,
            [
                ("name".into(), "山田 太郎".into()),
                ("x".into(), "1".into())
            ]
        );
    }

    #[test]
    fn shift_jis_bytes_are_refused_not_garbled() {
        // 「山」 in Shift_JIS is 0x8E 0x52: not UTF-8.
        assert_eq!(
            decode_pairs(b"name=%8E%52").unwrap_err().code(),
            "bad_request"
        );
    }

    #[test]
    fn an_over_long_field_is_refused() {
        let body = format!("name={}", "a".repeat(MAX_FIELD_CHARS + 1));
        assert_eq!(
            decode_pairs(body.as_bytes()).unwrap_err().code(),
            "bad_request"
        );
    }
}
