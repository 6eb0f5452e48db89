//! The performance comparison in one table: `cargo run --release --example bench_compare`.
//!
//! On generated 400115 job lists (`benches/support/generate.rs`) it prints:
//! - decode throughput of each reader on the same bytes (100k jobs), and its ratio to
//!   quick-xml's raw event scan: this crate's typed decode (whole document and streaming),
//!   quick-xml's serde mode and serde-xml-rs, into equivalent plain structs;
//! - `check`'s work from a file: this crate's streaming decode beside quick-xml's raw scan
//!   of the same file through a `BufReader`;
//! - encode throughput, this crate against quick-xml's serde serializer;
//! - the per-job decode cost at 1k, 10k, 100k and 1M jobs;
//! - the peak memory (VmHWM) of a child process that streams a 1M-job document (about
//!   600 MB, written to a temporary file and deleted after).
//!
//! Every figure is the best of several runs, measured in this one process, so the ratios
//! hold even on a busy machine whose absolute speeds drift. `--quick` skips the 1M-job parts.
//! Linux only for the memory figure (it reads /proc).

#[path = "../benches/support/generate.rs"]
mod generate;
#[path = "../benches/support/plain.rs"]
mod plain;
#[path = "../benches/support/readers.rs"]
mod readers;

use std::hint::black_box;
use std::io::BufReader;
use std::path::Path;
use std::time::{Duration, Instant};

/// The best wall time of `runs` runs of `f` (at least one).
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The best wall time of each of `fs` over `rounds` rounds, the readers taking turns within
/// each round: on a shared machine whose load comes and goes, every reader meets the same
/// moments, and the ratios between them hold better than with each reader's runs in a row.
/// Each timed run follows an untimed one of the same reader, so that it finds the heap as
/// its own last run left it, not as another reader's garbage (freeing quick-xml serde's
/// plain structs left the allocator chunks that the next reader's first large allocation
/// consolidated, on its clock).
fn best_each(rounds: usize, fs: &mut [&mut dyn FnMut()]) -> Vec<Duration> {
    let mut best = vec![Duration::MAX; fs.len()];
    for _ in 0..rounds.max(1) {
        for (f, b) in fs.iter_mut().zip(best.iter_mut()) {
            f();
            let t = Instant::now();
            f();
            *b = (*b).min(t.elapsed());
        }
    }
    best
}

/// A 400115 response with `data` inside `<data>` and `msgs` before the status.
fn wrap(data: &str, msgs: &str) -> String {
    format!(
        "<response><result><data>{data}</data>{msgs}<status><code>S400115</code></status></result></response>"
    )
}

