//! Encoding: requests and responses built in code, exact output in both layouts, and the
//! errors raised before anything is written.

mod common;

use autodns_xml::certificate::{CertificateJobInfoData, CertificateJobList};
use autodns_xml::codec::Layout;
use autodns_xml::domain::{DomainCreate, DomainInfo};
use autodns_xml::envelope::{Operator, Order, OrderMode, View, Where};
use autodns_xml::poll::PollConfirm;
use autodns_xml::{
    AnyTask, Auth, EncodeError, Request, RequestTask, Response, Status, StatusCode, StatusKind,
    TaskCode, TaskResult, User,
};

fn auth() -> Auth {
    Auth::new("USER", "PASSWORD", "4")
}

#[test]
fn compact_request_is_exact() {
    let req = Request::new(auth()).task(DomainInfo::new("example.com"));
    assert_eq!(
        req.to_xml_with(Layout::Compact).expect("encode"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><request><auth><user>USER</user><password>PASSWORD</password>\
         <context>4</context></auth><task><code>0105</code><domain><name>example.com</name></domain></task>\
         </request>"
    );
}

#[test]
fn indented_request_is_exact() {
    let req = Request::new(auth()).task(PollConfirm::new(650664));
    assert_eq!(
        req.to_xml().expect("encode"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <request>\n  <auth>\n    <user>USER</user>\n    <password>PASSWORD</password>\n    <context>4</context>\n  </auth>\n  \
         <task>\n    <code>0906</code>\n    <message>\n      <id>650664</id>\n    </message>\n  </task>\n</request>\n"
    );
}

#[test]
fn list_request_with_query_and_owner() {
    let task = RequestTask::from(CertificateJobList)
        .with_view(View {
            offset: Some(0),
            limit: Some(10),
            children: Some(true),
            ..View::default()
        })
        .with_key("created")
        .with_where(Where {
            and: vec![
                Where::condition("status", Operator::Eq, "RUNNING"),
                Where::condition("name", Operator::Like, "*.de"),
            ],
            ..Where::default()
        })
        .with_order(Order {
            key: "created".into(),
            mode: Some(OrderMode::Desc),
            unknown: Default::default(),
        })
        .with_ctid("c-1")
        .with_reply_to("ops@example.com");
    let req = Request::new(auth())
        .with_owner(User::new("sub", "4"))
        .with_language("en")
        .task(task);
    let xml = req.to_xml_with(Layout::Compact).expect("encode");
    assert!(
        xml.contains("<owner><user>sub</user><context>4</context></owner><language>en</language>")
    );
    assert!(xml.contains(
        "<view><offset>0</offset><limit>10</limit><children>1</children></view><key>created</key>"
    ));
    assert!(xml.contains(
        "<where><and><key>status</key><operator>eq</operator><value>RUNNING</value></and>\
         <and><key>name</key><operator>like</operator><value>*.de</value></and></where>"
    ));
    assert!(xml.contains("<order><key>created</key><mode>desc</mode></order><ctid>c-1</ctid><reply_to>ops@example.com</reply_to>"));
    assert_eq!(Request::decode(xml.as_bytes()).expect("decode"), req);
}

#[test]
fn text_is_escaped_and_survives() {
    let mut create = DomainCreate::new("a&b<c>.example")
        .ownerc(1)
        .adminc(2)
        .techc(3)
        .nserver("ns1.example");
    create.authinfo = Some("x]]>y\r\n\"'\u{1F600}".into());
    let req = Request::new(Auth::new("us<er", "pa&ss", "4")).task(create);
    let xml = req.to_xml_with(Layout::Compact).expect("encode");
    assert!(xml.contains("<name>a&amp;b&lt;c&gt;.example</name>"));
    assert!(xml.contains("<user>us&lt;er</user><password>pa&amp;ss</password>"));
    assert!(xml.contains("<authinfo>x]]&gt;y&#13;\n\"'\u{1F600}</authinfo>"));
    assert_eq!(Request::decode(xml.as_bytes()).expect("decode"), req);
}

#[test]
fn cdata_is_split_around_its_terminator() {
    let mut data = CertificateJobInfoData::default();
    let csr = "-----BEGIN-----\nA]]>B]]]]>C\n-----END-----".to_owned();
    data.certificate_job = Some(autodns_xml::certificate::CertificateJob {
        certificate: Some(Box::new(autodns_xml::certificate::Certificate {
            csr: Some(csr.clone()),
            ..Default::default()
        })),
        ..Default::default()
    });
    let status = Status::new(StatusCode::new(
        StatusKind::Success,
        TaskCode::new("400114").expect("code"),
    ));
    let resp = Response::new(TaskResult::new(Some(data), status));
    let xml = resp.to_xml_with(Layout::Compact).expect("encode");
    assert!(xml.contains("<csr><![CDATA[-----BEGIN-----\nA]]]]><![CDATA[>B]]]]]]><![CDATA[>C\n-----END-----]]></csr>"), "{xml}");
    let back = Response::<CertificateJobInfoData>::decode(xml.as_bytes()).expect("decode");
    assert_eq!(back, resp);
}

#[test]
fn required_parts_are_checked_before_anything_is_written() {
    // DomainCreate: name, ownerc, adminc, techc are required by the type; name servers by encoding.
    let empty_ns = DomainCreate::new("example.com")
        .ownerc(1)
        .adminc(1)
        .techc(1);
    let err = Request::new(auth())
        .task(empty_ns)
        .to_xml()
        .expect_err("no name server");
    assert_eq!(
        err,
        EncodeError::Missing("at least one <nserver> is required")
    );

    let err = Request::new(auth()).to_xml().expect_err("no task");
    assert_eq!(
        err,
        EncodeError::Missing("a request needs at least one task")
    );

    let code = TaskCode::new("0101").expect("code");
    let wrong = RequestTask::new(code, AnyTask::DomainInfo(DomainInfo::new("example.com")));
    let err = Request::new(auth())
        .task(wrong)
        .to_xml()
        .expect_err("wrong body");
    assert_eq!(
        err,
        EncodeError::BodyMismatch {
            code: "0101".into(),
            body: "domain"
        }
    );

    let code = TaskCode::new("0301").expect("code");
    let err = Request::new(auth())
        .task(RequestTask::new(code, AnyTask::None))
        .to_xml()
        .expect_err("no body");
    assert_eq!(
        err,
        EncodeError::BodyMismatch {
            code: "0301".into(),
            body: "no body"
        }
    );

    assert!(matches!(
        TaskCode::new("01a5"),
        Err(EncodeError::InvalidTaskCode(_))
    ));
    assert!(matches!(
        TaskCode::new(""),
        Err(EncodeError::InvalidTaskCode(_))
    ));
}

#[test]
fn unrepresentable_characters_are_an_error() {
    let req = Request::new(auth()).task(DomainInfo::new("exa\u{0}mple.com"));
    assert_eq!(
        req.to_xml().expect_err("NUL"),
        EncodeError::InvalidChar {
            element: "name".into(),
            code: 0
        }
    );
    let req = Request::new(auth()).task(DomainInfo::new("\u{FFFE}"));
    assert_eq!(
        req.to_xml().expect_err("U+FFFE"),
        EncodeError::InvalidChar {
            element: "name".into(),
            code: 0xFFFE
        }
    );
}

#[test]
fn raw_element_names_are_checked() {
    let mut task = RequestTask::other(
        TaskCode::new("0105005").expect("code"),
        vec![autodns_xml::RawElement::new("zone")],
    );
    assert!(Request::new(auth()).task(task.clone()).to_xml().is_ok());
    task.unknown
        .push(autodns_xml::RawElement::new("not a name"));
    assert_eq!(
        Request::new(auth())
            .task(task)
            .to_xml()
            .expect_err("bad name"),
        EncodeError::InvalidName("not a name".into())
    );
}

#[test]
fn secrets_stay_out_of_debug_and_redacted_copies() {
    let req = Request::new(auth().with_token("123456")).task(DomainInfo::new("example.com"));
    let debug = format!("{req:?} {:#?}", req.auth);
    assert!(
        !debug.contains("PASSWORD") && !debug.contains("123456"),
        "{debug}"
    );
    let redacted = req.redacted();
    assert_eq!(redacted.auth.password.expose(), "***");
    assert_eq!(
        redacted.auth.token.as_ref().map(|t| t.expose()),
        Some("***")
    );
    assert_eq!(req.auth.password.expose(), "PASSWORD");
    let json = serde_json::to_string(&redacted).expect("json");
    assert!(
        !json.contains("PASSWORD") && !json.contains("123456"),
        "{json}"
    );
}

#[path = "../benches/support/generate.rs"]
mod generate;

/// `write_to` writes the bytes `to_xml_with` returns, through a bounded buffer, for every
/// seed response and request and for a list far larger than the buffer, in both layouts.
#[test]
fn write_to_an_io_writer_gives_the_same_bytes() {
    use autodns_xml::codec::Layout;
    use autodns_xml::{Document, Request};
    let list = generate::certificate_job_list(2000);
    let list = autodns_xml::decode_response::<autodns_xml::certificate::CertificateJobList>(&list)
        .expect("list decodes");
    for layout in [Layout::Indented, Layout::Compact] {
        let mut out = Vec::new();
        list.write_to(&mut out, layout).expect("writes");
        assert!(out.len() > 4 * (64 << 10));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            list.to_xml_with(layout).unwrap()
        );
        for (name, bytes) in common::files() {
            let Ok(doc) = Document::decode(&bytes) else {
                continue;
            };
            let mut out = Vec::new();
            match &doc {
                Document::Response(r) => r.write_to(&mut out, layout).expect("writes"),
                Document::Request(r) => r.write_to(&mut out, layout).expect("writes"),
                _ => continue,
            }
            assert_eq!(
                String::from_utf8(out).unwrap(),
                doc.to_xml_with(layout).unwrap(),
                "{name}"
            );
        }
    }
    // An encode error is InvalidData; a sink error comes back as it was.
    let mut bad = Request::new(autodns_xml::Auth::new("user", "secret", "4"));
    bad.language = Some("de\u{0}".to_owned());
    let e = bad.write_to(Vec::new(), Layout::Compact).expect_err("NUL");
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let e = list.write_to(Full, Layout::Indented).expect_err("full");
    assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);
}

