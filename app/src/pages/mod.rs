//! One page per file. Pages read params, make one `Resource` per server fn and render in
//! `<Suspense>`; routes use `SsrMode::Async` so a page can still answer 404.

mod absences;
mod accept_invitation;
mod account_notifications;
mod account_sessions;
mod account_two_factor;
mod assign;
mod audit_log;
mod deliveries;
mod delivery_detail;
mod delivery_form;
mod drafts;
mod file_download;
mod forgot_password;
mod forgot_password_sent;
mod home;
mod login;
mod login_two_factor;
mod my_inbox;
mod not_found;
mod offices;
mod reconcile_board;
mod reconcile_month;
mod reconcile_person;
mod reconcile_print;
mod reconcile_settings;
mod recovery_codes;
mod reset_password;
mod roster;
mod roster_edit;
mod roster_import;
mod routing_rules;
mod staff_detail;
mod staff_disable;
mod staff_list;
mod staff_new;
mod unassigned;
mod upload_confirm;
mod upload_discard;
mod upload_new;
mod version_diff;
mod version_partners;
mod version_timeline;
mod version_unseen;

pub use absences::AbsencesPage;
pub use accept_invitation::AcceptInvitationPage;
pub use account_notifications::AccountNotificationsPage;
pub use account_sessions::AccountSessionsPage;
pub use account_two_factor::AccountTwoFactorPage;
pub use assign::AssignPage;
pub use audit_log::AuditLogPage;
pub use deliveries::{InboxPage, OutboxPage};
pub use delivery_detail::DeliveryPage;
pub use delivery_form::DeliveryFormPage;
pub use drafts::DraftsPage;
pub use file_download::FileDownloadPage;
pub use forgot_password::ForgotPasswordPage;
pub use forgot_password_sent::ForgotPasswordSentPage;
pub use home::HomePage;
pub use login::LoginPage;
pub use login_two_factor::LoginTwoFactorPage;
pub use my_inbox::MyInboxPage;
pub use not_found::NotFoundPage;
pub use offices::OfficesPage;
pub use reconcile_board::ReconcileBoardPage;
pub use reconcile_month::ReconcileMonthPage;
pub use reconcile_person::ReconcilePersonPage;
pub use reconcile_print::ReconcilePrintPage;
pub use reconcile_settings::ReconcileSettingsPage;
pub use recovery_codes::RecoveryCodesPage;
pub use reset_password::ResetPasswordPage;
pub use roster::RosterListPage;
pub use roster_edit::RosterEditPage;
pub use roster_import::{RosterImportPage, RosterImportPreviewPage};
pub use routing_rules::RoutingRulesPage;
pub use staff_detail::StaffDetailPage;
pub use staff_disable::StaffDisablePage;
pub use staff_list::StaffListPage;
pub use staff_new::StaffNewPage;
pub use unassigned::UnassignedPage;
pub use upload_confirm::UploadConfirmPage;
pub use upload_discard::UploadDiscardPage;
pub use upload_new::UploadNewPage;
pub use version_diff::{DiffView, VersionDiffPage};
pub use version_partners::VersionPartnersPage;
pub use version_timeline::{TimelineView, VersionTimelinePage};
pub use version_unseen::VersionUnseenPage;

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
