//! One test per error class: the [`DecodeErrorKind`] with its fields, the exact position (line,
//! column and byte offset) and the element path; `Display` is one line ending with the
//! position, `source()` is the kind. No error and no `Debug` output quotes a password or token,
//! and no input, however truncated, makes the decoder panic.

mod common;

use autodns_xml::domain::DomainInfoData;
use autodns_xml::{DecodeError, DecodeErrorKind, Document, RawElement, Request, Response};
use std::error::Error as _;

/// Decodes `xml` with [`Document::decode`], which must fail.
fn doc_err(xml: impl AsRef<[u8]>) -> DecodeError {
    match Document::decode(xml.as_ref()) {
        Ok(doc) => panic!("decoded, expected an error: {doc:?}"),
        Err(e) => e,
    }
}

/// The byte offset of the `nth` (0-based) occurrence of `needle` in `xml`.
fn offset_of(xml: &str, needle: &str, nth: usize) -> usize {
    xml.match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the input"))
        .0
}

/// Checks everything an error carries, and what every error shares: `Display` is one line that
/// ends with the position, and `source()` is the kind.
#[track_caller]
fn check(
    e: &DecodeError,
    kind: DecodeErrorKind,
    (line, column, offset): (u32, u32, usize),
    path: &str,
) {
    assert_eq!(e.kind(), &kind, "kind of {e}");
    let pos = e.position();
    assert_eq!(
        (pos.line, pos.column, pos.offset),
        (line, column, offset),
        "position of {e}"
    );
    assert_eq!(e.path(), path, "path of {e}");
    let shown = e.to_string();
    assert!(!shown.contains('\n') && !shown.contains('\r'), "{shown:?}");
    assert!(
        shown.ends_with(&format!(" at line {line}, column {column}")),
        "{shown:?}"
    );
    if !path.is_empty() {
        assert!(shown.contains(&format!(" in {path} at ")), "{shown:?}");
    }
    let source = e.source().expect("source() is the kind");
    assert_eq!(source.to_string(), kind.to_string());
}

const AUTH: &str =
    "<auth><user>USER</user><password>PASSWORD</password><context>4</context></auth>";

fn response(data: &str, code: &str) -> String {
    format!(
        "<response><result><data>{data}</data><status><code>{code}</code></status></result></response>"
    )
}

fn certificate_job(job: &str) -> String {
    response(
        &format!("<certificate_job><job>{job}</job></certificate_job>"),
        "S400114",
    )
}

// ---------------------------------------------------------------------------------------------
// Well-formedness.

#[test]
fn mismatched_end_tag() {
    let xml = "<a><b></c></a>";
    let e = RawElement::decode(xml.as_bytes()).expect_err("</c> closes <b>");
    check(
        &e,
        DecodeErrorKind::MismatchedEndTag {
            expected: "b".into(),
            found: "c".into(),
        },
        (1, 7, 6),
        "a/b",
    );

    // The same inside a document, in an unknown element.
    let xml = "<task><code>0905</code>\n<a><b></c></a></task>";
    let e = doc_err(xml);
    check(
        &e,
        DecodeErrorKind::MismatchedEndTag {
            expected: "b".into(),
            found: "c".into(),
        },
        (2, 7, offset_of(xml, "</c>", 0)),
        "task/a/b",
    );

    // In a modelled element: </code> cannot close <ctid>.
    let xml = "<task><code>0905</code><ctid>x</code></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::MismatchedEndTag {
            expected: "ctid".into(),
            found: "code".into(),
        },
        (1, 31, 30),
        "task/ctid",
    );
}

#[test]
fn only_the_known_end_tag_quirk_is_repaired() {
    // <context4> is repaired only when </context> closes it; these are errors.
    for (open, close) in [("context4", "contex"), ("context3", "context")] {
        let xml = certificate_job(&format!(
            "<id>1</id><updater><user>u</user><{open}>9</{close}></updater>"
        ));
        let at = offset_of(&xml, &format!("</{close}>"), 0);
        check(
            &doc_err(&xml),
            DecodeErrorKind::MismatchedEndTag {
                expected: open.into(),
                found: close.into(),
            },
            (1, u32::try_from(at).unwrap() + 1, at),
            &format!("response/result/data/certificate_job/job/updater/{open}"),
        );
    }
    // Nor when <context4> holds an element.
    let xml = certificate_job("<id>1</id><updater><context4><x/></context></updater>");
    let at = offset_of(&xml, "</context>", 0);
    check(
        &doc_err(&xml),
        DecodeErrorKind::MismatchedEndTag {
            expected: "context4".into(),
            found: "context".into(),
        },
        (1, u32::try_from(at).unwrap() + 1, at),
        "response/result/data/certificate_job/job/updater/context4",
    );
}

