use crate::types::shift_month;
use leptos::prelude::*;

/// `?month=…` plus the extra pairs, percent-encoded.
pub fn month_query(month: &str, extra: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    let mut query = format!("?month={}", enc(month));
    for (k, v) in extra.iter().filter(|(_, v)| !v.is_empty()) {
        query.push_str(&format!("&{k}={}", enc(v)));
    }
    query
}

/// Month navigation and the other views of the same month: 前の月 / 次の月, 突合一覧,
/// 月次の進み具合, 印刷用の表示, CSV.
#[component]
pub fn ReconcileLinks(
    /// 対象年月, YYYYMM.
    #[prop(into)]
    month: String,
    /// The page these links sit on (its own path is not linked).
    current: &'static str,
    /// Partner filter carried to print and CSV.
    #[prop(into, optional)]
    partner: String,
) -> impl IntoView {
    let prev = shift_month(&month, -1);
    let next = shift_month(&month, 1);
    let views = [
        ("/reconcile", "突合一覧"),
        ("/reconcile/board", "月次の進み具合"),
        ("/reconcile/print", "印刷用の表示"),
    ];
    let csv = format!(
        "/reconcile/export.csv{}",
        month_query(&month, &[("partner", &partner)])
    );
    view! {
        <nav class="reconcile-links print-hide" aria-label="表示する月と画面">
            <ul class="reconcile-links__list">
                <li><a href=format!("{current}{}", month_query(&prev, &[])) rel="prev">{format!("前の月（{}）", crate::format::month(&prev))}</a></li>
                <li><a href=format!("{current}{}", month_query(&next, &[])) rel="next">{format!("次の月（{}）", crate::format::month(&next))}</a></li>
                {views
                    .into_iter()
                    .filter(|(path, _)| *path != current)
                    .map(|(path, label)| {
                        let extra = if path == "/reconcile/print" { vec![("partner", partner.as_str())] } else { Vec::new() };
                        view! { <li><a href=format!("{path}{}", month_query(&month, &extra))>{label}</a></li> }
                    })
                    .collect_view()}
                <li><a href=csv download="">"差異一覧をCSVで出力"</a></li>
            </ul>
        </nav>
    }
}
