//! parse+validate throughput of spec_csv against the raw `csv` crate reading the same bytes as
//! ByteRecords, on a generated 10 MB UPPLAN file (MS932), and the upload's list of the insured
//! persons in it, read from the records (`persons_in`) and through a whole table
//! (`read_table`, then `persons`). Run: `cargo bench --bench spec_csv`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use server::spec_csv::file_kind::FileKind;
use server::spec_csv::parse::read_table;
use server::spec_csv::persons::{persons, persons_in};
use server::spec_csv::sample;
use server::spec_csv::validate::validate_file;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let bytes = sample::usage_plan_bytes(10 * 1024 * 1024);
    let name = sample::name(FileKind::UsagePlan);
    // The generated file must be valid, or the benchmark would measure error reporting.
    let report = validate_file(&name, &bytes);
    assert!(report.findings.is_empty(), "{:?}", report.findings.first());
    let mut group = c.benchmark_group("upplan_10mb");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(10);
    group.bench_function("raw_csv_byte_records", |b| {
        b.iter(|| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(&bytes[..]);
            let mut record = csv::ByteRecord::new();
            let mut fields = 0usize;
            while reader.read_byte_record(&mut record).unwrap_or(false) {
                fields += record.len();
            }
            black_box(fields)
        })
    });
    group.bench_function("spec_csv_parse_validate", |b| {
        b.iter(|| black_box(validate_file(&name, black_box(&bytes)).findings.len()))
    });
    group.bench_function("persons_via_read_table", |b| {
        b.iter(|| {
            let table = read_table(FileKind::UsagePlan, black_box(&bytes))
                .unwrap_or_else(|e| panic!("{e}"));
            black_box(persons(&table).len())
        })
    });
    group.bench_function("persons_in", |b| {
        b.iter(|| {
            let found = persons_in(FileKind::UsagePlan, black_box(&bytes))
                .unwrap_or_else(|e| panic!("{e}"));
            black_box(found.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
