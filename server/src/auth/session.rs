//! `TypedSession`: typed access to the tower-sessions session (stored in the database, so
//! several server instances share it).

use crate::clock::Millis;
use crate::error::InfraResult;
use app::types::{Flash, OfficeId, UserId};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

const LOGIN: &str = "login";
const FLASH: &str = "flash";
const PENDING: &str = "pending_second_step";

/// A correct password waiting for its 2段階認証 code (not signed in yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingLogin {
    /// Who.
    pub user_id: UserId,
    /// The office login would open.
    pub office_id: OfficeId,
    /// Password version at the password step.
    pub password_version: i64,
    /// When the password was checked (the code must follow within 5 minutes).
    pub at: Millis,
    /// Where to go after login.
    pub next: String,
}

/// What a signed-in session remembers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLogin {
    /// Who.
    pub user_id: UserId,
    /// The office chosen for this session.
    pub office_id: OfficeId,
    /// The account's password version at login: a password change ends this session.
    pub password_version: i64,
    /// When the login happened (absolute timeout).
    pub login_at: Millis,
    /// Last request (idle timeout).
    pub last_seen: Millis,
    /// Row in `user_session` (ログイン中の端末); empty for sessions from before it existed.
    #[serde(default)]
    pub handle: String,
}

/// Typed wrapper around the request's session.
#[derive(Clone, Debug)]
pub struct TypedSession(pub Session);

impl TypedSession {
    /// The login, if any.
    pub async fn login(&self) -> InfraResult<Option<SessionLogin>> {
        Ok(self.0.get(LOGIN).await?)
    }

    /// Starts a signed-in session under a new id (no session fixation).
    pub async fn start(&self, login: &SessionLogin) -> InfraResult<()> {
        self.0.cycle_id().await?;
        self.0.insert(LOGIN, login).await?;
        Ok(())
    }

    /// Stores a changed login (office switch, activity).
    pub async fn update(&self, login: &SessionLogin) -> InfraResult<()> {
        Ok(self.0.insert(LOGIN, login).await?)
    }

    /// Ends the session: data removed from the store, cookie cleared.
    pub async fn end(&self) -> InfraResult<()> {
        Ok(self.0.flush().await?)
    }

    /// Remembers a correct password until the second step (under a new session id).
    pub async fn set_pending(&self, pending: &PendingLogin) -> InfraResult<()> {
        self.0.cycle_id().await?;
        self.0.insert(PENDING, pending).await?;
        Ok(())
    }

    /// The pending second step, if any.
    pub async fn pending(&self) -> InfraResult<Option<PendingLogin>> {
        Ok(self.0.get(PENDING).await?)
    }

    /// Forgets the pending second step.
    pub async fn clear_pending(&self) -> InfraResult<()> {
        self.0.remove::<PendingLogin>(PENDING).await?;
        Ok(())
    }

    /// Leaves one-shot data for the next page.
    pub async fn set_flash(&self, flash: &Flash) -> InfraResult<()> {
        Ok(self.0.insert(FLASH, flash).await?)
    }

    /// Takes the one-shot data (it is shown once). Looks before removing: a removal marks the
    /// session changed, and an unchanged session is not written back to the store.
    pub async fn take_flash(&self) -> InfraResult<Option<Flash>> {
        if self.0.get_value(FLASH).await?.is_none() {
            return Ok(None);
        }
        Ok(self.0.remove(FLASH).await?)
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for TypedSession {
    type Rejection = crate::http::page_error::PageError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Session>()
            .cloned()
            .map(TypedSession)
            .ok_or_else(|| {
                crate::http::page_error::PageError(app::AppError::Internal {
                    reference: "no-session-layer".into(),
                })
            })
    }
}
