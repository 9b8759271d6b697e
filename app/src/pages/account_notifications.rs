use crate::components::{ErrorView, Layout, NoticeBanner};
use crate::ports::flash;
use crate::serverfns::exchange::new_items_mail_on;
use leptos::prelude::*;

/// 通知の設定 (/account/notifications): whether to receive 「新しいファイルが届きました」.
#[component]
pub fn AccountNotificationsPage() -> impl IntoView {
    let notice = flash().notice;
    let setting = Resource::new(|| (), |_| new_items_mail_on());
    view! {
        <Layout title="通知の設定">
            {notice.map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <h1>"通知の設定"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match setting.await {
                        Ok(on) => view! {
                            <form class="form" method="post" action="/account/notifications">
                                <fieldset class="fieldset">
                                    <legend class="fieldset__legend">"連携先からファイルが届いたときのメール"</legend>
                                    <p class="field__hint">"メールには件数と送信元の事業所名だけが書かれ、利用者の情報は含まれません。"</p>
                                    <div class="radio">
                                        <input class="radio__input" type="radio" name="new_items" id="new-items-on" value="on" checked=on/>
                                        <label class="radio__label" for="new-items-on">"受け取る"</label>
                                    </div>
                                    <div class="radio">
                                        <input class="radio__input" type="radio" name="new_items" id="new-items-off" value="off" checked=!on/>
                                        <label class="radio__label" for="new-items-off">"受け取らない"</label>
                                    </div>
                                </fieldset>
                                <button class="button" data-variant="primary" type="submit">"設定を保存する"</button>
                            </form>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}
