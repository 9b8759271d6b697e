//! Reading a file's records into rows normalised to the current layout, and into typed records.

use super::csv_read::for_each_record;
use super::decode::DecodeError;
use super::file_kind::FileKind;
use super::layouts::{layout_for_width, Records};

/// One record whose column count matches a layout variant of its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line where the record starts.
    pub line: u64,
    /// Values in current-layout order; columns an older edition lacks are empty.
    pub fields: Vec<String>,
}

impl Row {
    /// Value of current-layout column `i` (0-based), empty if absent.
    pub fn get(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", String::as_str)
    }
}

/// The records of one file that fit a layout; rows of any other width are left out
/// (validation reports them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// File kind the rows were read as.
    pub kind: FileKind,
    /// Rows in file order.
    pub rows: Vec<Row>,
}

impl Table {
    /// Typed records; `None` for the JPEG image kind.
    pub fn to_records(&self) -> Option<Records> {
        let mut records = Records::empty(self.kind)?;
        for row in &self.rows {
            let fields: Vec<&str> = row.fields.iter().map(String::as_str).collect();
            records.push_fields(&fields);
        }
        Some(records)
    }
}

/// Decodes and splits `bytes` as a file of `kind`.
pub fn read_table(kind: FileKind, bytes: &[u8]) -> Result<Table, DecodeError> {
    let mut rows = Vec::new();
    for_each_record(bytes, |at, record| {
        let line = at.get();
        let Some(layout) = layout_for_width(kind, record.len()) else {
            return;
        };
        let mut fields = vec![String::new(); layout.full_width()];
        for (col, value) in record.iter().enumerate() {
            if let Some(slot) = fields.get_mut(layout.to_full(col)) {
                value.clone_into(slot);
            }
        }
        rows.push(Row { line, fields });
    })?;
    Ok(Table { kind, rows })
}

/// Decodes and parses `bytes` into typed records of `kind`; `None` for the JPEG image.
pub fn parse_records(kind: FileKind, bytes: &[u8]) -> Result<Option<Records>, DecodeError> {
    Ok(read_table(kind, bytes)?.to_records())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_v3_usage_row_is_widened_with_empty_tais_columns() {
        let v3 = "202208,131016,0000012345,20230101,202301,0300000100,山田,100,,20230105,,0900,1000,1,111111,1,0300000005,訪問,,0,,\r\n";
        let bytes = encoding_rs::SHIFT_JIS.encode(v3).0;
        let table = read_table(FileKind::UsagePlan, &bytes);
        let row = table.as_ref().ok().and_then(|t| t.rows.first().cloned());
        assert!(row.as_ref().is_some_and(|r| r.fields.len() == 25
            && r.get(15).is_empty()
            && r.get(19) == "0300000005"));
    }

    #[test]
    fn rows_of_a_wrong_width_are_left_out() {
        let table = read_table(
            FileKind::Plan1Delete,
            b"202407,131016,0000012345,20250401\r\n1,2\r\n",
        );
        assert_eq!(table.map(|t| t.rows.len()), Ok(1));
    }
}
