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
        <ol class="steps" role="list">
            {steps.into_iter().map(|(n, label)| {
                let here = (n == current).then_some("step");
                // The list numbers the steps for assistive technology; the number is drawn
                // once, in its circle (the list's own markers are off).
                view! {
                    <li class="steps__item" aria-current=here>
                        <span class="steps__number" aria-hidden="true">{n}</span>
                        <span class="steps__label">{label}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
