//! The streaming list reader agrees with the whole-document decoder: the same entries, the
//! same envelope, the same quirks at the same positions, and the same errors, however the
//! input is cut into reads.

mod common;
#[path = "../benches/support/generate.rs"]
mod generate;

use autodns_xml::certificate::{CertificateJob, CertificateJobList};
use autodns_xml::domain::{Domain, DomainList};
use autodns_xml::stream::{AnyEntry, ListData, ListReader, StreamError};
use autodns_xml::{DecodeError, Response, Task, decode_response};
use std::io::{BufRead, BufReader, Read};

/// A reader that hands out at most `n` bytes per read, to cut the input everywhere.
fn chunked(bytes: &[u8], n: usize) -> BufReader<&[u8]> {
    BufReader::with_capacity(n, bytes)
}

type Streamed<E> = (Vec<E>, Response<ListData>);

fn stream<E: autodns_xml::stream::ListEntry>(
    input: impl BufRead,
) -> Result<Streamed<E>, StreamError> {
    let mut reader = ListReader::<E, _>::new(input);
    let entries = reader.by_ref().collect::<Result<Vec<_>, _>>()?;
    Ok((entries, reader.finish()?))
}

fn decode_error(e: StreamError) -> DecodeError {
    match e {
        StreamError::Decode(e) => e,
        other => panic!("not a decode error: {other}"),
    }
}

/// The streamed entries and envelope equal the whole document's, quirks included.
fn assert_same<T, E>(xml: &[u8], entries_of: impl Fn(&T::Data) -> Vec<E>, chunk: usize)
where
    T: Task,
    E: autodns_xml::stream::ListEntry + PartialEq + std::fmt::Debug,
{
    let whole = decode_response::<T>(xml).expect("whole document decodes");
    let (entries, envelope) = stream::<E>(chunked(xml, chunk)).expect("stream decodes");
    let want: Vec<E> = whole.data().map(&entries_of).unwrap_or_default();
    assert_eq!(entries, want, "entries, chunk {chunk}");
    assert_eq!(envelope.stid, whole.stid);
    assert_eq!(envelope.ctid, whole.ctid);
    assert_eq!(envelope.results.len(), whole.results.len());
    for (got, want) in envelope.results.iter().zip(&whole.results) {
        assert_eq!(got.status, want.status);
        assert_eq!(got.msgs, want.msgs);
        assert_eq!(got.msgs_after_status, want.msgs_after_status);
        assert_eq!(got.unknown, want.unknown);
        assert_eq!(
            got.data.as_ref().map(|d| d.entries),
            want.data.as_ref().map(|d| entries_of(d).len() as u64)
        );
    }
    assert_eq!(envelope.quirks, whole.quirks, "quirks, chunk {chunk}");
}

fn jobs(d: &autodns_xml::certificate::CertificateJobListData) -> Vec<CertificateJob> {
    d.certificate_job.clone()
}

fn domains(d: &autodns_xml::domain::DomainInfoData) -> Vec<Domain> {
    d.domain.clone()
}

#[test]
fn seeds_stream_like_whole_documents() {
    for chunk in [1, 2, 3, 7, 64, 8192] {
        assert_same::<CertificateJobList, _>(&common::read("400115_response.xml"), jobs, chunk);
        assert_same::<DomainList, _>(&common::read("0105_list_response.xml"), domains, chunk);
        assert_same::<DomainList, _>(&common::read("0105_response.xml"), domains, chunk);
    }
}

#[test]
fn generated_lists_stream_like_whole_documents() {
    for n in [0, 1, 2, 150] {
        let xml = generate::certificate_job_list(n);
        for chunk in [1, 5, 333, 1 << 16] {
            assert_same::<CertificateJobList, _>(&xml, jobs, chunk);
        }
    }
    // Large enough for the window to be compacted many times.
    let xml = generate::certificate_job_list(3000);
    assert!(xml.len() > 4 * (64 << 10));
    assert_same::<CertificateJobList, _>(&xml, jobs, 4096);
}

