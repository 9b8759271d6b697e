use crate::components::paper::{
    person_title, Plan1Sheet, Plan2Sheet, Plan3Sheet, PreventionSheet, PrintSheet,
    UsageDetailSheet, UsageSheet,
};
use crate::components::{ErrorView, FileFindings, Layout};
use crate::serverfns::forms::get_form;
use crate::types::{DeliveryId, FileId, FormBody, FormSheet, FormView};
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Stylesheet;
use leptos_router::hooks::use_params_map;

/// 帳票表示 (/deliveries/{id}/files/{file_id}/form): a stored file shown and printable as its
/// paper form, one sheet per insured person, each with its version stamp.
#[component]
pub fn DeliveryFormPage() -> impl IntoView {
    let (id, file) = use_params_map().with_untracked(|p| {
        (
            p.get("id").and_then(|s| s.parse::<DeliveryId>().ok()),
            p.get("file_id").and_then(|s| s.parse::<FileId>().ok()),
        )
    });
    let form = Resource::new(
        move || (id, file),
        |(id, file)| async move {
            match (id, file) {
                (Some(id), Some(file)) => get_form(id, file).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Stylesheet id="forms-css" href="/style/forms.css"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(f) => view! { <FormPage f=f/> }.into_any(),
                    Err(error) => view! {
                        <Layout title="帳票表示" nav="/inbox"><ErrorView error=error/></Layout>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FormPage(f: FormView) -> AnyView {
    let title = f.kind.full_title();
    let nav = if f.incoming { "/inbox" } else { "/outbox" };
    let back = format!("/deliveries/{}", f.delivery);
    let route = format!("送信元：{} → 送信先：{}", f.from.label(), f.to.label());
    let problems = f.has_errors().then(|| {
        let count = f.findings.len();
        view! {
            <section class="notice-banner" data-type="warning" aria-labelledby="file-problems">
                <h2 class="notice-banner__title" id="file-problems">"このファイルには誤りがあります"</h2>
                <p class="notice-banner__message">"読み取れた内容だけを表示しています。足りない行や項目があるかもしれません。送信元に確認してください。"</p>
                <details class="print-hide">
                    <summary>{format!("誤りの内容（{count}件）")}</summary>
                    <FileFindings findings=f.findings.clone()/>
                </details>
            </section>
        }
    });
    let index = (f.sheets.len() > 1).then(|| {
        view! {
            <nav class="print-hide" aria-label="利用者ごとの帳票">
                <p>{format!("このファイルには{}件の帳票があります。", f.sheets.len())}</p>
                <ul class="link-list">
                    {f.sheets.iter().map(|s| view! {
                        <li><a href=format!("#{}", s.anchor)>{person_title(&s.person, &s.key)}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    });
    let empty = f.sheets.is_empty().then(|| {
        view! { <p>"このファイルには表示できる記録がありません。ファイルをダウンロードして内容を確認してください。"</p> }
    });
    let kind = f.kind;
    let printed = f.printed_at_ms;
    let hint = if kind.landscape() {
        "ブラウザの印刷（Ctrl＋P）で印刷できます。用紙はA4、横向きを選んでください。利用者ごとに新しいページから始まります。"
    } else {
        "ブラウザの印刷（Ctrl＋P）で印刷できます。用紙はA4を選んでください。利用者ごとに新しいページから始まります。"
    };
    view! {
        <Layout title=title.clone() nav=nav>
            <p class="print-hide"><a class="back-link" href=back>"送受信の詳細に戻る"</a></p>
            {problems}
            <h1 class="print-hide">{title}</h1>
            <p class="page__lead print-hide">{f.file_name.clone()}<br/>{route}</p>
            <p class="field__hint print-hide">{hint}</p>
            {index}
            {empty}
            {f.sheets.into_iter().map(|s| sheet(kind.full_title(), kind.landscape(), printed, s)).collect_view()}
        </Layout>
    }
    .into_any()
}

/// One person's sheet: the frame with the stamp, and the form inside.
fn sheet(title: String, landscape: bool, printed_at_ms: i64, s: FormSheet) -> AnyView {
    let heading = format!("{title}　{}", person_title(&s.person, &s.key));
    let FormSheet {
        anchor,
        key,
        person,
        stamp,
        body,
    } = s;
    let inner = match body {
        FormBody::Plan1(form) => view! { <Plan1Sheet form=form person=person key=key/> }.into_any(),
        FormBody::Plan2(form) => {
            view! { <Plan2Sheet form=form person=person key=key anchor=anchor.clone()/> }.into_any()
        }
        FormBody::Plan3(form) => {
            view! { <Plan3Sheet form=form person=person key=key anchor=anchor.clone()/> }.into_any()
        }
        FormBody::Usage(form) => {
            view! { <UsageSheet form=form person=person key=key anchor=anchor.clone()/> }.into_any()
        }
        FormBody::UsageDetail(form) => view! {
            <UsageDetailSheet form=form person=person key=key anchor=anchor.clone()/>
        }
        .into_any(),
        FormBody::Prevention(form) => view! {
            <PreventionSheet form=*form person=person key=key anchor=anchor.clone()/>
        }
        .into_any(),
    };
    view! {
        <PrintSheet anchor=anchor title=heading landscape=landscape stamp=stamp printed_at_ms=printed_at_ms>
            {inner}
        </PrintSheet>
    }
    .into_any()
}