#[test]
fn end_tag_without_start_tag() {
    check(
        &doc_err("</task>"),
        DecodeErrorKind::UnmatchedEndTag("task".into()),
        (1, 1, 0),
        "",
    );
    let xml = "<task><code>0905</code></task>\n</ctid>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnmatchedEndTag("ctid".into()),
        (2, 1, 31),
        "",
    );
}

#[test]
fn unexpected_end_of_input() {
    // Between elements.
    let xml = "<response>\n  <result>\n    <status>\n      <code>S0905</code>\n";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnexpectedEof("status".into()),
        (5, 1, xml.len()),
        "response/result/status",
    );
    // Inside a text value.
    let xml = "<response><result><status><code>S09";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnexpectedEof("code".into()),
        (1, 36, 35),
        "response/result/status/code",
    );
    // Inside data (read ahead of its status code) and inside a bare task.
    let xml = "<response><result><data><domain><name>example.com</name>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnexpectedEof("domain".into()),
        (1, 57, 56),
        "response/result/data/domain",
    );
    let xml = "<task><code>0905</code>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnexpectedEof("task".into()),
        (1, 24, 23),
        "task",
    );
}

#[test]
fn no_root_element() {
    for (xml, at) in [
        ("", (1, 1, 0)),
        ("<!-- only a comment -->", (1, 24, 23)),
        ("  \n\t", (2, 2, 4)),
        ("<?xml version=\"1.0\"?>\n<!-- c --><?pi x?>\n", (3, 1, 41)),
    ] {
        check(&doc_err(xml), DecodeErrorKind::NoRootElement, at, "");
        let e = Request::decode(xml.as_bytes()).expect_err("no root");
        assert_eq!(e.kind(), &DecodeErrorKind::NoRootElement);
    }
}

#[test]
fn second_root_element() {
    let xml = "<task><code>0905</code></task>\n<task><code>0905</code></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::MultipleRoots("task".into()),
        (2, 1, 31),
        "",
    );
    let xml = "<task><code>0905</code></task><other/>";
    check(
        &doc_err(xml),
        DecodeErrorKind::MultipleRoots("other".into()),
        (1, 31, 30),
        "",
    );
}

#[test]
fn text_after_the_root() {
    let xml = "<task><code>0905</code></task>\n  trailing";
    check(
        &doc_err(xml),
        DecodeErrorKind::TextOutsideRoot,
        (1, 31, 30),
        "",
    );
    // CDATA and references are text too, even when they hold only white space.
    for tail in ["<![CDATA[ ]]>", "&#32;", "&amp;"] {
        let xml = format!("<task><code>0905</code></task>{tail}");
        check(
            &doc_err(&xml),
            DecodeErrorKind::TextOutsideRoot,
            (1, 31, 30),
            "",
        );
    }
}

#[test]
fn text_before_the_root() {
    let xml = "<?xml version=\"1.0\"?>\nx<task><code>0905</code></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::TextOutsideRoot,
        (1, 22, 21),
        "",
    );
    // A second byte order mark is a character before the root.
    let xml = b"\xEF\xBB\xBF\xEF\xBB\xBF<task><code>0905</code></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::TextOutsideRoot,
        (1, 1, 3),
        "",
    );
}

#[test]
fn unknown_entity() {
    let xml = "<task><code>0905</code><ctid>a&foo;b</ctid></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnknownEntity("foo".into()),
        (1, 31, 30),
        "task/ctid",
    );
    // Entities a DTD would declare are unknown as well: there is no DTD.
    let xml = "<task><code>0905</code><x>&nbsp;</x></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnknownEntity("nbsp".into()),
        (1, 27, 26),
        "task/x",
    );
}

#[test]
fn invalid_character_reference() {
    for (r, name) in [
        ("&#0;", "#0"),
        ("&#x0;", "#x0"),
        ("&#xFFFE;", "#xFFFE"),
        ("&#65535;", "#65535"),
        ("&#xD800;", "#xD800"),
        ("&#x110000;", "#x110000"),
        ("&#1;", "#1"),
        ("&#;", "#"),
        ("&#x;", "#x"),
        ("&#X41;", "#X41"),
        ("&#+65;", "#+65"),
        ("&##65;", "##65"),
        ("&#x+41;", "#x+41"),
        ("&#99999999999;", "#99999999999"),
    ] {
        let xml = format!("<task><code>0905</code><ctid>{r}</ctid></task>");
        check(
            &doc_err(&xml),
            DecodeErrorKind::InvalidCharRef(name.into()),
            (1, 30, 29),
            "task/ctid",
        );
    }
}

