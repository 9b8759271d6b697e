use crate::components::{Layout, SetPasswordForm};
use crate::types::LinkPurpose;
use leptos::prelude::*;

/// パスワードの設定 (/invitation?token=…), opened from the invitation mail.
#[component]
pub fn AcceptInvitationPage() -> impl IntoView {
    let has_errors = !crate::ports::flash().errors.is_empty();
    view! {
        <Layout title="パスワードの設定" has_errors=has_errors>
            <SetPasswordForm purpose=LinkPurpose::Invitation/>
        </Layout>
    }
}
