//! Property tests: for arbitrary values of every model, `decode(encode(v)) == v`, in both
//! layouts, through the typed decoders and through [`Document::decode`]; and encoding refuses
//! a character XML 1.0 cannot represent instead of writing it.
//!
//! The values are drawn by the crate's generators (feature `arbitrary`, the ones the
//! `roundtrip` fuzz target draws with) through `common/strategies.rs`; every registered task
//! and every registered task's answer is drawn, from `registry::TASKS`.

use autodns_xml::certificate::{
    AuthenticationMethod, Certificate, CertificateJob, CertificateJobHistoryInfo,
    CertificateJobHistoryList, CertificateJobInfo, CertificateJobInfoData, CertificateJobList,
    Product, SignatureHash, Software, TransparencyPrivacy,
};
use autodns_xml::codec::{FromXml, Layout, OpenEnum, ToXml};
use autodns_xml::contact::{ContactCreate, ContactType, Handle, Protection};
use autodns_xml::domain::{DomainCreate, DomainInfo, RddsOptIn, RegistrarStatus, RegistryStatus};
use autodns_xml::envelope::{Operator, Order, OrderMode, Where};
use autodns_xml::job::{Job, JobAction, JobStatus, JobType};
use autodns_xml::poll::{PollConfirm, PollInfo};
use autodns_xml::registry::TASKS;
use autodns_xml::zone::{ZoneCreate, ZoneInfo, ZoneStream};
use autodns_xml::{
    AnyData, Auth, Document, EncodeError, Msg, Quirk, QuirkKind, RawElement, Request, RequestTask,
    Response, Secret, StatusType, User,
};
use proptest::prelude::*;
use proptest::sample::select;
use std::fmt::Debug;

#[path = "common/strategies.rs"]
mod strategies;
use strategies::*;

const CASES: u32 = 64;