#[test]
fn invalid_utf8() {
    // The position is the first bad byte; the column counts the characters before it.
    let mut xml = b"<task><code>0905</code>\n<ctid>\xC3\xA4".to_vec();
    let bad = xml.len();
    xml.extend_from_slice(b"\xFF</ctid></task>");
    check(
        &doc_err(&xml),
        DecodeErrorKind::InvalidUtf8,
        (2, 8, bad),
        "",
    );
    // A truncated multi-byte sequence, and a lone continuation byte.
    let xml = b"<task><code>0905</code><ctid>\xE2\x82</ctid></task>";
    check(&doc_err(xml), DecodeErrorKind::InvalidUtf8, (1, 30, 29), "");
    let xml = b"<task><code>0905</code><ctid>\x80</ctid></task>";
    check(&doc_err(xml), DecodeErrorKind::InvalidUtf8, (1, 30, 29), "");
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom
        .then_some(0xFEFF_u16)
        .into_iter()
        .chain(text.encode_utf16());
    for unit in units {
        if big_endian {
            out.extend_from_slice(&unit.to_be_bytes());
        } else {
            out.extend_from_slice(&unit.to_le_bytes());
        }
    }
    out
}

#[test]
fn utf16_documents_are_refused() {
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><task><code>0905</code></task>";
    for big_endian in [false, true] {
        for bom in [true, false] {
            let xml = utf16(text, big_endian, bom);
            check(
                &doc_err(&xml),
                DecodeErrorKind::UnsupportedEncoding("UTF-16".into()),
                (1, 1, 0),
                "",
            );
        }
    }
    // Without a declaration either, starting with white space.
    let xml = utf16("\n<task><code>0905</code></task>", false, false);
    check(
        &doc_err(&xml),
        DecodeErrorKind::UnsupportedEncoding("UTF-16".into()),
        (1, 1, 0),
        "",
    );
}

#[test]
fn declared_encoding_other_than_utf8() {
    let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<task><code>0905</code></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnsupportedEncoding("ISO-8859-1".into()),
        (1, 1, 0),
        "",
    );
    // After a byte order mark: its three bytes count in the offset, but take no column.
    let xml = b"\xEF\xBB\xBF<?xml version='1.0' encoding='windows-1252'?><task/>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnsupportedEncoding("windows-1252".into()),
        (1, 1, 3),
        "",
    );
}

