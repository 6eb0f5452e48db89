//! One reader over a generated 400115 list, once, for an instruction profile:
//! `valgrind --tool=callgrind target/release/examples/profile_decode typed 3000`, or
//! `perf record target/release/examples/profile_decode typed 100000 5` (five runs)
//! (modes: `raw` quick-xml's raw event scan, `typed` the whole-document decode, `stream`
//! `ListReader` over the bytes). See BENCHMARKS.md, *Where the time goes*.

#[path = "../benches/support/generate.rs"]
mod generate;
#[path = "../benches/support/plain.rs"]
mod plain;
#[path = "../benches/support/readers.rs"]
mod readers;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map_or("typed", String::as_str);
    let jobs = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(3000);
    let runs = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1);
    let xml = generate::certificate_job_list(jobs);
    for _ in 1..runs {
        std::hint::black_box(match mode {
            "raw" => readers::raw_scan(&xml),
            "stream" => readers::stream(&xml[..]),
            _ => readers::typed(&xml).results.len(),
        });
    }
    match mode {
        "raw" => println!("{} events", readers::raw_scan(&xml)),
        "stream" => println!("{} jobs", readers::stream(&xml[..])),
        _ => println!(
            "{:?} jobs",
            readers::typed(&xml).data().map(|d| d.certificate_job.len())
        ),
    }
}
