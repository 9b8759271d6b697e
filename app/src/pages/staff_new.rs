use crate::components::{ErrorSummary, Layout, TextField};
use crate::ports::{caller, flash};
use crate::types::Role;
use crate::AppError;
use leptos::prelude::*;

/// 職員の追加 (/admin/staff/new): the new staff member gets an invitation mail and sets their
/// own password; the admin never sees it.
#[component]
pub fn StaffNewPage() -> impl IntoView {
    let flash = flash();
    if !caller().is_some_and(|c| c.is_admin()) {
        return view! { <Layout title="職員の追加"><crate::components::ErrorView error=AppError::Forbidden/></Layout> }.into_any();
    }
    let has_errors = !flash.errors.is_empty();
    let chosen_role = Role::from_code(&flash.value("role")).unwrap_or(Role::Staff);
    let role_error = flash.error_for("role").map(str::to_string);
    view! {
        <Layout title="職員の追加" has_errors=has_errors nav="/admin/staff">
            <ErrorSummary errors=flash.errors.clone()/>
            <p><a class="back-link" href="/admin/staff">"職員の一覧に戻る"</a></p>
            <h1>"職員の追加"</h1>
            <form class="form" method="post" action="/admin/staff" novalidate>
                <TextField name="display_name" label="氏名" hint="姓と名の間に空白を入れてください。例：山田 花子"
                    value=flash.value("display_name") error=flash.error_for("display_name").map(str::to_string)
                    autocomplete="off" required=true/>
                <TextField name="login_id" label="ログインID" hint="半角英数字と「.」「-」「_」で4〜64文字です。ログインのときに使います。"
                    value=flash.value("login_id") error=flash.error_for("login_id").map(str::to_string)
                    autocomplete="off" required=true/>
                <TextField name="email" label="メールアドレス" input_type="email"
                    hint="招待メールを送ります。本人だけが読めるアドレスにしてください。"
                    value=flash.value("email") error=flash.error_for("email").map(str::to_string)
                    autocomplete="off" required=true/>
                <fieldset class="fieldset" id="role">
                    <legend class="fieldset__legend">"権限 " <span class="field__required">"必須"</span></legend>
                    {role_error.map(|e| view! { <p class="field__error"><span class="u-visually-hidden">"エラー："</span>{e}</p> })}
                    {Role::ALL.into_iter().map(|role| {
                        let id = format!("role-{}", role.code());
                        view! {
                            <div class="radio">
                                <input class="radio__input" type="radio" name="role" id=id.clone() value=role.code()
                                    checked=role == chosen_role/>
                                <label class="radio__label" for=id>{role.label()}</label>
                                <p class="radio__hint">{role.hint()}</p>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <p>"追加すると、このメールアドレスに招待メールが届きます。本人がメールのリンクからパスワードを設定すると、ログインできるようになります（リンクの有効期限は7日です）。"</p>
                <button class="button" data-variant="primary" type="submit">"職員を追加する"</button>
            </form>
        </Layout>
    }
    .into_any()
}
