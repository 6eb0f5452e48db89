//! A first look at speed: decode and encode a generated 400115 list (default 100,000 jobs,
//! indented, a quarter of them `DEFFERED`) beside quick-xml's raw event scan of the same bytes.
//!
//! `cargo run --release --example throughput [JOBS]`
//!
//! One run on one machine; compare the ratios, not the absolute figures. The criterion benches
//! and the side-by-side comparison with the serde-based readers are the performance issue's.

use autodns_xml::certificate::CertificateJobList;
use std::fmt::Write;
use std::time::Instant;

fn list(jobs: u64) -> String {
    const STATUS: [&str; 4] = ["RUNNING", "SUCCESS", "DEFFERED", "FAILED"];
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>\n  <result>\n    <data>\n      <summary>{jobs}</summary>\n"
    );
    for i in 0..jobs {
        let status = STATUS[usize::try_from(i % 4).unwrap_or(0)];
        let _ = write!(
            s,
            "      <certificate_job>\n        <job>\n          <id>{}</id>\n          <owner>\n            <user>user{}</user>\n            <context>9</context>\n          </owner>\n          <updater>\n            <user>user</user>\n            <context>9</context>\n          </updater>\n          <object>domain{i}.de</object>\n          <status>{status}</status>\n          <sub_status>WF_EMAIL_AUTH</sub_status>\n          <created>2019-10-23 16:12:33</created>\n          <updated>2019-10-23 17:26:01</updated>\n          <type>ssl</type>\n          <sub_type>RAPID_SSL</sub_type>\n          <action>create</action>\n          <execution>2019-10-23 17:25:58</execution>\n        </job>\n      </certificate_job>\n",
            4_297_755_796 + i,
            i % 97
        );
    }
    s.push_str("    </data>\n    <status>\n      <code>S400115</code>\n      <type>success</type>\n    </status>\n  </result>\n  <stid>20200228-stid</stid>\n</response>\n");
    s
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let jobs = std::env::args()
        .nth(1)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(100_000);
    let xml = list(jobs);
    let mb = xml.len() as f64 / 1e6;
    println!("{jobs} jobs, {mb:.1} MB");
    for run in 1..=3 {
        let t = Instant::now();
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut events = 0u64;
        while !matches!(reader.read_event()?, quick_xml::events::Event::Eof) {
            events += 1;
        }
        let scan = t.elapsed().as_secs_f64();

        let t = Instant::now();
        let resp = autodns_xml::decode_response::<CertificateJobList>(xml.as_bytes())?;
        let decode = t.elapsed().as_secs_f64();
        let entries = resp.data().map_or(0, |d| d.certificate_job.len());

        let t = Instant::now();
        let out = resp.to_xml()?;
        let encode = t.elapsed().as_secs_f64();

        println!(
            "run {run}: raw scan {:.0} MB/s ({events} events) | typed decode {:.0} MB/s = {:.2}x the scan, {entries} jobs, {} quirks | encode {:.0} MB/s",
            mb / scan,
            mb / decode,
            scan / decode,
            resp.quirks.len(),
            out.len() as f64 / 1e6 / encode,
        );
    }
    Ok(())
}
