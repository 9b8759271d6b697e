use crate::error::AppError;
use crate::types::{NavCounts, NAV_COUNT_CAP};
use leptos::prelude::*;

/// 「未読 3件」 after 自分の受信 and 「3件」 after 未割当 in the navigation (nothing at zero;
/// 「100件以上」 from the cap up).
#[component]
pub fn NavCount(
    counts: Resource<Result<NavCounts, AppError>>,
    href: &'static str,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let counts = counts.await.unwrap_or_default();
                let text = match href {
                    "/inbox/mine" if counts.mine_unread > 0 => Some(format!("未読 {}", shown(counts.mine_unread))),
                    "/inbox/unassigned" if counts.unassigned > 0 => Some(shown(counts.unassigned)),
                    _ => None,
                };
                text.map(|t| view! { " "<span class="site-nav__count">{t}</span> })
            })}
        </Suspense>
    }
}

/// 「n件」, or 「100件以上」 where the count stopped at the cap.
pub fn shown(count: i64) -> String {
    if count >= NAV_COUNT_CAP {
        format!("{NAV_COUNT_CAP}件以上")
    } else {
        format!("{count}件")
    }
}
