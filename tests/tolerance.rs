//! The tolerance rules: what the decoder accepts beyond the strict model, how each repair is
//! reported, and that everything accepted re-encodes to a document that decodes equal.

mod common;

use autodns_xml::certificate::{
    AuthenticationMethod, CertificateJobInfo, CertificateJobInfoData, CertificateJobList, Product,
    SignatureHash, Software, TransparencyPrivacy,
};
use autodns_xml::codec::Layout;
use autodns_xml::contact::{ContactType, Protection};
use autodns_xml::domain::{DomainInfo, RddsOptIn, RegistrarStatus, RegistryStatus};
use autodns_xml::envelope::{Operator, OrderMode};
use autodns_xml::job::{DeferredSpelling, Job, JobAction, JobStatus, JobType};
use autodns_xml::{
    AnyData, AnyTask, Document, Position, Quirk, QuirkKind, RawElement, RawNode, Request,
    RequestTask, Response, StatusType, Task, TaskCode, decode_request, decode_response,
};

fn decode(xml: &str) -> (Document, Vec<Quirk>) {
    let doc = Document::decode(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let quirks = doc.quirks().to_vec();
    (doc, quirks)
}

/// Encodes `doc` in both layouts; each must decode equal to `doc`. Returns the compact form.
#[track_caller]
fn reencodes(doc: &Document) -> String {
    let mut compact = String::new();
    for layout in [Layout::Compact, Layout::Indented] {
        let xml = doc.to_xml_with(layout).expect("encode");
        let (again, _) = decode(&xml);
        assert_eq!(&again, doc, "{xml}");
        if layout == Layout::Compact {
            compact = xml;
        }
    }
    compact
}

fn position(xml: &str, needle: &str) -> Position {
    let at = xml
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    Position::locate(xml.as_bytes(), at)
}

fn response(data: &str, code: &str) -> String {
    format!(
        "<response><result><data>{data}</data><status><code>{code}</code></status></result></response>"
    )
}

fn response_of(doc: Document) -> Response<AnyData> {
    match doc {
        Document::Response(r) => r,
        other => panic!("not a response: {other:?}"),
    }
}

fn request_of(doc: Document) -> Request {
    match doc {
        Document::Request(r) => r,
        other => panic!("not a request: {other:?}"),
    }
}

fn job_of(resp: &Response<CertificateJobInfoData>) -> &Job {
    resp.data()
        .and_then(|d| d.certificate_job.as_ref())
        .and_then(|c| c.job.as_ref())
        .expect("a job")
}

// ---------------------------------------------------------------------------------------------
// Booleans.

#[test]
fn booleans_in_every_spelling_and_case() {
    let spellings = [
        ("true", true),
        ("TRUE", true),
        ("True", true),
        ("tRuE", true),
        ("1", true),
        ("yes", true),
        ("YES", true),
        ("Yes", true),
        (" yes\n", true),
        ("false", false),
        ("FALSE", false),
        ("False", false),
        ("0", false),
        ("no", false),
        ("No", false),
        ("NO", false),
        ("\tfalse ", false),
    ];
    for (spelling, expected) in spellings {
        // `use_trustee` is written true/false, `confirm_order` 1/0: both read any spelling.
        let xml = response(
            &format!(
                "<domain><name>example.com</name><use_trustee>{spelling}</use_trustee>\
                 <confirm_order>{spelling}</confirm_order><autorenew>{spelling}</autorenew></domain>"
            ),
            "S0105",
        );
        let resp = decode_response::<DomainInfo>(xml.as_bytes()).expect("decodes");
        let domain = &resp.data().expect("data").domain[0];
        assert_eq!(domain.use_trustee, Some(expected), "{spelling:?}");
        assert_eq!(domain.confirm_order, Some(expected), "{spelling:?}");
        assert_eq!(domain.autorenew, Some(expected), "{spelling:?}");
        assert!(resp.quirks.is_empty());
        let out = resp.to_xml_with(Layout::Compact).expect("encode");
        let (t, b) = if expected {
            ("true", "1")
        } else {
            ("false", "0")
        };
        assert!(
            out.contains(&format!("<use_trustee>{t}</use_trustee>")),
            "{out}"
        );
        assert!(
            out.contains(&format!("<confirm_order>{b}</confirm_order>")),
            "{out}"
        );
        assert_eq!(
            decode_response::<DomainInfo>(out.as_bytes()).expect("again"),
            resp
        );

        // In a request: the list view's `children`.
        let xml = format!(
            "<request><auth><user>u</user><password>p</password><context>4</context></auth>\
             <task><code>0105</code><view><children>{spelling}</children></view></task></request>"
        );
        let req = decode_request(xml.as_bytes()).expect("decodes");
        let view = req.tasks[0].view.as_ref().expect("view");
        assert_eq!(view.children, Some(expected), "{spelling:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// <context4>9</context>.

#[test]
fn context4_closed_by_context_is_repaired_once_and_reported() {
    let xml = common::read_str("400114_response.xml");
    let resp = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
    let job = job_of(&resp);
    let updater = job.updater.as_ref().expect("updater");
    assert_eq!(updater.user.as_deref(), Some("user"));
    assert_eq!(updater.context.as_deref(), Some("9"));
    assert!(updater.unknown.is_empty());

    let repairs: Vec<&Quirk> = resp
        .quirks
        .iter()
        .filter(|q| matches!(q.kind, QuirkKind::MismatchedEndTag { .. }))
        .collect();
    assert_eq!(repairs.len(), 1, "{:?}", resp.quirks);
    assert_eq!(
        repairs[0].kind,
        QuirkKind::MismatchedEndTag {
            opened: "context4".into(),
            closed_by: "context".into(),
        }
    );
    // Six tabs of indentation: column 7.
    assert_eq!(
        (repairs[0].position.line, repairs[0].position.column),
        (62, 7)
    );
    assert_eq!(repairs[0].position, position(&xml, "<context4>"));
    assert_eq!(
        repairs[0].to_string(),
        "start tag <context4> closed by </context>: read as <context> at line 62, column 7"
    );

    // Re-encoded as <context>; that decodes equal, without the quirk.
    let out = resp.to_xml().expect("encode");
    assert!(!out.contains("context4"), "{out}");
    assert!(out.contains("<context>9</context>"), "{out}");
    let again = decode_response::<CertificateJobInfo>(out.as_bytes()).expect("again");
    assert_eq!(again, resp);
    assert!(
        !again
            .quirks
            .iter()
            .any(|q| matches!(q.kind, QuirkKind::MismatchedEndTag { .. }))
    );

    // The same through Document::decode (the data element is read twice: one quirk still).
    let (doc, quirks) = decode(&xml);
    let mismatched: Vec<&Quirk> = quirks
        .iter()
        .filter(|q| matches!(q.kind, QuirkKind::MismatchedEndTag { .. }))
        .collect();
    assert_eq!(mismatched.len(), 1);
    assert_eq!(mismatched[0].position, repairs[0].position);
    reencodes(&doc);
}

#[test]
fn context4_is_repaired_only_where_the_gateway_sends_it() {
    use autodns_xml::DecodeErrorKind;
    // In a response's `updater`, with CRLF line ends.
    let xml = "<response>\r\n<result><data><certificate_job><job><id>1</id>\r\n\
               <updater><user>u</user>\r\n  <context4>9</context></updater></job>\
               </certificate_job></data><status><code>S400114</code></status></result></response>";
    let resp = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
    let updater = job_of(&resp).updater.as_ref().expect("updater");
    assert_eq!(updater.context.as_deref(), Some("9"));
    assert_eq!(
        resp.quirks,
        vec![Quirk {
            kind: QuirkKind::MismatchedEndTag {
                opened: "context4".into(),
                closed_by: "context".into(),
            },
            position: Position {
                line: 4,
                column: 3,
                offset: xml.find("<context4>").expect("there"),
            },
            repeats: 0,
        }]
    );

    // Anywhere else it is a mismatched end tag: a request's owner or auth, a status, a raw
    // element under a task, a response's job itself.
    for xml in [
        "<request><auth><user>u</user><password>p</password><context>4</context></auth>\
         <owner><user>sub</user><context4>9</context></owner><task><code>0905</code></task></request>",
        "<request><auth><user>u</user><password>p</password><context4>4</context></auth>\
         <task><code>0905</code></task></request>",
        "<response><result><status><code>S0905</code><context4>9</context></status></result></response>",
        "<task><code>0905</code><x><context4>9</context></x></task>",
        "<response><result><data><certificate_job><job><id>1</id><context4>9</context></job>\
         </certificate_job></data><status><code>S400114</code></status></result></response>",
    ] {
        let e = Document::decode(xml.as_bytes()).expect_err(xml);
        assert!(
            matches!(e.kind(), DecodeErrorKind::MismatchedEndTag { .. }),
            "{xml}: {e}"
        );
    }

    // Comments and white space around the text do not stop the repair.
    let xml = response(
        "<certificate_job><job><id>1</id><owner><context4> <!-- c -->9 </context></owner></job></certificate_job>",
        "S400114",
    );
    let resp = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
    let owner = job_of(&resp).owner.as_ref().expect("owner");
    assert_eq!(owner.context.as_deref(), Some(" 9 "));
    assert_eq!(resp.quirks.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// DEFFERED.

#[test]
fn deffered_and_deferred_both_read_as_deferred() {
    for (spelling, variant, quirk) in [
        ("DEFFERED", DeferredSpelling::Deffered, true),
        ("DEFERRED", DeferredSpelling::Deferred, false),
    ] {
        let xml = response(
            &format!(
                "<certificate_job><job><id>12345</id>\n<status>{spelling}</status></job></certificate_job>"
            ),
            "S400114",
        );
        let resp = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
        let status = job_of(&resp).status.as_ref().expect("status");
        assert!(status.is_deferred());
        assert!(matches!(status, JobStatus::Deferred(_)));
        assert_eq!(status, &JobStatus::Deferred(variant));
        assert_eq!(status.as_str(), spelling);
        if quirk {
            assert_eq!(
                resp.quirks,
                vec![Quirk {
                    kind: QuirkKind::MisspelledValue {
                        element: "status".into(),
                        sent: "DEFFERED".into(),
                        means: "DEFERRED",
                    },
                    position: Position {
                        line: 2,
                        column: 1,
                        offset: xml.find("<status>DEF").expect("there"),
                    },
                    repeats: 0,
                }]
            );
        } else {
            assert!(resp.quirks.is_empty(), "{:?}", resp.quirks);
        }
        // Re-encoded as read.
        let out = resp.to_xml_with(Layout::Compact).expect("encode");
        assert!(
            out.contains(&format!("<status>{spelling}</status>")),
            "{out}"
        );
        assert_eq!(
            decode_response::<CertificateJobInfo>(out.as_bytes()).expect("again"),
            resp
        );
        // Document::decode agrees.
        let (doc, quirks) = decode(&xml);
        assert_eq!(quirks, resp.quirks);
        reencodes(&doc);
    }

    // The seeds: 400115's list entry and 400114's job.
    for (file, line) in [("400115_response.xml", 17), ("400114_response.xml", 65)] {
        let xml = common::read_str(file);
        let (doc, quirks) = decode(&xml);
        let misspelled: Vec<&Quirk> = quirks
            .iter()
            .filter(|q| matches!(q.kind, QuirkKind::MisspelledValue { .. }))
            .collect();
        assert_eq!(misspelled.len(), 1, "{file}");
        assert_eq!(
            (misspelled[0].position.line, misspelled[0].position.column),
            (line, 6)
        );
        let out = reencodes(&doc);
        assert!(out.contains("<status>DEFFERED</status>"));
    }
    let list =
        decode_response::<CertificateJobList>(common::read_str("400115_response.xml").as_bytes())
            .expect("decodes");
    let entry = &list.data().expect("data").certificate_job[0];
    assert!(
        entry
            .job
            .as_ref()
            .and_then(|j| j.status.as_ref())
            .is_some_and(JobStatus::is_deferred)
    );
}

// ---------------------------------------------------------------------------------------------
// The duplicated tail.

const SHORT: &str =
    "<response><result><status><code>S0905</code></status></result><stid>s-1</stid></response>";

#[test]
fn duplicated_tail_is_accepted_once_with_a_quirk() {
    let xml = format!("{SHORT}</stid></response>\n");
    let (doc, quirks) = decode(&xml);
    // Reported where the repetition starts.
    let at = SHORT.len();
    assert_eq!(
        quirks,
        vec![Quirk {
            kind: QuirkKind::DuplicatedTail {
                tags: vec!["stid".into(), "response".into()],
            },
            position: Position::locate(xml.as_bytes(), at),
            repeats: 0,
        }]
    );
    assert_eq!(
        quirks[0].kind.to_string(),
        "end tags repeated after the root element: </stid></response>"
    );
    let resp = response_of(doc.clone());
    assert_eq!(resp.stid.as_deref(), Some("s-1"));
    assert_eq!(resp.quirks, quirks);
    // Re-encoded once.
    let out = reencodes(&doc);
    assert_eq!(out.matches("</response>").count(), 1);

    // White space, comments and line breaks between the repeated tags are fine.
    let xml = format!("{SHORT}\n<!-- x -->\n</stid>\n  </response>\n");
    let (_, quirks) = decode(&xml);
    assert_eq!(quirks.len(), 1);
    // At the repeated </stid>, where the repetition starts.
    assert_eq!((quirks[0].position.line, quirks[0].position.column), (3, 1));

    // The typed decoders see it too.
    let xml = format!("{SHORT}</stid></response>");
    let resp = Response::<RawElement>::decode(xml.as_bytes()).expect("decodes");
    assert_eq!(resp.quirks.len(), 1);
}

#[test]
fn other_trailing_end_tags_are_errors() {
    use autodns_xml::DecodeErrorKind::UnmatchedEndTag;
    let cases = [
        // A third copy.
        (
            format!("{SHORT}</stid></response></stid></response>"),
            "stid",
            SHORT.len() + 18,
        ),
        // Another end tag.
        (format!("{SHORT}</ctid>"), "ctid", SHORT.len()),
        (
            format!("{SHORT}</result></response>"),
            "result",
            SHORT.len(),
        ),
        // Only the root repeated, or the tags out of order.
        (format!("{SHORT}</response>"), "response", SHORT.len()),
        (
            format!("{SHORT}</response></stid>"),
            "response",
            SHORT.len(),
        ),
        // Half of the tail.
        (format!("{SHORT}\n</stid>\n"), "stid", SHORT.len() + 1),
        // Another tail than the known `</stid></response>`, or after another root.
        (
            "<response><result><status><code>S0905</code></status></result></response></result></response>".to_owned(),
            "result",
            73,
        ),
        (
            "<request><auth><user>u</user><password>p</password><context>4</context></auth>\
             <task><code>0905</code></task></request></task></request>"
                .to_owned(),
            "task",
            118,
        ),
        (format!("{SHORT}</stid></stid>"), "stid", SHORT.len() + 7),
    ];
    for (xml, tag, offset) in cases {
        let e = Document::decode(xml.as_bytes()).expect_err(&xml);
        assert_eq!(e.kind(), &UnmatchedEndTag(tag.into()), "{xml}");
        assert_eq!(e.position().offset, offset, "{xml}");
        assert_eq!(e.path(), "");
    }
    // Text after the repeated tail.
    let xml = format!("{SHORT}</stid></response>x");
    let e = Document::decode(xml.as_bytes()).expect_err("text");
    assert_eq!(e.kind(), &autodns_xml::DecodeErrorKind::TextOutsideRoot);
}

// ---------------------------------------------------------------------------------------------
// Unknown elements.

#[test]
fn unknown_elements_are_kept_in_order_and_reencoded() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<response>
  <x_response_first>1</x_response_first>
  <result>
    <data>
      <certificate_job>
        <certificate>
          <partner_order_id>IX-1</partner_order_id>
          <x_cert a="1">c &amp; d</x_cert>
          <name>domain.de</name>
          <y_cert/>
          <product>RAPID_SSL</product>
        </certificate>
        <x_certificate_job>cj</x_certificate_job>
        <job>
          <x_job><deep k="v">1</deep><deeper><deepest/></deeper></x_job>
          <id>12345</id>
          <y_job>2</y_job>
          <status>RUNNING</status>
          <z_job>3</z_job>
        </job>
      </certificate_job>
      <x_data/>
    </data>
    <x_result>r</x_result>
    <status>
      <x_status>s</x_status>
      <code>S400114</code>
      <type>success</type>
      <object><type>certificate_job</type><x_object>o</x_object><value>12345</value></object>
    </status>
    <y_result>r2</y_result>
  </result>
  <x_response>top</x_response>
  <stid>s-1</stid>
</response>
"#;
    let typed = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
    assert!(typed.quirks.is_empty(), "{:?}", typed.quirks);
    let names = |u: &[RawElement]| u.iter().map(|e| e.name.clone()).collect::<Vec<_>>();
    let data = typed.data().expect("data");
    let cj = data.certificate_job.as_ref().expect("certificate_job");
    let cert = cj.certificate.as_ref().expect("certificate");
    let job = cj.job.as_ref().expect("job");
    let result = typed.result().expect("result");
    let status = &result.status;

    assert_eq!(names(&cert.unknown.to_vec()), ["x_cert", "y_cert"]);
    assert_eq!(
        cert.unknown.to_vec()[0],
        RawElement {
            name: "x_cert".into(),
            attributes: vec![("a".into(), "1".into())],
            children: vec![RawNode::Text("c & d".into())],
        }
    );
    assert_eq!(cert.unknown.to_vec()[1], RawElement::new("y_cert"));
    assert_eq!(cert.name.as_deref(), Some("domain.de"));
    assert_eq!(cert.product, Some(Product::RapidSsl));
    assert_eq!(names(&cj.unknown.to_vec()), ["x_certificate_job"]);
    assert_eq!(names(&job.unknown.to_vec()), ["x_job", "y_job", "z_job"]);
    assert_eq!(
        job.unknown.to_vec()[0],
        RawElement::new("x_job")
            .child(RawElement {
                name: "deep".into(),
                attributes: vec![("k".into(), "v".into())],
                children: vec![RawNode::Text("1".into())],
            })
            .child(RawElement::new("deeper").child(RawElement::new("deepest")))
    );
    assert_eq!(job.id, 12345);
    assert_eq!(job.status, Some(JobStatus::Running));
    assert_eq!(names(&data.unknown.to_vec()), ["x_data"]);
    assert_eq!(names(&result.unknown.to_vec()), ["x_result", "y_result"]);
    assert_eq!(names(&status.unknown.to_vec()), ["x_status"]);
    assert_eq!(
        names(&status.object.as_ref().expect("object").unknown.to_vec()),
        ["x_object"]
    );
    assert_eq!(
        names(&typed.unknown.to_vec()),
        ["x_response_first", "x_response"]
    );

    // Re-encoded: all of them, and the document decodes equal.
    let out = typed.to_xml().expect("encode");
    for needle in [
        "<x_cert a=\"1\">c &amp; d</x_cert>",
        "<y_cert/>",
        "<x_certificate_job>cj</x_certificate_job>",
        "<deep k=\"v\">1</deep>",
        "<deepest/>",
        "<y_job>2</y_job>",
        "<z_job>3</z_job>",
        "<x_data/>",
        "<x_result>r</x_result>",
        "<y_result>r2</y_result>",
        "<x_status>s</x_status>",
        "<x_object>o</x_object>",
        "<x_response_first>1</x_response_first>",
        "<x_response>top</x_response>",
    ] {
        assert!(out.contains(needle), "{needle} missing from\n{out}");
    }
    // In order among themselves.
    let at = |n: &str| out.find(n).expect("there");
    assert!(at("<x_job>") < at("<y_job>") && at("<y_job>") < at("<z_job>"));
    assert!(at("<x_result>") < at("<y_result>"));
    assert!(at("<x_response_first>") < at("<x_response>"));
    assert_eq!(
        decode_response::<CertificateJobInfo>(out.as_bytes()).expect("again"),
        typed
    );

    // Document::decode keeps the same, and re-encodes in both layouts.
    let (doc, _) = decode(xml);
    let resp = response_of(doc.clone());
    let AnyData::CertificateJobInfo(any) = resp.data().expect("data") else {
        panic!("typed by S400114");
    };
    assert_eq!(any, data);
    reencodes(&doc);
}

#[test]
fn unknown_elements_in_domain_auth_and_task() {
    let xml = response(
        "<domain><x_domain>1</x_domain><name>example.com</name>\
         <nserver><name>a.ns14.net</name><x_ns>n</x_ns></nserver><y_domain><z/></y_domain>\
         <owner><user>u</user><x_owner/></owner></domain>",
        "S0105",
    );
    let resp = decode_response::<DomainInfo>(xml.as_bytes()).expect("decodes");
    let domain = &resp.data().expect("data").domain[0];
    let names = |u: &[RawElement]| u.iter().map(|e| e.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&domain.unknown.to_vec()), ["x_domain", "y_domain"]);
    assert_eq!(names(&domain.nserver[0].unknown.to_vec()), ["x_ns"]);
    assert_eq!(
        names(&domain.owner.as_ref().expect("owner").unknown.to_vec()),
        ["x_owner"]
    );
    let (doc, _) = decode(&xml);
    let out = reencodes(&doc);
    assert!(out.contains("<x_domain>1</x_domain>") && out.contains("<y_domain><z/></y_domain>"));

    let xml = "<request>\
        <auth><x_auth>1</x_auth><user>u</user><password>p</password><y_auth/><context>4</context></auth>\
        <x_request>r</x_request>\
        <task><code>0105</code><x_task>t</x_task><domain><name>example.com</name><x_body/></domain>\
        <y_task><z>1</z></y_task></task>\
        <task><code>0105005</code><a/><domain><name>example.com</name></domain><b>2</b></task>\
        </request>";
    let (doc, quirks) = decode(xml);
    assert!(quirks.is_empty());
    let req = request_of(doc.clone());
    assert_eq!(names(&req.auth.unknown.to_vec()), ["x_auth", "y_auth"]);
    assert_eq!(names(&req.unknown.to_vec()), ["x_request"]);
    assert_eq!(names(&req.tasks[0].unknown.to_vec()), ["x_task", "y_task"]);
    let AnyTask::DomainInfo(info) = &req.tasks[0].body else {
        panic!("0105 body");
    };
    assert_eq!(names(&info.unknown.to_vec()), ["x_body"]);
    // An unmodelled task keeps all its children, `domain` included, in order.
    assert_eq!(req.tasks[1].body, AnyTask::None);
    assert_eq!(names(&req.tasks[1].unknown.to_vec()), ["a", "domain", "b"]);
    let out = reencodes(&doc);
    assert!(out.contains("<x_auth>1</x_auth>") && out.contains("<y_task><z>1</z></y_task>"));
    assert!(
        out.contains("<a/><domain><name>example.com</name></domain><b>2</b>"),
        "{out}"
    );
    assert_eq!(decode_request(out.as_bytes()).expect("again"), req);

    // A bare task.
    let xml = "<task><code>400115</code><x>1</x><view><limit>1</limit><y/></view></task>";
    let (doc, _) = decode(xml);
    let Document::Task(task) = &doc else {
        panic!("a task")
    };
    assert_eq!(names(&task.unknown.to_vec()), ["x"]);
    assert_eq!(
        names(&task.view.as_ref().expect("view").unknown.to_vec()),
        ["y"]
    );
    reencodes(&doc);
}

// ---------------------------------------------------------------------------------------------
// Unknown enum values.

#[test]
fn unknown_enum_values_are_kept_as_other() {
    let xml = response(
        "<certificate_job><certificate><software>LIGHTTPD</software><product>FANCY_SSL</product>\
         <sha>SHA3_512</sha><authentication><method>HTTP</method></authentication>\
         <certificate_transparency_privacy>MAYBE</certificate_transparency_privacy></certificate>\
         <job><id>1</id><status>PAUSED</status><type>zone</type><action>restore</action></job>\
         </certificate_job>",
        "S400114",
    );
    let xml = xml.replace("</status></result>", "<type>info</type></status></result>");
    let resp = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
    let cj = resp
        .data()
        .and_then(|d| d.certificate_job.as_ref())
        .expect("job");
    let cert = cj.certificate.as_ref().expect("certificate");
    let job = cj.job.as_ref().expect("job");
    assert_eq!(cert.software, Some(Software::Other("LIGHTTPD".into())));
    assert_eq!(cert.product, Some(Product::Other("FANCY_SSL".into())));
    assert_eq!(cert.sha, Some(SignatureHash::Other("SHA3_512".into())));
    assert_eq!(
        cert.authentication.as_ref().and_then(|a| a.method.clone()),
        Some(AuthenticationMethod::Other("HTTP".into()))
    );
    assert_eq!(
        cert.certificate_transparency_privacy,
        Some(TransparencyPrivacy::Other("MAYBE".into()))
    );
    assert_eq!(job.status, Some(JobStatus::Other("PAUSED".into())));
    assert_eq!(job.kind, Some(JobType::Other("zone".into())));
    assert_eq!(job.action, Some(JobAction::Other("restore".into())));
    assert_eq!(
        resp.status().and_then(|s| s.kind.clone()),
        Some(StatusType::Other("info".into()))
    );
    let out = resp.to_xml_with(Layout::Compact).expect("encode");
    for needle in [
        "<software>LIGHTTPD</software>",
        "<product>FANCY_SSL</product>",
        "<sha>SHA3_512</sha>",
        "<method>HTTP</method>",
        "<certificate_transparency_privacy>MAYBE</certificate_transparency_privacy>",
        "<status>PAUSED</status>",
        "<type>zone</type>",
        "<action>restore</action>",
        "<type>info</type>",
    ] {
        assert!(out.contains(needle), "{needle} missing from {out}");
    }
    assert_eq!(
        decode_response::<CertificateJobInfo>(out.as_bytes()).expect("again"),
        resp
    );

    // Case matters: a known word in another case is kept as sent, not mapped.
    let xml = response(
        "<domain><name>example.com</name><registry_status>Lock</registry_status>\
         <registrar_status>REDEMPTION</registrar_status><rdds_opt_in>SOME</rdds_opt_in>\
         <status>deferred</status></domain>",
        "S0105",
    );
    let resp = decode_response::<DomainInfo>(xml.as_bytes()).expect("decodes");
    let domain = &resp.data().expect("data").domain[0];
    assert_eq!(
        domain.registry_status,
        Some(RegistryStatus::Other("Lock".into()))
    );
    assert_eq!(
        domain.registrar_status,
        Some(RegistrarStatus::Other("REDEMPTION".into()))
    );
    assert_eq!(domain.rdds_opt_in, Some(RddsOptIn::Other("SOME".into())));
    assert_eq!(domain.status, Some(JobStatus::Other("deferred".into())));
    assert!(resp.quirks.is_empty());
    let out = resp.to_xml().expect("encode");
    assert!(out.contains("<registry_status>Lock</registry_status>"));
    assert!(out.contains("<status>deferred</status>"));

    // Known values are read trimmed; the request side too.
    let xml = "<request><auth><user>u</user><password>p</password><context>4</context></auth>\
        <task><code>0301</code><handle><type>ALIEN</type><fname>J</fname><lname>D</lname>\
        <address>A</address><pcode>1</pcode><city>C</city><country>DE</country>\
        <protection> SHOW_ALL </protection></handle></task>\
        <task><code>0105</code><where><key>k</key><operator>between</operator><value>v</value></where>\
        <order><key>k</key><mode>random</mode></order></task></request>";
    let req = decode_request(xml.as_bytes()).expect("decodes");
    let AnyTask::ContactCreate(contact) = &req.tasks[0].body else {
        panic!("0301 body");
    };
    assert_eq!(contact.0.kind, Some(ContactType::Other("ALIEN".into())));
    assert_eq!(contact.0.protection, Some(Protection::ShowAll));
    let filter = req.tasks[1].r#where.as_ref().expect("where");
    assert_eq!(filter.operator, Some(Operator::Other("between".into())));
    assert_eq!(
        req.tasks[1].order[0].mode,
        Some(OrderMode::Other("random".into()))
    );
    let out = req.to_xml().expect("encode");
    assert!(out.contains("<type>ALIEN</type>") && out.contains("<operator>between</operator>"));
    assert!(out.contains("<mode>random</mode>"));
    assert_eq!(decode_request(out.as_bytes()).expect("again"), req);
}

// ---------------------------------------------------------------------------------------------
// Character data and the lexical layer.

#[test]
fn cdata_references_and_entities() {
    let xml = "<task><code>0905</code>\
        <ctid>a<![CDATA[<b>&amp;]]>&lt;c&#x41;&#66;&gt;&quot;&apos;&amp;<![CDATA[]]>z</ctid>\
        <reply_to><![CDATA[x]]]]><![CDATA[>y]]></reply_to></task>";
    let (doc, _) = decode(xml);
    let Document::Task(task) = &doc else {
        panic!("a task")
    };
    assert_eq!(task.ctid.as_deref(), Some("a<b>&amp;<cAB>\"'&z"));
    assert_eq!(task.reply_to.as_deref(), Some("x]]>y"));
    let out = reencodes(&doc);
    assert!(
        out.contains("<ctid>a&lt;b&gt;&amp;amp;&lt;cAB&gt;\"'&amp;z</ctid>"),
        "{out}"
    );

    // Non-ASCII, as references and as UTF-8.
    let xml = "<task><code>0905</code><ctid>&#xE4;ö&#128512;😀</ctid></task>";
    let (doc, _) = decode(xml);
    let Document::Task(task) = &doc else {
        panic!("a task")
    };
    assert_eq!(task.ctid.as_deref(), Some("äö😀😀"));
    reencodes(&doc);

    // The seed's CSR in CDATA stays CDATA.
    let xml = common::read_str("400114_response.xml");
    let resp = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
    let csr = resp
        .data()
        .and_then(|d| d.certificate_job.as_ref())
        .and_then(|c| c.certificate.as_ref())
        .and_then(|c| c.csr.as_deref())
        .expect("csr");
    assert_eq!(
        csr,
        "-----BEGIN CERTIFICATE REQUEST----- ... -----END CERTIFICATE REQUEST-----"
    );
    let out = resp.to_xml().expect("encode");
    assert!(
        out.contains(&format!("<csr><![CDATA[{csr}]]></csr>")),
        "{out}"
    );

    // Mixed CDATA and text in a raw element is kept as one text.
    let xml = "<task><code>0105005</code><note>a <![CDATA[<b>]]> &amp; c</note></task>";
    let (doc, _) = decode(xml);
    let Document::Task(task) = &doc else {
        panic!("a task")
    };
    assert_eq!(task.unknown.to_vec()[0].text(), "a <b> & c");
    reencodes(&doc);
}

#[test]
fn xml_declarations_and_byte_order_mark() {
    let body = "<task><code>0905</code><ctid>c</ctid></task>";
    let (expected, _) = decode(body);
    for decl in [
        "",
        "<?xml version=\"1.0\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<?xml version='1.0' encoding='utf-8' standalone='yes'?>",
        "<?xml version=\"1.0\" standalone=\"no\"?>\r\n",
        "<?xml version=\"1.0\" encoding=\"utf8\"?>",
        "<?xml version=\"1.1\" encoding=\"UTF-8\"?>",
    ] {
        for bom in [false, true] {
            let mut xml = if bom {
                "\u{FEFF}".to_owned()
            } else {
                String::new()
            };
            xml.push_str(decl);
            xml.push_str(body);
            let (doc, quirks) = decode(&xml);
            assert_eq!(doc, expected, "{xml:?}");
            assert!(quirks.is_empty());
        }
    }
    // With a BOM, offsets count its three bytes.
    let xml = "\u{FEFF}<?xml version=\"1.0\"?>\n<task><code>0905</code><x a='1'/><ctid b='2'>c</ctid></task>";
    let (_, quirks) = decode(xml);
    assert_eq!(
        quirks,
        vec![Quirk {
            kind: QuirkKind::IgnoredAttributes {
                element: "ctid".into()
            },
            position: Position {
                line: 2,
                column: 34,
                offset: xml.find("<ctid").expect("there"),
            },
            repeats: 0,
        }]
    );
}

#[test]
fn crlf_line_ends_are_normalised_and_positions_stay_right() {
    for name in common::names() {
        let lf = common::read_str(&name);
        let crlf = lf.replace('\n', "\r\n");
        let (a, qa) = decode(&lf);
        let (b, qb) = decode(&crlf);
        assert_eq!(a, b, "{name}");
        // The same quirks at the same lines and columns (offsets differ by the CRs).
        let lines = |q: &[Quirk]| {
            q.iter()
                .map(|q| (q.kind.clone(), q.position.line, q.position.column))
                .collect::<Vec<_>>()
        };
        assert_eq!(lines(&qa), lines(&qb), "{name}");
        for q in &qb {
            assert_eq!(
                q.position,
                Position::locate(crlf.as_bytes(), q.position.offset)
            );
        }
    }
    // Text values: CRLF and a lone CR read as LF; `&#13;` keeps a CR.
    let xml = "<task>\r\n  <code>0905</code>\r\n  <ctid>a\r\nb\rc&#13;d</ctid>\r\n  <x>1\r\n2</x>\r\n</task>\r\n";
    let (doc, _) = decode(xml);
    let Document::Task(task) = &doc else {
        panic!("a task")
    };
    assert_eq!(task.ctid.as_deref(), Some("a\nb\nc\rd"));
    assert_eq!(task.unknown.to_vec()[0].text(), "1\n2");
    reencodes(&doc);

    // An error after CRLF lines: line and column as an editor shows them.
    let xml = "<task>\r\n  <code>0905</code>\r\n  <ctid>&bad;</ctid>\r\n</task>";
    let e = Document::decode(xml.as_bytes()).expect_err("bad entity");
    assert_eq!((e.position().line, e.position().column), (3, 9));
    assert_eq!(e.position().offset, xml.find("&bad;").expect("there"));
}

/// `xml` with the white space between tags removed.
fn compact(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        if !text.trim().is_empty() {
            out.push_str(text);
        }
        let close = rest[open..].find('>').expect("tag end") + open + 1;
        out.push_str(&rest[open..close]);
        rest = &rest[close..];
    }
    out
}

#[test]
fn indentation_or_none() {
    for name in common::names() {
        let xml = common::read_str(&name);
        let one_line = compact(&xml);
        assert!(!one_line.contains('\n'), "{name}");
        let (a, qa) = decode(&xml);
        let (b, qb) = decode(&one_line);
        assert_eq!(a, b, "{name}");
        assert_eq!(qa.len(), qb.len(), "{name}");
        // Re-encoding either layout gives the same value.
        reencodes(&b);
    }
    // The two layouts the encoder writes decode equal, too.
    let (doc, _) = decode(&common::read_str("0905_response.xml"));
    let compact = doc.to_xml_with(Layout::Compact).expect("encode");
    let indented = doc.to_xml_with(Layout::Indented).expect("encode");
    assert!(!compact.trim_end().contains('\n'));
    assert!(indented.lines().count() > 10);
    assert_eq!(decode(&compact).0, decode(&indented).0);
}

#[test]
fn comments_and_processing_instructions_anywhere_are_skipped() {
    for name in common::names() {
        let xml = common::read_str(&name);
        // After every `>`: between elements, inside text values, before and after the root
        // (but not before the XML declaration, which only the start of a document may hold).
        let split = match xml.starts_with("<?xml") {
            true => xml.find("?>").map_or(0, |i| i + 2),
            false => 0,
        };
        let (decl, body) = xml.split_at(split);
        let noisy = format!(
            "{decl}<!-- lead --><?pi lead?>{}",
            body.replace('>', "><!-- c > - --><?target data?>")
        );
        let (a, qa) = decode(&xml);
        let (b, qb) = decode(&noisy);
        assert_eq!(a, b, "{name}");
        assert_eq!(qa.len(), qb.len(), "{name}");
    }
    // A comment splitting a value joins its two halves.
    let xml = "<task><code>09<!-- x -->05</code><ctid>a<?p?>b</ctid></task>";
    let (doc, _) = decode(xml);
    let Document::Task(task) = &doc else {
        panic!("a task")
    };
    assert_eq!(task.code, TaskCode::new("0905").expect("code"));
    assert_eq!(task.ctid.as_deref(), Some("ab"));
}

// ---------------------------------------------------------------------------------------------
// Attributes, empty elements.

#[test]
fn attributes_on_modelled_elements_are_ignored_and_reported() {
    let xml = "<response xmlns=\"urn:autodns\">\n\
        <result><data><certificate_job><job id=\"9\"><id lang='x'>12</id>\
        <x_job a=\"1\" b='&amp;&lt;' c=\"x&#10;y\"><inner k=\"v\"/></x_job></job></certificate_job></data>\n\
        <status type=\"s\"><code>S400114</code></status></result></response>";
    let resp = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
    let job = job_of(&resp);
    assert_eq!(job.id, 12);
    let ignored: Vec<(String, u32, u32)> = resp
        .quirks
        .iter()
        .map(|q| match &q.kind {
            QuirkKind::IgnoredAttributes { element } => {
                (element.clone(), q.position.line, q.position.column)
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        ignored,
        [
            ("response".to_owned(), 1, 1),
            ("job".to_owned(), 2, 32),
            ("id".to_owned(), 2, 44),
            ("status".to_owned(), 3, 1),
        ]
    );
    assert_eq!(
        resp.quirks[1].to_string(),
        "attributes on <job> ignored at line 2, column 32"
    );
    // On an unknown element they are kept, unescaped and normalised, in order.
    assert_eq!(
        job.unknown.to_vec()[0].attributes,
        [
            ("a".to_owned(), "1".to_owned()),
            ("b".to_owned(), "&<".to_owned()),
            ("c".to_owned(), "x\ny".to_owned()),
        ]
    );
    let first = job.unknown.to_vec();
    let inner = first[0].get("inner").expect("inner");
    assert_eq!(inner.attributes, [("k".to_owned(), "v".to_owned())]);
    // Re-encoded: kept ones written (escaped), ignored ones dropped.
    let out = resp.to_xml_with(Layout::Compact).expect("encode");
    assert!(
        out.contains("<x_job a=\"1\" b=\"&amp;&lt;\" c=\"x&#10;y\"><inner k=\"v\"/></x_job>"),
        "{out}"
    );
    assert!(
        out.contains("<response><result>") && out.contains("<job><id>12</id>"),
        "{out}"
    );
    let again = decode_response::<CertificateJobInfo>(out.as_bytes()).expect("again");
    assert_eq!(again, resp);
    assert!(again.quirks.is_empty());

    // Document::decode reports the same ones, the data's included.
    let (doc, quirks) = decode(xml);
    assert_eq!(quirks, resp.quirks);
    reencodes(&doc);

    // In a request, and on a raw data element (kept there).
    let xml = "<request><auth version=\"2\"><user>u</user><password x='1'>p</password><context>4</context></auth>\
               <task><code>0905</code></task></request>";
    let req = decode_request(xml.as_bytes()).expect("decodes");
    assert_eq!(req.auth.password.expose(), "p");
    let elements: Vec<&str> = req
        .quirks
        .iter()
        .map(|q| match &q.kind {
            QuirkKind::IgnoredAttributes { element } => element.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(elements, ["auth", "password"]);
    let xml = response("<zone a='1'/>", "S0105005").replace("<data>", "<data d='x'>");
    let (doc, quirks) = decode(&xml);
    assert!(quirks.is_empty(), "{quirks:?}");
    let resp = response_of(doc.clone());
    let Some(AnyData::Raw(data)) = resp.data() else {
        panic!("raw data");
    };
    assert_eq!(data.attributes, [("d".to_owned(), "x".to_owned())]);
    assert_eq!(
        data.get("zone").expect("zone").attributes,
        [("a".to_owned(), "1".to_owned())]
    );
    reencodes(&doc);
}

#[test]
fn empty_elements_decode_to_empty_values() {
    let xml = common::read_str("0301_request.xml");
    let req = decode_request(xml.as_bytes()).expect("decodes");
    let AnyTask::ContactCreate(contact) = &req.tasks[0].body else {
        panic!("0301 body");
    };
    assert_eq!(contact.0.state.as_deref(), Some(""));
    let out = req.to_xml().expect("encode");
    assert!(out.contains("<state/>"), "{out}");
    assert_eq!(decode_request(out.as_bytes()).expect("again"), req);

    // Every spelling of empty.
    for state in [
        "<state />",
        "<state/>",
        "<state></state>",
        "<state><!-- c --></state>",
    ] {
        let xml = xml.replace("<state />", state);
        let req = decode_request(xml.as_bytes()).expect("decodes");
        let AnyTask::ContactCreate(contact) = &req.tasks[0].body else {
            panic!("0301 body");
        };
        assert_eq!(contact.0.state.as_deref(), Some(""), "{state}");
    }
    // Empty structures: `<owner/>` is a user with nothing set; `<data/>` is data.
    let (doc, _) = decode(&common::read_str("0905_response.xml"));
    let resp = response_of(doc);
    let Some(AnyData::PollInfo(info)) = resp.data() else {
        panic!("0905 data");
    };
    let domain = info
        .message
        .as_ref()
        .and_then(|m| m.job())
        .and_then(|j| j.domain.as_ref())
        .expect("domain");
    assert_eq!(domain.owner, Some(autodns_xml::User::default()));
    assert_eq!(domain.updater, Some(autodns_xml::User::default()));
    let (doc, _) = decode(&common::read_str("0301_response.xml"));
    let resp = response_of(doc);
    assert!(matches!(resp.data(), Some(AnyData::ContactCreate(_))));
    // An empty text in the status.
    let xml = "<response><result><status><code>S0905</code><text/></status></result></response>";
    let (doc, _) = decode(xml);
    assert_eq!(
        response_of(doc).status().and_then(|s| s.text.as_deref()),
        Some("")
    );
}

// ---------------------------------------------------------------------------------------------
// Unmodelled tasks.

const ZONE_INFO: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<response>
  <result>
    <data>
      <zone>
        <name>example.com</name>
        <system_ns>ns1.example.net</system_ns>
        <soa>
          <refresh>43200</refresh>
          <email>hostmaster@example.com</email>
        </soa>
        <nserver><name>a.ns14.net</name></nserver>
        <rr><name>www</name><type>A</type><value>192.0.2.1</value></rr>
        <rr><name/><type>MX</type><pref>10</pref><value>mx.example.com</value></rr>
        <comment lang="en">a &amp; b <![CDATA[<c>]]></comment>
      </zone>
    </data>
    <status>
      <code>S0105005</code>
      <text>Zone data was inquired successfully.</text>
      <type>success</type>
    </status>
  </result>
  <stid>20190101-zone-1</stid>
</response>
"#;

#[test]
fn unmodelled_responses_decode_as_raw_data() {
    // The seed's 0201 error, msg before status, `<data/>` (0201 is modelled: its data is
    // typed, and empty).
    let xml = common::read_str("0201_error_response.xml");
    let (doc, quirks) = decode(&xml);
    assert!(quirks.is_empty());
    let resp = response_of(doc.clone());
    let result = resp.result().expect("result");
    assert_eq!(
        result.data,
        Some(AnyData::ZoneCreate(autodns_xml::zone::ZoneData::default()))
    );
    assert!(result.status.code.is_error());
    assert_eq!(result.status.code.task, "0201");
    assert_eq!(result.msgs.len(), 1);
    assert_eq!(result.msgs[0].code.as_deref(), Some("EF02019"));
    assert_eq!(result.msgs_after_status, 0);
    assert_eq!(resp.stid.as_deref(), Some("20190101-demo-1"));
    let out = reencodes(&doc);
    assert!(out.find("<msg>") < out.find("<status>"));

    // A made-up answer with nested data (zone-shaped) under a code this crate does not
    // model (0105005).
    let (doc, _) = decode(ZONE_INFO);
    let resp = response_of(doc.clone());
    let Some(AnyData::Raw(data)) = resp.data() else {
        panic!("raw data for 0105005");
    };
    assert_eq!(data.name, "data");
    let zone = data.get("zone").expect("zone");
    let names: Vec<&str> = zone.elements().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["name", "system_ns", "soa", "nserver", "rr", "rr", "comment"]
    );
    assert_eq!(
        zone.get("name").map(RawElement::text).as_deref(),
        Some("example.com")
    );
    assert_eq!(
        zone.get("soa")
            .and_then(|s| s.get("refresh"))
            .map(RawElement::text)
            .as_deref(),
        Some("43200")
    );
    let rrs: Vec<&RawElement> = zone.elements().filter(|e| e.name == "rr").collect();
    assert_eq!(rrs[1].get("name"), Some(&RawElement::new("name")));
    assert_eq!(
        rrs[1].get("pref").map(RawElement::text).as_deref(),
        Some("10")
    );
    let comment = zone.get("comment").expect("comment");
    assert_eq!(comment.attributes, [("lang".to_owned(), "en".to_owned())]);
    assert_eq!(comment.children, [RawNode::Text("a & b <c>".into())]);
    // The raw tree equals what RawElement::decode reads for the data element.
    let (tree, _) = RawElement::decode(ZONE_INFO.as_bytes()).expect("raw");
    let raw_data = tree
        .get("result")
        .and_then(|r| r.get("data"))
        .expect("data");
    assert_eq!(raw_data, data);
    let out = reencodes(&doc);
    assert!(
        out.contains("<comment lang=\"en\">a &amp; b &lt;c&gt;</comment>"),
        "{out}"
    );
}

/// A task this crate does not model (code 0105005), with raw data.
struct Unmodelled;

impl Task for Unmodelled {
    const CODE: &'static str = "0105005";
    type Data = RawElement;
}

#[test]
fn a_user_defined_task_with_raw_data() {
    let resp = decode_response::<Unmodelled>(ZONE_INFO.as_bytes()).expect("decodes");
    let zone = resp.data().and_then(|d| d.get("zone")).expect("zone");
    assert_eq!(
        zone.get("system_ns").map(RawElement::text).as_deref(),
        Some("ns1.example.net")
    );
    assert_eq!(
        resp.status().map(|s| s.code.task.as_str()),
        Some(Unmodelled::CODE)
    );
    let out = resp.to_xml().expect("encode");
    assert_eq!(
        decode_response::<Unmodelled>(out.as_bytes()).expect("again"),
        resp
    );
    // The same data as Document::decode's.
    let (doc, _) = decode(ZONE_INFO);
    assert_eq!(
        response_of(doc).data(),
        Some(&AnyData::Raw(resp.data().expect("data").clone()))
    );
    // And the request side: a task with the user's code and a raw body.
    let code = TaskCode::new(Unmodelled::CODE).expect("code");
    let body = RawElement::new("zone")
        .child(RawElement::with_text("name", "example.com"))
        .child(RawElement::with_text("system_ns", "ns1.example.net"));
    let req = Request::new(autodns_xml::Auth::new("u", "p", "4"))
        .task(RequestTask::other(code, vec![body.clone()]));
    let out = req.to_xml().expect("encode");
    let again = decode_request(out.as_bytes()).expect("again");
    assert_eq!(again, req);
    assert_eq!(again.tasks[0].unknown, [body]);
}

// ---------------------------------------------------------------------------------------------
// Messages around the status.

#[test]
fn msgs_before_and_after_status_keep_their_order() {
    let xml = "<response><result><data/>\
        <msg><text>one</text><code>EF1</code></msg>\
        <status><code>E0205</code><type>error</type></status>\
        <msg><text>two</text><code>EF2</code><msg><text>nested</text></msg></msg>\
        <msg><text>three</text><type>warning</type></msg>\
        </result></response>";
    let (doc, _) = decode(xml);
    let resp = response_of(doc.clone());
    let result = resp.result().expect("result");
    let texts: Vec<&str> = result
        .msgs
        .iter()
        .map(|m| m.text.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(texts, ["one", "two", "three"]);
    assert_eq!(result.msgs_after_status, 2);
    assert_eq!(result.msgs[1].msgs[0].text.as_deref(), Some("nested"));
    assert_eq!(result.msgs[2].kind, Some(StatusType::Warning));
    let out = reencodes(&doc);
    let at = |n: &str| out.find(n).unwrap_or_else(|| panic!("{n} in {out}"));
    assert!(at("<text>one</text>") < at("<status>"));
    assert!(at("<status>") < at("<text>two</text>"));
    assert!(at("<text>two</text>") < at("<text>nested</text>"));
    assert!(at("<text>nested</text>") < at("<text>three</text>"));

    // All after the status.
    let xml = "<response><result><status><code>S0905</code></status><msg><text>a</text></msg>\
               <msg><text>b</text></msg></result></response>";
    let resp = Response::<RawElement>::decode(xml.as_bytes()).expect("decodes");
    assert_eq!(resp.result().expect("result").msgs_after_status, 2);
    let out = resp.to_xml_with(Layout::Compact).expect("encode");
    assert!(out.contains("</status><msg><text>a</text></msg><msg><text>b</text></msg></result>"));
    assert_eq!(
        Response::<RawElement>::decode(out.as_bytes()).expect("again"),
        resp
    );
}

/// Issue 11 item 15: values are trimmed of XML white space (space, tab, CR, LF) only. An id
/// or count padded with NBSP, EM SPACE, NEL or U+3000 is an invalid value; an open enum keeps
/// such a character as part of an unknown value; a date-time is `YYYY-MM-DD HH:MM:SS` only.
#[test]
fn only_xml_white_space_is_trimmed_from_values() {
    let job = |id: &str, status: &str| {
        format!(
            "<response><result><data><certificate_job><job><id>{id}</id><status>{status}</status>\
             </job></certificate_job></data><status><code>S400114</code></status></result></response>"
        )
    };
    // XML white space around a value is not part of it.
    let xml = job(" \t\r\n7\n ", "\n RUNNING \t");
    let resp = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
    let j = job_of(&resp);
    assert_eq!((j.id, j.status.clone()), (7, Some(JobStatus::Running)));
    for space in ['\u{a0}', '\u{2003}', '\u{85}', '\u{3000}'] {
        // An id padded with other white space is not a number.
        let xml = job(&format!("{space}7"), "RUNNING");
        let err = Document::decode(xml.as_bytes()).expect_err("a padded id");
        assert!(
            err.to_string().contains("invalid value"),
            "{space:?}: {err}"
        );
        // An open enum keeps it: an unknown status, re-encoded as sent.
        let sent = format!("RUNNING{space}");
        let xml = job("7", &sent);
        let resp = decode_response::<CertificateJobInfo>(xml.as_bytes()).expect("decodes");
        let status = job_of(&resp).status.clone();
        assert_eq!(status, Some(JobStatus::Other(sent.clone())), "{space:?}");
    }
    // Date-times: chrono would read these; the wire has one ASCII space.
    for when in ["2019-10-2316:12:33", "2019-10-23\u{a0}16:12:33"] {
        let xml = format!(
            "<response><result><data><certificate_job><job><id>7</id><created>{when}</created>\
             </job></certificate_job></data><status><code>S400114</code></status></result></response>"
        );
        assert!(Document::decode(xml.as_bytes()).is_err(), "{when:?}");
    }
}
