//! Criterion benchmarks: decode and encode of generated 400115 job lists (1k, 10k and 100k
//! jobs), this crate beside quick-xml's raw event scan, quick-xml's serde mode and
//! serde-xml-rs, on the same bytes. `cargo bench`; `examples/bench_compare.rs` prints the
//! same comparison as one table.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

#[path = "support/generate.rs"]
mod generate;
#[path = "support/plain.rs"]
mod plain;
#[path = "support/readers.rs"]
mod readers;

const SIZES: [u64; 3] = [1_000, 10_000, 100_000];

fn configure(
    c: &mut Criterion,
    jobs: u64,
) -> criterion::BenchmarkGroup<'_, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(format!("{jobs}_jobs"));
    if jobs >= 10_000 {
        // serde-xml-rs takes seconds per 100k-job document: few, long samples.
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if jobs >= 100_000 { 20 } else { 8 }));
    }
    group
}

fn decode(c: &mut Criterion) {
    for jobs in SIZES {
        let xml = generate::certificate_job_list(jobs);
        let mut group = configure(c, jobs);
        group.throughput(Throughput::Bytes(xml.len() as u64));
        let id = |name| BenchmarkId::new(name, format!("decode {jobs} jobs"));
        group.bench_function(id("quick-xml raw scan"), |b| {
            b.iter(|| readers::raw_scan(black_box(&xml)))
        });
        group.bench_function(id("autodns-xml typed"), |b| {
            b.iter(|| readers::typed(black_box(&xml)))
        });
        group.bench_function(id("autodns-xml stream"), |b| {
            b.iter(|| readers::stream(black_box(&xml[..])))
        });
        group.bench_function(id("quick-xml serde"), |b| {
            b.iter(|| readers::quick_xml_serde(black_box(&xml)))
        });
        group.bench_function(id("serde-xml-rs"), |b| {
            b.iter(|| readers::serde_xml_rs(black_box(&xml)))
        });
        group.finish();
    }
}

fn encode(c: &mut Criterion) {
    for jobs in SIZES {
        let xml = generate::certificate_job_list(jobs);
        let typed = readers::typed(&xml);
        let plain = readers::quick_xml_serde(&xml);
        let mut out = Vec::new();
        readers::encode(&typed, &mut out);
        let mut group = configure(c, jobs);
        group.throughput(Throughput::Bytes(out.len() as u64));
        let id = |name| BenchmarkId::new(name, format!("encode {jobs} jobs"));
        group.bench_function(id("autodns-xml"), |b| {
            b.iter(|| readers::encode(black_box(&typed), &mut out))
        });
        let mut text = String::new();
        group.bench_function(id("quick-xml serde"), |b| {
            b.iter(|| readers::quick_xml_serde_encode(black_box(&plain), &mut text))
        });
        group.finish();
    }
}

criterion_group!(benches, decode, encode);
criterion_main!(benches);
