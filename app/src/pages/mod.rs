//! One page per file. Pages read params, make one `Resource` per server fn and render in
//! `<Suspense>`; routes use `SsrMode::Async` so a page can still answer 404.

mod accept_invitation;
mod account_notifications;
mod account_sessions;
mod account_two_factor;
mod audit_log;
mod deliveries;
mod delivery_detail;
mod drafts;
mod forgot_password;
mod forgot_password_sent;
mod home;
mod login;
mod login_two_factor;
mod not_found;
mod offices;
mod recovery_codes;
mod reset_password;
mod staff_detail;
mod staff_disable;
mod staff_list;
mod staff_new;
mod upload_confirm;
mod upload_discard;
mod upload_new;

pub use accept_invitation::AcceptInvitationPage;
pub use account_notifications::AccountNotificationsPage;
pub use account_sessions::AccountSessionsPage;
pub use account_two_factor::AccountTwoFactorPage;
pub use audit_log::AuditLogPage;
pub use deliveries::{InboxPage, OutboxPage};
pub use delivery_detail::DeliveryPage;
pub use drafts::DraftsPage;
pub use forgot_password::ForgotPasswordPage;
pub use forgot_password_sent::ForgotPasswordSentPage;
pub use home::HomePage;
pub use login::LoginPage;
pub use login_two_factor::LoginTwoFactorPage;
pub use not_found::NotFoundPage;
pub use offices::OfficesPage;
pub use recovery_codes::RecoveryCodesPage;
pub use reset_password::ResetPasswordPage;
pub use staff_detail::StaffDetailPage;
pub use staff_disable::StaffDisablePage;
pub use staff_list::StaffListPage;
pub use staff_new::StaffNewPage;
pub use upload_confirm::UploadConfirmPage;
pub use upload_discard::UploadDiscardPage;
pub use upload_new::UploadNewPage;

use crate::types::UserId;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `user_id` path parameter; an unparsable id is simply an id that does not exist.
fn user_id_param() -> Option<UserId> {
    use_params_map()
        .with_untracked(|p| p.get("user_id"))
        .and_then(|s| s.parse().ok())
}

/// The staff member named by the path (`NotFound` for a bad id), for the staff pages.
fn staff_resource() -> Resource<Result<crate::types::StaffMember, crate::AppError>> {
    let id = user_id_param();
    Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => crate::serverfns::staff::get_staff(id).await,
                None => Err(crate::AppError::NotFound),
            }
        },
    )
}
