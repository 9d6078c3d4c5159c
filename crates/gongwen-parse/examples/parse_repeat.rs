//! Parses one input repeatedly, for profiling (callgrind, perf) without benchmark machinery.
//!
//! ```sh
//! cargo build --release -p gongwen-parse --example parse_repeat
//! valgrind --tool=callgrind target/release/examples/parse_repeat fixtures/html/cq-2021-19.gbk.html 20
//! target/release/examples/parse_repeat @html 200          # the benchmarks' HTML page of the seed
//! target/release/examples/parse_repeat @html 200 floor    # the floor on the same page
//! ```
//!
//! The input is a file, or one of the benchmarks' generated inputs: `@text` (the seed),
//! `@html` (its page), `@gbk` (the page in GBK), `@html-paras10`, `@html-table10`, `@html-paras100`, `@html-table100`, and the seed's text with its table ×10 and ×100, `@text-table10`, `@text-table100`. The format is
//! sniffed from the bytes once, before the loop. `parse_repeat INPUT dump` writes the input
//! to standard output instead (to run the command line or another tool on a generated page). With a third argument `floor`, it runs the benchmarks' floor instead;
//! with `per-byte SMALL`, it times one parse of the input against parses of SMALL of the
//! same total size, in turn, and prints the per-byte ratio (`parse_repeat @text-table100 200
//! per-byte @text`); with `ab`, it alternates one parse and one floor run COUNT times and prints the ratio of
//! their times (floor / ours, the share of the floor's throughput reached) for each block of
//! 50 pairs and the median over blocks: pairs taken moments apart see the same machine, so the
//! ratio holds still where either time alone drifts (virtual machines).

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

use gongwen_parse::{Options, parse};
use std::hint::black_box;

fn input(name: &str) -> std::io::Result<Vec<u8>> {
    Ok(match name {
        "@text" => common::SEED.as_bytes().to_vec(),
        "@html" => common::html_page(common::SEED).into_bytes(),
        "@gbk" => common::gbk_page(&common::html_page(common::SEED)),
        "@html-paras10" => common::html_page(&common::seed_with_paragraphs_times(10)).into_bytes(),
        "@html-table10" => common::html_page(&common::seed_with_table_times(10)).into_bytes(),
        "@html-paras100" => {
            common::html_page(&common::seed_with_paragraphs_times(100)).into_bytes()
        }
        "@html-table100" => common::html_page(&common::seed_with_table_times(100)).into_bytes(),
        "@text-table10" => common::seed_with_table_times(10).into_bytes(),
        "@text-table100" => common::seed_with_table_times(100).into_bytes(),
        path => std::fs::read(path)?,
    })
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first() else {
        eprintln!(
            "usage: parse_repeat FILE|@text|@html|@gbk|@html-paras10|@html-table10|@html-paras100|@html-table100|@text-table10|@text-table100 [COUNT] [floor|ab|dump|per-byte SMALL]"
        );
        std::process::exit(2);
    };
    let bytes = input(name)?;
    if args.get(1).is_some_and(|a| a == "dump") {
        // The generated input itself, to run the command line or other tools on it.
        use std::io::Write;
        return std::io::stdout().write_all(&bytes);
    }
    let count: usize = args.get(1).and_then(|c| c.parse().ok()).unwrap_or(100);
    let floor = args.get(2).is_some_and(|a| a == "floor");
    let ab = args.get(2).is_some_and(|a| a == "ab");
    // Sniff once, as the benchmarks name the format: the loop measures the parse alone.
    let options = Options {
        format: gongwen_parse::read::sniff(&bytes).ok(),
        ..Options::default()
    };
    if ab {
        return alternate(name, &bytes, &options, count);
    }
    if args.get(2).is_some_and(|a| a == "per-byte") {
        let Some(small_name) = args.get(3) else {
            eprintln!("usage: parse_repeat LARGE COUNT per-byte SMALL");
            std::process::exit(2);
        };
        let small = input(small_name)?;
        let small_options = Options {
            format: gongwen_parse::read::sniff(&small).ok(),
            ..Options::default()
        };
        return per_byte(name, (&bytes, &options), (&small, &small_options), count);
    }
    // One run before the loop compiles the regexes and touches the code, so that the loop
    // (`repeat`, which `callgrind --collect-atstart=no --toggle-collect='parse_repeat::repeat*'` measures
    // alone) holds nothing but parses.
    let mut parts = if floor {
        common::floor(&bytes)
    } else {
        parse(&bytes, &options).map_or(0, |d| d.parts.len())
    };
    parts += repeat(name, &bytes, &options, count, floor);
    eprintln!("{name}: {} bytes × {count}, {parts}", bytes.len());
    Ok(())
}

