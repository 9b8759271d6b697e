use crate::error::AppError;
use crate::types::NavCounts;
use leptos::prelude::*;

/// 「未読 3件」 after 自分の受信 and 「3件」 after 未割当 in the navigation (nothing at zero).
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
                    "/inbox/mine" if counts.mine_unread > 0 => Some(format!("未読 {}件", counts.mine_unread)),
                    "/inbox/unassigned" if counts.unassigned > 0 => Some(format!("{}件", counts.unassigned)),
                    _ => None,
                };
                text.map(|t| view! { " "<span class="site-nav__count">{t}</span> })
            })}
        </Suspense>
    }
}