/// The envelope is available as soon as it is read: a summary before the list, a status and
/// an stid after it.
#[test]
fn envelope_parts_are_available_where_they_come() {
    let xml = generate::certificate_job_list(3);
    let mut reader = ListReader::<CertificateJob, _>::new(&xml[..]);
    assert_eq!(reader.summary(), None);
    let first = reader.next().expect("an entry").expect("decodes");
    assert!(first.job.is_some());
    assert_eq!(reader.summary(), Some(3));
    assert!(reader.status().is_none() && reader.stid().is_none());
    assert_eq!(reader.by_ref().count(), 2);
    assert_eq!(
        reader.status().map(|s| s.code.to_string()).as_deref(),
        Some("S400115")
    );
    assert_eq!(reader.stid(), Some("20200228-stid-3"));
    let envelope = reader.finish().expect("finishes");
    assert_eq!(envelope.data().map(|d| d.entries), Some(3));
}

/// Messages and a status before the data, unknown elements at every level, a second result:
/// all kept as the whole-document decoder keeps them.
#[test]
fn unusual_envelopes_stream_like_whole_documents() {
    let xml = br#"<?xml version="1.0"?>
<!-- a comment -->
<response>
  <x-top>1</x-top>
  <result>
    <msg><text>first</text><code>EF01</code><type>error</type></msg>
    <status><code>S400115</code><type>success</type></status>
    <msg><text>after</text><code>EF02</code><type>error</type></msg>
    <data>
      <x-data a="1">kept</x-data>
      <certificate_job><job><id>1</id><status>DEFFERED</status></job></certificate_job>
      <summary>2</summary>
      <certificate_job><job><id>2</id><updater><user>u</user><context4>9</context></updater></job></certificate_job>
    </data>
    <x-result/>
  </result>
  <result><status><code>S400115</code></status></result>
  <result><data/><status><code>S400115</code></status></result>
  <result><data attr="x"></data><status><code>S400115</code></status></result>
  <ctid>c-1</ctid>
  <stid>s-1</stid>
</response>
"#;
    for chunk in [1, 2, 10, 4096] {
        assert_same::<CertificateJobList, _>(xml, jobs, chunk);
    }
    let (_, envelope) = stream::<CertificateJob>(&xml[..]).expect("decodes");
    let data = envelope.data().expect("data");
    assert_eq!((data.summary, data.entries), (Some(2), 2));
    assert_eq!(data.unknown.len(), 1);
    assert_eq!(envelope.unknown.len(), 1);
}

fn zones(d: &autodns_xml::zone::ZoneData) -> Vec<autodns_xml::zone::Zone> {
    d.zone.clone()
}

/// 0205's list (flat entries, a summary first), its empty answer and the single zone with
/// its records stream as they decode whole.
#[test]
fn zone_lists_stream_like_whole_documents() {
    use autodns_xml::zone::{Zone, ZoneList};
    for chunk in [1, 3, 64, 8192] {
        for name in [
            "0205_list_response.xml",
            "0205_list_empty_response.xml",
            "0205_response.xml",
        ] {
            assert_same::<ZoneList, _>(&common::read(name), zones, chunk);
        }
    }
    let (entries, envelope) = stream::<Zone>(&common::read("0205_list_response.xml")[..]).unwrap();
    let names: Vec<&str> = entries.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(names, ["0-a-000000-ax-1124.com", "0-a-000000-ax-1125.com"]);
    assert_eq!(
        entries[0].system_ns.as_deref(),
        Some("pdns1.testsys.autodns2.de")
    );
    assert_eq!(
        envelope.data().map(|d| (d.summary, d.entries)),
        Some((Some(81627), 2))
    );
    let (entries, _) = stream::<AnyEntry>(&common::read("0205_response.xml")[..]).unwrap();
    assert!(matches!(entries.as_slice(), [AnyEntry::Zone(z)] if z.rr.len() == 2));
}

/// Any mode: entries of every modelled list, typed by name.
#[test]
fn any_entry_types_by_element_name() {
    let (entries, _) = stream::<AnyEntry>(&common::read("0105_list_response.xml")[..]).unwrap();
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|e| matches!(e, AnyEntry::Domain(_))));
    let (entries, _) = stream::<AnyEntry>(&common::read("400115_response.xml")[..]).unwrap();
    assert!(matches!(entries.as_slice(), [AnyEntry::CertificateJob(_)]));
}

