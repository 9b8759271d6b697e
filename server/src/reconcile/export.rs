//! The discrepancy list as CSV for Excel: UTF-8 with a BOM (so Excel reads Japanese), CRLF,
//! and every cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR)
//! prefixed with `'` (OWASP CSV injection).

use app::types::DiscrepancyList;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A cell a spreadsheet shows as text, never evaluates.
pub fn escape_cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// The list as CSV bytes.
pub fn to_csv(list: &DiscrepancyList) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    writer.write_record([
        "対象年月",
        "事業所名",
        "事業所番号",
        "保険者番号",
        "被保険者番号",
        "利用者名",
        "状態",
        "種類",
        "日付",
        "サービスコード",
        "内容",
        "担当",
    ])?;
    for r in &list.rows {
        let name = r.person.name.clone().unwrap_or_default();
        let cells = [
            list.month.as_str(),
            r.partner.label.as_str(),
            r.partner.number.as_str(),
            r.person.insurer.as_str(),
            r.person.insured.as_str(),
            name.as_str(),
            r.status.label(),
            r.kind.as_str(),
            r.date.as_str(),
            r.code.as_str(),
            r.message.as_str(),
            r.in_charge.as_str(),
        ];
        writer.write_record(cells.iter().map(|c| escape_cell(c)))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::types::{
        DiscrepancyRow, PartnerRef, ReconcilePersonRef, ReconcileStatus, StatusCounts,
    };

    fn list(name: &str) -> DiscrepancyList {
        DiscrepancyList {
            month: "202504".into(),
            rows: vec![DiscrepancyRow {
                partner: PartnerRef {
                    id: "x".into(),
                    label: "ひまわり訪問介護（事業所番号 1372345678）".into(),
                    number: "1372345678".into(),
                },
                person: ReconcilePersonRef {
                    insurer: "131016".into(),
                    insured: "0000000001".into(),
                    name: Some(name.into()),
                    kana: None,
                },
                status: ReconcileStatus::Differences,
                kind: "予定のみ（実績なし）".into(),
                date: "4月3日".into(),
                code: "111111".into(),
                message: "4月3日 111111 9:00〜10:00：予定がありますが、実績がありません。".into(),
                in_charge: "介護 一郎".into(),
            }],
            counts: StatusCounts::default(),
            partner: None,
            made_at: 0,
        }
    }

    #[test]
    fn the_file_starts_with_a_bom_and_keeps_japanese_and_leading_zeros() {
        let bytes = to_csv(&list("山田 太郎")).unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let mut lines = text.split("\r\n");
        assert!(lines.next().unwrap().starts_with("対象年月,事業所名,"));
        assert!(lines
            .next()
            .unwrap()
            .contains(",131016,0000000001,山田 太郎,差異あり,"));
    }

    #[test]
    fn formula_like_cells_are_escaped() {
        for evil in ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)"] {
            let bytes = to_csv(&list(evil)).unwrap();
            let text = String::from_utf8(bytes).unwrap();
            let mut reader =
                csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            let row = reader.records().next().unwrap().unwrap();
            assert_eq!(&row[5], format!("'{evil}"));
        }
        assert_eq!(escape_cell("山田"), "山田");
    }
}
