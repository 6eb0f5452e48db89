//! One reader over a generated 400115 list, once, for an instruction profile:
//! `valgrind --tool=callgrind --toggle-collect=profile_decode::run target/release/examples/profile_decode typed 3000`
//! (the reader alone: decoding and dropping what it built, without generating the document),
//! or `perf record target/release/examples/profile_decode typed 100000 5` (five runs)
//! (modes: `raw` quick-xml's raw event scan, `typed` the whole-document decode, `stream`
//! `ListReader` over the bytes, `encode` the typed response written back, indented). See
//! BENCHMARKS.md, *Where the time goes*.

#[path = "../benches/support/generate.rs"]
mod generate;
#[path = "../benches/support/plain.rs"]
mod plain;
#[path = "../benches/support/readers.rs"]
mod readers;

/// One pass of `mode` over `xml`, everything it built dropped before it returns (the unit
/// callgrind's `--toggle-collect` counts). Returns what it read (events, jobs or bytes).
#[inline(never)]
fn run(
    mode: &str,
    xml: &[u8],
    typed: Option<&autodns_xml::Response<autodns_xml::certificate::CertificateJobListData>>,
    out: &mut Vec<u8>,
) -> usize {
    match (mode, typed) {
        ("raw", _) => readers::raw_scan(xml),
        ("stream", _) => readers::stream(xml),
        ("encode", Some(resp)) => {
            readers::encode(resp, out);
            out.len()
        }
        _ => readers::typed(xml)
            .data()
            .map_or(0, |d| d.certificate_job.len()),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map_or("typed", String::as_str);
    let jobs = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(3000);
    let runs = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1);
    let xml = generate::certificate_job_list(jobs);
    let typed = (mode == "encode").then(|| readers::typed(&xml));
    let mut out = Vec::new();
    let mut n = 0;
    for _ in 0..runs.max(1) {
        n = std::hint::black_box(run(mode, &xml, typed.as_ref(), &mut out));
    }
    println!("{mode}: {n}");
}