#[test]
fn doctype_is_refused() {
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE task [<!ENTITY x \"y\">]>\n<task><code>0905</code><ctid>&x;</ctid></task>";
    check(&doc_err(xml), DecodeErrorKind::Doctype, (2, 1, 22), "");
    let xml = "<task><!DOCTYPE task><code>0905</code></task>";
    check(&doc_err(xml), DecodeErrorKind::Doctype, (1, 7, 6), "task");
}

#[test]
fn malformed_markup_is_a_syntax_error() {
    fn syntax(xml: &str, at: (u32, u32, usize), path: &str) {
        let e = doc_err(xml);
        assert!(
            matches!(e.kind(), DecodeErrorKind::Syntax(_)),
            "{xml}: {e:?}"
        );
        let pos = e.position();
        assert_eq!((pos.line, pos.column, pos.offset), at, "{xml}: {e}");
        assert_eq!(e.path(), path, "{xml}: {e}");
        let kind = e.kind().clone();
        check(&e, kind, at, path);
    }
    // quick-xml's syntax errors.
    syntax(
        "<task><code>0905</code><!-- never closed </task>",
        (1, 24, 23),
        "task",
    );
    syntax("<task><code>0905</code><ctid", (1, 24, 23), "task");
    syntax("<task><code>0905</code></task", (1, 24, 23), "task");
    syntax("<task><code>0905</code><!foo></task>", (1, 24, 23), "task");
    syntax(
        "<task><code>0905</code><ctid><![CDATA[x</ctid></task>",
        (1, 30, 29),
        "task/ctid",
    );
    syntax(
        "<task><code>0905</code><?pi never closed</task>",
        (1, 24, 23),
        "task",
    );
    syntax(
        "<task><code>0905</code><ctid>a & b</ctid></task>",
        (1, 32, 31),
        "task/ctid",
    );
    syntax(
        "<task><code>0905</code><ctid a='x></ctid></task>",
        (1, 24, 23),
        "task",
    );
    // Tags without a valid name.
    syntax("<task><code>0905</code><></></task>", (1, 24, 23), "task");
    syntax(
        "<task><code>0905</code>< ctid>x</ctid></task>",
        (1, 24, 23),
        "task",
    );
    syntax(
        "<task><code>0905</code><1ctid/></task>",
        (1, 24, 23),
        "task",
    );
    syntax(
        "<task><code>0905</code><ctid>a < b</ctid></task>",
        (1, 32, 31),
        "task/ctid",
    );
    syntax("<task><code>0905</code></task x>", (1, 24, 23), "task");
    // A character XML 1.0 does not allow, written out.
    syntax(
        "<task><code>0905</code><ctid>a\u{0}b</ctid></task>",
        (1, 31, 30),
        "",
    );
    syntax(
        "<task><code>0905</code><ctid>a\u{1B}b</ctid></task>",
        (1, 31, 30),
        "",
    );
    syntax(
        "<task><code>0905</code>\n<ctid>ä\u{FFFF}</ctid></task>",
        (2, 8, 32),
        "",
    );
    // An XML declaration anywhere but at the start.
    syntax(
        "<task><?xml version=\"1.0\"?><code>0905</code></task>",
        (1, 7, 6),
        "task",
    );
    syntax(
        "<task><code>0905</code></task><?xml version=\"1.0\"?>",
        (1, 31, 30),
        "",
    );
}

#[test]
fn malformed_attributes() {
    fn attribute(xml: &str, at: (u32, u32, usize), path: &str) {
        let e = doc_err(xml);
        assert!(
            matches!(e.kind(), DecodeErrorKind::Attribute(_)),
            "{xml}: {e:?}"
        );
        let kind = e.kind().clone();
        check(&e, kind, at, path);
    }
    // On an element the model keeps as a raw element, and on one it reads (and whose
    // attributes it ignores): not well-formed either way.
    for name in ["foo", "ctid"] {
        for attrs in [
            "a=",
            "a",
            "a='1' a='2'",
            "a=\"&foo;\"",
            "a=\"<\"",
            "1a='x'",
            "a='1'b='2'",
        ] {
            let xml = format!("<task><code>0905</code><{name} {attrs}>x</{name}></task>");
            attribute(&xml, (1, 24, 23), &format!("task/{name}"));
        }
    }
    // On the root element.
    attribute("<task a=><code>0905</code></task>", (1, 1, 0), "task");
}

// ---------------------------------------------------------------------------------------------
// The model.

#[test]
fn missing_required_element() {
    // A result without status.
    let xml = "<response>\n  <result>\n    <data/>\n  </result>\n</response>";
    check(
        &doc_err(xml),
        DecodeErrorKind::MissingElement("status"),
        (2, 3, 13),
        "response/result",
    );
    // A status without code.
    let xml = "<response><result><status><text>t</text></status></result></response>";
    check(
        &doc_err(xml),
        DecodeErrorKind::MissingElement("code"),
        (1, 19, 18),
        "response/result/status",
    );
    // A response without result.
    let xml = "<response><stid>s</stid></response>";
    check(
        &doc_err(xml),
        DecodeErrorKind::MissingElement("result"),
        (1, 1, 0),
        "response",
    );
    // A request without auth, without task; auth without password; a task without code.
    let xml = "<request>\n<task><code>0905</code></task>\n</request>";
    check(
        &doc_err(xml),
        DecodeErrorKind::MissingElement("auth"),
        (1, 1, 0),
        "request",
    );
    let e = Request::decode(xml.as_bytes()).expect_err("no auth");
    check(
        &e,
        DecodeErrorKind::MissingElement("auth"),
        (1, 1, 0),
        "request",
    );
    let xml = format!("<request>{AUTH}</request>");
    check(
        &doc_err(&xml),
        DecodeErrorKind::MissingElement("task"),
        (1, 1, 0),
        "request",
    );
    let xml = "<request><auth><user>u</user><context>4</context></auth><task><code>0905</code></task></request>";
    check(
        &doc_err(xml),
        DecodeErrorKind::MissingElement("password"),
        (1, 10, 9),
        "request/auth",
    );
    let xml = "<task><ctid>c</ctid></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::MissingElement("code"),
        (1, 1, 0),
        "task",
    );

    // A 0101 DomainCreate without techc, and without any nserver (the body is read after
    // the code, whatever their order; the path and position are still the body's).
    let domain = |inner: &str| {
        format!(
            "<request>{AUTH}\n<task><domain><name>example.com</name><ownerc>1</ownerc>\
             <adminc>1</adminc>{inner}</domain><code>0101</code></task></request>"
        )
    };
    let xml = domain("<nserver><name>a.ns14.net</name></nserver>");
    check(
        &doc_err(&xml),
        DecodeErrorKind::MissingElement("techc"),
        (2, 7, offset_of(&xml, "<domain>", 0)),
        "request/task/domain",
    );
    let xml = domain("<techc>1</techc>");
    check(
        &doc_err(&xml),
        DecodeErrorKind::MissingElement("nserver"),
        (2, 7, offset_of(&xml, "<domain>", 0)),
        "request/task/domain",
    );
    // A name server without name.
    let xml = domain("<techc>1</techc><nserver><ttl>60</ttl></nserver>");
    let at = offset_of(&xml, "<nserver>", 0);
    check(
        &doc_err(&xml),
        DecodeErrorKind::MissingElement("name"),
        (2, u32::try_from(at - offset_of(&xml, "\n", 0)).unwrap(), at),
        "request/task/domain/nserver",
    );

    // A 0905 message without id.
    let xml = response(
        "<summary>1</summary><message><created>2018-10-15 14:03:02</created></message>",
        "S0905",
    );
    let at = offset_of(&xml, "<message>", 0);
    check(
        &doc_err(&xml),
        DecodeErrorKind::MissingElement("id"),
        (1, u32::try_from(at).unwrap() + 1, at),
        "response/result/data/message",
    );
    // The same through the typed decoder.
    let e = autodns_xml::decode_response::<autodns_xml::poll::PollInfo>(xml.as_bytes())
        .expect_err("no id");
    check(
        &e,
        DecodeErrorKind::MissingElement("id"),
        (1, u32::try_from(at).unwrap() + 1, at),
        "response/result/data/message",
    );
}