/// Cut anywhere, a list fails in the stream exactly as in the whole-document decoder: the
/// same kind, position and path.
#[test]
fn truncations_fail_like_whole_documents() {
    let xml = String::from_utf8(generate::certificate_job_list(2)).unwrap();
    for cut in (0..xml.len()).filter(|&i| xml.is_char_boundary(i)) {
        let part = &xml.as_bytes()[..cut];
        let streamed = stream::<CertificateJob>(chunked(part, 97)).map(|_| ());
        match decode_response::<CertificateJobList>(part) {
            // Only the final line end is missing.
            Ok(_) => assert!(
                streamed.is_ok() && xml[cut..].trim().is_empty(),
                "cut at {cut}"
            ),
            Err(whole) => {
                let streamed = decode_error(streamed.expect_err("truncated"));
                assert_eq!(streamed, whole, "cut at {cut}");
            }
        }
    }
}

/// Corrupted bytes fail in the stream as in the whole-document decoder. (Where the whole
/// document holds a character error after a structural one, the stream, which validates as
/// it reads, reports the structural one first: both are errors.)
#[test]
fn corruptions_fail_like_whole_documents() {
    let xml = generate::certificate_job_list(2);
    let mut compared = 0;
    for at in (0..xml.len()).step_by(3) {
        for byte in [b'<', b'>', b'/', b'x', b'&', 0xFF, 0] {
            let mut bad = xml.clone();
            bad[at] = byte;
            let whole = decode_response::<CertificateJobList>(&bad);
            let streamed = stream::<CertificateJob>(chunked(&bad, 64));
            match (whole, streamed) {
                (Ok(w), Ok((entries, env))) => {
                    assert_eq!(w.data().map(jobs).unwrap_or_default(), entries);
                    assert_eq!(w.quirks, env.quirks);
                }
                (Err(w), Err(s)) => {
                    let s = decode_error(s);
                    if byte != 0xFF && byte != 0 {
                        assert_eq!(s, w, "byte {byte} at {at}");
                        compared += 1;
                    }
                }
                (w, s) => panic!(
                    "byte {byte} at {at}: whole {w:?}, stream {:?}",
                    s.map(|_| ())
                ),
            }
        }
    }
    assert!(compared > 1000);
}

/// An element larger than the window bound is an error, not a growing buffer.
#[test]
fn an_oversized_element_is_an_error() {
    let xml = generate::certificate_job_list(1);
    let text = String::from_utf8(xml).unwrap();
    let big = text.replace("<object>", &format!("<object>{}", "a".repeat(10_000)));
    let err = stream::<CertificateJob>(big.as_bytes()).map(|_| ());
    let limits = autodns_xml::Limits::default().with_max_document_size(4096);
    let mut reader = ListReader::<CertificateJob, _>::new(big.as_bytes()).with_limits(limits);
    let e = decode_error(reader.next().expect("an item").expect_err("too large"));
    assert_eq!(
        e.kind(),
        &autodns_xml::DecodeErrorKind::LimitExceeded {
            limit: autodns_xml::Limit::DocumentSize,
            max: 4096
        }
    );
    assert_eq!(e.path(), "response/result/data");
    assert!(err.is_ok(), "the default bound holds it");
}

/// Read errors come back as I/O errors.
#[test]
fn read_errors_are_io_errors() {
    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let mut reader = ListReader::<CertificateJob, _>::new(BufReader::new(Failing));
    match reader.next() {
        Some(Err(StreamError::Io(e))) => assert_eq!(e.to_string(), "disk on fire"),
        other => panic!("{:?}", other.map(|r| r.map(|_| ()))),
    }
    assert!(reader.next().is_none(), "nothing after an error");
    match reader.finish() {
        Err(StreamError::Io(e)) => assert_eq!(e.to_string(), "disk on fire"),
        other => panic!("finish after an error: {:?}", other.map(|_| ())),
    }
}

/// A decode error ends the stream: the iterator stops, and `finish` reports the same error
/// rather than a partial envelope.
#[test]
fn finish_after_an_error_reports_it() {
    let xml = b"<response><result><data><certificate_job><job><id>x</id></job></certificate_job></data><status><code>S400115</code></status></result></response>";
    let mut reader = ListReader::<CertificateJob, _>::new(&xml[..]);
    let first = decode_error(reader.next().expect("an item").expect_err("bad id"));
    assert!(reader.next().is_none());
    assert_eq!(
        decode_error(reader.finish().map(|_| ()).expect_err("failed")),
        first
    );
    // A result without a status fails where the whole-document decoder fails.
    let xml = b"<response><result><data/></result></response>";
    let whole = decode_response::<CertificateJobList>(xml).expect_err("no status");
    let mut reader = ListReader::<CertificateJob, _>::new(&xml[..]);
    let e = decode_error(reader.next().expect("an item").expect_err("no status"));
    assert_eq!(e, whole);
    assert!(reader.next().is_none());
}

