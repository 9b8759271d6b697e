//! One-time links: 32 random bytes, base64url in the link, SHA-256 (hex) in `account_token`.
//! A token is valid while unused, unrevoked, unexpired and issued at the account's current
//! password version; issuing one revokes the user's earlier ones of any purpose.

use crate::clock::Millis;
use crate::error::{InfraError, InfraResult};
use app::types::UserId;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, FromRow};

/// What a link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// パスワードの再設定.
    PasswordReset,
    /// 招待: the first password.
    Invitation,
}

impl Purpose {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::PasswordReset => "password_reset",
            Self::Invitation => "invitation",
        }
    }
}

/// A freshly made token: the secret (for the mail only) and its hash (for the database).
pub struct NewToken {
    /// base64url of 32 random bytes (256 bits). Never logged, never stored.
    pub secret: String,
    /// SHA-256 of the secret, hex.
    pub hash: String,
}

impl std::fmt::Debug for NewToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewToken(***)")
    }
}

/// Makes a token from the thread-local CSPRNG (ChaCha, seeded by the OS).
pub fn generate() -> NewToken {
    let bytes: [u8; 32] = rand::random();
    let secret = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash(&secret);
    NewToken { secret, hash }
}

/// SHA-256 of what the link carried. A long random secret needs no slow hash: it cannot be
/// guessed, only stolen, and the database never holds it.
pub fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.trim().as_bytes()))
}

/// Stores a token for `user`, revoking their earlier live tokens.
pub async fn issue(
    conn: &mut AnyConnection,
    user: UserId,
    purpose: Purpose,
    password_version: i64,
    now: Millis,
    lifetime_ms: Millis,
) -> InfraResult<NewToken> {
    revoke_all(conn, user, now).await?;
    let token = generate();
    sqlx::query(
        "insert into account_token (token_hash, user_id, purpose, password_version, created_at, expires_at)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&token.hash)
    .bind(user.to_string())
    .bind(purpose.code())
    .bind(password_version)
    .bind(now)
    .bind(now + lifetime_ms)
    .execute(conn)
    .await?;
    Ok(token)
}

/// Ends every live token of a user (new token, password change, withdrawn invitation).
pub async fn revoke_all(conn: &mut AnyConnection, user: UserId, now: Millis) -> InfraResult<()> {
    sqlx::query(
        "update account_token set revoked_at = $1
          where user_id = $2 and used_at is null and revoked_at is null",
    )
    .bind(now)
    .bind(user.to_string())
    .execute(conn)
    .await?;
    Ok(())
}

/// The account behind a valid token.
#[derive(Clone, Debug)]
pub struct TokenOwner {
    /// Account.
    pub user_id: UserId,
    /// 氏名.
    pub display_name: String,
    /// ログインID.
    pub login_id: String,
    /// メールアドレス.
    pub email: String,
    /// Version the token was issued at (= the account's current one).
    pub password_version: i64,
}

#[derive(FromRow)]
struct OwnerRow {
    user_id: String,
    display_name: String,
    login_id: String,
    email: String,
    password_version: i64,
}

/// The owner of a valid token of `purpose`, or `None` (unknown, used, revoked, expired, issued
/// before a password change, or for a disabled account: all look the same).
pub async fn find_valid(
    conn: &mut AnyConnection,
    secret: &str,
    purpose: Purpose,
    now: Millis,
) -> InfraResult<Option<TokenOwner>> {
    let row: Option<OwnerRow> = sqlx::query_as(
        "select s.user_id, s.display_name, s.login_id, s.email, s.password_version
           from account_token t join staff_account s on s.user_id = t.user_id
          where t.token_hash = $1 and t.purpose = $2 and t.used_at is null and t.revoked_at is null
            and t.expires_at > $3 and t.password_version = s.password_version
            and s.disabled_at is null",
    )
    .bind(hash(secret))
    .bind(purpose.code())
    .bind(now)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(TokenOwner {
            user_id: r
                .user_id
                .parse()
                .map_err(|_| InfraError::Corrupt(format!("user id {}", r.user_id)))?,
            display_name: r.display_name,
            login_id: r.login_id,
            email: r.email,
            password_version: r.password_version,
        })
    })
    .transpose()
}

/// Marks a valid token used, atomically: false if it was not valid any more (a second click, a
/// race, a password change in between).
pub async fn consume(
    conn: &mut AnyConnection,
    secret: &str,
    owner: &TokenOwner,
    now: Millis,
) -> InfraResult<bool> {
    let done = sqlx::query(
        "update account_token set used_at = $1
          where token_hash = $2 and user_id = $3 and used_at is null and revoked_at is null
            and expires_at > $1 and password_version = $4",
    )
    .bind(now)
    .bind(hash(secret))
    .bind(owner.user_id.to_string())
    .bind(owner.password_version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_256_random_bits_and_differ() {
        let a = generate();
        let b = generate();
        assert_eq!(URL_SAFE_NO_PAD.decode(&a.secret).unwrap().len(), 32);
        assert_ne!(a.secret, b.secret);
        assert_eq!(a.hash, hash(&a.secret));
        assert_ne!(a.hash, a.secret);
    }

    #[test]
    fn debug_never_shows_the_secret() {
        assert_eq!(format!("{:?}", generate()), "NewToken(***)");
    }
}
