/// パスワード再設定のご案内.
pub fn render(name: &str, link: &str, minutes: i64, by_admin: bool) -> (String, String) {
    let reason = if by_admin {
        "事業所の管理者から、あなたのパスワード再設定の依頼がありました。"
    } else {
        "パスワードの再設定を受け付けました。"
    };
    let body = format!(
        "{name} 様\n\n{reason}\n次のリンクを開いて、新しいパスワードを設定してください。\n\n{link}\n\n\
         このリンクの有効期限は{minutes}分です。使えるのは1回だけです。\n\
         期限が切れた場合は、ログイン画面の「パスワードを忘れた場合」からもう一度お申し込みください。\n\n\
         心当たりがない場合は、このメールを削除してください。パスワードは変更されません。\n"
    );
    ("パスワード再設定のご案内".to_string(), body)
}
