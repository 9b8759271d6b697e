use super::upload_new::UploadForm;
use crate::components::{
    ErrorSummary, ErrorView, FileFindings, Layout, NoticeBanner, PersonsList, Steps,
};
use crate::format::{date_time, month, size};
use crate::ports::flash;
use crate::serverfns::exchange::{get_draft, list_partners};
use crate::types::{DraftView, ExchangeFile, Flash, OfficeRef, OutgoingId};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn id_param() -> Option<OutgoingId> {
    use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse().ok())
}

/// ファイルを送る, step 2 and 3 (/uploads/{id}): what will go where, then 送信.
#[component]
pub fn UploadConfirmPage() -> impl IntoView {
    let flash = flash();
    let id = id_param();
    let draft = Resource::new(
        move || id,
        |id| async move {
            let draft = match id {
                Some(id) => get_draft(id).await?,
                None => return Err(AppError::NotFound),
            };
            // The attachment destinations are offered only while files can still be added.
            let partners = if draft.status == "draft" {
                list_partners().await.unwrap_or_default()
            } else {
                Vec::new()
            };
            Ok((draft, partners))
        },
    );
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="内容の確認" has_errors=has_errors nav="/uploads/new">
            <Suspense fallback=|| ()>
                {move || {
                    let flash = flash.clone();
                    Suspend::new(async move {
                        match draft.await {
                            Ok((d, partners)) => view! { <DraftBody draft=d flash=flash partners=partners/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn DraftBody(draft: DraftView, flash: Flash, partners: Vec<OfficeRef>) -> impl IntoView {
    let base = format!("/uploads/{}", draft.id);
    let is_draft = draft.status == "draft";
    let total: usize = draft.groups.iter().map(|(_, f)| f.len()).sum();
    let blocked = total - draft.sendable;
    let heading = match draft.status.as_str() {
        "sent" => "送信しました",
        "discarded" => "この下書きは破棄されました",
        _ => "内容を確認してください",
    };
    let step = if draft.status == "sent" { 3 } else { 2 };
    let groups = draft.groups.clone();
    view! {
        <ErrorSummary errors=flash.errors.clone()/>
        {flash.notice.clone().map(|m| view! { <NoticeBanner kind="success" message=m/> })}
        <Steps current=step/>
        <h1>{heading}</h1>
        <p>{format!("{}がアップロード（{}）", draft.created_by, date_time(draft.created_at_ms))}</p>
        {(draft.status == "sent").then(|| view! {
            <p>"相手の事業所の受信一覧に届きました。開封やダウンロードの状況は「送信済み」で確認できます。"</p>
            <ul class="link-list">
                {draft.deliveries.iter().map(|(d, office)| view! { <li><a href=format!("/deliveries/{d}")>{format!("{office}への送信の詳細と受領状況")}</a></li> }).collect_view()}
            </ul>
        })}
        {(is_draft && blocked > 0).then(|| view! {
            <NoticeBanner kind="warning" message=format!("{total}件のうち{blocked}件は送信されません。理由は各ファイルの欄に書いてあります。")/>
        })}
        {(!draft.unit_findings.is_empty()).then(|| view! {
            <h2>"送信単位についての指摘"</h2>
            <FileFindings findings=draft.unit_findings.clone()/>
        })}
        {groups.into_iter().map(|(office, files)| view! { <DestinationGroup office=office files=files base=base.clone() status=draft.status.clone()/> }).collect_view()}
        {is_draft.then(|| view! {
            <form method="post" action=format!("{base}/send")>
                <button class="button" data-variant="primary" type="submit" disabled=draft.sendable == 0>
                    {format!("この内容で送信する（{}件）", draft.sendable)}
                </button>
            </form>
            <h2>"ファイルを追加する"</h2>
            <UploadForm action=format!("{base}/files") files_error=vec![] flash=flash.clone()
                partners=partners button="追加して内容を確認する"/>
            <p><a href=format!("{base}/discard")>"この下書きを破棄する"</a></p>
        })}
    }
}

#[component]
fn DestinationGroup(
    office: OfficeRef,
    files: Vec<ExchangeFile>,
    base: String,
    status: String,
) -> impl IntoView {
    let title = if office.number.is_empty() {
        "送信先が決まっていないファイル".to_string()
    } else {
        format!("送信先：{}", office.label())
    };
    view! {
        <section class="destination-group">
            <h2>{title}</h2>
            {files.into_iter().map(|f| view! { <DraftFile file=f base=base.clone() status=status.clone()/> }).collect_view()}
        </section>
    }
}

#[component]
fn DraftFile(file: ExchangeFile, base: String, status: String) -> impl IntoView {
    // Said in the tense of the draft: before the send, what will happen; after it, what did.
    let (word, data) = match (status.as_str(), file.blocked.is_some()) {
        ("sent", false) => ("送信しました", "latest"),
        ("sent", true) => ("送信していません", "cancelled"),
        ("discarded", _) => ("破棄しました", "neutral"),
        (_, false) => ("送信します", "latest"),
        (_, true) => ("送信されません", "cancelled"),
    };
    let badge = view! { <span class="status-badge" data-status=data>{word}</span> };
    let remove = (status == "draft").then(|| {
        let label = format!("{}を取り除く", file.name);
        view! {
            <form method="post" action=format!("{base}/files/{}/remove", file.id)>
                <button class="button" data-variant="link" type="submit" aria-label=label>"このファイルを取り除く"</button>
            </form>
        }
    });
    view! {
        <article class="draft-file">
            <h3 class="draft-file__name">{file.name.clone()} " " {badge}</h3>
            {file.blocked.clone().map(|reason| view! { <p class="draft-file__blocked">{reason}</p> })}
            <dl class="summary-list">
                <div class="summary-list__row"><dt class="summary-list__key">"種類"</dt><dd class="summary-list__value">{file.kind_label.clone()}</dd></div>
                {file.target_month.clone().map(|m| view! { <div class="summary-list__row"><dt class="summary-list__key">"対象年月"</dt><dd class="summary-list__value">{month(&m)}</dd></div> })}
                <div class="summary-list__row"><dt class="summary-list__key">"大きさ"</dt><dd class="summary-list__value">{size(file.size)}</dd></div>
                <div class="summary-list__row"><dt class="summary-list__key">"利用者"</dt><dd class="summary-list__value"><PersonsList persons=file.persons.clone()/></dd></div>
            </dl>
            <FileFindings findings=file.findings.clone()/>
            {remove}
        </article>
    }
}