/// Runs the parse (or the floor) `count` times; the sum of the part counts, so nothing is
/// optimized away.
#[inline(never)]
fn repeat(name: &str, bytes: &[u8], options: &Options, count: usize, floor: bool) -> usize {
    let mut parts = 0usize;
    for _ in 0..count {
        if floor {
            parts += black_box(common::floor(black_box(bytes)));
        } else {
            match parse(black_box(bytes), options) {
                Ok(doc) => parts += black_box(doc.parts.len()),
                Err(e) => {
                    eprintln!("{name}: {e}");
                    std::process::exit(1);
                }
            }
        }
    }
    parts
}

/// Times a parse of `large` and as many parses of `small` as make up the same number of bytes,
/// in turn, `count` times; prints the per-byte time of `large` over that of `small` for each
/// block of 10 turns, and the median: the growth the issue's linear-scaling target bounds
/// (≤ 1.2), measured where both inputs see the same machine.
fn per_byte(
    name: &str,
    (large, large_options): (&[u8], &Options),
    (small, small_options): (&[u8], &Options),
    count: usize,
) -> std::io::Result<()> {
    use std::time::{Duration, Instant};
    const BLOCK: usize = 10;
    let times = (large.len() / small.len().max(1)).max(1);
    let one = |bytes: &[u8], options: &Options| {
        if let Err(e) = parse(black_box(bytes), options) {
            eprintln!("{name}: {e}");
            std::process::exit(1);
        }
    };
    let mut ratios = Vec::new();
    let (mut big, mut little) = (Duration::ZERO, Duration::ZERO);
    for i in 1..=count {
        let t = Instant::now();
        one(large, large_options);
        let u = Instant::now();
        for _ in 0..times {
            one(small, small_options);
        }
        little += u.elapsed();
        big += u - t;
        if i % BLOCK == 0 {
            let per_large = big.as_secs_f64() / large.len() as f64;
            let per_small = little.as_secs_f64() / (small.len() * times) as f64;
            ratios.push(per_large / per_small);
            (big, little) = (Duration::ZERO, Duration::ZERO);
        }
    }
    print_median(
        name,
        "per byte against the small input",
        ratios,
        BLOCK,
        "turns",
    );
    Ok(())
}

/// Prints the median of the ratios of blocks of `block` runs (`unit`), with their range.
fn print_median(name: &str, what: &str, mut ratios: Vec<f64>, block: usize, unit: &str) {
    ratios.sort_by(f64::total_cmp);
    let Some(median) = ratios.get(ratios.len() / 2) else {
        eprintln!("{name}: fewer than {block} {unit}, no ratio");
        return;
    };
    println!(
        "{name}: {what} median {median:.3} over {} blocks of {block} {unit} (min {:.3}, max {:.3})",
        ratios.len(),
        ratios.first().unwrap_or(median),
        ratios.last().unwrap_or(median),
    );
}

/// Alternates a parse and a floor run `count` times; prints floor/ours per block and the median.
fn alternate(name: &str, bytes: &[u8], options: &Options, count: usize) -> std::io::Result<()> {
    use std::time::{Duration, Instant};
    const BLOCK: usize = 50;
    let mut ratios = Vec::new();
    let (mut ours, mut floor) = (Duration::ZERO, Duration::ZERO);
    for i in 1..=count {
        let t = Instant::now();
        if let Err(e) = parse(black_box(bytes), options) {
            eprintln!("{name}: {e}");
            std::process::exit(1);
        }
        let u = Instant::now();
        black_box(common::floor(black_box(bytes)));
        floor += u.elapsed();
        ours += u - t;
        if i % BLOCK == 0 {
            ratios.push(floor.as_secs_f64() / ours.as_secs_f64());
            (ours, floor) = (Duration::ZERO, Duration::ZERO);
        }
    }
    print_median(name, "floor/ours", ratios, BLOCK, "pairs");
    Ok(())
}
