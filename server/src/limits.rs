//! Rate limits and login lockout, counted in the `rate_limit_event` table so that they survive
//! a restart and hold across several server instances. A limit is "at most `max` events of a
//! bucket in the last `window`"; buckets are `<limit name>:<key>` (an IP, a user id).

use crate::clock::Millis;
use crate::db::Db;
use crate::error::InfraResult;
use sqlx::AnyConnection;

/// One limit.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// Bucket prefix.
    pub name: &'static str,
    /// Events allowed in the window.
    pub max: i64,
    /// Window length.
    pub window_ms: Millis,
}

const MINUTE: Millis = 60_000;

/// Failed logins per account (or per typed login id when there is no such account): the 10th
/// failure in 15 minutes locks logins for 15 minutes and mails the user.
pub const LOGIN_FAILURES: Limit = Limit {
    name: "login_fail",
    max: 10,
    window_ms: 15 * MINUTE,
};
/// The lock itself: while a `login_lock` event is younger than 15 minutes, logins to that
/// account are refused without checking the password.
pub const LOGIN_LOCK: Limit = Limit {
    name: "login_lock",
    max: 1,
    window_ms: 15 * MINUTE,
};
/// Wrong second-step codes per account: the 5th in 15 minutes locks like failed passwords.
pub const TOTP_FAILURES: Limit = Limit {
    name: "totp_fail",
    max: 5,
    window_ms: 15 * MINUTE,
};
/// Failed logins per client IP (an office shares one address, so this is generous).
pub const LOGIN_IP: Limit = Limit {
    name: "login_ip",
    max: 50,
    window_ms: 15 * MINUTE,
};
/// Password-reset requests per client IP.
pub const RESET_IP: Limit = Limit {
    name: "reset_ip",
    max: 10,
    window_ms: 15 * MINUTE,
};
/// Reset mails per account (further requests answer the same and send nothing).
pub const RESET_ACCOUNT: Limit = Limit {
    name: "reset_user",
    max: 3,
    window_ms: 60 * MINUTE,
};
/// Invitations, resends and admin-triggered resets per client IP.
pub const INVITE_IP: Limit = Limit {
    name: "invite_ip",
    max: 30,
    window_ms: 60 * MINUTE,
};
/// Admin-triggered reset mails per staff member.
pub const ADMIN_RESET: Limit = Limit {
    name: "admin_reset",
    max: 3,
    window_ms: 60 * MINUTE,
};
/// Link submissions with an unknown or dead token, per client IP (guessing links).
pub const TOKEN_IP: Limit = Limit {
    name: "token_ip",
    max: 20,
    window_ms: 15 * MINUTE,
};

/// Rows older than this are deleted by [`prune`] (longer than any window).
const KEEP_MS: Millis = 24 * 60 * MINUTE;

impl Limit {
    fn bucket(&self, key: &str) -> String {
        format!(
            "{}:{}",
            self.name,
            key.chars().take(200).collect::<String>()
        )
    }

    /// Events in the window ending at `now`.
    pub async fn count(
        &self,
        conn: &mut AnyConnection,
        key: &str,
        now: Millis,
    ) -> InfraResult<i64> {
        let (count,): (i64,) = sqlx::query_as(
            "select count(*) from rate_limit_event where bucket = $1 and occurred_at > $2",
        )
        .bind(self.bucket(key))
        .bind(now - self.window_ms)
        .fetch_one(conn)
        .await?;
        Ok(count)
    }

    /// True when the limit is reached (the next event would exceed it).
    pub async fn exceeded(
        &self,
        conn: &mut AnyConnection,
        key: &str,
        now: Millis,
    ) -> InfraResult<bool> {
        Ok(self.count(conn, key, now).await? >= self.max)
    }

    /// Counts one event.
    pub async fn record(
        &self,
        conn: &mut AnyConnection,
        key: &str,
        now: Millis,
    ) -> InfraResult<()> {
        sqlx::query("insert into rate_limit_event (bucket, occurred_at) values ($1, $2)")
            .bind(self.bucket(key))
            .bind(now)
            .execute(conn)
            .await?;
        Ok(())
    }

    /// Counts one event unless the limit is reached; false when refused.
    pub async fn try_acquire(
        &self,
        conn: &mut AnyConnection,
        key: &str,
        now: Millis,
    ) -> InfraResult<bool> {
        if self.exceeded(conn, key, now).await? {
            return Ok(false);
        }
        self.record(conn, key, now).await?;
        Ok(true)
    }

    /// Forgets a bucket (a successful login clears its failures).
    pub async fn clear(&self, conn: &mut AnyConnection, key: &str) -> InfraResult<()> {
        sqlx::query("delete from rate_limit_event where bucket = $1")
            .bind(self.bucket(key))
            .execute(conn)
            .await?;
        Ok(())
    }
}

/// Deletes events older than any window.
pub async fn prune(db: &Db, now: Millis) -> InfraResult<()> {
    sqlx::query("delete from rate_limit_event where occurred_at < $1")
        .bind(now - KEEP_MS)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The message for a refused request (429).
pub const TOO_MANY: &str =
    "短い時間に操作が繰り返されたため、受け付けを一時的に止めています。しばらく待ってから、もう一度お試しください。";