#[test]
fn duplicate_singleton_element() {
    let xml = certificate_job("<id>1</id>\n<id>2</id>");
    let at = offset_of(&xml, "<id>", 1);
    check(
        &doc_err(&xml),
        DecodeErrorKind::DuplicateElement("id".into()),
        (2, 1, at),
        "response/result/data/certificate_job/job/id",
    );
    // In the envelopes.
    let xml = "<response><result><status><code>S1</code></status><status><code>S1</code></status></result></response>";
    check(
        &doc_err(xml),
        DecodeErrorKind::DuplicateElement("status".into()),
        (1, 51, 50),
        "response/result/status",
    );
    let xml =
        "<response><result><data/><data/><status><code>S1</code></status></result></response>";
    check(
        &doc_err(xml),
        DecodeErrorKind::DuplicateElement("data".into()),
        (1, 26, 25),
        "response/result/data",
    );
    let xml = "<task><code>0905</code><code>0906</code></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::DuplicateElement("code".into()),
        (1, 24, 23),
        "task/code",
    );
    let xml = format!("<request>{AUTH}{AUTH}<task><code>0905</code></task></request>");
    check(
        &doc_err(&xml),
        DecodeErrorKind::DuplicateElement("auth".into()),
        (1, 89, 88),
        "request/auth",
    );
    // Two bodies for one task.
    let xml = format!(
        "<request>{AUTH}<task><code>0105</code><domain><name>a</name></domain>\
         <domain><name>b</name></domain></task></request>"
    );
    let e = doc_err(&xml);
    assert_eq!(
        e.kind(),
        &DecodeErrorKind::DuplicateElement("domain".into())
    );
    assert_eq!(e.path(), "request/task");
}

#[test]
fn value_of_the_wrong_type() {
    let invalid =
        |field: &str, value: &str, expected: &'static str| DecodeErrorKind::InvalidValue {
            field: field.into(),
            value: value.into(),
            expected,
        };
    // An id that is not a number.
    let xml = certificate_job("<id>abc</id>");
    let at = offset_of(&xml, "<id>", 0);
    check(
        &doc_err(&xml),
        invalid("id", "abc", "an unsigned integer"),
        (1, u32::try_from(at).unwrap() + 1, at),
        "response/result/data/certificate_job/job/id",
    );
    // Negative, and too large for u64.
    for bad in ["-1", "18446744073709551616"] {
        let xml = certificate_job(&format!("<id>{bad}</id>"));
        assert_eq!(
            doc_err(&xml).kind(),
            &invalid("id", bad, "an unsigned integer")
        );
    }
    // The value is quoted as sent (white space kept), parsed trimmed.
    let xml = certificate_job("<id> 12 34 </id>");
    assert_eq!(
        doc_err(&xml).kind(),
        &invalid("id", " 12 34 ", "an unsigned integer")
    );

    // A bad date-time: month 13, and the ISO `T` spelling.
    for bad in ["2019-13-01 00:00:00", "2019-10-23T16:12:33", "2019-10-23"] {
        let xml = certificate_job(&format!("<id>1</id>\n<created>{bad}</created>"));
        check(
            &doc_err(&xml),
            invalid("created", bad, "a date-time YYYY-MM-DD HH:MM:SS"),
            (2, 1, offset_of(&xml, "<created>", 0)),
            "response/result/data/certificate_job/job/created",
        );
    }

    // A bad boolean.
    let xml = response(
        "<domain><name>example.com</name><use_trustee>maybe</use_trustee></domain>",
        "S0105",
    );
    let at = offset_of(&xml, "<use_trustee>", 0);
    check(
        &doc_err(&xml),
        invalid(
            "use_trustee",
            "maybe",
            "a boolean (true/false, 1/0, yes/no)",
        ),
        (1, u32::try_from(at).unwrap() + 1, at),
        "response/result/data/domain/use_trustee",
    );
    // Also through the typed decoder, and for a `1`/`0` field.
    let e = Response::<DomainInfoData>::decode(xml.as_bytes()).expect_err("maybe");
    assert_eq!(e.path(), "response/result/data/domain/use_trustee");
    let xml = response(
        "<domain><name>example.com</name><confirm_order>2</confirm_order></domain>",
        "S0105",
    );
    assert_eq!(
        doc_err(&xml).kind(),
        &invalid("confirm_order", "2", "a boolean (true/false, 1/0, yes/no)")
    );

    // A bad status code: unknown letter, lower case, no digits, too many digits.
    for bad in ["X0105", "s0105", "S", "Sabc", "S1234567890123", ""] {
        let xml =
            format!("<response>\n<result><status><code>{bad}</code></status></result></response>");
        check(
            &doc_err(&xml),
            invalid(
                "code",
                bad,
                "a status code: S, E or N and a task code (e.g. S0105)",
            ),
            (2, 17, 27),
            "response/result/status/code",
        );
    }
    // A bad task code.
    let xml = "<task><code>01O5</code></task>";
    check(
        &doc_err(xml),
        invalid("code", "01O5", "a task code (digits, e.g. 0105)"),
        (1, 7, 6),
        "task/code",
    );
}

