use super::fields::{text, Field};
use super::{person_rows, PaperFields};
use crate::format::{month_wareki, ymd};
use crate::types::{PersonHeader, SheetKey, UsageDetailForm};
use leptos::prelude::*;

/// Column headings of 区分支給限度管理・利用者負担計算 after 事業所名, 事業所番号 and サービス内容.
const VALUE_HEADS: [&str; 17] = [
    "単位数",
    "割引後 率（％）",
    "割引後 単位数",
    "回数",
    "サービス単位／金額",
    "給付管理単位数",
    "種類支給限度基準を超える単位数",
    "種類支給限度基準内単位数",
    "区分支給限度基準を超える単位数",
    "区分支給限度基準内単位数",
    "単位数単価",
    "費用総額（保険／事業対象分）",
    "給付率（％）",
    "保険／事業費請求額",
    "定額利用者負担単価金額",
    "利用者負担（保険／事業対象分）",
    "利用者負担（全額負担分）",
];

/// 第7表 サービス利用票別表: 区分支給限度管理・利用者負担計算 with subtotal and total rows,
/// 種類別支給限度管理 (from the 補足) and 短期入所利用日数.
#[component]
pub fn UsageDetailSheet(
    form: UsageDetailForm,
    person: PersonHeader,
    key: SheetKey,
    /// The sheet's fragment id, prefix of ids inside.
    #[prop(into)]
    anchor: String,
) -> AnyView {
    let mut rows: Vec<Vec<Field>> = vec![vec![
        ("対象年月", text(month_wareki(&form.target_month))),
        ("作成年月日", text(ymd(&form.created_on))),
    ]];
    rows.extend(person_rows(&person, &key));
    let limit = if form.category_limit.is_empty() {
        String::new()
    } else {
        format!("{}単位", form.category_limit)
    };
    rows.push(vec![("区分支給限度基準額", text(limit))]);
    let main_id = format!("{anchor}-limits");
    let type_id = format!("{anchor}-type-limits");
    let body = form
        .rows
        .into_iter()
        .map(|row| {
            let kind = row.row_kind.clone();
            view! {
                <tr data-row=kind>
                    <td><span class="paper-text">{row.provider_name}</span></td>
                    <td>{row.provider_code}</td>
                    <th scope="row">{row.service}</th>
                    {row.values.into_iter().map(|v| view! { <td class="paper-table__number">{v}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let type_limits = (!form.type_limits.is_empty()).then(|| {
        view! {
            <table class="paper-table">
                <caption class="paper-table__caption" id=type_id>"種類別支給限度管理"</caption>
                <thead><tr>
                    <th scope="col">"サービス種類"</th><th scope="col">"種類支給限度基準額（単位）"</th>
                    <th scope="col">"合計単位数"</th><th scope="col">"種類支給限度基準を超える単位数"</th>
                </tr></thead>
                <tbody>
                    {form.type_limits.into_iter().map(|[kind, limit, total, over]| view! {
                        <tr><th scope="row">{kind}</th><td class="paper-table__number">{limit}</td>
                            <td class="paper-table__number">{total}</td><td class="paper-table__number">{over}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    });
    let short_stay = form.short_stay.map(|[before, planned, total]| {
        view! {
            <table class="paper-table">
                <caption class="paper-table__caption">"短期入所利用日数"</caption>
                <thead><tr>
                    <th scope="col">"前月までの利用日数"</th><th scope="col">"当月の計画利用日数"</th><th scope="col">"累積利用日数"</th>
                </tr></thead>
                <tbody><tr>
                    <td class="paper-table__number">{before}</td><td class="paper-table__number">{planned}</td>
                    <td class="paper-table__number">{total}</td>
                </tr></tbody>
            </table>
        }
    });
    let main_id_ref = main_id.clone();
    view! {
        <PaperFields caption="第7表の基本情報" rows=rows/>
        <div class="scroll-area" role="region" aria-labelledby=main_id_ref tabindex="0">
            <table class="paper-table" data-variant="dense" data-layout="fixed">
                <caption class="paper-table__caption" id=main_id>"区分支給限度管理・利用者負担計算"</caption>
                <colgroup>
                    <col data-width="9"/><col data-width="7"/><col data-width="12"/><col span="17"/>
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">"事業所名"</th>
                        <th scope="col">"事業所番号"</th>
                        <th scope="col">"サービス内容／種類"</th>
                        {VALUE_HEADS.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <div class="paper-row">
            {type_limits}
            {short_stay}
        </div>
    }
    .into_any()
}
