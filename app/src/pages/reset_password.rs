use crate::components::{Layout, SetPasswordForm};
use crate::types::LinkPurpose;
use leptos::prelude::*;

/// 新しいパスワードの設定 (/password/reset?token=…), opened from the reset mail.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let has_errors = !crate::ports::flash().errors.is_empty();
    view! {
        <Layout title="新しいパスワードの設定" has_errors=has_errors>
            <SetPasswordForm purpose=LinkPurpose::PasswordReset/>
        </Layout>
    }
}