#[test]
fn long_invalid_values_are_truncated() {
    let long = "x".repeat(100);
    let xml = certificate_job(&format!("<id>{long}</id>"));
    let e = doc_err(&xml);
    let DecodeErrorKind::InvalidValue { field, value, .. } = e.kind() else {
        panic!("{e:?}");
    };
    assert_eq!(field, "id");
    assert_eq!(value, &format!("{}…", "x".repeat(64)));
    assert!(!e.to_string().contains(&"x".repeat(65)));

    // Counted in characters, not bytes.
    let long = "ä".repeat(70);
    let xml = certificate_job(&format!("<id>{long}</id>"));
    let e = doc_err(&xml);
    let DecodeErrorKind::InvalidValue { value, .. } = e.kind() else {
        panic!("{e:?}");
    };
    assert_eq!(value, &format!("{}…", "ä".repeat(64)));

    // Exactly 64 characters are kept whole.
    let exact = "y".repeat(64);
    let xml = certificate_job(&format!("<id>{exact}</id>"));
    let DecodeErrorKind::InvalidValue { value, .. } = doc_err(&xml).kind().clone() else {
        panic!("not an invalid value");
    };
    assert_eq!(value, exact);

    // Unexpected text is quoted the same way.
    let xml = response(&format!("<domain>{}</domain>", "z".repeat(80)), "S0105");
    assert_eq!(
        doc_err(&xml).kind(),
        &DecodeErrorKind::UnexpectedText(format!("{}…", "z".repeat(64)))
    );
}

#[test]
fn element_where_text_was_expected() {
    let xml = response("<domain><name><b/></name></domain>", "S0105");
    let at = offset_of(&xml, "<b/>", 0);
    check(
        &doc_err(&xml),
        DecodeErrorKind::UnexpectedElement {
            found: "b".into(),
            expected: "a text value",
        },
        (1, u32::try_from(at).unwrap() + 1, at),
        "response/result/data/domain/name/b",
    );
    let xml = "<task><code>09<x>0</x>5</code></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnexpectedElement {
            found: "x".into(),
            expected: "a text value",
        },
        (1, 15, 14),
        "task/code/x",
    );
}

#[test]
fn text_in_an_element_that_holds_only_elements() {
    let xml = response("<domain>\n  oops <name>x</name></domain>", "S0105");
    let at = offset_of(&xml, "\n  oops", 0);
    check(
        &doc_err(&xml),
        DecodeErrorKind::UnexpectedText("oops".into()),
        (1, u32::try_from(at).unwrap() + 1, at),
        "response/result/data/domain",
    );
    let xml = "<response><result><status><code>S1</code>text</status></result></response>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnexpectedText("text".into()),
        (1, 42, 41),
        "response/result/status",
    );
    // In the request envelope, and CDATA (even blank) counts as text.
    let xml = format!("<request>{AUTH}<task>x<code>0905</code></task></request>");
    let at = offset_of(&xml, "x<code>", 0);
    check(
        &doc_err(&xml),
        DecodeErrorKind::UnexpectedText("x".into()),
        (1, u32::try_from(at).unwrap() + 1, at),
        "request/task",
    );
    let xml = "<task><code>0905</code><view><![CDATA[ ]]></view></task>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnexpectedText("".into()),
        (1, 30, 29),
        "task/view",
    );
}

