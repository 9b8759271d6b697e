use super::{SupersededBanner, VersionStampLine};
use crate::types::VersionStamp;
use leptos::prelude::*;

/// One person's printable sheet (UI.md §15): a new A4 page, landscape where the paper form is,
/// and the version stamp in a repeated table header so it prints on every page of the sheet.
/// The frame table is layout only (`role="presentation"`); the forms inside are data tables.
#[component]
pub fn PrintSheet(
    /// Fragment id (`person-1`), also the prefix of ids inside.
    #[prop(into)]
    anchor: String,
    /// Sheet heading: form and person.
    #[prop(into)]
    title: String,
    /// A4 landscape when true.
    landscape: bool,
    /// 版の表示.
    stamp: VersionStamp,
    /// When the page was made.
    printed_at_ms: i64,
    children: Children,
) -> AnyView {
    let title_id = format!("{anchor}-title");
    let orientation = if landscape { "landscape" } else { "portrait" };
    let anchor_ref = anchor.clone();
    let title_id_ref = title_id.clone();
    view! {
        <section class="print-sheet" id=anchor_ref data-orientation=orientation aria-labelledby=title_id_ref>
            <table class="print-sheet__frame" role="presentation">
                <thead class="print-sheet__head">
                    <tr><td><VersionStampLine stamp=stamp.clone() printed_at_ms=printed_at_ms/></td></tr>
                </thead>
                <tbody>
                    <tr><td class="print-sheet__body">
                        <SupersededBanner stamp=stamp id=anchor/>
                        <h2 class="print-sheet__title" id=title_id>{title}</h2>
                        {children()}
                    </td></tr>
                </tbody>
            </table>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_of_a_replaced_version_repeats_its_old_version_stamp_and_carries_the_banner() {
        let stamp = VersionStamp {
            created_on: Some("20250401".into()),
            is_latest: Some(false),
            latest_url: Some("/latest".into()),
            ..VersionStamp::default()
        };
        let html = Owner::new().with(|| {
            view! {
                <PrintSheet anchor="person-2" title="第2表" landscape=true stamp=stamp printed_at_ms=0>
                    <p>"本文"</p>
                </PrintSheet>
            }
            .to_html()
        });
        let head = html
            .split(r#"<thead class="print-sheet__head">"#)
            .nth(1)
            .and_then(|rest| rest.split("</thead>").next())
            .unwrap_or_default();
        assert!(
            head.contains("旧版") && head.contains("最新版ではありません"),
            "{head}"
        );
        let body = html.split("</thead>").nth(1).unwrap_or_default();
        assert!(
            body.contains("この計画は新しい版で置き換えられています"),
            "{body}"
        );
        assert!(body.contains(r#"href="/latest""#));
        assert!(
            html.contains(r#"id="person-2" data-orientation="landscape""#),
            "{html}"
        );
    }
}
