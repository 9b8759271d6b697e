//! Password hashing: argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1). Hashing runs on
//! the blocking pool; an unknown account is checked against a fixed dummy hash so that both
//! answers take the same time.

use crate::error::{InfraError, InfraResult};
use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};

/// Memory cost in KiB.
pub const M_COST_KIB: u32 = 19_456;
/// Iterations.
pub const T_COST: u32 = 2;
/// Lanes.
pub const P_COST: u32 = 1;

fn hasher() -> InfraResult<Argon2<'static>> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None)
        .map_err(|e| InfraError::Hash(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// A secret that never prints (so it cannot reach a log through `Debug`).
#[derive(Clone)]
pub struct Password(String);

impl Password {
    /// Wraps what the user typed, untouched (UI.md §7: passwords are never normalised).
    pub fn new(raw: String) -> Self {
        Self(raw)
    }
    /// Characters typed.
    pub fn char_count(&self) -> usize {
        self.0.chars().count()
    }
    /// The text typed, for the password policy only (never log or store it).
    pub fn expose(&self) -> &str {
        &self.0
    }
    fn bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Hashes a new password to a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub async fn hash(password: Password) -> InfraResult<String> {
    tokio::task::spawn_blocking(move || {
        let hash = hasher()?
            .hash_password(password.bytes())
            .map_err(|e| InfraError::Hash(e.to_string()))?;
        Ok(hash.to_string())
    })
    .await?
}

/// Checks a password against a stored hash, or against the dummy hash when there is no
/// account, so that "no such user" and "wrong password" cost the same.
pub async fn verify(password: Password, stored: Option<String>) -> InfraResult<bool> {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let phc = stored.unwrap_or_else(|| DUMMY_HASH.to_string());
        let ok = hasher()?
            .verify_password(password.bytes(), phc.as_str())
            .is_ok();
        Ok(ok && known)
    })
    .await?
}

/// argon2id hash of a random string nobody knows, with the same parameters as real hashes.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$RTTgmfqA1mDrbG4a0e1M6mf2jO3T1AqIOGbpKLpQn0U";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_use_argon2id_with_the_required_parameters() {
        let phc = hash(Password::new("correct horse battery".into()))
            .await
            .unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
    }

    #[tokio::test]
    async fn the_right_password_verifies_and_a_wrong_one_does_not() {
        let phc = hash(Password::new("correct horse battery".into()))
            .await
            .unwrap();
        assert!(verify(
            Password::new("correct horse battery".into()),
            Some(phc.clone())
        )
        .await
        .unwrap());
        assert!(
            !verify(Password::new("correct horse batterY".into()), Some(phc))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        assert!(!verify(Password::new("anything".into()), None)
            .await
            .unwrap());
    }

    #[test]
    fn the_dummy_hash_has_the_same_cost_as_real_hashes() {
        assert!(DUMMY_HASH.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    #[test]
    fn the_dummy_hash_parses_so_unknown_accounts_cost_a_full_verification() {
        assert!(argon2::PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn debug_never_shows_the_password() {
        assert_eq!(
            format!("{:?}", Password::new("secret".into())),
            "Password(***)"
        );
    }
}
