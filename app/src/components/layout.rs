use crate::types::Caller;
use leptos::prelude::*;
use leptos_meta::Title;

/// The page frame (UI.md §6): skip link, header with office and user, navigation, `<main>`.
/// `title` becomes the `<title>` 「… ｜ケアプラン連携ポータル」, prefixed 「エラー：」 when `has_errors`.
#[component]
pub fn Layout(
    /// Page name for `<title>`.
    #[prop(into)]
    title: String,
    /// True when the page shows a form's errors.
    #[prop(optional)]
    has_errors: bool,
    /// Which navigation entry is current (its path).
    #[prop(optional, into)]
    nav: String,
    children: Children,
) -> impl IntoView {
    let caller = crate::ports::caller();
    let prefix = if has_errors { "エラー：" } else { "" };
    let full_title = format!("{prefix}{title}｜ケアプラン連携ポータル");
    view! {
        <Title text=full_title/>
        <a class="skip-link" href="#main">"本文へ移動"</a>
        <header class="site-header">
            <a class="site-header__service" href="/">"ケアプラン連携ポータル"</a>
            {caller.clone().map(|c| view! { <HeaderOffice caller=c/> })}
        </header>
        {caller.map(|c| view! { <SiteNav caller=c current=nav/> })}
        <main id="main" class="page" tabindex="-1">
            {children()}
        </main>
    }
}

#[component]
fn HeaderOffice(caller: Caller) -> impl IntoView {
    let switch = (caller.office_count > 1)
        .then(|| view! { <li><a href="/offices">"事業所を切り替える"</a></li> });
    view! {
        <p class="site-header__office">
            <span class="site-header__office-label">"現在の事業所："</span>
            {caller.office.name.clone()}
            " "
            <span class="site-header__office-number">"（事業所番号 " {caller.office.number.to_string()} "）"</span>
        </p>
        <details class="user-menu">
            <summary class="user-menu__toggle">{caller.display_name.clone()} "（" {caller.role.label()} "）"</summary>
            <ul class="user-menu__list">
                {switch}
                <li><a href="/account/sessions">"ログイン中の端末"</a></li>
                <li><a href="/account/notifications">"通知の設定"</a></li>
                <li><a href="/account/two-factor">"2段階認証"</a></li>
                <li>
                    <form method="post" action="/logout">
                        <button class="button" data-variant="link" type="submit">"ログアウト"</button>
                    </form>
                </li>
            </ul>
        </details>
    }
}

#[component]
fn SiteNav(caller: Caller, current: String) -> impl IntoView {
    let mut links = vec![
        ("/", "ホーム"),
        ("/inbox", "受信"),
        ("/inbox/mine", "自分の受信"),
    ];
    if caller.role != crate::types::Role::Staff {
        links.push(("/inbox/unassigned", "未割当"));
    }
    links.extend([
        ("/outbox", "送信済み"),
        ("/uploads/new", "ファイルを送る"),
        ("/uploads", "下書き"),
        ("/roster", "利用者台帳"),
        ("/versions/unseen", "確認状況"),
    ]);
    if caller.office.service_type.is_care_manager_office() {
        links.push(("/reconcile", "予実突合"));
    }
    // Counts are text rendered per request (UI.md §6): one query for both.
    let counts = Resource::new(|| (), |_| crate::serverfns::routing::get_nav_counts());
    if caller.office_count > 1 {
        links.push(("/offices", "事業所の切り替え"));
    }
    if caller.is_admin() {
        links.push(("/admin/staff", "職員の管理"));
        links.push(("/admin/audit", "操作履歴"));
    }
    view! {
        <nav class="site-nav" aria-label="メインメニュー">
            <ul class="site-nav__list">
                {links
                    .into_iter()
                    .map(|(href, label)| {
                        let is_current = (href == current).then_some("page");
                        view! {
                            <li><a class="site-nav__link" href=href aria-current=is_current>{label}
                                <super::routing::NavCount counts=counts href=href/></a></li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