fn mb_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!(
        "{cpu}, {cores} cores, {} {}, rustc release build",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// The peak resident memory of this process, from /proc/self/status (kB).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    // The child mode: stream FILE and print the peak memory.
    if let [_, flag, file] = args.as_slice() {
        if flag == "--stream-rss" {
            let jobs = readers::stream(BufReader::new(std::fs::File::open(file)?));
            println!("{jobs} {}", peak_rss_kb().unwrap_or(0));
            return Ok(());
        }
    }
    let quick = args.iter().any(|a| a == "--quick");
    println!("machine: {}", machine());

    // Decode, 100k jobs.
    let jobs = 100_000;
    let xml = generate::certificate_job_list(jobs);
    let len = xml.len();
    println!(
        "\n## Decode: {jobs} jobs, {:.1} MB (best of 7 rounds in turns; serde-xml-rs best of 2)\n",
        len as f64 / 1e6
    );
    println!("| reader | MB/s | ratio to raw scan |");
    println!("| --- | ---: | ---: |");
    // Seven rounds of the four fast readers, in turns; serde-xml-rs (ten times slower) twice.
    let times = best_each(
        7,
        &mut [
            &mut || {
                let _ = black_box(readers::raw_scan(&xml));
            },
            &mut || {
                let _ = black_box(readers::typed(&xml));
            },
            &mut || {
                let _ = black_box(readers::stream(&xml[..]));
            },
            &mut || {
                let _ = black_box(readers::quick_xml_serde(&xml));
            },
        ],
    );
    let scan = times[0];
    let rows: [(&str, Duration); 5] = [
        ("quick-xml raw `Reader` event scan", scan),
        ("autodns-xml typed decode", times[1]),
        ("autodns-xml streaming decode (`ListReader`)", times[2]),
        ("quick-xml serde (plain structs)", times[3]),
        (
            "serde-xml-rs (plain structs)",
            best(2, || readers::serde_xml_rs(&xml)),
        ),
    ];
    for (name, d) in rows {
        println!(
            "| {name} | {:.0} | {:.2}x |",
            mb_s(len, d),
            scan.as_secs_f64() / d.as_secs_f64()
        );
    }
    let typed = rows[1].1.as_secs_f64();
    println!(
        "\nautodns-xml typed decode: {:.1}x quick-xml serde, {:.1}x serde-xml-rs",
        rows[3].1.as_secs_f64() / typed,
        rows[4].1.as_secs_f64() / typed
    );

    // check's work, from a file.
    let dir = std::env::temp_dir().join(format!("autodns-xml-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("list-100k.xml");
    std::fs::write(&path, &xml)?;
    let open = |p: &Path| -> BufReader<std::fs::File> {
        BufReader::with_capacity(1 << 16, std::fs::File::open(p).expect("bench file"))
    };
    let times = best_each(
        7,
        &mut [
            &mut || {
                let _ = black_box(readers::raw_scan_buffered(open(&path)));
            },
            &mut || {
                let _ = black_box(readers::stream(open(&path)));
            },
        ],
    );
    let (raw_file, stream_file) = (times[0], times[1]);
    println!("\n## Streaming a {jobs}-job file (what `autodns-xml check` does)\n");
    println!("| reader | MB/s | time relative to the raw scan |");
    println!("| --- | ---: | ---: |");
    println!(
        "| quick-xml raw `Reader` over `BufReader<File>` | {:.0} | 1.00x |",
        mb_s(len, raw_file)
    );
    println!(
        "| autodns-xml `ListReader` over `BufReader<File>` | {:.0} | {:.2}x |",
        mb_s(len, stream_file),
        stream_file.as_secs_f64() / raw_file.as_secs_f64()
    );
    std::fs::remove_file(&path)?;

    // Encode.
    let resp = readers::typed(&xml);
    let plain = readers::quick_xml_serde(&xml);
    let mut out = Vec::new();
    let mut text = String::new();
    let times = best_each(
        7,
        &mut [&mut || readers::encode(&resp, &mut out), &mut || {
            readers::quick_xml_serde_encode(&plain, &mut text)
        }],
    );
    let (ours, theirs) = (times[0], times[1]);
    println!("\n## Encode: {jobs} jobs, indented (best of 7 rounds in turns)\n");
    println!("| writer | MB/s | ratio to quick-xml serde |");
    println!("| --- | ---: | ---: |");
    println!(
        "| autodns-xml `write_to` | {:.0} | {:.2}x |",
        mb_s(out.len(), ours),
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
    println!(
        "| quick-xml serde serializer | {:.0} | 1.00x |",
        mb_s(text.len(), theirs)
    );
    drop((resp, plain, out, text, xml));

    // Per-job cost.
    println!("\n## Per-job decode cost\n");
    // quick-xml's raw scan beside ours: how much of the growth with the list's size is the
    // caches', which any reader of the same bytes meets.
    println!(
        "| jobs | MB | raw scan ns/job | vs 1k | typed ns/job | vs 1k | streaming ns/job | vs 1k |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let sizes: &[u64] = if quick {
        &[1_000, 10_000, 100_000]
    } else {
        &[1_000, 10_000, 100_000, 1_000_000]
    };
    let mut first: Option<[f64; 3]> = None;
    for &n in sizes {
        let xml = generate::certificate_job_list(n);
        // Small documents get more rounds, so that each size is measured for about as long.
        let rounds = if n >= 1_000_000 {
            2
        } else {
            usize::try_from(100_000 / n).unwrap_or(5).clamp(5, 100)
        };
        let per = |d: Duration| d.as_secs_f64() * 1e9 / n as f64;
        let times = best_each(
            rounds,
            &mut [
                &mut || {
                    let _ = black_box(readers::raw_scan(&xml));
                },
                &mut || {
                    let _ = black_box(readers::typed(&xml));
                },
                &mut || {
                    let _ = black_box(readers::stream(&xml[..]));
                },
            ],
        );
        let now = [per(times[0]), per(times[1]), per(times[2])];
        let base = *first.get_or_insert(now);
        let vs = |i: usize| (now[i] / base[i] - 1.0) * 100.0;
        println!(
            "| {n} | {:.1} | {:.0} | {:+.0}% | {:.0} | {:+.0}% | {:.0} | {:+.0}% |",
            xml.len() as f64 / 1e6,
            now[0],
            vs(0),
            now[1],
            vs(1),
            now[2],
            vs(2)
        );
    }

    // No quadratic paths: the cost per element of shapes that would expose one.
    println!("\n## Linearity: ns per element at 10k and 100k elements\n");
    println!("| shape | 10k | 100k | ratio |");
    println!("| --- | ---: | ---: | ---: |");
    type Shape = (&'static str, fn(usize) -> String);
    let shapes: [Shape; 4] = [
        ("unknown elements in `<data>`", |n| {
            wrap(&"<x-extra><a>1</a><b/></x-extra>".repeat(n), "")
        }),
        ("one text of `&amp;` references", |n| {
            let job = format!(
                "<certificate_job><job><id>1</id><object>{}</object></job></certificate_job>",
                "a&amp;".repeat(n)
            );
            wrap(&job, "")
        }),
        ("`<msg>`s in a result", |n| {
            wrap(
                "",
                &"<msg><text>t</text><code>EF1</code><type>error</type></msg>".repeat(n),
            )
        }),
        ("`DEFFERED` quirks", |n| {
            wrap(&"<certificate_job><job><id>1</id><status>DEFFERED</status></job></certificate_job>\n".repeat(n), "")
        }),
    ];
    for (name, make) in shapes {
        let per = |n: usize| {
            let xml = make(n);
            let d = best(3, || readers::typed(xml.as_bytes()));
            d.as_secs_f64() * 1e9 / n as f64
        };
        let (small, large) = (per(10_000), per(100_000));
        println!(
            "| {name} | {small:.0} | {large:.0} | {:.2} |",
            large / small
        );
    }

    // Peak memory of streaming a 1M-job file, in a child process.
    if !quick {
        let path = dir.join("list-1m.xml");
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        generate::write_certificate_job_list(&mut file, 1_000_000)?;
        drop(file);
        let size = std::fs::metadata(&path)?.len();
        let out = std::process::Command::new(std::env::current_exe()?)
            .arg("--stream-rss")
            .arg(&path)
            .output()?;
        std::fs::remove_file(&path)?;
        let report = String::from_utf8_lossy(&out.stdout);
        let mut parts = report.split_whitespace();
        let (entries, kb) = (parts.next().unwrap_or("?"), parts.next().unwrap_or("?"));
        println!("\n## Streaming memory\n");
        println!(
            "`ListReader` over a {:.0} MB file of {entries} jobs: peak RSS {:.1} MiB (VmHWM of the child process)",
            size as f64 / 1e6,
            kb.parse::<f64>().unwrap_or(0.0) / 1024.0
        );
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
