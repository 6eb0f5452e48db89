//! The fuzz targets' properties (see `fuzz/`), run as property tests on every `cargo test`:
//! arbitrary bytes, and every seed document mutated byte by byte, never make a decoder panic;
//! whatever decodes encodes, in both layouts, to a document that decodes back to it; tighter
//! limits only ever refuse, never change a value; every error is one line. Then one test per
//! input the fuzzers found, named after what it pins.

mod common;

use autodns_xml::certificate::{CertificateJobInfo, CertificateJobList};
use autodns_xml::codec::{FromXml, Layout, ToXml, XmlWriter};
use autodns_xml::contact::ContactCreate;
use autodns_xml::domain::{DomainCreate, DomainInfo};
use autodns_xml::poll::{PollConfirm, PollInfo};
use autodns_xml::{
    DecodeError, DecodeErrorKind, Document, EncodeError, ErrorCategory, Limits, RawElement,
    Request, RequestTask, Response, Task, TaskBody, TaskCode,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use std::fmt::Debug;

/// Limits small enough to be crossed often (the fuzz targets use the same).
fn tight() -> Limits {
    Limits::default()
        .with_max_depth(6)
        .with_max_text_len(24)
        .with_max_attributes(2)
        .with_max_document_size(2048)
}

/// Decodes under the default and the tight limits; the tight ones only ever refuse. Every
/// error is one line. Returns the default decode, if any.
fn decode_both<T: PartialEq + Debug>(
    data: &[u8],
    decode: impl Fn(&[u8], &Limits) -> Result<T, DecodeError>,
) -> Result<Option<T>, TestCaseError> {
    let loose = decode(data, &Limits::default());
    if let Ok(tight) = decode(data, &tight()) {
        prop_assert_eq!(
            loose.as_ref().ok(),
            Some(&tight),
            "tight limits changed the value"
        );
    }
    match loose {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            prop_assert!(!e.to_string().contains('\n'), "{}", e);
            prop_assert!(e.position().offset <= data.len());
            Ok(None)
        }
    }
}

/// A decoded value encodes in both layouts and decodes back to itself.
fn stable<T: PartialEq + Debug>(
    value: &T,
    encode: impl Fn(&T, Layout) -> Result<String, EncodeError>,
    decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
) -> Result<(), TestCaseError> {
    for layout in [Layout::Compact, Layout::Indented] {
        let xml = encode(value, layout)
            .map_err(|e| TestCaseError::fail(format!("does not encode: {e}\n{value:#?}")))?;
        let again = decode(xml.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("does not decode: {e}\n{xml}")))?;
        prop_assert_eq!(&again, value, "{}", xml);
    }
    Ok(())
}

fn encode_raw(raw: &RawElement, layout: Layout) -> Result<String, EncodeError> {
    let mut out = Vec::new();
    raw.to_xml(&raw.name, &mut XmlWriter::new(&mut out, layout))?;
    Ok(String::from_utf8(out).expect("the writer writes UTF-8"))
}

fn typed<D: FromXml + ToXml + PartialEq + Debug>(data: &[u8]) -> Result<(), TestCaseError> {
    if let Some(resp) = decode_both(data, Response::<D>::decode_with)? {
        stable(&resp, Response::to_xml_with, Response::decode)?;
    }
    Ok(())
}

fn task<T: Task>(data: &[u8]) -> Result<(), TestCaseError>
where
    T::Data: PartialEq + Debug + ToXml,
{
    typed::<T::Data>(data)
}

/// The decoders of any document (a request, a response typed by status code, a raw tree):
/// no panic, and the properties above.
fn check_documents(data: &[u8]) -> Result<(), TestCaseError> {
    if let Some(doc) = decode_both(data, Document::decode_with)? {
        stable(&doc, Document::to_xml_with, Document::decode)?;
    }
    if let Some(req) = decode_both(data, Request::decode_with)? {
        stable(&req, Request::to_xml_with, Request::decode)?;
    }
    if let Some((raw, _)) = decode_both(data, RawElement::decode_with)? {
        stable(&raw, encode_raw, |xml| {
            RawElement::decode(xml).map(|(r, _)| r)
        })?;
    }
    Ok(())
}

/// Every decoder on `data`: [`check_documents`], and the response to each modelled task.
fn check_all(data: &[u8]) -> Result<(), TestCaseError> {
    check_documents(data)?;
    typed::<RawElement>(data)?;
    task::<DomainInfo>(data)?;
    task::<DomainCreate>(data)?;
    task::<ContactCreate>(data)?;
    task::<PollInfo>(data)?;
    task::<PollConfirm>(data)?;
    task::<CertificateJobInfo>(data)?;
    task::<CertificateJobList>(data)
}

