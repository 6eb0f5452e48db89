//! The fuzz targets' properties (see `fuzz/`), run as property tests on every `cargo test`:
//! arbitrary bytes, and every seed document mutated byte by byte, never make a decoder panic;
//! whatever decodes encodes, in both layouts, to a document that decodes back to it; tighter
//! limits only ever refuse, never change a value; every error is one line. Then one test per
//! input the fuzzers found, named after what it pins.

mod common;
#[path = "fuzz_oracle/mod.rs"]
mod fuzz_oracle;

use autodns_xml::codec::Layout;
use autodns_xml::{
    AnyTask, DecodeErrorKind, Document, EncodeError, ErrorCategory, RawElement, Request,
    RequestTask, TaskCode,
};
use fuzz_oracle::encode_raw;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// A broken property as a failed case.
fn held(result: Result<(), fuzz_oracle::Broken>) -> Result<(), TestCaseError> {
    result.map_err(TestCaseError::fail)
}

/// The decoders of any document (a request, a response typed by status code, a raw tree):
/// no panic, and the properties of `fuzz_oracle`.
fn check_documents(data: &[u8]) -> Result<(), TestCaseError> {
    held(fuzz_oracle::document(data))?;
    held(fuzz_oracle::request(data))?;
    held(fuzz_oracle::raw(data))
}

