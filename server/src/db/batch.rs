//! `Batch`: writes whose results nobody reads, sent together.
//!
//! Every statement is a round trip: on SQLite a hand-off to sqlx's connection thread and back
//! (60 to 80 µs on a 2-core machine), on PostgreSQL a message to the server and its answer;
//! and inside a write transaction on SQLite all other writers wait out every one of them
//! (SQLite has one write lock). A batch makes one round trip of several statements:
//! - SQLite runs a text of several statements in one call, in order.
//! - PostgreSQL takes one statement per message when values are bound, so the statements
//!   become data-modifying parts of one `with` statement. Those run on one snapshot and do
//!   not see each other's rows (foreign keys are checked at the end, and do); a statement
//!   that reads what earlier ones wrote is marked [`Statement::after_writes`] and runs on its
//!   own after them, as does one with a `with` of its own (which cannot be nested).
//!
//! Statements keep their own `$1…$n` and are renumbered into one list of values. Their SQL
//! must not hold a `$` other than placeholders (no dollar quoting, no `$` in text literals).
//! A batch runs in the transaction's scope at the time it runs: on PostgreSQL (row-level
//! security) build and run it within one office scope.

use crate::error::InfraResult;
use sqlx::any::AnyArguments;
use sqlx::error::BoxDynError;
use sqlx::{Any, AnyConnection, Arguments, Encode, Executor, Type};

type Bind<'q> = Box<dyn FnOnce(&mut AnyArguments<'q>) -> Result<(), BoxDynError> + Send + 'q>;

/// One statement of a [`Batch`] with its values.
pub struct Statement<'q> {
    sql: String,
    binds: Vec<Bind<'q>>,
    /// Reads rows that earlier statements of its batch write.
    after_writes: bool,
}

impl<'q> Statement<'q> {
    /// A statement whose placeholders are `$1…$n`, bound in order by [`Statement::bind`].
    pub fn new(sql: impl Into<String>) -> Self {
        Self {
            sql: sql.into(),
            binds: Vec::new(),
            after_writes: false,
        }
    }

    /// Marks a statement that reads rows written by statements before it in its batch (see
    /// the module documentation).
    pub fn after_writes(mut self) -> Self {
        self.after_writes = true;
        self
    }

    /// Whether the statement must run apart from others on PostgreSQL.
    fn alone(&self) -> bool {
        self.after_writes
            || self
                .sql
                .trim_start()
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("with"))
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

    /// Runs the statements in order (see the module documentation).
    pub async fn run(self, conn: &mut AnyConnection) -> InfraResult<()> {
        if conn.backend_name() == "SQLite" {
            return run_together(conn, self.statements, Shape::Sequence).await;
        }
        let mut group = Vec::new();
        for statement in self.statements {
            if statement.alone() {
                run_together(conn, std::mem::take(&mut group), Shape::With).await?;
                run_together(conn, vec![statement], Shape::With).await?;
            } else {
                group.push(statement);
            }
        }
        run_together(conn, group, Shape::With).await
    }
}

/// How statements become one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `a; b; c` (SQLite).
    Sequence,
    /// `with b0 as (a), b1 as (b) select 1` (PostgreSQL).
    With,
}

/// Runs `statements` as one statement of `shape` (a single one as it is); nothing for none.
async fn run_together(
    conn: &mut AnyConnection,
    statements: Vec<Statement<'_>>,
    shape: Shape,
) -> InfraResult<()> {
    let single = statements.len() == 1;
    let mut sql = String::new();
    let mut args = AnyArguments::default();
    let mut offset = 0;
    for (i, statement) in statements.into_iter().enumerate() {
        match shape {
            _ if single => renumber(&statement.sql, 0, &mut sql),
            Shape::Sequence => {
                renumber(&statement.sql, offset, &mut sql);
                sql.push_str(";\n");
            }
            Shape::With => {
                sql.push_str(if i == 0 { "with " } else { ",\n" });
                sql.push_str(&format!("b{i} as ("));
                renumber(&statement.sql, offset, &mut sql);
                sql.push(')');
            }
        }
        offset += statement.binds.len();
        for bind in statement.binds {
            bind(&mut args).map_err(sqlx::Error::Encode)?;
        }
    }
    if sql.is_empty() {
        return Ok(());
    }
    if shape == Shape::With && !single {
        sql.push_str("\nselect 1");
    }
    conn.execute(sqlx::query_with(&sql, args)).await?;
    Ok(())
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
