use leptos::prelude::*;

/// The three upload steps (UI.md §13), the current one marked with `aria-current="step"`.
#[component]
pub fn Steps(
    /// 1, 2 or 3.
    current: u8,
) -> impl IntoView {
    let steps = [
        (1u8, "ファイルを選ぶ"),
        (2, "内容を確認する"),
        (3, "送信しました"),
    ];
    view! {
        <ol class="steps">
            {steps.into_iter().map(|(n, label)| {
                let here = (n == current).then_some("step");
                view! { <li class="steps__item" aria-current=here>{format!("{n}. {label}")}</li> }
            }).collect_view()}
        </ol>
    }
}
