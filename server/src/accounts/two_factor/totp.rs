//! TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of skew) through `totp-rs`,
//! the otpauth URL as an SVG QR code, and recovery codes.

use crate::clock::Millis;
use crate::error::{InfraError, InfraResult};
use qrcodegen::{QrCode, QrCodeEcc};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

const STEP_SECONDS: u64 = 30;
const ISSUER: &str = "ケアプラン連携ポータル";

/// A new 160-bit secret, base32.
pub fn new_secret() -> String {
    match Secret::generate_secret().to_encoded() {
        Secret::Encoded(s) => s,
        Secret::Raw(_) => String::new(),
    }
}

fn totp(secret: &str, account: &str) -> InfraResult<TOTP> {
    let bytes = Secret::Encoded(secret.to_string())
        .to_bytes()
        .map_err(|_| InfraError::Corrupt("totp secret".into()))?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECONDS,
        bytes,
        Some(ISSUER.to_string()),
        account.replace(':', " "),
    )
    .map_err(|_| InfraError::Corrupt("totp parameters".into()))
}

/// The time step of `now`.
pub fn step_of(now: Millis) -> i64 {
    now.max(0) / 1000 / 30
}

/// The step a 6-digit code matches (now, one before or one after), if any. The caller refuses
/// steps at or before the last one used (replay).
pub fn matching_step(
    secret: &str,
    account: &str,
    code: &str,
    now: Millis,
) -> InfraResult<Option<i64>> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let totp = totp(secret, account)?;
    let current = step_of(now);
    for step in [current - 1, current, current + 1] {
        let time = u64::try_from(step.max(0)).unwrap_or(0) * STEP_SECONDS;
        let expected = totp.generate(time);
        // Compare without an early exit on the first differing digit.
        let same = expected
            .bytes()
            .zip(code.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
        if same {
            return Ok(Some(step));
        }
    }
    Ok(None)
}

/// otpauth URL and its QR code as an SVG `data:` URI (allowed by the CSP's `img-src data:`).
pub fn enrolment(secret: &str, account: &str) -> InfraResult<(String, String)> {
    let url = totp(secret, account)?.get_url();
    let qr = QrCode::encode_text(&url, QrCodeEcc::Medium)
        .map_err(|_| InfraError::Corrupt("otpauth url too long".into()))?;
    let svg = to_svg(&qr, 4);
    use base64::Engine;
    let uri = format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    );
    Ok((url, uri))
}

fn to_svg(qr: &QrCode, border: i32) -> String {
    let size = qr.size() + border * 2;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    )
}

/// The secret grouped by four for typing (手入力用のキー).
pub fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

const CODE_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Ten recovery codes like `k7m2p-x9qrt` (50 bits each; letters that look alike left out).
pub fn new_recovery_codes() -> Vec<String> {
    (0..10)
        .map(|_| {
            let bytes: [u8; 10] = rand::random();
            let chars: String = bytes
                .iter()
                .map(|b| char::from(CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()]))
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// SHA-256 of a recovery code as typed (case, spaces and hyphens ignored).
pub fn hash_recovery_code(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    hex::encode(Sha256::digest(normal.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_6238_sha1_vector_matches_at_its_step() {
        // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits);
        // the 6-digit code is its last six digits.
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assert_eq!(
            matching_step(secret, "x", "287082", 59_000).unwrap(),
            Some(1)
        );
        assert_eq!(matching_step(secret, "x", "287083", 59_000).unwrap(), None);
        assert_eq!(matching_step(secret, "x", "28708", 59_000).unwrap(), None);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_hash_the_same_however_typed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        assert_eq!(
            codes.iter().collect::<std::collections::HashSet<_>>().len(),
            10
        );
        assert_eq!(
            hash_recovery_code(&codes[0]),
            hash_recovery_code(&codes[0].to_uppercase().replace('-', " "))
        );
    }

    #[test]
    fn the_qr_code_is_an_svg_data_uri_of_the_otpauth_url() {
        let secret = new_secret();
        let (url, uri) = enrolment(&secret, "sakura-admin").unwrap();
        assert!(url.starts_with("otpauth://totp/"), "{url}");
        assert!(url.contains(&format!("secret={secret}")));
        assert!(uri.starts_with("data:image/svg+xml;base64,"));
    }
}