/// issue 11 item 12: the encoder refuses what its own decoder would refuse under the same
/// limits: a text over `max_text_len`, nesting over `max_depth`, too many attributes.
#[test]
fn encoding_enforces_the_decoders_limits() {
    use autodns_xml::{Auth, EncodeError, Limit, Limits, RawElement, Request};
    let task = autodns_xml::domain::DomainInfo::new("a.de");
    let long = "u".repeat(Limits::DEFAULT_MAX_TEXT_LEN + 1);
    let e = Request::new(Auth::new(long, "p", "4"))
        .task(task.clone())
        .to_xml()
        .expect_err("too long");
    assert!(
        matches!(
            e,
            EncodeError::LimitExceeded {
                limit: Limit::TextLength,
                ..
            }
        ),
        "{e}"
    );
    // Just inside the limit, it encodes and decodes back.
    let fits = "u".repeat(Limits::DEFAULT_MAX_TEXT_LEN);
    let xml = Request::new(Auth::new(fits, "p", "4"))
        .task(task.clone())
        .to_xml()
        .expect("fits");
    autodns_xml::decode_request(xml.as_bytes()).expect("decodes back");

    // <request><x>…: the root is level 1, so 255 nested unknown elements fit and 256 do not.
    let nested = |levels: usize| {
        let mut el = RawElement::new("x");
        for _ in 1..levels {
            el = RawElement::new("x").child(el);
        }
        let mut request = Request::new(Auth::new("u", "p", "4")).task(task.clone());
        request.unknown.push(el);
        request
    };
    let xml = nested(Limits::DEFAULT_MAX_DEPTH - 1)
        .to_xml()
        .expect("fits");
    autodns_xml::decode_request(xml.as_bytes()).expect("decodes back");
    let e = nested(Limits::DEFAULT_MAX_DEPTH)
        .to_xml()
        .expect_err("too deep");
    assert!(
        matches!(
            e,
            EncodeError::LimitExceeded {
                limit: Limit::Depth,
                ..
            }
        ),
        "{e}"
    );

    let mut many = RawElement::new("x");
    many.attributes = (0..=Limits::DEFAULT_MAX_ATTRIBUTES)
        .map(|i| (format!("a{i}"), String::new()))
        .collect();
    let mut request = Request::new(Auth::new("u", "p", "4")).task(task);
    request.unknown.push(many);
    let e = request.to_xml().expect_err("too many attributes");
    assert!(
        matches!(
            e,
            EncodeError::LimitExceeded {
                limit: Limit::Attributes,
                ..
            }
        ),
        "{e}"
    );
}
