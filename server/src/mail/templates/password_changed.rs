/// パスワードが変更されました.
pub fn render(name: &str, login_url: &str) -> (String, String) {
    let body = format!(
        "{name} 様\n\nケアプラン連携ポータルのパスワードが変更されました。\n\
         ほかの端末でのログインは、すべて終了しています。\n\n\
         この変更に心当たりがない場合は、すぐに事業所の管理者に連絡し、\n\
         次の画面の「パスワードを忘れた場合」からパスワードを設定し直してください。\n\n{login_url}\n"
    );
    ("パスワードが変更されました".to_string(), body)
}
