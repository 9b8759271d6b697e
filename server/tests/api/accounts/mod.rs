//! Account lifecycle by e-mail: forgotten password, admin-triggered reset, invitations,
//! lockout and rate limits, mail delivery with retries.

mod admin_reset;
mod forgot_password;
mod invitations;
mod lockout;
mod mail_retry;
mod sessions;
mod tokens;
mod two_factor;
