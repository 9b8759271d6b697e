use super::fields::{text, Field};
use crate::format::ymd;
use crate::types::{PersonHeader, SheetKey};

/// 「山田 太郎 殿（ヤマダ タロウ）」, or the 被保険者番号 when the file names nobody.
pub fn person_title(person: &PersonHeader, key: &SheetKey) -> String {
    match (&person.name, &person.kana) {
        (Some(name), Some(kana)) => format!("{name} 殿（{kana}）"),
        (Some(name), None) => format!("{name} 殿"),
        _ => format!("被保険者番号 {}", key.insured),
    }
}

/// The header rows every form starts with: 利用者名, 生年月日, 性別, 住所, 保険者番号,
/// 被保険者番号 (only what the files carry).
pub fn person_rows(person: &PersonHeader, key: &SheetKey) -> Vec<Vec<Field>> {
    let mut first: Vec<Field> = vec![("利用者名", text(person_title(person, key)))];
    if let Some(birth) = person
        .birth_date
        .as_deref()
        .map(ymd)
        .filter(|d| !d.is_empty())
    {
        first.push(("生年月日", text(birth)));
    }
    if let Some(sex) = &person.sex {
        first.push(("性別", text(sex.clone())));
    }
    let mut rows = vec![first];
    if let Some(address) = &person.address {
        rows.push(vec![("住所", text(address.clone()))]);
    }
    rows.push(vec![
        ("保険者番号", text(key.insurer.clone())),
        ("被保険者番号", text(key.insured.clone())),
    ]);
    rows
}
