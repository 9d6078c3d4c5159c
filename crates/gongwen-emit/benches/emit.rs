//! Emitter benchmarks on the seed notice (86 tasks): JSON, JSON Lines, normalized text, XLSX.
//!
//! ```sh
//! cargo bench -p gongwen-emit --bench emit -- --measurement-time 3 --warm-up-time 1
//! ```
//!
//! Targets (issue 6): JSON and text under 1 ms, XLSX under 20 ms. Each writer also runs on the
//! seed with its task table repeated 10× to show the writers are linear.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gongwen_emit::{json, text, xlsx};
use gongwen_parse::Document;
use std::hint::black_box;

/// The allocator of the `gongwen` command, so the times are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../seeds/cq-2021-19.txt"
));

/// The seed with its task table's rows repeated `n` times and the task numbers continued.
fn seed_times(n: usize) -> String {
    let lines: Vec<&str> = SEED.lines().collect();
    let table_at = lines
        .iter()
        .position(|l| l.starts_with('\t'))
        .unwrap_or(lines.len());
    let header_end = lines[table_at..]
        .iter()
        .position(|l| !l.starts_with('\t'))
        .map_or(lines.len(), |p| table_at + p);
    let seq = |l: &str| {
        l.strip_prefix('\t')
            .and_then(|t| t.trim().parse::<usize>().ok())
    };
    let per_copy = lines[header_end..]
        .iter()
        .filter_map(|l| seq(l))
        .max()
        .unwrap_or(0);
    let mut out = lines[..header_end].join("\n");
    out.push('\n');
    for copy in 0..n {
        for l in &lines[header_end..] {
            match seq(l) {
                Some(s) => out.push_str(&format!("\t{}", s + copy * per_copy)),
                None => out.push_str(l),
            }
            out.push('\n');
        }
    }
    out
}

fn emitters(c: &mut Criterion) {
    let docs: Vec<(usize, Document)> = [1, 10]
        .into_iter()
        .map(|n| (n, gongwen_parse::parse_text(&seed_times(n))))
        .collect();
    if let Err(e) = xlsx::to_xlsx(&docs[0].1) {
        eprintln!("xlsx: the writer failed on the seed ({e}); its timing measures the error path");
    }
    let mut g = c.benchmark_group("emit");
    for (n, doc) in &docs {
        eprintln!("seed ×{n}: {} tasks", doc.tasks.len());
        g.bench_with_input(BenchmarkId::new("json", n), doc, |b, doc| {
            b.iter(|| json::to_json(black_box(doc)))
        });
        g.bench_with_input(BenchmarkId::new("json_line", n), doc, |b, doc| {
            b.iter(|| json::to_json_line(black_box(doc)))
        });
        g.bench_with_input(BenchmarkId::new("text", n), doc, |b, doc| {
            b.iter(|| text::to_text(black_box(doc)))
        });
        g.bench_with_input(BenchmarkId::new("xlsx", n), doc, |b, doc| {
            b.iter(|| xlsx::to_xlsx(black_box(doc)))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = emitters
}
criterion_main!(benches);
