//! パスワードの決まり (MHLW 医療情報システムの安全管理に関するガイドライン 6.0): at least 13
//! characters, or 8 with two-factor login; at most 256 (bounded hashing cost); no composition
//! rules; not a common password (`common_passwords.txt`, also with leading and trailing
//! digits and symbols removed), not the person's login id, e-mail name or name, and not one
//! character or a simple run repeated.

use crate::auth::password::Password;

/// Minimum characters without two-factor login.
pub const MIN_CHARS: usize = 13;
/// Minimum characters with two-factor login.
pub const MIN_CHARS_TWO_FACTOR: usize = 8;
/// Maximum characters.
pub const MAX_CHARS: usize = 256;

const COMMON: &str = include_str!("common_passwords.txt");

/// Who the password is for (their own details may not be the password).
#[derive(Clone, Debug, Default)]
pub struct Owner<'a> {
    /// ログインID.
    pub login_id: &'a str,
    /// メールアドレス.
    pub email: &'a str,
    /// 氏名.
    pub display_name: &'a str,
}

/// The hint shown under a new-password field.
pub fn hint(two_factor: bool) -> String {
    let min = if two_factor {
        MIN_CHARS_TWO_FACTOR
    } else {
        MIN_CHARS
    };
    format!(
        "{min}文字以上にしてください。記号や数字を混ぜる必要はありません。覚えやすい長い文や、関係のない単語をいくつか並べたものが安全です。よく使われるパスワードや、ログインID・氏名を含むものは使えません。"
    )
}

/// Checks a new password; the error is the Japanese sentence for the field.
pub fn check(password: &Password, owner: &Owner<'_>, two_factor: bool) -> Result<(), String> {
    let raw = password.expose();
    let chars = raw.chars().count();
    let min = if two_factor {
        MIN_CHARS_TWO_FACTOR
    } else {
        MIN_CHARS
    };
    if chars == 0 {
        return Err("新しいパスワードを入力してください。".into());
    }
    if chars < min {
        return Err(format!(
            "パスワードは{min}文字以上にしてください（入力は{chars}文字です）。"
        ));
    }
    if chars > MAX_CHARS {
        return Err(format!("パスワードは{MAX_CHARS}文字以内にしてください。"));
    }
    let lower = raw.to_lowercase();
    if is_common(&lower) {
        return Err("このパスワードはよく使われていて推測されやすいため、使えません。別のパスワードにしてください。".into());
    }
    if contains_personal(&lower, owner) {
        return Err("ログインID、メールアドレス、氏名を含むパスワードは使えません。".into());
    }
    if is_repetitive(&lower) {
        return Err("同じ文字や同じ並びの繰り返しだけのパスワードは使えません。".into());
    }
    Ok(())
}

fn common_list() -> impl Iterator<Item = &'static str> {
    COMMON
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn is_common(lower: &str) -> bool {
    let core = lower.trim_matches(|c: char| {
        c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace()
    });
    common_list().any(|entry| entry == lower || entry == core)
        || (core.chars().count() < 4 && lower.is_ascii())
}

fn contains_personal(lower: &str, owner: &Owner<'_>) -> bool {
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let mut parts: Vec<String> = vec![owner.login_id.to_lowercase()];
    if let Some((local, _)) = owner.email.split_once('@') {
        parts.push(local.to_lowercase());
    }
    let name = owner.display_name.to_lowercase();
    parts.push(name.chars().filter(|c| !c.is_whitespace()).collect());
    parts.extend(name.split_whitespace().map(str::to_string));
    parts
        .iter()
        .filter(|p| p.chars().count() >= 4 || (p.chars().count() >= 2 && !p.is_ascii()))
        .any(|p| compact.contains(p.as_str()))
}

/// True if the password is one short unit repeated ("abcabcabcabc", "aaaaaaaaaaaaa").
fn is_repetitive(lower: &str) -> bool {
    let chars: Vec<char> = lower.chars().collect();
    (1..=chars.len() / 3).any(|unit| {
        chars.len().is_multiple_of(unit) && chars.chunks(unit).all(|chunk| chunk == &chars[..unit])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owner() -> Owner<'static> {
        Owner {
            login_id: "sakura-admin",
            email: "yamada.hanako@example.jp",
            display_name: "山田 花子",
        }
    }

    fn check_str(p: &str, two_factor: bool) -> Result<(), String> {
        check(&Password::new(p.into()), &owner(), two_factor)
    }

    #[test]
    fn a_long_unusual_passphrase_is_accepted_without_composition_rules() {
        assert_eq!(check_str("correct horse battery staple", false), Ok(()));
        assert_eq!(check_str("みかんとりんごの木の下で会おう", false), Ok(()));
    }

    #[test]
    fn thirteen_characters_are_needed_without_two_factor_and_eight_with_it() {
        assert!(check_str("tulip-moon-7", false)
            .unwrap_err()
            .contains("13文字以上"));
        assert_eq!(check_str("tulip-moon-7", true), Ok(()));
        assert!(check_str("tulip-7", true)
            .unwrap_err()
            .contains("8文字以上"));
    }

    #[test]
    fn common_passwords_are_refused_even_with_digits_and_symbols_around_them() {
        for p in [
            "password1234!",
            "1234567890123",
            "sakura2026!!!!",
            "Qwertyuiop123",
        ] {
            assert!(
                check_str(p, false).unwrap_err().contains("よく使われて"),
                "{p}"
            );
        }
    }

    #[test]
    fn the_login_id_email_or_name_inside_the_password_is_refused() {
        for p in [
            "my sakura-admin pass",
            "yamada.hanako!2026x",
            "山田花子のパスワードですよ",
        ] {
            assert!(
                check_str(p, false).unwrap_err().contains("氏名を含む"),
                "{p}"
            );
        }
    }

    #[test]
    fn a_repeated_unit_is_refused() {
        assert!(check_str("xyzxyzxyzxyzxyz", false)
            .unwrap_err()
            .contains("繰り返し"));
        assert!(check_str("ゆゆゆゆゆゆゆゆゆゆゆゆゆ", false)
            .unwrap_err()
            .contains("繰り返し"));
    }

    #[test]
    fn the_list_is_not_empty_and_lower_case() {
        assert!(common_list().count() > 300);
        assert!(common_list().all(|e| e == e.to_lowercase()));
    }
}
