//! Parse benchmarks: text and HTML notices → model, beside the bare HTML floor, at 1×, 10× and
//! 100× the seed's size.
//!
//! ```sh
//! cargo bench -p gongwen-parse --bench parse -- --measurement-time 3 --warm-up-time 1
//! cargo bench -p gongwen-parse --bench scaling   # ratio and per-byte tables
//! ```
//!
//! Targets (issue 6): text at ≥ 100 MB/s on one core; HTML at ≥ 70% of the floor's throughput;
//! 10× and 100× inputs at ≤ 1.2× the per-byte cost of 1×. Criterion reports each throughput;
//! the `scaling` bench prints the ratios.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gongwen_parse::{InputFormat, Options, parse};
use std::hint::black_box;

fn options(format: InputFormat) -> Options {
    Options {
        format: Some(format),
        ..Options::default()
    }
}

/// Parses once outside the timing and says so when the parse fails, so an error path is never
/// mistaken for a fast parse.
fn announce(name: &str, bytes: &[u8], format: InputFormat) {
    match parse(bytes, &options(format)) {
        Ok(doc) => eprintln!(
            "{name}: {} bytes, {} parts, {} tasks, {} diagnostics",
            bytes.len(),
            doc.parts.len(),
            doc.tasks.len(),
            doc.diagnostics.len()
        ),
        Err(e) => eprintln!("{name}: {} bytes, PARSE FAILED: {e}", bytes.len()),
    }
}

fn text_seed(c: &mut Criterion) {
    let bytes = common::SEED.as_bytes().to_vec();
    announce("text/seed", &bytes, InputFormat::Text);
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("seed", |b| {
        b.iter(|| parse(black_box(&bytes), &options(InputFormat::Text)))
    });
    g.finish();
}

fn html_seed(c: &mut Criterion) {
    let page = common::html_page(common::SEED);
    let pages = [
        ("utf8", page.clone().into_bytes()),
        ("gbk", common::gbk_page(&page)),
    ];
    let mut g = c.benchmark_group("html_seed");
    for (enc, bytes) in &pages {
        announce(&format!("html_seed/{enc}"), bytes, InputFormat::Html);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::new("floor", enc), bytes, |b, bytes| {
            b.iter(|| common::floor(black_box(bytes)))
        });
        g.bench_with_input(BenchmarkId::new("gongwen", enc), bytes, |b, bytes| {
            b.iter(|| parse(black_box(bytes), &options(InputFormat::Html)))
        });
    }
    g.finish();
}

fn text_scaling(c: &mut Criterion) {
    let mut g = c.benchmark_group("text_table_times");
    g.sample_size(10);
    for n in [1, 10, 100] {
        let bytes = common::seed_with_table_times(n).into_bytes();
        announce(&format!("text_table_times/{n}"), &bytes, InputFormat::Text);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &bytes, |b, bytes| {
            b.iter(|| parse(black_box(bytes), &options(InputFormat::Text)))
        });
    }
    g.finish();
}

fn html_scaling(c: &mut Criterion) {
    let mut g = c.benchmark_group("html_paragraphs_times");
    g.sample_size(10);
    for n in [1, 10, 100] {
        let bytes = common::html_page(&common::seed_with_paragraphs_times(n)).into_bytes();
        announce(
            &format!("html_paragraphs_times/{n}"),
            &bytes,
            InputFormat::Html,
        );
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::new("floor", n), &bytes, |b, bytes| {
            b.iter(|| common::floor(black_box(bytes)))
        });
        g.bench_with_input(BenchmarkId::new("gongwen", n), &bytes, |b, bytes| {
            b.iter(|| parse(black_box(bytes), &options(InputFormat::Html)))
        });
    }
    g.finish();
}

criterion_group!(benches, text_seed, html_seed, text_scaling, html_scaling);
criterion_main!(benches);