fn config() -> ProptestConfig {
    ProptestConfig {
        // `PROPTEST_CASES=5000 cargo test --release --test roundtrip` for a deeper run.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(CASES),
        // No regression files next to the tests: a failure prints its minimal input.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const LAYOUTS: [Layout; 2] = [Layout::Compact, Layout::Indented];

// ---------------------------------------------------------------------------------------------
// Checks.
// ---------------------------------------------------------------------------------------------

/// Our own output never needs a repair; only a value kept as the server spelled it
/// (`DEFFERED`) is reported again.
fn only_misspellings(quirks: &[Quirk], xml: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        quirks
            .iter()
            .all(|q| matches!(q.kind, QuirkKind::MisspelledValue { .. })),
        "our own output needed repairs: {:?}\n{}",
        quirks,
        xml
    );
    Ok(())
}

fn fail(what: &str, e: impl std::fmt::Display, xml: &str) -> TestCaseError {
    TestCaseError::fail(format!("{what}: {e}\n{xml}"))
}

/// Encodes `resp` in both layouts and decodes it through `Response::<D>::decode` and through
/// `Document::decode` (data typed by status code, `any` wrapping it the way that path does).
fn check_response<D>(resp: &Response<D>, any: fn(D) -> AnyData) -> Result<(), TestCaseError>
where
    D: FromXml + ToXml + Clone + PartialEq + Debug,
{
    let expected = Document::Response(Response {
        results: resp
            .results
            .iter()
            .map(|r| {
                let data = r.data.clone().map(any);
                r.clone().with_data(data)
            })
            .collect(),
        stid: resp.stid.clone(),
        ctid: resp.ctid.clone(),
        unknown: resp.unknown.clone(),
        quirks: Vec::new(),
    });
    for layout in LAYOUTS {
        let xml = resp
            .to_xml_with(layout)
            .map_err(|e| TestCaseError::fail(format!("encode ({layout:?}): {e}")))?;
        let typed =
            Response::<D>::decode(xml.as_bytes()).map_err(|e| fail("typed decode", e, &xml))?;
        prop_assert_eq!(&typed, resp, "typed decode, {:?}:\n{}", layout, xml);
        only_misspellings(&typed.quirks, &xml)?;

        let doc =
            Document::decode(xml.as_bytes()).map_err(|e| fail("Document::decode", e, &xml))?;
        let quirks = doc.quirks().to_vec();
        prop_assert_eq!(&doc, &expected, "Document::decode, {:?}:\n{}", layout, xml);
        only_misspellings(&quirks, &xml)?;
        let again = doc
            .to_xml_with(layout)
            .map_err(|e| fail("re-encode", e, &xml))?;
        prop_assert_eq!(&again, &xml, "Document re-encodes differently");
    }
    Ok(())
}

fn check_request(req: &Request) -> Result<(), TestCaseError> {
    for layout in LAYOUTS {
        let xml = req
            .to_xml_with(layout)
            .map_err(|e| TestCaseError::fail(format!("encode ({layout:?}): {e}")))?;
        let back = Request::decode(xml.as_bytes()).map_err(|e| fail("Request::decode", e, &xml))?;
        prop_assert_eq!(&back, req, "Request::decode, {:?}:\n{}", layout, xml);
        only_misspellings(&back.quirks, &xml)?;

        let doc =
            Document::decode(xml.as_bytes()).map_err(|e| fail("Document::decode", e, &xml))?;
        let quirks = doc.quirks().to_vec();
        prop_assert_eq!(
            &doc,
            &Document::Request(req.clone()),
            "Document::decode, {:?}",
            layout
        );
        only_misspellings(&quirks, &xml)?;
        let again = doc
            .to_xml_with(layout)
            .map_err(|e| fail("re-encode", e, &xml))?;
        prop_assert_eq!(&again, &xml, "Document re-encodes differently");
    }
    Ok(())
}

/// Encodes `doc` in both layouts: it decodes back equal, with no repair, and re-encodes the
/// same.
fn check_document(doc: &Document) -> Result<(), TestCaseError> {
    for layout in LAYOUTS {
        let xml = doc
            .to_xml_with(layout)
            .map_err(|e| TestCaseError::fail(format!("encode ({layout:?}): {e}")))?;
        let back =
            Document::decode(xml.as_bytes()).map_err(|e| fail("Document::decode", e, &xml))?;
        let quirks = back.quirks().to_vec();
        prop_assert_eq!(&back, doc, "{:?}:\n{}", layout, xml);
        only_misspellings(&quirks, &xml)?;
        let again = back
            .to_xml_with(layout)
            .map_err(|e| fail("re-encode", e, &xml))?;
        prop_assert_eq!(&again, &xml, "Document re-encodes differently");
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn request_round_trip(req in request()) {
        check_request(&req)?;
    }

    #[test]
    fn bare_task_round_trip(task in request_task()) {
        check_document(&Document::Task(task))?;
    }

    #[test]
    fn empty_data_response_round_trip(
        resp in answer::<ContactCreate>(),
    ) {
        check_response(&resp, AnyData::ContactCreate)?;
    }

    #[test]
    fn domain_create_response_round_trip(
        resp in answer::<DomainCreate>(),
    ) {
        check_response(&resp, AnyData::DomainCreate)?;
    }

    #[test]
    fn domain_info_response_round_trip(
        resp in answer::<DomainInfo>(),
    ) {
        check_response(&resp, AnyData::DomainInfo)?;
    }

    #[test]
    fn poll_info_response_round_trip(resp in answer::<PollInfo>()) {
        check_response(&resp, AnyData::PollInfo)?;
    }

    #[test]
    fn poll_confirm_response_round_trip(
        resp in answer::<PollConfirm>(),
    ) {
        check_response(&resp, AnyData::PollConfirm)?;
    }

    #[test]
    fn certificate_job_info_response_round_trip(
        resp in answer::<CertificateJobInfo>(),
    ) {
        check_response(&resp, AnyData::CertificateJobInfo)?;
    }

    #[test]
    fn certificate_job_history_info_response_round_trip(
        resp in answer::<CertificateJobHistoryInfo>(),
    ) {
        check_response(&resp, AnyData::CertificateJobHistoryInfo)?;
    }

    #[test]
    fn certificate_job_list_response_round_trip(
        resp in answer::<CertificateJobList>(),
    ) {
        check_response(&resp, AnyData::CertificateJobList)?;
    }

    #[test]
    fn certificate_job_history_list_response_round_trip(
        resp in answer::<CertificateJobHistoryList>(),
    ) {
        check_response(&resp, AnyData::CertificateJobHistoryList)?;
    }

    #[test]
    fn zone_info_response_round_trip(resp in answer::<ZoneInfo>()) {
        check_response(&resp, AnyData::ZoneInfo)?;
    }

    #[test]
    fn zone_create_response_round_trip(resp in answer::<ZoneCreate>()) {
        check_response(&resp, AnyData::ZoneCreate)?;
    }

    #[test]
    fn zone_stream_response_round_trip(resp in answer::<ZoneStream>()) {
        check_response(&resp, AnyData::ZoneStream)?;
    }

    #[test]
    fn raw_data_response_round_trip(resp in raw_answer()) {
        check_response(&resp, AnyData::Raw)?;
    }

    /// Every registered task (each form of each code, from the table) as a bare task.
    #[test]
    fn every_registered_task_round_trips((_, task) in registered_task()) {
        check_document(&Document::Task(task))?;
    }

    /// The answer to every registered task code (from the table), its data typed by the
    /// status code as `Document::decode` types it.
    #[test]
    fn every_registered_answer_round_trips(
        resp in select(TASKS).prop_flat_map(|t| any_answer(t.code)),
    ) {
        check_document(&Document::Response(resp))?;
    }
}

// ---------------------------------------------------------------------------------------------
// Characters XML 1.0 cannot represent.
// ---------------------------------------------------------------------------------------------

/// A character XML 1.0 does not allow in a document (surrogates cannot be a `char`).
fn invalid_char() -> BoxedStrategy<char> {
    prop_oneof![
        proptest::char::range('\u{0}', '\u{8}'),
        Just('\u{B}'),
        Just('\u{C}'),
        proptest::char::range('\u{E}', '\u{1F}'),
        Just('\u{FFFE}'),
        Just('\u{FFFF}'),
    ]
    .boxed()
}

/// Text holding `bad` somewhere.
fn poisoned() -> BoxedStrategy<(String, char)> {
    (text(), invalid_char(), text())
        .prop_map(|(a, c, b)| (format!("{a}{c}{b}"), c))
        .boxed()
}

fn assert_invalid_char(
    result: Result<String, EncodeError>,
    element: &str,
    bad: char,
) -> Result<(), TestCaseError> {
    match result {
        Err(EncodeError::InvalidChar { element: e, code }) => {
            prop_assert_eq!(code, u32::from(bad));
            prop_assert_eq!(e.as_str(), element);
            Ok(())
        }
        other => Err(TestCaseError::fail(format!(
            "expected InvalidChar in <{element}> for U+{:04X}, got {other:?}",
            u32::from(bad)
        ))),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn request_with_invalid_char_is_refused(
        mut req in request(),
        (bad_text, bad) in poisoned(),
        slot in 0usize..13,
    ) {
        let element = match slot {
            0 => { req.auth.user = bad_text; "user" }
            1 => { req.auth.password = Secret::new(bad_text); "password" }
            2 => { req.auth.token = Some(Secret::new(bad_text)); "token" }
            3 => { req.language = Some(bad_text); "language" }
            4 => { req.owner = Some(User { user: Some(bad_text), ..User::default() }); "user" }
            5 => { req.tasks[0].ctid = Some(bad_text); "ctid" }
            6 => { req.tasks[0].key.push(bad_text); "key" }
            7 => {
                req.tasks[0].r#where = Some(Where {
                    or: vec![Where::condition("k", Operator::Eq, bad_text)],
                    ..Where::default()
                });
                "value"
            }
            8 => { req.unknown.push(RawElement::with_text("x_bad", bad_text)); "x_bad" }
            9 => {
                let mut el = RawElement::new("x_bad");
                el.attributes.push(("attr".to_owned(), bad_text));
                req.unknown.push(RawElement::new("x_outer").child(el));
                "x_bad"
            }
            10 => {
                req.tasks[0].order.push(Order {
                    key: "k".to_owned(),
                    mode: Some(OrderMode::Other(bad_text)),
                    unknown: Default::default(),
                });
                "mode"
            }
            11 => {
                req.tasks.push(RequestTask::from(DomainInfo::new(bad_text)));
                "name"
            }
            _ => {
                let mut h = Handle::person()
                    .fname("f")
                    .lname("l")
                    .address("a")
                    .pcode("p")
                    .city("c")
                    .country("DE");
                h.remarks.push(bad_text);
                req.tasks.push(RequestTask::from(ContactCreate(h)));
                "remarks"
            }
        };
        for layout in LAYOUTS {
            assert_invalid_char(req.to_xml_with(layout), element, bad)?;
        }
    }

    #[test]
    fn response_with_invalid_char_is_refused(
        mut resp in answer::<CertificateJobInfo>(),
        (bad_text, bad) in poisoned(),
        slot in 0usize..9,
    ) {
        let result = &mut resp.results[0];
        let element = match slot {
            0 => { resp.stid = Some(bad_text); "stid" }
            1 => { resp.ctid = Some(bad_text); "ctid" }
            2 => { result.status.text = Some(bad_text); "text" }
            3 => { result.status.kind = Some(StatusType::Other(bad_text)); "type" }
            4 => {
                let inner = Msg { code: Some(bad_text), ..Msg::default() };
                result.msgs.push(Msg { msgs: vec![inner], ..Msg::default() });
                "code"
            }
            5 | 6 => {
                let certificate = Certificate {
                    csr: Some(if slot == 5 { bad_text } else { format!("\r{bad_text}]]>") }),
                    ..Certificate::default()
                };
                result.data = Some(CertificateJobInfoData {
                    certificate_job: Some(CertificateJob {
                        certificate: Some(Box::new(certificate)),
                        ..CertificateJob::default()
                    }),
                    unknown: Default::default(),
                });
                "csr"
            }
            7 => {
                let mut job = Job::new(1);
                job.status = Some(JobStatus::Other(bad_text));
                result.data = Some(CertificateJobInfoData {
                    certificate_job: Some(CertificateJob { job: Some(job), ..CertificateJob::default() }),
                    unknown: Default::default(),
                });
                "status"
            }
            _ => {
                result.unknown.push(RawElement::new("x_outer").child(RawElement::with_text("x_bad", bad_text)));
                "x_bad"
            }
        };
        for layout in LAYOUTS {
            assert_invalid_char(resp.to_xml_with(layout), element, bad)?;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Minimal cases of the library bugs these properties found (kept as plain regression tests).
// ---------------------------------------------------------------------------------------------

/// `Document::decode` skipped a `data` span with the element-only reader, so text directly in
/// an unmodelled task's data was refused (the typed `Response<RawElement>` path read it).
#[test]
fn unmodelled_data_with_text_decodes_through_document() {
    let xml = "<response><result><data>a</data><status><code>S0105005</code></status></result>\
               </response>";
    let doc = Document::decode(xml.as_bytes()).expect("decodes");
    let Document::Response(resp) = doc else {
        panic!("not a response: {doc:?}")
    };
    assert_eq!(
        resp.data(),
        Some(&AnyData::Raw(RawElement::with_text("data", "a")))
    );
}

/// The same for a body-like element of a task that does not read it as its body.
#[test]
fn unmodelled_body_with_text_decodes() {
    let xml = "<task><code>0105005</code><domain>example.com</domain></task>";
    let doc = Document::decode(xml.as_bytes()).expect("decodes");
    let expected = RequestTask::other(
        code("0105005"),
        vec![RawElement::with_text("domain", "example.com")],
    );
    assert_eq!(doc, Document::Task(expected));
}

/// A body-like element (`handle`, `domain`, `message`, `certificate_job`) that a task keeps as
/// unknown went to the end of `unknown` instead of staying in its place.
#[test]
fn unknown_body_like_elements_keep_their_order() {
    let task = RequestTask::other(
        code("0105005"),
        vec![
            RawElement::new("x_before"),
            RawElement::new("domain"),
            RawElement::new("x_after"),
            RawElement::new("message"),
            RawElement::new("x_last"),
        ],
    );
    let doc = Document::Task(task);
    for layout in LAYOUTS {
        let xml = doc.to_xml_with(layout).expect("encodes");
        let back = Document::decode(xml.as_bytes()).expect("decodes");
        assert_eq!(back, doc, "{xml}");
    }
}

/// An unrepresentable character in an attribute value named the attribute as the element.
#[test]
fn invalid_char_in_attribute_names_its_element() {
    let mut el = RawElement::new("x_el");
    el.attributes.push(("attr".to_owned(), "a\u{0}".to_owned()));
    let mut req = Request::new(Auth::new("u", "p", "4"));
    req.tasks
        .push(RequestTask::other(code("0105005"), vec![el]));
    assert_eq!(
        req.to_xml_with(Layout::Compact),
        Err(EncodeError::InvalidChar {
            element: "x_el".to_owned(),
            code: 0
        })
    );
}

/// The `OpenEnum` laws, for every open enum: known values are distinct, read back as
/// themselves, and are never `Other`.
#[test]
fn open_enum_known_values_are_distinct_and_read_back() {
    fn laws<E: OpenEnum + Debug + PartialEq>() {
        for (i, known) in E::KNOWN.iter().enumerate() {
            assert!(!known.is_other(), "{known:?}");
            assert_eq!(&E::from_wire(known.as_str()), known);
            assert!(
                E::KNOWN[..i].iter().all(|k| k.as_str() != known.as_str()),
                "{known:?} twice"
            );
        }
        assert!(E::from_wire("NOT A KNOWN VALUE").is_other());
    }
    laws::<StatusType>();
    laws::<Operator>();
    laws::<OrderMode>();
    laws::<ContactType>();
    laws::<Protection>();
    laws::<RegistryStatus>();
    laws::<RegistrarStatus>();
    laws::<RddsOptIn>();
    laws::<Product>();
    laws::<Software>();
    laws::<SignatureHash>();
    laws::<TransparencyPrivacy>();
    laws::<AuthenticationMethod>();
    laws::<JobType>();
    laws::<JobAction>();
    laws::<JobStatus>();
    laws::<autodns_xml::zone::RecordType>();
    laws::<autodns_xml::zone::NsAction>();
    laws::<autodns_xml::zone::PurgeType>();
}