/// Pins a case the property below once shrank to: a 400135 answer with an `N` status and no
/// `<data>` streams to no entry and the envelope the whole-document decoder reads, at every cut.
#[test]
fn a_notify_answer_without_data_streams_like_the_whole_document() {
    let xml = "<response><result><status><code>N400135</code><type>notify</type></status></result></response>";
    let whole =
        Response::<<CertificateJobList as Task>::Data>::decode(xml.as_bytes()).expect("decodes");
    assert!(whole.results.first().is_some_and(|r| r.data.is_none()));
    for chunk in [1, 7, 200] {
        let (entries, envelope) =
            stream::<CertificateJob>(chunked(xml.as_bytes(), chunk)).expect("streams");
        assert!(entries.is_empty());
        assert_eq!(envelope.results.len(), whole.results.len());
        assert_eq!(envelope.stid, whole.stid);
    }
}
#[cfg(feature = "arbitrary")]
#[path = "common/strategies.rs"]
mod strategies;

#[cfg(feature = "arbitrary")]
use proptest::prelude::*;

#[cfg(feature = "arbitrary")]
proptest! {
    #![proptest_config(common::proptest_config(64))]

    /// Any encodable list response, cut into reads of any size, streams to the entries and
    /// envelope the whole-document decoder reads from the same bytes.
    #[test]
    fn any_list_response_streams_like_the_whole_document(
        resp in prop_oneof![
            strategies::answer::<CertificateJobList>(),
            strategies::answer::<autodns_xml::certificate::CertificateJobHistoryList>(),
        ],
        chunk in 1usize..200,
        compact in any::<bool>(),
    ) {
        let layout = if compact { autodns_xml::codec::Layout::Compact } else { autodns_xml::codec::Layout::Indented };
        let Ok(xml) = resp.to_xml_with(layout) else { return Ok(()) };
        // 400115 and 400135 share the data type: decoded by it alone, not by one code.
        let whole = Response::<<CertificateJobList as Task>::Data>::decode(xml.as_bytes()).expect("decodes");
        let (entries, envelope) = stream::<CertificateJob>(chunked(xml.as_bytes(), chunk)).expect("streams");
        let want: Vec<CertificateJob> = whole.results.iter().flat_map(|r| r.data.as_ref().map(jobs).unwrap_or_default()).collect();
        prop_assert_eq!(entries, want);
        prop_assert_eq!(envelope.stid, whole.stid);
        prop_assert_eq!(envelope.ctid, whole.ctid);
        prop_assert_eq!(envelope.unknown, whole.unknown);
        prop_assert_eq!(envelope.results.len(), whole.results.len());
        for (got, want) in envelope.results.iter().zip(&whole.results) {
            prop_assert_eq!(&got.status, &want.status);
            prop_assert_eq!(&got.msgs, &want.msgs);
            prop_assert_eq!(got.msgs_after_status, want.msgs_after_status);
            prop_assert_eq!(&got.unknown, &want.unknown);
            prop_assert_eq!(got.data.as_ref().map(|d| d.summary), want.data.as_ref().map(|d| d.summary));
            prop_assert_eq!(got.data.as_ref().map(|d| &d.unknown), want.data.as_ref().map(|d| &d.unknown));
        }
        prop_assert_eq!(envelope.quirks, whole.quirks);
    }
}

