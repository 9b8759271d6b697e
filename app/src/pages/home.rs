use crate::components::{count_label, Layout, NoticeBanner};
use crate::ports::{caller, flash};
use leptos::prelude::*;

/// ホーム (/): the current office and what the signed-in person can do here.
#[component]
pub fn HomePage() -> impl IntoView {
    let notice = flash().notice;
    let Some(caller) = caller() else {
        return view! { <Layout title="ホーム"><crate::components::ErrorView error=crate::AppError::Unauthenticated/></Layout> }.into_any();
    };
    let office = caller.office.clone();
    let admin_links = caller.is_admin().then(|| {
        view! {
            <li><a href="/admin/staff">"職員の管理"</a>"：職員の追加、権限の変更、利用停止"</li>
            <li><a href="/admin/audit">"操作履歴"</a>"：ログインや設定変更の記録（改ざん検知つき）"</li>
        }
    });
    // What waits for this person, from the counts the navigation shows (read with the caller).
    let counts = crate::ports::nav_counts().unwrap_or_default();
    let mut waiting = Vec::new();
    if counts.mine_unread > 0 {
        waiting.push(view! {
            <li><a href="/inbox/mine">"自分の受信"</a>{format!("：担当の利用者のファイルで、まだ開いていないものが{}あります", count_label(counts.mine_unread))}</li>
        });
    }
    if caller.role != crate::types::Role::Staff && counts.unassigned > 0 {
        waiting.push(view! {
            <li><a href="/inbox/unassigned">"未割当"</a>{format!("：担当者が決まっていないファイルが{}あります", count_label(counts.unassigned))}</li>
        });
    }
    let waiting = if waiting.is_empty() {
        view! { <p>"いま確認が必要なものはありません。"</p> }.into_any()
    } else {
        view! { <ul class="link-list">{waiting}</ul> }.into_any()
    };
    let switch_link = (caller.office_count > 1).then(|| {
        view! { <li><a href="/offices">"事業所を切り替える"</a>"：所属している別の事業所で作業します"</li> }
    });
    view! {
        <Layout title="ホーム" nav="/">
            {notice.map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <h1>{office.name.clone()}</h1>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">"事業所番号"</dt>
                    <dd class="summary-list__value">{office.number.to_string()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"サービス種類"</dt>
                    <dd class="summary-list__value">{office.service_type.label()} "（" {office.service_type.to_string()} "）"</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"ログイン中の職員"</dt>
                    <dd class="summary-list__value">{caller.display_name.clone()} "（" {caller.role.label()} "）"</dd>
                </div>
            </dl>
            <h2>"確認が必要なもの"</h2>
            {waiting}
            <h2>"できること"</h2>
            <ul class="link-list">
                <li><a href="/inbox">"受信一覧"</a>"：連携先から届いたファイルを確認・ダウンロードします"</li>
                <li><a href="/uploads/new">"ファイルを送る"</a>"：標準仕様のCSVや添付ファイルを連携先に送ります"</li>
                <li><a href="/outbox">"送信済み一覧"</a>"：送ったファイルと、相手の開封・取込の状況を確認します"</li>
                <li><a href="/uploads">"下書き"</a>"：アップロードして、まだ送信していないファイルです"</li>
                {switch_link}
                {admin_links}
            </ul>
        </Layout>
    }
    .into_any()
}
