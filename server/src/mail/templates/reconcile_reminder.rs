/// 実績が届いていない連携先のお知らせ: partner office names and counts only, no person.
pub fn render(
    name: &str,
    office: &str,
    month: &str,
    partners: &[(String, i64)],
    link: &str,
) -> (String, String) {
    let list: String = partners
        .iter()
        .map(|(partner, missing)| format!("・{partner}：未着 {missing}人\n"))
        .collect();
    let body = format!(
        "{name} 様\n\n{office}が送信した{month}の提供票（予定）について、まだ実績が届いていない連携先があります。\n\n\
         {list}\n実績の締切までに、連携先へご確認ください。ポータルの「月次の進み具合」で状況を確認できます。\n\n{link}\n\n\
         このお知らせを送る日は、ポータルの「実績未着のお知らせ」で変えられます。\n"
    );
    (
        format!("実績が届いていない連携先があります（{month}）"),
        body,
    )
}