/// A byte-order mark, a second one, UTF-16 and a U+FEFF where a window may start (inside the
/// envelope, after the root): the stream agrees with the whole-document decoder for reads of
/// every size, one byte included.
#[test]
fn byte_order_marks_and_u_feff_stream_like_whole_documents() {
    let seed = common::read_str("400115_response.xml");
    let bom = "\u{FEFF}";
    let cases = [
        format!("{bom}{seed}"),
        format!("{bom}{bom}{seed}"),
        seed.replacen("<result>", &format!("{bom}<result>"), 1),
        seed.replacen("<result>", &format!("<result>{bom}x"), 1),
        seed.replacen("<data>", &format!("<data>{bom}"), 1),
        format!("{}{bom}", seed.trim_end()),
        format!("{}\n{bom}\n", seed.trim_end()),
    ];
    for xml in &cases {
        let whole = decode_response::<CertificateJobList>(xml.as_bytes());
        for chunk in [1, 2, 3, 5, 4096] {
            let streamed = stream::<CertificateJob>(chunked(xml.as_bytes(), chunk));
            match (&whole, streamed) {
                (Ok(w), Ok((entries, env))) => {
                    assert_eq!(w.data().map(jobs).unwrap_or_default(), entries, "{xml:?}");
                    assert_eq!(w.quirks, env.quirks, "{xml:?}");
                }
                (Err(w), Err(s)) => assert_eq!(&decode_error(s), w, "chunk {chunk}: {xml:?}"),
                (w, s) => panic!(
                    "chunk {chunk}: {xml:?}: whole {:?}, stream {:?}",
                    w.as_ref().map(|_| ()),
                    s.map(|_| ())
                ),
            }
        }
    }
    // A second mark is text before the root, at its own offset; a U+FEFF inside the envelope
    // is text where none is allowed.
    let e = decode_response::<CertificateJobList>(cases[1].as_bytes()).expect_err("two marks");
    assert_eq!(e.kind(), &autodns_xml::DecodeErrorKind::TextOutsideRoot);
    assert_eq!((e.position().offset, e.position().column), (3, 1));
    let e = decode_response::<CertificateJobList>(cases[2].as_bytes()).expect_err("U+FEFF");
    assert!(
        matches!(e.kind(), autodns_xml::DecodeErrorKind::UnexpectedText(t) if t == "\u{FEFF}"),
        "{e}"
    );
    let utf16: Vec<u8> = seed.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let whole = decode_response::<CertificateJobList>(&utf16).expect_err("UTF-16");
    for chunk in [1, 2, 4096] {
        let s = decode_error(
            stream::<CertificateJob>(chunked(&utf16, chunk))
                .map(|_| ())
                .expect_err("UTF-16"),
        );
        assert_eq!(s, whole, "chunk {chunk}");
    }
}

/// issue 11 item 3: what a stream keeps beside its entries (unknown children, messages, the
/// envelope) is bounded by `max_retained`, whatever the input; the entries pass through
/// uncounted, so a long list streams under a small bound.
#[test]
fn the_stream_keeps_at_most_max_retained_bytes_beside_its_entries() {
    use autodns_xml::{DecodeErrorKind, Limit, Limits};
    let limits = Limits::default().with_max_retained(4096);
    // Unknown children of the root, and messages: refused once 4 KiB are kept.
    for filler in ["<a/>", "<msg a=''/>"] {
        let mut xml = String::from("<response>");
        for _ in 0..10_000 {
            xml.push_str(filler);
        }
        let mut reader = ListReader::<CertificateJob, _>::new(xml.as_bytes()).with_limits(limits);
        let err = decode_error(reader.by_ref().find_map(Result::err).expect("refused"));
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::Retained,
                max: 4096
            },
            "{filler}"
        );
        assert!(err.position().offset <= 4096 + 64, "{filler}: {err}");
    }
    // 20,000 entries (about 1 MB) under the same bound: they are not kept.
    let mut xml = String::from("<response><result><data><summary>20000</summary>");
    for i in 0..20_000 {
        xml.push_str(&format!(
            "<certificate_job><job><id>{i}</id></job></certificate_job>"
        ));
    }
    xml.push_str("</data><status><code>S400115</code></status></result></response>");
    let mut reader = ListReader::<CertificateJob, _>::new(xml.as_bytes()).with_limits(limits);
    assert_eq!(reader.by_ref().filter(Result::is_ok).count(), 20_000);
    assert!(reader.finish().is_ok());
}