/// Every decoder on `data`: [`check_documents`], and every typed response decoder.
fn check_all(data: &[u8]) -> Result<(), TestCaseError> {
    check_documents(data)?;
    for check in fuzz_oracle::RESPONSES {
        held(check(data))?;
    }
    Ok(())
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
    // Every registered code all of whose forms have a body element (from the table).
    let mut checked = 0;
    for task in autodns_xml::registry::TASKS {
        let forms = || {
            autodns_xml::registry::TASKS
                .iter()
                .filter(|t| t.code == task.code)
        };
        let Some(body) = task.element else { continue };
        if forms().any(|t| t.element.is_none()) || forms().next() != Some(task) {
            continue;
        }
        let xml = format!("<task><code>{}</code><ctid>c</ctid></task>", task.code);
        let e = Document::decode(xml.as_bytes()).expect_err(task.code);
        assert_eq!(
            e.kind(),
            &DecodeErrorKind::MissingElement(body),
            "{}",
            task.code
        );
        // And the encoder refuses the same value.
        let code = TaskCode::new(task.code).expect("code");
        let doc = Document::Task(RequestTask::new(code, AnyTask::None));
        assert!(matches!(
            doc.to_xml_with(Layout::Compact),
            Err(EncodeError::BodyMismatch { .. })
        ));
        checked += 1;
    }
    assert!(checked >= 20, "{checked} codes with a body checked");
    // The tasks with a form without a body still decode without one.
    for task in autodns_xml::registry::TASKS
        .iter()
        .filter(|t| t.element.is_none())
    {
        let xml = format!("<task><code>{}</code></task>", task.code);
        Document::decode(xml.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", task.code));
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
    use autodns_xml::Response;
    use autodns_xml::registry::{TASKS, TaskInfo};
    use std::collections::BTreeMap;

    /// Fixed pseudo-random bytes for draw `seed` (xorshift: no two draws alike).
    fn seeded_bytes(seed: u32, len: usize) -> Vec<u8> {
        let mut x = u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    /// A task of the registered kind `task` (a bare `<task>`, the form every body sits in),
    /// its body drawn by the registry's generators.
    fn registered_task(
        task: &TaskInfo,
        u: &mut Unstructured<'_>,
    ) -> arbitrary::Result<RequestTask> {
        let body = AnyTask::arbitrary_of(task, u)?;
        // A drawn task given this code and body; without its unknown children, which may be
        // called like this body.
        let mut drawn = RequestTask::arbitrary(u)?;
        drawn.code = TaskCode::new(task.code).expect("a registered code");
        drawn.body = body;
        drawn.unknown.clear();
        Ok(drawn)
    }

    proptest! {
        #![proptest_config(common::proptest_config(512))]

        /// A model drawn from arbitrary bytes is refused by the encoder or comes back equal.
        #[test]
        fn an_arbitrary_document_is_refused_or_comes_back(bytes in vec(any::<u8>(), 0..2048)) {
            let Ok(doc) = Document::arbitrary(&mut Unstructured::new(&bytes)) else {
                return Ok(());
            };
            held(fuzz_oracle::refused_or_comes_back(&doc, Document::to_xml_with, Document::decode))?;
        }
    }

    proptest! {
        #![proptest_config(common::proptest_config(256))]

        /// Every registered task (0202001's `default` beside its `zone` included) is refused
        /// by the encoder or comes back equal.
        #[test]
        fn an_arbitrary_registered_task_is_refused_or_comes_back(
            task in select(TASKS),
            bytes in vec(any::<u8>(), 0..2048),
        ) {
            let Ok(drawn) = registered_task(&task, &mut Unstructured::new(&bytes)) else {
                return Ok(());
            };
            held(fuzz_oracle::refused_or_comes_back(
                &Document::Task(drawn),
                Document::to_xml_with,
                Document::decode,
            ))?;
        }

        /// A zone answer (one zone with its records, or a list) is refused or comes back.
        #[test]
        fn arbitrary_zone_data_is_refused_or_comes_back(bytes in vec(any::<u8>(), 0..2048)) {
            use autodns_xml::zone::ZoneData;
            let Ok(resp) = Response::<ZoneData>::arbitrary(&mut Unstructured::new(&bytes)) else {
                return Ok(());
            };
            held(fuzz_oracle::refused_or_comes_back(
                &resp,
                Response::to_xml_with,
                Response::<ZoneData>::decode,
            ))?;
        }
    }

    /// Draws per measurement.
    const DRAWS: u32 = 200;

    /// The share of drawn values that must encode, in per cent, for each kind of value.
    const FLOOR: u32 = 60;

    /// How many of [`DRAWS`] values drawn by `draw` from pseudo-random bytes the encoder
    /// writes, counting the refusals by kind in `refusals`.
    fn encoded(
        refusals: &mut BTreeMap<String, u32>,
        draw: impl Fn(&mut Unstructured<'_>) -> Option<Document>,
    ) -> u32 {
        let mut n = 0;
        for seed in 0..DRAWS {
            let bytes = seeded_bytes(seed, 2048);
            match draw(&mut Unstructured::new(&bytes)).map(|d| d.to_xml_with(Layout::Compact)) {
                Some(Ok(_)) => n += 1,
                Some(Err(e)) => {
                    let debug = format!("{e:?}");
                    let kind = debug.split([' ', '(']).next().unwrap_or_default();
                    *refusals.entry(kind.to_owned()).or_default() += 1;
                }
                None => {}
            }
        }
        n
    }

    /// The share of drawn values the encoder writes, per registered task and its answer, and
    /// for whole documents: a property whose inputs are mostly refused tests little, so each
    /// must stay above [`FLOOR`] %. `cargo test --all-features --test fuzz_props
    /// most_drawn -- --nocapture` prints the table and what refused the others.
    #[test]
    fn most_drawn_values_encode_for_every_task() {
        let mut refusals = BTreeMap::new();
        let mut low = Vec::new();
        let mut report = |what: String, n: u32| {
            eprintln!(
                "{what:44} {:5.1} % encode",
                f64::from(n) * 100.0 / f64::from(DRAWS)
            );
            if n * 100 < FLOOR * DRAWS {
                low.push(format!("{what}: {n} of {DRAWS}"));
            }
        };
        let n = encoded(&mut refusals, |u| Document::arbitrary(u).ok());
        report("Document".into(), n);
        let n = encoded(&mut refusals, |u| {
            Request::arbitrary(u).ok().map(Document::Request)
        });
        report("Request".into(), n);
        for task in TASKS {
            let n = encoded(&mut refusals, |u| {
                registered_task(task, u).ok().map(Document::Task)
            });
            report(format!("{} ({}) task", task.name, task.code), n);
        }
        for task in TASKS {
            let n = encoded(&mut refusals, |u| registered_answer(task, u).ok());
            report(format!("{} ({}) answer", task.name, task.code), n);
        }
        eprintln!("refused: {refusals:?}");
        assert!(low.is_empty(), "too few drawn values encode: {low:#?}");
    }

    /// An answer to the registered task `task`: a drawn response envelope whose every result
    /// answers `task.code` with data of that code.
    fn registered_answer(task: &TaskInfo, u: &mut Unstructured<'_>) -> arbitrary::Result<Document> {
        let envelope = Response::<RawElement>::arbitrary(u)?;
        let code = TaskCode::new(task.code).expect("a registered code");
        let mut results = Vec::new();
        for mut r in envelope.results {
            r.status.code.task = code.clone();
            let data = autodns_xml::AnyData::arbitrary_for(task.code, u)?;
            results.push(r.with_data(Some(data)));
        }
        Ok(Document::Response(Response {
            results,
            stid: envelope.stid,
            ctid: envelope.ctid,
            unknown: envelope.unknown,
            quirks: Vec::new(),
        }))
    }
}
