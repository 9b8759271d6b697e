//! Leptos UI of the care-plan exchange portal (ケアプラン連携ポータル), server-rendered.
//!
//! Every page works without JavaScript: links navigate and forms POST to the server, which
//! answers 303 to a GET page. `app` reaches data only through the traits in [`ports`].

pub mod components;
pub mod error;
pub mod format;
pub mod pages;
pub mod ports;
pub mod serverfns;
pub mod types;

pub use error::AppError;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};
use pages::*;

/// The HTML document around the app. No hydration scripts: the portal is server-rendered.
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="ja">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Routes of the portal. Every page route awaits its data (`SsrMode::Async`) so it can set
/// its status code (404, 403) before the first byte is sent.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet href="/style/main.css"/>
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                <Route path=path!("/password/forgot") view=ForgotPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/password/forgot/sent") view=ForgotPasswordSentPage ssr=SsrMode::Async/>
                <Route path=path!("/password/reset") view=ResetPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/invitation") view=AcceptInvitationPage ssr=SsrMode::Async/>
                <Route path=path!("/account/sessions") view=AccountSessionsPage ssr=SsrMode::Async/>
                <Route path=path!("/account/two-factor") view=AccountTwoFactorPage ssr=SsrMode::Async/>
                <Route path=path!("/account/two-factor/recovery-codes") view=RecoveryCodesPage ssr=SsrMode::Async/>
                <Route path=path!("/login/two-factor") view=LoginTwoFactorPage ssr=SsrMode::Async/>
                <Route path=path!("/offices") view=OfficesPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/staff") view=StaffListPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/staff/new") view=StaffNewPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/staff/:user_id") view=StaffDetailPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/staff/:user_id/disable") view=StaffDisablePage ssr=SsrMode::Async/>
                <Route path=path!("/admin/audit") view=AuditLogPage ssr=SsrMode::Async/>
                <Route path=path!("/inbox") view=InboxPage ssr=SsrMode::Async/>
                <Route path=path!("/inbox/mine") view=MyInboxPage ssr=SsrMode::Async/>
                <Route path=path!("/inbox/unassigned") view=UnassignedPage ssr=SsrMode::Async/>
                <Route path=path!("/deliveries/:id/assign") view=AssignPage ssr=SsrMode::Async/>
                <Route path=path!("/roster") view=RosterListPage ssr=SsrMode::Async/>
                <Route path=path!("/roster/edit") view=RosterEditPage ssr=SsrMode::Async/>
                <Route path=path!("/roster/import") view=RosterImportPage ssr=SsrMode::Async/>
                <Route path=path!("/roster/import/:id") view=RosterImportPreviewPage ssr=SsrMode::Async/>
                <Route path=path!("/routing/rules") view=RoutingRulesPage ssr=SsrMode::Async/>
                <Route path=path!("/routing/absences") view=AbsencesPage ssr=SsrMode::Async/>
                <Route path=path!("/account/notifications") view=AccountNotificationsPage ssr=SsrMode::Async/>
                <Route path=path!("/outbox") view=OutboxPage ssr=SsrMode::Async/>
                <Route path=path!("/uploads") view=DraftsPage ssr=SsrMode::Async/>
                <Route path=path!("/uploads/new") view=UploadNewPage ssr=SsrMode::Async/>
                <Route path=path!("/uploads/:id") view=UploadConfirmPage ssr=SsrMode::Async/>
                <Route path=path!("/uploads/:id/discard") view=UploadDiscardPage ssr=SsrMode::Async/>
                <Route path=path!("/deliveries/:id") view=DeliveryPage ssr=SsrMode::Async/>
                <Route path=path!("/deliveries/:id/files/:file_id/form") view=DeliveryFormPage ssr=SsrMode::Async/>
                <Route path=path!("/reconcile") view=ReconcileMonthPage ssr=SsrMode::Async/>
                <Route path=path!("/reconcile/board") view=ReconcileBoardPage ssr=SsrMode::Async/>
                <Route path=path!("/reconcile/print") view=ReconcilePrintPage ssr=SsrMode::Async/>
                <Route path=path!("/reconcile/settings") view=ReconcileSettingsPage ssr=SsrMode::Async/>
                <Route path=path!("/reconcile/persons/:insurer/:insured") view=ReconcilePersonPage ssr=SsrMode::Async/>
                <Route path=path!("/deliveries/:id/files/:file_id/download") view=FileDownloadPage ssr=SsrMode::Async/>
                <Route path=path!("/versions/unseen") view=VersionUnseenPage ssr=SsrMode::Async/>
                <Route path=path!("/versions/:id/timeline") view=VersionTimelinePage ssr=SsrMode::Async/>
                <Route path=path!("/versions/:id/diff") view=VersionDiffPage ssr=SsrMode::Async/>
                <Route path=path!("/versions/:id/partners") view=VersionPartnersPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

/// A complete error page as HTML, for errors raised outside the Leptos routes (form handlers,
/// middleware): same frame and words as the pages, no data needed.
#[cfg(feature = "ssr")]
pub fn error_page_html(error: &AppError) -> String {
    use leptos::tachys::view::RenderHtml;
    let title = format!("{}｜ケアプラン連携ポータル", error.title());
    let body = view! {
        <a class="skip-link" href="#main">"本文へ移動"</a>
        <header class="site-header">
            <a class="site-header__service" href="/">"ケアプラン連携ポータル"</a>
        </header>
        <main id="main" class="page" tabindex="-1">
            <h1>{error.title()}</h1>
            <p class="page__lead">{error.to_string()}</p>
            <p><a href="/">"ホームに戻る"</a></p>
        </main>
    };
    let owner = Owner::new();
    let body_html = owner.with(|| body.to_html());
    format!(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\
         <title>{}</title><link rel=\"stylesheet\" href=\"/style/main.css\"/></head><body>{}</body></html>",
        escape_html(&title),
        body_html
    )
}

#[cfg(feature = "ssr")]
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
