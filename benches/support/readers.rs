//! The readers and writers the benchmarks compare, each as one function over the same bytes:
//! quick-xml's raw event scan (the floor under any quick-xml-based decoder), this crate's
//! typed decode (whole document and streaming), quick-xml's serde mode and serde-xml-rs
//! (both into the plain structs of `plain.rs`).

#![allow(dead_code)]

use super::plain;
use autodns_xml::certificate::{CertificateJob, CertificateJobList, CertificateJobListData};
use autodns_xml::codec::Layout;
use autodns_xml::stream::ListReader;
use autodns_xml::{Limits, Response, decode_response_with};
use std::io::BufRead;

/// quick-xml's raw `Reader` over the bytes: every event read, nothing kept. Returns the
/// number of events.
pub fn raw_scan(xml: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return events,
            Ok(_) => events += 1,
            Err(e) => panic!("raw scan: {e}"),
        }
    }
}

/// quick-xml's raw `Reader` over a `BufRead` (a file), with one reused event buffer.
pub fn raw_scan_buffered(input: impl BufRead) -> usize {
    let mut reader = quick_xml::Reader::from_reader(input);
    let mut buf = Vec::with_capacity(1024);
    let mut events = 0;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => return events,
            Ok(_) => events += 1,
            Err(e) => panic!("raw scan: {e}"),
        }
    }
}

/// This crate: the whole document into `Response<CertificateJobListData>`. The document size
/// limit (64 MiB by default) is raised to the input's size, as a caller decoding a 1M-job list
/// whole must do (or stream it).
pub fn typed(xml: &[u8]) -> Response<CertificateJobListData> {
    let limits = Limits::default().with_max_document_size(xml.len().max(1));
    decode_response_with::<CertificateJobList>(xml, &limits).expect("typed decode")
}

/// This crate, streaming: every entry decoded and dropped. Returns the number of entries.
pub fn stream(input: impl BufRead) -> usize {
    let mut jobs = ListReader::<CertificateJob, _>::new(input);
    let mut n = 0;
    while let Some(job) = jobs.next() {
        std::hint::black_box(job.expect("stream decode"));
        // What a long-running caller does: report quirks as they come.
        std::hint::black_box(jobs.take_quirks());
        n += 1;
    }
    jobs.finish().expect("stream envelope");
    n
}

/// quick-xml's serde deserializer into the plain structs.
pub fn quick_xml_serde(xml: &[u8]) -> plain::Response {
    let text = std::str::from_utf8(xml).expect("UTF-8");
    quick_xml::de::from_str(text).expect("quick-xml serde")
}

/// serde-xml-rs into the plain structs.
pub fn serde_xml_rs(xml: &[u8]) -> plain::Response {
    serde_xml_rs::from_reader(xml).expect("serde-xml-rs")
}

/// This crate's encoder, indented, into a `Vec<u8>`.
pub fn encode(resp: &Response<CertificateJobListData>, out: &mut Vec<u8>) {
    out.clear();
    resp.write_to(&mut *out, Layout::Indented).expect("encode");
}

/// quick-xml's serde serializer, indented like ours, into a `String`.
pub fn quick_xml_serde_encode(resp: &plain::Response, out: &mut String) {
    out.clear();
    let mut ser = quick_xml::se::Serializer::new(&mut *out);
    ser.indent(' ', 2);
    serde::Serialize::serialize(resp, ser).expect("quick-xml serde serialize");
}
