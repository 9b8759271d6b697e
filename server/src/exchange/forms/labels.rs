//! Code values of the standard (spec.md §3, コード表) as the paper forms print them.

use app::types::{Choice, ServiceTypeCode};

/// Options in paper order, the chosen ones marked; a code outside the list is appended as
/// chosen with `extra`'s label so nothing in the file goes unseen.
fn choice(options: &[(&str, &str)], chosen: &[&str], extra: Option<String>) -> Choice {
    let mut out: Vec<(String, bool)> = options
        .iter()
        .map(|(code, label)| (label.to_string(), chosen.contains(code)))
        .collect();
    if let Some(label) = extra {
        out.push((label, true));
    }
    Choice { options: out }
}

/// 計画書区分 (11 初回 … 54 初回＆紹介＆継続) as 「初回・紹介・継続」.
pub fn plan_category(code: &str) -> Choice {
    let chosen: &[&str] = match code {
        "11" => &["11"],
        "12" => &["12"],
        "21" => &["21"],
        "51" => &["11", "12"],
        "52" => &["11", "21"],
        "53" => &["12", "21"],
        "54" => &["11", "12", "21"],
        _ => &[],
    };
    let extra = (chosen.is_empty() && !code.is_empty()).then(|| format!("区分 {code}"));
    choice(
        &[("11", "初回"), ("12", "紹介"), ("21", "継続")],
        chosen,
        extra,
    )
}

/// 認定状況区分 as 「認定済・申請中」.
pub fn cert_status(code: &str) -> Choice {
    let known = matches!(code, "1" | "2");
    let extra = (!known && !code.is_empty()).then(|| format!("区分 {code}"));
    choice(&[("2", "認定済"), ("1", "申請中")], &[code], extra)
}

/// 要介護状態区分 label (06 事業対象者, 12/13 要支援1/2, 21–25 要介護1–5); the basic-info
/// list's 01 reads 非該当.
pub fn care_level(code: &str) -> String {
    match code {
        "01" => "非該当".into(),
        "06" => "事業対象者".into(),
        "12" => "要支援1".into(),
        "13" => "要支援2".into(),
        "21" => "要介護1".into(),
        "22" => "要介護2".into(),
        "23" => "要介護3".into(),
        "24" => "要介護4".into(),
        "25" => "要介護5".into(),
        "" => String::new(),
        other => format!("区分 {other}"),
    }
}

/// 要介護状態区分 as the 第1表 prints it: 「要介護1・…・要介護5」.
pub fn care_level_choice(code: &str) -> Choice {
    let levels = [
        ("21", "要介護1"),
        ("22", "要介護2"),
        ("23", "要介護3"),
        ("24", "要介護4"),
        ("25", "要介護5"),
    ];
    let listed = levels.iter().any(|(c, _)| *c == code);
    let extra = (!listed && !code.is_empty()).then(|| care_level(code));
    choice(&levels, &[code], extra)
}

/// 生活援助中心型の算定理由.
pub fn living_support_reason(code: &str) -> Choice {
    let known = matches!(code, "1" | "2" | "3");
    let extra = (!known && !code.is_empty()).then(|| format!("区分 {code}"));
    choice(
        &[
            ("1", "1. 一人暮らし"),
            ("2", "2. 家族等が障害、疾病等"),
            ("3", "3. その他"),
        ],
        &[code],
        extra,
    )
}

/// 要支援状態区分 of the 予防 plan.
pub fn support_level(code: &str) -> Choice {
    let known = matches!(code, "1" | "2" | "3");
    let extra = (!known && !code.is_empty()).then(|| format!("区分 {code}"));
    choice(
        &[("1", "要支援1"), ("2", "要支援2"), ("3", "地域支援事業")],
        &[code],
        extra,
    )
}

/// 性別.
pub fn sex(code: &str) -> Option<String> {
    match code {
        "1" => Some("男".into()),
        "2" => Some("女".into()),
        _ => None,
    }
}

/// 1 有 / 2 無 and similar two-valued codes.
pub fn one_two(code: &str, one: &str, two: &str) -> String {
    match code {
        "1" => one.into(),
        "2" => two.into(),
        other => other.into(),
    }
}

/// 「訪問介護（111111）」 for a サービスコード, the 種類 named from its first two characters.
pub fn service_code(code: &str) -> String {
    match code.get(..2).and_then(|t| ServiceTypeCode::parse(t).ok()) {
        Some(kind) => format!("{}（{code}）", kind.label()),
        None => code.to_string(),
    }
}

/// サービス種類 label of a two-character code.
pub fn service_type(code: &str) -> String {
    match ServiceTypeCode::parse(code) {
        Ok(kind) => format!("{}（{code}）", kind.label()),
        Err(_) => code.to_string(),
    }
}

/// `HHMM` as 「9:00」; `None` for `9999`, empty or malformed times.
pub fn hhmm(value: &str) -> Option<(u32, String)> {
    if value.len() != 4 || value == "9999" {
        return None;
    }
    let h: u32 = value.get(..2)?.parse().ok()?;
    let m: u32 = value.get(2..)?.parse().ok()?;
    (h <= 24 && m < 60).then(|| (h * 60 + m, format!("{h}:{m:02}")))
}

/// 「9:00〜10:00」, 「9:00〜」 or empty.
pub fn time_range(start: &str, end: &str) -> String {
    match (hhmm(start), hhmm(end)) {
        (Some((_, s)), Some((_, e))) => format!("{s}〜{e}"),
        (Some((_, s)), None) => format!("{s}〜"),
        _ => String::new(),
    }
}

/// Non-empty parts joined with a space.
pub fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combined_plan_categories_mark_each_part() {
        assert_eq!(plan_category("52").chosen(), vec!["初回", "継続"]);
        assert_eq!(plan_category("99").chosen(), vec!["区分 99"]);
        assert!(plan_category("").chosen().is_empty());
    }

    #[test]
    fn care_levels_outside_the_first_table_list_are_still_shown() {
        assert_eq!(care_level_choice("23").chosen(), vec!["要介護3"]);
        assert_eq!(care_level_choice("13").chosen(), vec!["要支援2"]);
    }

    #[test]
    fn times_read_as_clock_times_and_9999_as_none() {
        assert_eq!(time_range("0900", "1030"), "9:00〜10:30");
        assert_eq!(time_range("9999", "9999"), "");
        assert_eq!(hhmm("2560"), None);
    }
}
