//! Injection-proof encoding: any string value survives encode → decode unchanged (control
//! characters, `]]>`, `<`, `&`, quotes, CR, non-BMP characters, markup of every kind), and no
//! value can add an element to the document, in text, in CDATA (a CSR), in a secret or in an
//! attribute. A character XML 1.0 cannot represent is an encode error naming the element and
//! the character, never written.

mod common;

use autodns_xml::certificate::{Certificate, CertificateJob, CertificateJobInfo};
use autodns_xml::codec::Layout;
use autodns_xml::domain::DomainList;
use autodns_xml::envelope::{Operator, Where};
use autodns_xml::{
    Auth, Document, EncodeError, RawElement, RawNode, Request, RequestTask, Response, StatusKind,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Any string, with markup, controls and the characters XML 1.0 forbids made likely.
fn value() -> impl Strategy<Value = String> {
    vec(
        prop_oneof![
            4 => any::<char>().prop_map(String::from),
            2 => proptest::char::range('\u{0}', '\u{7F}').prop_map(String::from),
            3 => select(&[
                "]]>", "]]]]>", "<![CDATA[", "<", ">", "&", "\"", "'", "&amp;", "&lt;", "&#0;",
                "&#x10FFFF;", "&bogus;", "</ctid><injected/>", "<injected>x</injected>", "</task>",
                "<!--", "-->", "<?pi?>", "<!DOCTYPE x>", "\r", "\r\n", "\n", "\t", " ",
                "\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{FFFE}", "\u{FFFF}",
                "\u{FEFF}", "\u{10000}", "\u{1F600}", "\u{10FFFF}", "\u{D7FF}", "\u{E000}",
            ][..]).prop_map(str::to_owned),
        ],
        0..12,
    )
    .prop_map(|pieces| pieces.concat())
}

/// XML 1.0's `Char` production.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// A request carrying `v` in every kind of place: a leaf (`ctid`), a nested leaf (a `where`
/// value), a list item (`key`), the password and token, and an unknown element's text and
/// attribute.
fn request(v: &str) -> Request {
    let mut raw = RawElement::new("extra");
    raw.attributes.push(("note".into(), v.to_owned()));
    if !v.is_empty() {
        raw.children.push(RawNode::Text(v.to_owned()));
    }
    let mut task = RequestTask::from(DomainList)
        .with_ctid(v)
        .with_key(v)
        .with_where(Where {
            and: vec![Where::condition("name", Operator::Eq, v)],
            ..Where::default()
        });
    task.unknown.push(raw);
    Request::new(Auth::new("user", v, "4").with_token(v)).task(task)
}

/// A 400114 answer whose certificate's CSR (written as CDATA) is `v`.
fn answer(v: &str) -> Response<autodns_xml::certificate::CertificateJobInfoData> {
    let data = autodns_xml::certificate::CertificateJobInfoData {
        certificate_job: Some(CertificateJob {
            certificate: Some(Box::new(Certificate {
                csr: Some(v.to_owned()),
                name: Some(v.to_owned()),
                ..Certificate::default()
            })),
            ..CertificateJob::default()
        }),
        ..Default::default()
    };
    Response::answer::<CertificateJobInfo>(StatusKind::Success, data)
}

/// The names of every element of a document, in document order, with their depth.
fn shape(xml: &str) -> Vec<(usize, String)> {
    fn walk(el: &RawElement, depth: usize, out: &mut Vec<(usize, String)>) {
        out.push((depth, el.name.clone()));
        for child in el.elements() {
            walk(child, depth + 1, out);
        }
    }
    let (root, _) = RawElement::decode(xml.as_bytes()).expect("the encoder's output decodes");
    let mut out = Vec::new();
    walk(&root, 0, &mut out);
    out
}

proptest! {
    #![proptest_config(common::proptest_config(512))]

    #[test]
    fn any_string_survives_or_is_refused_and_adds_no_element(v in value()) {
        let bad = v.chars().find(|c| !is_xml_char(*c));
        for layout in [Layout::Compact, Layout::Indented] {
            let request = request(&v);
            let encoded = request.to_xml_with(layout);
            let answer = answer(&v);
            let answered = answer.to_xml_with(layout);
            if let Some(c) = bad {
                // Refused, naming where and what (the password is written first); and the
                // character is never written.
                prop_assert_eq!(
                    encoded,
                    Err(EncodeError::InvalidChar { element: "password".into(), code: u32::from(c) })
                );
                let Err(EncodeError::InvalidChar { code, .. }) = answered else {
                    return Err(TestCaseError::fail(format!("written: {answered:?}")));
                };
                prop_assert_eq!(code, u32::from(c));
                continue;
            }
            let xml = encoded.map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back = Request::decode(xml.as_bytes())
                .map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
            prop_assert_eq!(&back, &request, "{}", xml);
            let task = &back.tasks[0];
            prop_assert_eq!(task.ctid.as_deref(), Some(v.as_str()));
            prop_assert_eq!(back.auth.password.expose(), v.as_str());
            prop_assert_eq!(&task.unknown.to_vec()[0].attributes[0].1, &v);
            // The same elements as with a harmless value: nothing was added.
            prop_assert_eq!(shape(&xml), shape(&self::request("x").to_xml_with(layout).expect("x")));
            let doc = Document::decode(xml.as_bytes()).expect("as a document");
            prop_assert_eq!(doc, Document::Request(request));

            let xml = answered.map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back = autodns_xml::decode_response::<CertificateJobInfo>(xml.as_bytes())
                .map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
            prop_assert_eq!(&back, &answer, "{}", xml);
            prop_assert_eq!(shape(&xml), shape(&self::answer("x").to_xml_with(layout).expect("x")));
        }
    }
}

#[test]
fn markup_in_a_value_is_written_as_text() {
    let v = "a]]>b<c>&d;\"e'</ctid><injected/>";
    let xml = request(v).to_xml_with(Layout::Compact).expect("encode");
    assert!(!xml.contains("<injected/>"), "{xml}");
    assert!(
        xml.contains("<ctid>a]]&gt;b&lt;c&gt;&amp;d;\"e'&lt;/ctid&gt;&lt;injected/&gt;</ctid>"),
        "{xml}"
    );
    assert!(
        xml.contains(r#"note="a]]&gt;b&lt;c&gt;&amp;d;&quot;e'&lt;/ctid&gt;&lt;injected/&gt;""#),
        "{xml}"
    );
    // In CDATA, `]]>` is split across two sections.
    let xml = answer("x]]>y")
        .to_xml_with(Layout::Compact)
        .expect("encode");
    assert!(
        xml.contains("<csr><![CDATA[x]]]]><![CDATA[>y]]></csr>"),
        "{xml}"
    );
}

#[test]
fn every_character_xml_cannot_carry_is_refused() {
    let forbidden = ('\u{0}'..='\u{1F}')
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .chain(['\u{FFFE}', '\u{FFFF}']);
    for c in forbidden {
        let v = format!("ok{c}");
        assert_eq!(
            request(&v).to_xml(),
            Err(EncodeError::InvalidChar {
                element: "password".into(),
                code: u32::from(c)
            }),
            "U+{:04X}",
            u32::from(c)
        );
        // In an element name too: not a name at all.
        let mut task = RequestTask::from(DomainList);
        task.unknown.push(RawElement::new(format!("a{c}")));
        let request = Request::new(Auth::new("u", "p", "4")).task(task);
        assert!(matches!(request.to_xml(), Err(EncodeError::InvalidName(_))));
    }
    // Everything else is carried, the characters next to the forbidden ones included.
    for c in [
        '\t',
        '\n',
        '\r',
        ' ',
        '\u{7F}',
        '\u{85}',
        '\u{D7FF}',
        '\u{E000}',
        '\u{FFFD}',
        '\u{10000}',
        '\u{10FFFF}',
    ] {
        let v = format!("ok{c}");
        let xml = request(&v).to_xml().expect("representable");
        let back = Request::decode(xml.as_bytes()).expect("decodes");
        assert_eq!(
            back.tasks[0].ctid.as_deref(),
            Some(v.as_str()),
            "U+{:04X}",
            u32::from(c)
        );
    }
}