#[test]
fn unexpected_root_element() {
    let request = std::fs::read(common::path("").join("0905_request.xml")).expect("file");
    let response = std::fs::read(common::path("").join("0905_response.xml")).expect("file");

    let e = Request::decode(&response).expect_err("a response is not a request");
    check(
        &e,
        DecodeErrorKind::UnexpectedRoot {
            found: "response".into(),
            expected: "<request>",
        },
        (1, 1, 0),
        "response",
    );
    let e = Response::<RawElement>::decode(&request).expect_err("a request is not a response");
    check(
        &e,
        DecodeErrorKind::UnexpectedRoot {
            found: "request".into(),
            expected: "<response>",
        },
        (1, 1, 0),
        "request",
    );
    let e = autodns_xml::decode_response::<autodns_xml::poll::PollInfo>(b"<task/>")
        .expect_err("a task is not a response");
    assert_eq!(
        e.kind(),
        &DecodeErrorKind::UnexpectedRoot {
            found: "task".into(),
            expected: "<response>",
        }
    );
    let xml = "<?xml version=\"1.0\"?>\n<foo><request/></foo>";
    check(
        &doc_err(xml),
        DecodeErrorKind::UnexpectedRoot {
            found: "foo".into(),
            expected: "<request>, <response> or <task>",
        },
        (2, 1, 22),
        "foo",
    );
}

// ---------------------------------------------------------------------------------------------
// Secrets.

const SECRET: &str = "Hunter2-S3cr3t";
const TOKEN: &str = "T0k3n-424242";

fn request_with_secrets(task: &str) -> String {
    format!(
        "<request><auth><user>USER</user><password>{SECRET}</password><context>4</context>\
         <token>{TOKEN}</token></auth>{task}</request>"
    )
}

#[track_caller]
fn assert_no_secret(e: &DecodeError) {
    for shown in [e.to_string(), format!("{e:?}"), e.path().to_owned()] {
        for secret in [SECRET, TOKEN, "Hunter", "S3cr3t", "T0k3n", "424242"] {
            assert!(!shown.contains(secret), "{shown:?} quotes {secret:?}");
        }
    }
}

#[test]
fn errors_never_quote_the_password() {
    // An error elsewhere in a request with a password and a token.
    let xml = request_with_secrets(
        "<task><code>0101</code><domain><name>example.com</name><ownerc>abc</ownerc></domain></task>",
    );
    let e = doc_err(&xml);
    assert_eq!(
        e.kind(),
        &DecodeErrorKind::InvalidValue {
            field: "ownerc".into(),
            value: "abc".into(),
            expected: "an unsigned integer"
        }
    );
    assert_no_secret(&e);
    let e = Request::decode(xml.as_bytes()).expect_err("ownerc");
    assert_no_secret(&e);
    for broken in [
        "<task><code>0905</code>",
        "<task><code>0905</code></task><task>",
        "<task><code>X</code></task>",
        "<task><code>0905</code></task></ctid>",
        "<task><code>0905</code><ctid>&bad;</ctid></task>",
    ] {
        assert_no_secret(&doc_err(request_with_secrets(broken)));
    }

    // Errors inside the password or token itself quote nothing of it: not an entity name, not
    // a tag name, not in the path.
    let inside = |password: &str, token: &str| {
        format!(
            "<request><auth><user>USER</user><password>{password}</password>\
             <context>4</context><token>{token}</token></auth><task><code>0905</code></task></request>"
        )
    };
    let at = offset_of(&inside("", ""), "<password>", 0) + "<password>".len();
    let cases = [
        (
            inside(&format!("ab&{SECRET};"), "t"),
            DecodeErrorKind::UnknownEntity("***".into()),
            at + 2,
        ),
        (
            inside(&format!("&#{SECRET};"), "t"),
            DecodeErrorKind::InvalidCharRef("***".into()),
            at,
        ),
        (
            inside(&format!("ab<{SECRET}/>"), "t"),
            DecodeErrorKind::UnexpectedElement {
                found: "***".into(),
                expected: "a text value",
            },
            at + 2,
        ),
        (
            inside(&format!("ab</{SECRET}>"), "t"),
            DecodeErrorKind::MismatchedEndTag {
                expected: "password".into(),
                found: "***".into(),
            },
            at + 2,
        ),
    ];
    for (xml, kind, offset) in cases {
        let e = doc_err(&xml);
        check(
            &e,
            kind,
            (1, u32::try_from(offset).unwrap() + 1, offset),
            "request/auth/password",
        );
        assert_no_secret(&e);
    }
    // The password's own name is not a secret.
    let xml = inside("a</password><password>b", "t");
    let e = doc_err(&xml);
    assert_eq!(
        e.kind(),
        &DecodeErrorKind::DuplicateElement("password".into())
    );
    assert_eq!(e.path(), "request/auth/password");
    // The token likewise.
    let xml = inside("p", &format!("x&{TOKEN};"));
    let e = doc_err(&xml);
    assert_eq!(e.kind(), &DecodeErrorKind::UnknownEntity("***".into()));
    assert_eq!(e.path(), "request/auth/token");
    assert_no_secret(&e);
    // Unparsable markup inside the password: no secret either.
    for password in [
        format!("{SECRET} & more"),
        format!("ab<{SECRET}"),
        format!("ab<{SECRET} x"),
    ] {
        assert_no_secret(&doc_err(inside(&password, "t")));
    }
}

