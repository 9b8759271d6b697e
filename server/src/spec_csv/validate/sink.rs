//! Collects findings for one file, capped at [`super::MAX_FINDINGS`].

use crate::spec_csv::report::{FileReport, Finding, Rule, Severity};
use crate::spec_csv::SpecFileName;

/// Finding collector with a cap, so hostile input cannot grow the report without bound.
pub(super) struct Sink {
    file: String,
    findings: Vec<Finding>,
    truncated: bool,
}

impl Sink {
    pub(super) fn new(file: &str) -> Self {
        Self {
            file: file.to_owned(),
            findings: Vec::new(),
            truncated: false,
        }
    }

    /// A finding about the whole file.
    pub(super) fn file_level(&mut self, severity: Severity, rule: Rule, message: String) {
        self.push(None, None, None, severity, rule, message);
    }

    /// A finding at a line and, optionally, a column.
    pub(super) fn at(
        &mut self,
        line: u64,
        column: Option<usize>,
        field: Option<&'static str>,
        severity: Severity,
        rule: Rule,
        message: String,
    ) {
        self.push(Some(line), column, field, severity, rule, message);
    }

    fn push(
        &mut self,
        line: Option<u64>,
        column: Option<usize>,
        field: Option<&'static str>,
        severity: Severity,
        rule: Rule,
        message: String,
    ) {
        if self.findings.len() >= super::MAX_FINDINGS {
            if !self.truncated {
                self.truncated = true;
                self.findings.push(Finding {
                    file: self.file.clone(),
                    line: None,
                    column: None,
                    field: None,
                    severity: Severity::Error,
                    rule: Rule::Truncated,
                    message: format!(
                        "指摘が{}件を超えたため、以降は省略しました。",
                        super::MAX_FINDINGS
                    ),
                });
            }
            return;
        }
        self.findings.push(Finding {
            file: self.file.clone(),
            line,
            column,
            field,
            severity,
            rule,
            message,
        });
    }

    /// The report, findings ordered by line then column (file-level ones first).
    pub(super) fn finish(mut self, name: Option<SpecFileName>, records: usize) -> FileReport {
        self.findings
            .sort_by_key(|f| (f.rule == Rule::Truncated, f.line, f.column));
        FileReport {
            file: self.file,
            name,
            records,
            findings: self.findings,
        }
    }
}
