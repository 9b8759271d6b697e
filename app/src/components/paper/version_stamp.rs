use crate::format::{date_time, ymd};
use crate::types::VersionStamp;
use leptos::prelude::*;

/// 版の表示 as one line: 「2025年4月1日（令和7年）作成｜受信 2025年4月1日 09:00｜版 2/3｜旧版」.
/// Unknown parts are left out; a replaced version also says 「最新版ではありません」 in words.
#[component]
pub fn VersionStampLine(
    /// The stamp.
    stamp: VersionStamp,
    /// When the page was made (出力), for printed copies.
    #[prop(optional)]
    printed_at_ms: Option<i64>,
) -> AnyView {
    let mut parts: Vec<String> = Vec::new();
    if let Some(created) = stamp
        .created_on
        .as_deref()
        .map(ymd)
        .filter(|d| !d.is_empty())
    {
        parts.push(format!("{created}作成"));
    }
    if let Some(at) = stamp.received_at_ms {
        parts.push(format!("受信 {}", date_time(at)));
    }
    if let Some(version) = stamp.version_label() {
        parts.push(version);
    }
    if let Some(at) = printed_at_ms {
        parts.push(format!("出力 {}", date_time(at)));
    }
    let superseded = stamp.is_superseded();
    let status = stamp.status_label().map(|label| {
        let data = if superseded { "updated" } else { "latest" };
        view! { " " <strong class="status-badge" data-status=data>{label}</strong> }
    });
    let warning = superseded.then(|| {
        view! { " " <strong class="version-stamp__warning">"最新版ではありません"</strong> }
    });
    view! {
        <p class="version-stamp" data-superseded=superseded.then_some("true")>
            <span class="u-visually-hidden">"版の表示："</span>
            {parts.join("｜")}
            {status}
            {warning}
        </p>
    }
    .into_any()
}

/// The warning banner of a replaced version (UI.md §11): 「この計画は新しい版で置き換えられています」
/// with a link to the latest version. Shows nothing unless `stamp.is_latest == Some(false)`.
/// It prints too, so a paper copy of an old version says so.
#[component]
pub fn SupersededBanner(
    /// The stamp of the version shown.
    stamp: VersionStamp,
    /// Unique prefix for the heading id when a page shows several banners.
    #[prop(optional, into)]
    id: String,
) -> AnyView {
    stamp.is_superseded().then(|| {
        let heading_id = if id.is_empty() {
            "version-notice".to_string()
        } else {
            format!("{id}-version-notice")
        };
        let shown = stamp
            .created_on
            .as_deref()
            .map(ymd)
            .filter(|d| !d.is_empty())
            .map(|d| format!("表示中：{d}作成の版（旧版）。"))
            .unwrap_or_else(|| "表示中の版は最新ではありません。".to_string());
        let link = stamp.latest_url.clone().map(|href| {
            view! { <p class="notice-banner__link"><a href=href>"最新版を表示する"</a></p> }
        });
        let heading_id_ref = heading_id.clone();
        view! {
            <section class="notice-banner" data-type="warning" aria-labelledby=heading_id_ref>
                <h2 class="notice-banner__title" id=heading_id>"この計画は新しい版で置き換えられています"</h2>
                <p class="notice-banner__message">{shown}" 印刷や取込には最新版をお使いください。"</p>
                {link}
            </section>
        }
    })
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(view: impl FnOnce() -> AnyView) -> String {
        let owner = Owner::new();
        owner.with(|| view().to_html())
    }

    #[test]
    fn a_replaced_version_shows_the_banner_with_a_link_and_an_old_version_stamp() {
        let stamp = VersionStamp {
            created_on: Some("20250401".into()),
            received_at_ms: Some(1_743_465_600_000),
            version_no: Some(1),
            version_count: Some(2),
            is_latest: Some(false),
            latest_url: Some("/deliveries/abc/files/def/form".into()),
        };
        let banner =
            render(|| view! { <SupersededBanner stamp=stamp.clone() id="person-1"/> }.into_any());
        assert!(
            banner.contains("この計画は新しい版で置き換えられています"),
            "{banner}"
        );
        assert!(
            banner.contains(r#"href="/deliveries/abc/files/def/form""#),
            "{banner}"
        );
        assert!(
            banner.contains(r#"id="person-1-version-notice""#),
            "{banner}"
        );
        let line = render(|| view! { <VersionStampLine stamp=stamp.clone()/> }.into_any());
        assert!(line.contains("2025年4月1日（令和7年）作成"), "{line}");
        assert!(line.contains("受信 2025年4月1日 09:00"), "{line}");
        assert!(line.contains("版 1/2"), "{line}");
        assert!(line.contains("旧版"), "{line}");
        assert!(line.contains("最新版ではありません"), "{line}");
    }

    #[test]
    fn the_latest_or_an_unknown_version_shows_no_banner() {
        for is_latest in [Some(true), None] {
            let stamp = VersionStamp {
                is_latest,
                latest_url: Some("/x".into()),
                ..VersionStamp::default()
            };
            let html = render(|| view! { <SupersededBanner stamp=stamp.clone()/> }.into_any());
            assert!(!html.contains("置き換えられています"), "{html}");
        }
        let latest = VersionStamp {
            is_latest: Some(true),
            ..VersionStamp::default()
        };
        let line = render(|| view! { <VersionStampLine stamp=latest.clone()/> }.into_any());
        assert!(line.contains("最新") && !line.contains("旧版"), "{line}");
    }
}
