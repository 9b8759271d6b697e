/// 担当のファイルが届きました / 割り当てられました: to the assignee. No personal or care data:
/// the count, the partner office (or offices) and a link to 自分の受信.
pub fn render(
    name: &str,
    office: &str,
    partner: &str,
    count: i64,
    link: &str,
    reassigned: bool,
) -> (String, String) {
    let (subject, what) = if reassigned {
        (
            "担当のファイルが割り当てられました",
            format!("{office}で、{partner}から届いたファイル{count}件があなたの担当になりました。"),
        )
    } else {
        (
            "担当のファイルが届きました",
            format!(
                "{partner}から、{office}のあなたの担当の利用者のファイルが{count}件届きました。"
            ),
        )
    };
    let body = format!(
        "{name} 様\n\n{what}\nポータルにログインして、「自分の受信」で内容を確認してください。\n\n{link}\n\n\
         このメールの受け取り方（届くたび・1日1回・受け取らない）は、ポータルの「通知の設定」で変えられます。\n"
    );
    (subject.to_string(), body)
}

/// 担当のファイルのお知らせ（1日分）: the daily digest. Counts and office names only.
pub fn render_digest(
    name: &str,
    office: &str,
    partners: &str,
    count: i64,
    link: &str,
) -> (String, String) {
    let body = format!(
        "{name} 様\n\n前回のお知らせ以降、{office}であなたの担当になったファイルが{count}件あります（送信元：{partners}）。\n\
         ポータルにログインして、「自分の受信」で内容を確認してください。\n\n{link}\n\n\
         このメールの受け取り方（届くたび・1日1回・受け取らない）は、ポータルの「通知の設定」で変えられます。\n"
    );
    ("担当のファイルのお知らせ（1日分）".to_string(), body)
}