/// issue 11 item 8: an encoding error (a NUL, a forbidden control character, invalid UTF-8)
/// found while streaming is reported where the whole-document decoder reports it: same kind,
/// same line, column and offset, whatever the reads' sizes and wherever the window stands
/// (in the first read, past several windows, after line breaks).
#[test]
fn encoding_errors_stream_at_the_whole_documents_position() {
    let entry = "<certificate_job><job><id>7</id></job></certificate_job>\r\n";
    for bad in [&b"\0"[..], b"\x01", b"\xff", b"\xc3(", b"\xed\xa0\x80"] {
        for entries_before in [0usize, 3, 2_000, 20_000] {
            let mut xml = b"<response><result><data>\n".to_vec();
            for _ in 0..entries_before {
                xml.extend_from_slice(entry.as_bytes());
            }
            xml.extend_from_slice(b"<certificate_job><job><id>1");
            xml.extend_from_slice(bad);
            xml.extend_from_slice(b"</id></job></certificate_job>");
            for _ in 0..10 {
                xml.extend_from_slice(entry.as_bytes());
            }
            xml.extend_from_slice(
                b"</data><status><code>S400115</code></status></result></response>",
            );
            let whole = decode_response::<CertificateJobList>(&xml).expect_err("refused whole");
            for chunk in [1usize, 7, 4096, 1 << 20] {
                let streamed = decode_error(
                    stream::<CertificateJob>(chunked(&xml, chunk)).expect_err("refused streamed"),
                );
                assert_eq!(
                    (streamed.kind(), streamed.position(), streamed.path()),
                    (whole.kind(), whole.position(), whole.path()),
                    "{bad:?} after {entries_before} entries, reads of {chunk}"
                );
            }
        }
    }
}

/// issue 11 item 9: a reader of any entry counts each result's entries of its own task's
/// kind only, and an entry that does not decode is an error only if its status makes it one
/// of its task's list, as the whole-document decoder (which types `<data>` by the status
/// code) judges both.
#[test]
fn any_entry_judges_entries_by_their_results_status() {
    let doc = |code: &str| {
        format!(
            "<response><result><data>\
             <certificate_job><job><id>x1</id></job></certificate_job>\
             <certificate_job><job><id>2</id></job></certificate_job>\
             <domain><name>a.de</name></domain></data>\
             <status><code>{code}</code></status></result></response>"
        )
    };
    // Under S0105 the jobs are not entries: the bad id is no error, one domain is counted.
    let (entries, envelope) = stream::<AnyEntry>(doc("S0105").as_bytes()).expect("streams");
    assert_eq!(entries.len(), 2, "the good job and the domain pass through");
    assert_eq!(envelope.data().map(|d| d.entries), Some(1));
    assert!(decode_response::<DomainList>(doc("S0105").as_bytes()).is_ok());
    // Under S400115 they are: the bad id is the error the whole document gives.
    let streamed = decode_error(stream::<AnyEntry>(doc("S400115").as_bytes()).expect_err("bad id"));
    let whole =
        decode_response::<CertificateJobList>(doc("S400115").as_bytes()).expect_err("bad id");
    assert_eq!(
        (streamed.kind(), streamed.position(), streamed.path()),
        (whole.kind(), whole.position(), whole.path())
    );
    // An error status or an unmodelled task keeps all of them, as raw data would.
    let (_, envelope) = stream::<AnyEntry>(doc("E0105").as_bytes()).expect("streams");
    assert_eq!(envelope.data().map(|d| d.entries), Some(2));
}

/// Every list form of the registry has its `AnyEntry` variant: its fixture's entries stream
/// typed, each reporting the element the registry names (a list registered without a
/// variant is an error here, not a silent misreading).
#[test]
fn every_registered_list_streams_typed_through_any_entry() {
    use autodns_xml::registry::TASKS;
    use autodns_xml::stream::ListEntry;
    for task in TASKS.iter().filter(|t| t.entries.is_some()) {
        let fixture = [
            format!("{}_list_response.xml", task.code),
            format!("{}_response.xml", task.code),
        ]
        .into_iter()
        .find(|name| common::path(name).exists())
        .unwrap_or_else(|| panic!("no list fixture for {}", task.code));
        let (entries, envelope) = stream::<AnyEntry>(&common::read(&fixture)[..])
            .unwrap_or_else(|e| panic!("{fixture}: {e}"));
        assert!(!entries.is_empty(), "{fixture}: no entry");
        for entry in &entries {
            assert_eq!(entry.element(), task.entries, "{fixture}");
        }
        assert_eq!(
            envelope.data().map(|d| d.entries),
            Some(entries.len() as u64),
            "{fixture}"
        );
    }
}