/// Bytes that matter to a parser, and any byte.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => select(&b"<>/&;#x?!-[]=\"' \t\r\n\0\xFF\xFE\xEF\xBB\xBF\xC3\xA4abcdxyz0123456789"[..]),
        1 => any::<u8>(),
    ]
}

/// Pieces of markup to insert.
fn markup() -> impl Strategy<Value = Vec<u8>> {
    select(
        &[
            "<a>",
            "</a>",
            "<a/>",
            "</",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<?pi?>",
            "<?xml?>",
            "&amp;",
            "&bogus;",
            "&#0;",
            "&#x10FFFF;",
            "<!DOCTYPE a>",
            "<response>",
            "<request>",
            "<task>",
            "<data>",
            "</data>",
            "<code>",
            "</code>",
            "<msg>",
            "</context>",
            "<context4>",
            "<password>",
            "</password>",
            " a='1'",
            "\u{FEFF}",
            "\r\n",
        ][..],
    )
    .prop_map(|s| s.as_bytes().to_vec())
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Sets the byte at (a fraction of) the length.
    Set(f64, u8),
    /// Removes up to 8 bytes.
    Remove(f64, usize),
    /// Inserts markup.
    Insert(f64, Vec<u8>),
    /// Cuts the document there.
    Truncate(f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        4 => (at.clone(), interesting_byte()).prop_map(|(a, b)| Mutation::Set(a, b)),
        2 => (at.clone(), 1..8usize).prop_map(|(a, n)| Mutation::Remove(a, n)),
        2 => (at.clone(), markup()).prop_map(|(a, m)| Mutation::Insert(a, m)),
        1 => at.prop_map(Mutation::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    // Truncation cast: `at` is in [0, 1).
    let index = |at: f64, len: usize| ((at * len as f64) as usize).min(len);
    for m in mutations {
        let len = bytes.len();
        match m {
            Mutation::Set(at, b) => {
                if let Some(byte) = bytes.get_mut(index(*at, len)) {
                    *byte = *b;
                }
            }
            Mutation::Remove(at, n) => {
                let from = index(*at, len);
                bytes.drain(from..(from + n).min(len));
            }
            Mutation::Insert(at, piece) => {
                let at = index(*at, len);
                bytes.splice(at..at, piece.iter().copied());
            }
            Mutation::Truncate(at) => bytes.truncate(index(*at, len)),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(data in vec(any::<u8>(), 0..512)) {
        check_all(&data)?;
    }

    #[test]
    fn arbitrary_markup_soup_never_panics(
        pieces in vec(prop_oneof![markup(), vec(interesting_byte(), 1..4)], 0..40)
    ) {
        check_all(&pieces.concat())?;
    }
}

proptest! {
    #![proptest_config(common::proptest_config(512))]

    /// Each seed document, mutated in one to four places.
    #[test]
    fn mutated_seeds_never_panic_and_what_decodes_is_stable(
        seed in select(common::names()),
        mutations in vec(mutation(), 1..5),
    ) {
        check_all(&apply(common::read(&seed), &mutations))?;
    }
}

/// Every seed with each byte in turn replaced by `<`: the properties hold (the deterministic
/// counterpart of the mutation test above; `tests/errors.rs` tries more bytes for panics).
#[test]
fn every_byte_of_every_seed_replaced_keeps_the_properties() {
    for (name, xml) in common::files() {
        for at in 0..xml.len() {
            let mut bad = xml.clone();
            bad[at] = b'<';
            if let Err(e) = check_documents(&bad) {
                panic!("{name}: byte {at} set to `<`: {e}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What the fuzzers found.

fn hostile(name: &str) -> Vec<u8> {
    common::read(&format!("hostile/{name}"))
}

/// decode_request: a 400114 task whose `certificate_job` was commented out decoded with no
/// body, which the encoder then refused (`BodyMismatch`). A modelled task without the body
/// it needs is now a missing element when decoded, as it is when encoded.
#[test]
fn a_modelled_task_without_its_body_does_not_decode() {
    let e = Request::decode(&hostile("fuzz_task_without_body.xml")).expect_err("no body");
    assert_eq!(
        e.kind(),
        &DecodeErrorKind::MissingElement("certificate_job")
    );
    assert_eq!(e.path(), "request/task");
    assert_eq!(e.category(), ErrorCategory::MissingElement);
    for (code, body) in [
        ("0301", "handle"),
        ("0101", "domain"),
        ("0906", "message"),
        ("400113", "certificate_job"),
        ("400114", "certificate_job"),
        ("400118", "certificate_job"),
        ("400134", "certificate_job"),
    ] {
        let xml = format!("<task><code>{code}</code><ctid>c</ctid></task>");
        let e = Document::decode(xml.as_bytes()).expect_err(code);
        assert_eq!(e.kind(), &DecodeErrorKind::MissingElement(body), "{code}");
        // And the encoder refuses the same value.
        let task = RequestTask::new(TaskCode::new(code).expect("code"), TaskBody::None);
        let doc = Document::Task(task);
        assert!(matches!(
            doc.to_xml_with(Layout::Compact),
            Err(EncodeError::BodyMismatch { .. })
        ));
    }
    // The tasks without a body still decode without one.
    for code in ["0105", "0905", "400115", "400135", "0205"] {
        let xml = format!("<task><code>{code}</code></task>");
        Document::decode(xml.as_bytes()).unwrap_or_else(|e| panic!("{code}: {e}"));
    }
}

/// decode_request and decode_response: a character reference spanning lines (`&#x10FFF<TAB>
/// <LF>>F;`) made an error message of several lines. What an error quotes of a reference or
/// an entity is escaped and truncated.
#[test]
fn an_error_quoting_a_reference_is_one_line() {
    for name in [
        "fuzz_charref_with_tab_and_newline.xml",
        "fuzz_charref_with_newlines.xml",
    ] {
        let e = Document::decode(&hostile(name)).expect_err(name);
        assert!(
            matches!(e.kind(), DecodeErrorKind::InvalidCharRef(_)),
            "{name}: {e}"
        );
        assert_eq!(e.to_string().lines().count(), 1, "{name}: {e}");
    }
    let e = Document::decode(b"<task>&#x10FFF\t\n>F;</task>").expect_err("bad reference");
    assert_eq!(
        e.kind(),
        &DecodeErrorKind::InvalidCharRef("#x10FFF\t\n>F".into())
    );
    assert!(
        e.to_string()
            .starts_with(r"invalid character reference &#x10FFF\t\n>F; in task"),
        "{e}"
    );
    let long = format!("<task>&{};</task>", "e".repeat(10_000));
    let e = Document::decode(long.as_bytes()).expect_err("unknown entity");
    assert!(e.to_string().len() < 200, "{e}");
}

/// decode_request: an undeclared entity spanning lines inside an attribute value made a
/// multi-line "malformed attribute" message. What a syntax or attribute error quotes is
/// truncated and its control characters escaped.
#[test]
fn an_error_quoting_an_attribute_is_one_line() {
    let e = Document::decode(&hostile("fuzz_attribute_entity_with_newline.xml"))
        .expect_err("bad attribute");
    assert!(matches!(e.kind(), DecodeErrorKind::Attribute(_)), "{e}");
    assert_eq!(
        e.to_string(),
        "malformed attribute: at 2..13: unrecognized entity `c>\\n     #+3` in Çml at line 1, \
         column 1"
    );
    let long = format!("<a b=\"&{};\"/>", "e\n".repeat(5_000));
    let e = Document::decode(long.as_bytes()).expect_err("unknown entity");
    assert_eq!(e.to_string().lines().count(), 1, "{e}");
    assert!(e.to_string().len() < 300, "{e}");
    let decl = format!("<?xml version='1.0' encoding='{}'?><a/>", "x".repeat(5_000));
    let e = Document::decode(decl.as_bytes()).expect_err("unsupported encoding");
    assert!(e.to_string().len() < 200, "{e}");
}

/// The structured round trip requires every value either to be refused or to come back:
/// two attributes of one name on a raw element cannot be written (a parser refuses them), so
/// the encoder refuses them rather than write a document that does not decode.
#[test]
fn two_attributes_of_one_name_are_an_encode_error() {
    let mut raw = RawElement::new("x");
    raw.attributes = vec![("a".into(), "1".into()), ("a".into(), "2".into())];
    assert_eq!(
        encode_raw(&raw, Layout::Compact),
        Err(EncodeError::DuplicateAttribute {
            element: "x".into(),
            attribute: "a".into()
        })
    );
    raw.attributes[1].0 = "b".into();
    let xml = encode_raw(&raw, Layout::Compact).expect("distinct names");
    assert_eq!(xml, r#"<x a="1" b="2"/>"#);
}

// ---------------------------------------------------------------------------------------------
// The structured round trip (fuzz/roundtrip), with the `arbitrary` feature.

#[cfg(feature = "arbitrary")]
mod structured {
    use super::*;
    use arbitrary::{Arbitrary, Unstructured};

    /// `value` is refused by the encoder or comes back equal, in both layouts (or, nested
    /// past the depth limit, is refused by the decoder as too deep).
    fn refused_or_comes_back<T: PartialEq + Debug>(
        value: &T,
        encode: impl Fn(&T, Layout) -> Result<String, EncodeError>,
        decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
    ) -> Result<(), TestCaseError> {
        for layout in [Layout::Compact, Layout::Indented] {
            let Ok(xml) = encode(value, layout) else {
                continue;
            };
            match decode(xml.as_bytes()) {
                Ok(again) => prop_assert_eq!(&again, value, "{}", xml),
                Err(e) if e.category() == ErrorCategory::LimitExceeded => {}
                Err(e) => return Err(TestCaseError::fail(format!("{e}\n{xml}"))),
            }
        }
        Ok(())
    }

    fn decode_document(bytes: &[u8]) -> Result<Document, DecodeError> {
        Document::decode(bytes)
    }

    /// Fixed pseudo-random bytes for draw `seed`.
    fn seeded_bytes(seed: u32) -> Vec<u8> {
        (0..1024u32)
            .map(|i| (i.wrapping_mul(2_654_435_761).wrapping_add(seed * 97) >> 13) as u8)
            .collect()
    }

    /// A zone task (bare `<task>`, the form every zone body sits in) drawn by the zone
    /// models' generators.
    fn zone_task(pick: u8, u: &mut Unstructured<'_>) -> arbitrary::Result<RequestTask> {
        use autodns_xml::zone::{
            ZoneCreate, ZoneDelete, ZoneImport, ZoneInfo, ZoneStream, ZoneUpdate,
        };
        Ok(match pick % 7 {
            0 => ZoneCreate::arbitrary(u)?.into(),
            1 => ZoneUpdate::arbitrary(u)?.into(),
            2 => ZoneStream::arbitrary(u)?.into(),
            3 => ZoneDelete::arbitrary(u)?.into(),
            4 => ZoneImport::arbitrary(u)?.into(),
            5 => ZoneInfo::arbitrary(u)?.into(),
            _ => RequestTask::from(autodns_xml::zone::ZoneList),
        })
    }

    proptest! {
        #![proptest_config(common::proptest_config(512))]

        /// A model drawn from arbitrary bytes is refused by the encoder or comes back equal.
        #[test]
        fn an_arbitrary_document_is_refused_or_comes_back(bytes in vec(any::<u8>(), 0..2048)) {
            let Ok(doc) = Document::arbitrary(&mut Unstructured::new(&bytes)) else {
                return Ok(());
            };
            refused_or_comes_back(&doc, Document::to_xml_with, decode_document)?;
        }
    }

    proptest! {
        #![proptest_config(common::proptest_config(256))]

        /// Every zone task (0202001's `default` beside its `zone` included) is refused by the
        /// encoder or comes back equal.
        #[test]
        fn an_arbitrary_zone_task_is_refused_or_comes_back(
            pick in any::<u8>(),
            bytes in vec(any::<u8>(), 0..2048),
        ) {
            let Ok(task) = zone_task(pick, &mut Unstructured::new(&bytes)) else {
                return Ok(());
            };
            refused_or_comes_back(&Document::Task(task), Document::to_xml_with, decode_document)?;
        }

        /// A zone answer (one zone with its records, or a list) is refused or comes back.
        #[test]
        fn arbitrary_zone_data_is_refused_or_comes_back(bytes in vec(any::<u8>(), 0..2048)) {
            use autodns_xml::zone::ZoneData;
            let Ok(resp) = Response::<ZoneData>::arbitrary(&mut Unstructured::new(&bytes)) else {
                return Ok(());
            };
            refused_or_comes_back(&resp, Response::to_xml_with, Response::<ZoneData>::decode)?;
        }
    }

    /// The zone tasks drawn are not all refused: most of them encode.
    #[test]
    fn most_arbitrary_zone_tasks_encode() {
        let encoded = (0..210u32)
            .filter(|&seed| {
                let bytes = seeded_bytes(seed);
                let task = zone_task((seed % 7) as u8, &mut Unstructured::new(&bytes));
                Document::Task(task.expect("drawn"))
                    .to_xml_with(Layout::Compact)
                    .is_ok()
            })
            .count();
        assert!(encoded > 105, "{encoded} of 210 encode");
    }

    /// The drawn documents are not all refused: most of them encode.
    #[test]
    fn most_arbitrary_documents_encode() {
        let encoded = (0..200u32)
            .filter(|&seed| {
                let bytes = seeded_bytes(seed);
                let doc = Document::arbitrary(&mut Unstructured::new(&bytes)).expect("drawn");
                doc.to_xml_with(Layout::Compact).is_ok()
            })
            .count();
        assert!(encoded > 100, "{encoded} of 200 encode");
    }
}