#[test]
fn debug_never_shows_the_password_or_token() {
    let xml = request_with_secrets("<task><code>0905</code></task>");
    let request = Request::decode(xml.as_bytes()).expect("decodes");
    assert_eq!(request.auth.password.expose(), SECRET);
    assert_eq!(request.auth.token.as_ref().map(|t| t.expose()), Some(TOKEN));
    for shown in [
        format!("{request:?}"),
        format!("{request:#?}"),
        format!("{:?}", request.auth),
        format!("{:?}", Document::decode(xml.as_bytes()).expect("decodes")),
    ] {
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(shown.contains("***"), "{shown}");
    }
    let redacted = request.redacted();
    assert_eq!(redacted.auth.password.expose(), "***");
    assert_eq!(
        redacted.auth.token.as_ref().map(|t| t.expose()),
        Some("***")
    );
    let xml = redacted.to_xml().expect("encode");
    assert!(!xml.contains(SECRET) && !xml.contains(TOKEN), "{xml}");
}

// ---------------------------------------------------------------------------------------------
// No panic, whatever the input.

/// The offset just past the root element's end tag.
fn root_end(xml: &[u8]) -> usize {
    let text = std::str::from_utf8(xml).expect("testdata is UTF-8");
    let root = ["request", "response", "task"]
        .into_iter()
        .find(|r| text.contains(&format!("<{r}>")))
        .expect("a known root");
    let close = format!("</{root}>");
    text.rfind(&close).expect("root end tag") + close.len()
}

#[test]
fn every_truncation_of_every_seed_is_an_error_not_a_panic() {
    for (name, xml) in common::files() {
        let end = root_end(&xml);
        for cut in 0..=xml.len() {
            let prefix = &xml[..cut];
            let outcome = std::panic::catch_unwind(|| {
                (
                    Document::decode(prefix).map(|_| ()),
                    RawElement::decode(prefix).map(|_| ()),
                )
            });
            let Ok((doc, raw)) = outcome else {
                panic!("{name}: decoding the first {cut} bytes panicked");
            };
            if cut < end {
                let e = doc.expect_err(&format!("{name}: {cut} of {} bytes", xml.len()));
                assert!(raw.is_err(), "{name}: {cut} bytes as a raw tree");
                // Every one of these errors is well-formed too.
                let pos = e.position();
                assert!(pos.offset <= cut, "{name} at {cut}: {e}");
                assert!(pos.line >= 1 && pos.column >= 1);
                assert!(!e.to_string().contains('\n'));
            } else {
                assert!(doc.is_ok(), "{name}: {cut} bytes (past the root's end)");
                assert!(raw.is_ok());
            }
        }
    }
}

#[test]
fn every_truncation_of_every_seed_with_crlf_is_an_error_not_a_panic() {
    for (name, xml) in common::files() {
        let text = String::from_utf8(xml).expect("UTF-8").replace('\n', "\r\n");
        let xml = text.into_bytes();
        let end = root_end(&xml);
        for cut in 0..=xml.len() {
            let prefix = &xml[..cut];
            let Ok(doc) = std::panic::catch_unwind(|| Document::decode(prefix).map(|_| ())) else {
                panic!("{name} (CRLF): decoding the first {cut} bytes panicked");
            };
            assert_eq!(doc.is_ok(), cut >= end, "{name} (CRLF): {cut} bytes");
        }
    }
}

#[test]
fn byte_flips_in_every_seed_never_panic() {
    // Each byte replaced by markup characters and by an invalid byte: any outcome but a panic.
    for (name, xml) in common::files() {
        for at in 0..xml.len() {
            for b in [b'<', b'>', b'&', 0xFF] {
                let mut bad = xml.clone();
                bad[at] = b;
                let outcome = std::panic::catch_unwind(|| {
                    let _ = Document::decode(&bad);
                });
                assert!(
                    outcome.is_ok(),
                    "{name}: byte {at} set to {b:#04x} panicked"
                );
            }
        }
    }
}
