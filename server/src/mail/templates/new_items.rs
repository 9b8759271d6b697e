/// 新しいファイルが届きました: no personal or care data, only the count, the sending office
/// and a link to the inbox.
pub fn render(name: &str, office: &str, partner: &str, count: i64, link: &str) -> (String, String) {
    let body = format!(
        "{name} 様\n\n{partner}から、{office}あてに{count}件のファイルが届きました。\n\
         ポータルにログインして、受信一覧で内容を確認してください。\n\n{link}\n\n\
         このメールの受け取りは、ポータルの「通知の設定」で止められます。\n"
    );
    ("新しいファイルが届きました".to_string(), body)
}
