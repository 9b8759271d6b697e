//! The send units of `send`: ケアプランセンターさくら → ひまわり訪問介護, 3 files, ~60 KB.
//!
//! A unit's contents depend only on its block of persons; its ファイル連番 is in the file names
//! alone. So every block's files are made once, before the timed window, and a send only
//! writes its 連番 into the names. (Making the files in the loop cost the client about 0.8 ms
//! of CPU per send, mostly Shift_JIS encoding, on the machine the server shares.)

use crate::Failure;

/// Blocks of persons the sends take turns with (2,000 persons in all).
const PERSON_BLOCKS: u64 = 200;

/// Stands for the ファイル連番 in the names made once.
const STAMP: &str = "{stamp}";

/// Every block's files: names with [`STAMP`] in place of the 連番, and contents.
#[derive(Default)]
pub struct Units {
    blocks: Vec<Vec<(String, Vec<u8>)>>,
}

impl Units {
    /// Makes the files of every block.
    pub fn make() -> Result<Self, Failure> {
        let plan = office_plan();
        let blocks = (1..=PERSON_BLOCKS)
            .map(|block| block_files(&plan, block))
            .collect::<Result<_, _>>()?;
        Ok(Self { blocks })
    }

    /// Send `n`'s unit: a person's plan comes again every [`PERSON_BLOCKS`] sends, as an
    /// office re-sends a plan when it changes (re-sending the same persons every time would
    /// grow each version chain by hundreds of versions in seconds), and each send is the next
    /// valid ファイル連番 (YYYYMMDDhhmmss).
    pub fn unit(&self, n: u64) -> Vec<(String, Vec<u8>)> {
        let t = n % (28 * 86_400);
        let stamp = format!(
            "202504{:02}{:02}{:02}{:02}",
            1 + t / 86_400,
            t / 3600 % 24,
            t / 60 % 60,
            t % 60
        );
        let block = usize::try_from(n % PERSON_BLOCKS).unwrap_or_default();
        self.blocks[block]
            .iter()
            .map(|(name, bytes)| (name.replace(STAMP, &stamp), bytes.clone()))
            .collect()
    }
}

/// ケアプランセンターさくら and ひまわり訪問介護.
const SAKURA: (&str, &str) = ("1371234567", "43");
const HELPER: (&str, &str) = ("1372345678", "11");

/// The ~56 KB 第6表 between the two offices, before its persons are chosen.
fn office_plan() -> Vec<u8> {
    use server::spec_csv::sample;
    let mut plan = sample::usage_plan_bytes(56 * 1024);
    for (from, to) in [(sample::SENDER, SAKURA.0), (sample::DESTINATION, HELPER.0)] {
        plan = replace(&plan, from.as_bytes(), to.as_bytes());
    }
    plan
}

/// Block `block`'s files: 10 of its persons in the 第6表, one in the 第7表 and the 補足.
fn block_files(plan: &[u8], block: u64) -> Result<Vec<(String, Vec<u8>)>, Failure> {
    use server::cli::demo_files::unit_file;
    use server::spec_csv::{sample, FileKind};
    let (sakura, helper) = (SAKURA, HELPER);
    let plan = replace(plan, b",0000000", format!(",{block:07}").as_bytes());
    let single = |(name, bytes): (String, Vec<u8>)| {
        let person = format!(",{block:05}12345,");
        (name, replace(&bytes, b",0000012345,", person.as_bytes()))
    };
    let plan_name = format!(
        "UPPLAN_{}_{}_{}_{}_{}_{STAMP}.CSV",
        sample::MONTH,
        sakura.0,
        sakura.1,
        helper.0,
        helper.1
    );
    Ok(vec![
        (plan_name, plan),
        single(unit_file(FileKind::UsageDetail, sakura, helper, STAMP)?),
        single(unit_file(FileKind::Supplement, sakura, helper, STAMP)?),
    ])
}

fn replace(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Units;

    #[test]
    fn a_send_carries_its_block_of_persons_and_its_own_file_number() {
        let units = Units::make().expect("units");
        let first = units.unit(1);
        let again = units.unit(201);
        let next = units.unit(2);
        assert_eq!(first.len(), 3);
        // The same persons 200 sends later, under a later 連番.
        assert!(first
            .iter()
            .zip(&again)
            .all(|(a, b)| a.1 == b.1 && a.0 != b.0));
        assert!(
            first[0].0.ends_with("_20250401000001.CSV"),
            "{}",
            first[0].0
        );
        assert!(
            again[0].0.ends_with("_20250401000321.CSV"),
            "{}",
            again[0].0
        );
        // The next send: other persons.
        assert!(first.iter().zip(&next).all(|(a, b)| a.1 != b.1));
    }
}
