//! SQL of `user_session`: the sessions a person can see and end (ログイン中の端末).

use crate::auth::ClientInfo;
use crate::clock::Millis;
use crate::error::InfraResult;
use app::types::{ActiveSession, UserId};
use sqlx::{AnyConnection, FromRow};

/// Records a new signed-in session.
pub async fn insert(
    conn: &mut AnyConnection,
    handle: &str,
    user: UserId,
    client: &ClientInfo,
    now: Millis,
) -> InfraResult<()> {
    sqlx::query(
        "insert into user_session (session_handle, user_id, created_at, last_seen_at, ip, user_agent)
         values ($1, $2, $3, $3, $4, $5)",
    )
    .bind(handle)
    .bind(user.to_string())
    .bind(now)
    .bind(&client.ip)
    .bind(&client.user_agent)
    .execute(conn)
    .await?;
    Ok(())
}

/// True while the session has not been ended.
pub async fn is_live(conn: &mut AnyConnection, handle: &str) -> InfraResult<bool> {
    let row: Option<(String,)> = sqlx::query_as(
        "select session_handle from user_session where session_handle = $1 and ended_at is null",
    )
    .bind(handle)
    .fetch_optional(conn)
    .await?;
    Ok(row.is_some())
}

/// Notes activity (at most once a minute, like the session itself).
pub async fn touch(
    conn: &mut AnyConnection,
    handle: &str,
    client: &ClientInfo,
    now: Millis,
) -> InfraResult<()> {
    sqlx::query("update user_session set last_seen_at = $1, ip = $2 where session_handle = $3")
        .bind(now)
        .bind(&client.ip)
        .bind(handle)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends one of `user`'s sessions; false if it is not theirs or already ended.
pub async fn end(
    conn: &mut AnyConnection,
    user: UserId,
    handle: &str,
    now: Millis,
) -> InfraResult<bool> {
    let done = sqlx::query(
        "update user_session set ended_at = $1
          where session_handle = $2 and user_id = $3 and ended_at is null",
    )
    .bind(now)
    .bind(handle)
    .bind(user.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends every session of `user` but `keep` (empty to end all); returns how many.
pub async fn end_others(
    conn: &mut AnyConnection,
    user: UserId,
    keep: &str,
    now: Millis,
) -> InfraResult<u64> {
    let done = sqlx::query(
        "update user_session set ended_at = $1
          where user_id = $2 and session_handle <> $3 and ended_at is null",
    )
    .bind(now)
    .bind(user.to_string())
    .bind(keep)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

#[derive(FromRow)]
struct Row {
    session_handle: String,
    created_at: i64,
    last_seen_at: i64,
    ip: String,
    user_agent: String,
}

/// Live sessions of `user` seen since `idle_since` and started since `started_since`, newest first.
pub async fn list(
    conn: &mut AnyConnection,
    user: UserId,
    idle_since: Millis,
    started_since: Millis,
    current: &str,
) -> InfraResult<Vec<ActiveSession>> {
    let rows: Vec<Row> = sqlx::query_as(
        "select session_handle, created_at, last_seen_at, ip, user_agent from user_session
          where user_id = $1 and ended_at is null and last_seen_at >= $2 and created_at >= $3
          order by last_seen_at desc",
    )
    .bind(user.to_string())
    .bind(idle_since)
    .bind(started_since)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ActiveSession {
            current: r.session_handle == current,
            device: device_label(&r.user_agent),
            handle: r.session_handle,
            created_at_ms: r.created_at,
            last_seen_at_ms: r.last_seen_at,
            ip: r.ip,
        })
        .collect())
}

/// 「Windows の Chrome」: browser and system from a User-Agent, roughly; unknown stays visible.
pub fn device_label(user_agent: &str) -> String {
    let ua = user_agent;
    let system = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("CrOS", "Chromebook"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| name);
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| name);
    match (system, browser) {
        (Some(s), Some(b)) => format!("{s} の {b}"),
        (Some(s), None) => s.to_string(),
        (None, Some(b)) => b.to_string(),
        (None, None) if ua.is_empty() => "不明な端末".to_string(),
        (None, None) => ua.chars().take(60).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::device_label;

    #[test]
    fn common_browsers_read_as_system_and_browser() {
        let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
        assert_eq!(device_label(chrome), "Windows の Chrome");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(device_label(iphone), "iPhone の Safari");
        assert_eq!(device_label(""), "不明な端末");
    }
}
