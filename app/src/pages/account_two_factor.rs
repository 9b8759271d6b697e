use crate::components::{ErrorSummary, ErrorView, Layout, NoticeBanner, TextField};
use crate::ports::{caller, flash, query_param};
use crate::serverfns::two_factor::get_two_factor_status;
use crate::types::{Flash, TwoFactorStatus};
use leptos::prelude::*;

/// 2段階認証 (/account/two-factor): enrol with an authenticator app (QR code or key, then a
/// confirming code); admins also set the organisation's requirement here.
#[component]
pub fn AccountTwoFactorPage() -> impl IntoView {
    let flash = flash();
    let has_errors = !flash.errors.is_empty();
    let status = Resource::new(|| (), |_| get_two_factor_status());
    view! {
        <Layout title="2段階認証" has_errors=has_errors>
            <Suspense fallback=|| ()>
                {move || {
                    let flash = flash.clone();
                    Suspend::new(async move {
                        match status.await {
                            Ok(s) => view! { <TwoFactor status=s flash=flash/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn TwoFactor(status: TwoFactorStatus, flash: Flash) -> impl IntoView {
    let required_notice = (query_param("required").is_some() && !status.enabled).then(|| {
        view! { <NoticeBanner kind="warning" message="法人の設定により、2段階認証の設定が必要です。設定すると、ほかの画面を使えるようになります。"/> }
    });
    let body = if status.enabled {
        view! {
            <p class="page__lead">"2段階認証は設定済みです。ログインのときに、パスワードのあとで認証アプリの確認コードを入力します。"</p>
            <p>{format!("使っていない回復コード：{}個", status.recovery_codes_left)}</p>
            <p>"スマートフォンを替えたり失くしたりした場合は、回復コードでログインし、事業所の管理者に2段階認証のリセットを依頼してください。"</p>
        }
        .into_any()
    } else if let Some(enrolment) = status.enrolling {
        view! {
            <ol class="steps-text">
                <li>"スマートフォンの認証アプリ（Google Authenticator、Microsoft Authenticator など）で、次のQRコードを読み取ってください。"</li>
                <li>"アプリに表示された6桁の確認コードを入力してください。"</li>
            </ol>
            <p><img class="qr-code" src=enrolment.qr_data_uri alt="認証アプリに登録するためのQRコード" width="200" height="200"/></p>
            <p>"QRコードを読み取れない場合は、次のキーをアプリに入力してください（時間ベース）："</p>
            <p><code class="manual-key">{enrolment.manual_key}</code></p>
            <form class="form" method="post" action="/account/two-factor/confirm" novalidate>
                <TextField name="code" label="確認コード" hint="6桁の数字です。"
                    error=flash.error_for("code").map(str::to_string) autocomplete="one-time-code" required=true/>
                <button class="button" data-variant="primary" type="submit">"2段階認証を有効にする"</button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <p class="page__lead">"ログインのときに、パスワードに加えてスマートフォンの認証アプリの確認コードを入力します。パスワードが知られても、ほかの人はログインできません。"</p>
            <form method="post" action="/account/two-factor/start">
                <button class="button" data-variant="primary" type="submit">"2段階認証を設定する"</button>
            </form>
        }
        .into_any()
    };
    let is_admin = caller().is_some_and(|c| c.is_admin());
    let admin = is_admin.then(|| {
        let (label, value, text) = if status.required_by_organisation {
            (
                "必須をやめる",
                "off",
                "現在、法人の全職員に2段階認証を必須にしています。",
            )
        } else {
            (
                "法人の全職員に必須にする",
                "on",
                "現在、2段階認証は職員ごとの任意です。",
            )
        };
        view! {
            <h2>"法人の設定（管理者）"</h2>
            <p>{text}</p>
            <form method="post" action="/admin/two-factor/required">
                <input type="hidden" name="required" value=value/>
                <button class="button" data-variant="secondary" type="submit">{label}</button>
            </form>
        }
    });
    view! {
        <ErrorSummary errors=flash.errors.clone()/>
        {required_notice}
        {flash.notice.clone().map(|m| view! { <NoticeBanner kind="success" message=m/> })}
        <h1>"2段階認証"</h1>
        {body}
        {admin}
    }
}
