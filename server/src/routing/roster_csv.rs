//! The 利用者台帳 as CSV: UTF-8 with a BOM (Excel opens it as UTF-8), one header line, and
//! cells beginning with `=` `+` `-` `@` (or a tab or carriage return) prefixed with `'` so a
//! spreadsheet shows them as text instead of running them as formulas. Import reads the same
//! layout back (the `'` is removed again) and reports every problem in Japanese with its line.

use app::types::normalize::fold_digits;

/// Column headings, in order.
pub const HEADER: [&str; 7] = [
    "保険者番号",
    "被保険者番号",
    "氏名",
    "フリガナ",
    "生年月日",
    "担当者ログインID",
    "担当者名",
];

/// Most data lines accepted in one import.
pub const MAX_LINES: usize = 10_000;

/// A checked line of an import file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedLine {
    /// Line in the file (the header is line 1).
    pub line: u64,
    pub insurer: String,
    pub insured: String,
    pub name: String,
    pub kana: String,
    /// YYYYMMDD or empty.
    pub birth_date: String,
    /// 担当者ログインID or empty (未割当).
    pub assignee_login: String,
}

/// One exported row.
pub struct ExportRow<'a> {
    pub insurer: &'a str,
    pub insured: &'a str,
    pub name: &'a str,
    pub kana: &'a str,
    pub birth_date: &'a str,
    pub assignee_login: &'a str,
    pub assignee_name: &'a str,
}

/// Makes a cell safe for spreadsheets (CSV injection): a leading `=` `+` `-` `@`, tab or CR
/// gets a `'` in front.
pub fn escape_cell(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    }
}

/// Undoes [`escape_cell`] on import.
fn unescape_cell(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest)
            if matches!(
                rest.chars().next(),
                Some('=' | '+' | '-' | '@' | '\t' | '\r')
            ) =>
        {
            rest
        }
        _ => value,
    }
}

/// The export file: BOM, header, rows, CRLF line ends.
pub fn export(rows: &[ExportRow<'_>]) -> Result<Vec<u8>, csv::Error> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        writer.write_record(HEADER)?;
        for r in rows {
            writer.write_record(
                [
                    r.insurer,
                    r.insured,
                    r.name,
                    r.kana,
                    r.birth_date,
                    r.assignee_login,
                    r.assignee_name,
                ]
                .map(escape_cell),
            )?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// ひらがな become カタカナ (フリガナ is stored in katakana); other characters stay.
pub fn katakana(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            'ぁ'..='ゖ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `19500401`, `1950-04-01`, `1950/4/1` (全角 too) → `19500401`; empty stays empty; `None`
/// for anything else.
pub fn birth_date(input: &str) -> Option<String> {
    let text: String = input
        .chars()
        .map(app::types::normalize::fold_full_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '/' | 'ー' | '‐' | '−') {
                '-'
            } else {
                c
            }
        })
        .collect();
    if text.is_empty() {
        return Some(String::new());
    }
    let (y, m, d) = match text.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] => (y.to_string(), m.to_string(), d.to_string()),
        [all] if all.len() == 8 && all.is_ascii() => {
            (all[..4].into(), all[4..6].into(), all[6..].into())
        }
        _ => return None,
    };
    let (y, m, d): (i32, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let month = time::Month::try_from(m).ok()?;
    time::Date::from_calendar_date(y, month, d).ok()?;
    Some(format!("{y:04}{m:02}{d:02}"))
}

/// Reads and checks an import file. Any error rejects the whole file (all-or-nothing).
pub fn parse(bytes: &[u8]) -> Result<Vec<ParsedLine>, Vec<String>> {
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(vec![
            "ファイルの文字コードがUTF-8ではありません（Shift_JISで保存されている可能性があります）。Excelでは「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。".into(),
        ]);
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(|c| c.trim().to_string()).collect(),
        Some(Err(_)) => return Err(vec!["1行目を読み取れませんでした。".into()]),
        None => {
            return Err(vec![
                "ファイルが空です。書き出したCSVに記入して取り込んでください。".into(),
            ])
        }
    };
    if header.len() < 6 || header[..6] != HEADER[..6] {
        return Err(vec![format!(
            "1行目の見出しが違います。「{}」の順に並べてください（「台帳をCSVで書き出す」で見本を取得できます）。",
            HEADER.join(",")
        )]);
    }
    let mut lines: Vec<ParsedLine> = Vec::new();
    let mut errors = Vec::new();
    for (index, record) in records.enumerate() {
        let line = u64::try_from(index).unwrap_or(u64::MAX).saturating_add(2);
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                errors.push(format!(
                    "{line}行目を読み取れませんでした。引用符（\"）の対応を確認してください。"
                ));
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if lines.len() >= MAX_LINES {
            errors.push(format!(
                "一度に取り込めるのは{MAX_LINES}行までです。ファイルを分けてください。"
            ));
            break;
        }
        let cell = |i: usize| unescape_cell(record.get(i).unwrap_or("").trim()).to_string();
        let insurer = fold_digits(&cell(0));
        let insured = fold_digits(&cell(1)).to_uppercase();
        let mut ok = true;
        if insurer.len() != 6 || !insurer.bytes().all(|b| b.is_ascii_digit()) {
            errors.push(format!(
                "{line}行目：保険者番号は6桁の数字で入力してください（入力：「{}」）。",
                cell(0)
            ));
            ok = false;
        }
        if !crate::spec_csv::values::InsuredNumber::is_valid(&insured) {
            errors.push(format!(
                "{line}行目：被保険者番号は10桁の数字（生活保護単独の方は「H」と9桁の数字）で入力してください（入力：「{}」）。",
                cell(1)
            ));
            ok = false;
        }
        let birth = birth_date(&cell(4)).unwrap_or_else(|| {
            errors.push(format!("{line}行目：生年月日は「19500401」または「1950-04-01」の形で入力してください（入力：「{}」）。", cell(4)));
            ok = false;
            String::new()
        });
        if let Some(first) = lines
            .iter()
            .find(|l| l.insurer == insurer && l.insured == insured)
        {
            errors.push(format!(
                "{line}行目：保険者番号 {insurer}・被保険者番号 {insured} は{}行目と重複しています。1人1行にしてください。",
                first.line
            ));
            ok = false;
        }
        if ok {
            lines.push(ParsedLine {
                line,
                insurer,
                insured,
                name: app::types::normalize::fold_spaces(&cell(2)),
                kana: katakana(&app::types::normalize::fold_spaces(&cell(3))),
                birth_date: birth,
                assignee_login: cell(5),
            });
        }
    }
    if lines.is_empty() && errors.is_empty() {
        errors.push("取り込む行がありません。2行目から利用者を記入してください。".into());
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
#[path = "roster_csv_tests.rs"]
mod tests;
