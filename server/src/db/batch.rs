//! `Batch`: writes whose results nobody reads, sent together.
//!
//! sqlx runs each SQLite statement on the connection's own thread, so every statement is a
//! hand-off there and back (60 to 80 µs on a 2-core machine), and inside a write transaction
//! all other writers wait out every hand-off: SQLite has one write lock. SQLite runs a text
//! of several statements in one call, so a batch is one hand-off. PostgreSQL takes one
//! statement per message when values are bound, so there the statements run one after the
//! other, as they would without a batch.
//!
//! Statements keep their own `$1…$n`; on SQLite they are renumbered into one list of values.
//! Their SQL must not hold a `$` other than placeholders (no dollar quoting, no `$` in text
//! literals). A batch runs in the transaction's scope at the time it runs: on PostgreSQL
//! (row-level security) build and run it within one office scope.

use crate::error::InfraResult;
use sqlx::any::AnyArguments;
use sqlx::error::BoxDynError;
use sqlx::{Any, AnyConnection, Arguments, Encode, Executor, Type};

type Bind<'q> = Box<dyn FnOnce(&mut AnyArguments<'q>) -> Result<(), BoxDynError> + Send + 'q>;

/// One statement of a [`Batch`] with its values.
pub struct Statement<'q> {
    sql: String,
    binds: Vec<Bind<'q>>,
}

impl<'q> Statement<'q> {
    /// A statement whose placeholders are `$1…$n`, bound in order by [`Statement::bind`].
    pub fn new(sql: impl Into<String>) -> Self {
        Self {
            sql: sql.into(),
            binds: Vec::new(),
        }
    }

    /// Binds the next value.
    pub fn bind<T>(mut self, value: T) -> Self
    where
        T: Encode<'q, Any> + Type<Any> + Send + 'q,
    {
        self.binds.push(Box::new(move |args| args.add(value)));
        self
    }
}

/// Statements to run in order; see the module documentation.
#[derive(Default)]
pub struct Batch<'q> {
    statements: Vec<Statement<'q>>,
}

impl<'q> Batch<'q> {
    /// An empty batch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a statement after those already added.
    pub fn push(&mut self, statement: Statement<'q>) {
        self.statements.push(statement);
    }

    /// Runs the statements in order (on SQLite in one call), or nothing if there are none.
    pub async fn run(self, conn: &mut AnyConnection) -> InfraResult<()> {
        if conn.backend_name() != "SQLite" {
            for statement in self.statements {
                let mut args = AnyArguments::default();
                for bind in statement.binds {
                    bind(&mut args).map_err(sqlx::Error::Encode)?;
                }
                conn.execute(sqlx::query_with(&statement.sql, args)).await?;
            }
            return Ok(());
        }
        if self.statements.is_empty() {
            return Ok(());
        }
        let mut sql = String::new();
        let mut args = AnyArguments::default();
        let mut offset = 0;
        for statement in self.statements {
            renumber(&statement.sql, offset, &mut sql);
            sql.push_str(";\n");
            offset += statement.binds.len();
            for bind in statement.binds {
                bind(&mut args).map_err(sqlx::Error::Encode)?;
            }
        }
        conn.execute(sqlx::query_with(&sql, args)).await?;
        Ok(())
    }
}

/// Appends `sql` to `out` with every placeholder `$k` written as `$(k + offset)`.
fn renumber(sql: &str, offset: usize, out: &mut String) {
    let mut rest = sql;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        match rest[..digits].parse::<usize>() {
            Ok(k) => out.push_str(&(k + offset).to_string()),
            Err(_) => out.push_str(&rest[..digits]),
        }
        rest = &rest[digits..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    #[test]
    fn renumbering_moves_every_placeholder_by_the_offset() {
        let mut out = String::new();
        super::renumber("insert into t values ($1, $2), ($1, $10)", 3, &mut out);
        assert_eq!(out, "insert into t values ($4, $5), ($4, $13)");
        out.clear();
        super::renumber("select 1", 3, &mut out);
        assert_eq!(out, "select 1");
    }
}
