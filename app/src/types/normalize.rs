//! Accept generously, store strictly (UI.md §7): folding of what staff type.

/// Folds full-width ASCII to half-width and drops spaces and the hyphen look-alikes staff type
/// between digit groups (`-` `－` `ー` `‐` `−`).
pub fn fold_digits(input: &str) -> String {
    input
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{3000}' | '-' | '－' | 'ー' | '‐' | '−' | '\t'))
        .map(fold_full_width)
        .collect()
}

/// Full-width ASCII variants (U+FF01..U+FF5E) become their half-width forms.
pub fn fold_full_width(c: char) -> char {
    let code = c as u32;
    if (0xFF01..=0xFF5E).contains(&code) {
        char::from_u32(code - 0xFEE0).unwrap_or(c)
    } else {
        c
    }
}

/// Trims and folds runs of (half- or full-width) spaces into one half-width space, as names are
/// stored "as typed" otherwise (no NFKC: it would change 神 and ㈱).
pub fn fold_spaces(input: &str) -> String {
    input
        .split([' ', '\u{3000}', '\t'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_become_half_width() {
        assert_eq!(fold_digits("０１２"), "012");
    }

    #[test]
    fn runs_of_spaces_fold_to_one() {
        assert_eq!(fold_spaces("  山田　　太郎 "), "山田 太郎");
    }
}
