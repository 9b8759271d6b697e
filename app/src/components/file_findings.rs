use crate::types::FileFinding;
use leptos::prelude::*;

/// 指摘 of a file: 「3行目 12列目（サービス提供年月日）: …」, errors first.
#[component]
pub fn FileFindings(findings: Vec<FileFinding>) -> impl IntoView {
    let mut findings = findings;
    findings.sort_by_key(|f| !f.error);
    (!findings.is_empty()).then(|| {
        view! {
            <ul class="file-findings">
                {findings.into_iter().map(|f| {
                    let place = match (f.line, f.column) {
                        (Some(l), Some(c)) => format!("{l}行目 {c}列目"),
                        (Some(l), None) => format!("{l}行目"),
                        _ => String::new(),
                    };
                    let field = f.field.map(|n| format!("（{n}）")).unwrap_or_default();
                    let severity = if f.error { "エラー" } else { "警告" };
                    let kind = if f.error { "error" } else { "warning" };
                    view! {
                        <li class="file-findings__item" data-severity=kind>
                            <strong>{severity}</strong>" "{place}{field}{if f.line.is_some() { "：" } else { "" }}{f.message}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
