use super::staff_list::StatusText;
use crate::components::{ErrorSummary, ErrorView, Layout, NoticeBanner};
use crate::ports::flash;
use crate::types::{Flash, Role, StaffMember};
use leptos::prelude::*;

/// 職員の詳細 (/admin/staff/{user_id}): facts, 権限 change, 利用停止 / 再開.
#[component]
pub fn StaffDetailPage() -> impl IntoView {
    let flash = flash();
    let member = super::staff_resource();
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="職員の詳細" has_errors=has_errors nav="/admin/staff">
            <Suspense fallback=|| ()>
                {move || {
                    let flash = flash.clone();
                    Suspend::new(async move {
                        match member.await {
                            Ok(m) => view! { <StaffDetail member=m flash=flash/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn StaffDetail(member: StaffMember, flash: Flash) -> impl IntoView {
    let base = format!("/admin/staff/{}", member.user_id);
    let status_action = if member.active {
        view! { <p><a class="button" data-variant="secondary" href=format!("{base}/disable")>"利用を停止する"</a></p> }.into_any()
    } else {
        view! {
            <form method="post" action=format!("{base}/enable")>
                <button class="button" data-variant="secondary" type="submit">"利用を再開する"</button>
            </form>
        }
        .into_any()
    };
    view! {
        <ErrorSummary errors=flash.errors.clone()/>
        {flash.notice.clone().map(|m| view! { <NoticeBanner kind="success" message=m/> })}
        <p><a class="back-link" href="/admin/staff">"職員の一覧に戻る"</a></p>
        <h1>{member.display_name.clone()}</h1>
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">"ログインID"</dt>
                <dd class="summary-list__value">{member.login_id.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"メールアドレス"</dt>
                <dd class="summary-list__value">{member.email.to_string()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"権限"</dt>
                <dd class="summary-list__value">{member.role.label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"状態"</dt>
                <dd class="summary-list__value"><StatusText active=member.active pending=member.invitation_pending/></dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"登録日時"</dt>
                <dd class="summary-list__value">{crate::format::date_time(member.created_at_ms)}</dd></div>
        </dl>
        <h2>"権限の変更"</h2>
        <form class="form" method="post" action=format!("{base}/role") novalidate>
            <fieldset class="fieldset" id="role">
                <legend class="fieldset__legend">"権限"</legend>
                {flash.error_for("role").map(|e| view! { <p class="field__error"><span class="u-visually-hidden">"エラー："</span>{e.to_string()}</p> })}
                {Role::ALL.into_iter().map(|role| {
                    let id = format!("role-{}", role.code());
                    view! {
                        <div class="radio">
                            <input class="radio__input" type="radio" name="role" id=id.clone() value=role.code()
                                checked=role == member.role/>
                            <label class="radio__label" for=id>{role.label()}</label>
                            <p class="radio__hint">{role.hint()}</p>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <button class="button" data-variant="primary" type="submit">"権限を変更する"</button>
        </form>
        <AccountMailActions member=member.clone()/>
        <h2>"利用の停止"</h2>
        {status_action}
    }
}

/// Invitation (resend, revoke) or パスワード再設定メール, depending on the account's state.
/// The admin never sees or sets the password: the staff member sets it through the mail.
#[component]
fn AccountMailActions(member: StaffMember) -> impl IntoView {
    let base = format!("/admin/staff/{}", member.user_id);
    if member.invitation_pending {
        view! {
            <h2>"招待"</h2>
            <p>"招待メールのリンクから、本人がパスワードを設定すると利用できるようになります。"</p>
            <form method="post" action=format!("{base}/invitation/resend")>
                <button class="button" data-variant="secondary" type="submit">"招待メールを再送する"</button>
            </form>
            <form method="post" action=format!("{base}/invitation/revoke")>
                <button class="button" data-variant="warning" type="submit">"招待を取り消す"</button>
            </form>
        }
        .into_any()
    } else if member.active {
        view! {
            <h2>"パスワードの再設定"</h2>
            <p>"本人のメールアドレスに、パスワードを設定し直すためのリンクを送ります。管理者がパスワードを見ることはありません。"</p>
            <form method="post" action=format!("{base}/password-reset")>
                <button class="button" data-variant="secondary" type="submit">"パスワード再設定メールを送る"</button>
            </form>
            {member.two_factor.then(|| view! {
                <h2>"2段階認証"</h2>
                <p>"スマートフォンを失くした場合などに、2段階認証の設定を消します。本人にメールでお知らせします。"</p>
                <form method="post" action=format!("{base}/two-factor/reset")>
                    <button class="button" data-variant="warning" type="submit">"2段階認証をリセットする"</button>
                </form>
            })}
        }
        .into_any()
    } else {
        ().into_any()
    }
}
