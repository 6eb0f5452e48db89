//! Nesting is bounded, so that the recursive models (`where`, `msg`) can never exhaust the
//! stack, whatever the input.

mod common;

use autodns_xml::{DecodeErrorKind, Document, RawElement};

fn nested_where(levels: usize) -> String {
    format!(
        "<request><auth><user>u</user><password>p</password><context>4</context></auth>\
         <task><code>0105</code><where>{}{}</where></task></request>",
        "<and>".repeat(levels),
        "</and>".repeat(levels)
    )
}

#[test]
fn nesting_200k_deep_is_an_error_not_a_crash() {
    let xml = nested_where(200_000);
    for err in [
        Document::decode(xml.as_bytes()).expect_err("too deep"),
        RawElement::decode(xml.as_bytes()).expect_err("too deep"),
    ] {
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: autodns_xml::Limit::Depth,
                max: 256
            }
        );
        assert_eq!((err.position().line, err.position().column), (1, 1374));
        assert!(err.path().starts_with("request/task/where/and/and"));
        let shown = err.to_string();
        assert!(
            shown.contains("in request/task/where/and/…/and/and/and/and at line 1, column 1374"),
            "{shown}"
        );
        assert!(!shown.contains('\n'));
    }
}

#[test]
fn nesting_up_to_the_limit_decodes() {
    // request/task/where = 3 levels, so 253 nested groups reach depth 256 exactly.
    let xml = nested_where(253);
    let doc = Document::decode(xml.as_bytes()).expect("253 nested groups");
    let again = doc
        .to_xml_with(autodns_xml::codec::Layout::Compact)
        .expect("encode");
    assert_eq!(
        Document::decode(again.as_bytes()).expect("decode again"),
        doc
    );
    let one_more = nested_where(254);
    let err = Document::decode(one_more.as_bytes()).expect_err("254 nested groups");
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: autodns_xml::Limit::Depth,
            max: 256
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Every limit, at its default and configured, through every entry point.

use autodns_xml::certificate::CertificateJobInfo;
use autodns_xml::{
    DecodeError, ErrorCategory, Limit, Limits, Request, Response, decode_request,
    decode_request_with, decode_response, decode_response_with,
};

fn limit(limit: Limit, max: usize) -> DecodeErrorKind {
    DecodeErrorKind::LimitExceeded { limit, max }
}

/// A request whose `ctid` holds `text`, and whose task carries `attrs` on `<code>`.
fn request(text: &str, attrs: &str) -> String {
    format!(
        "<request><auth><user>u</user><password>p</password><context>4</context></auth>\
         <task><code{attrs}>0905</code><ctid>{text}</ctid></task></request>"
    )
}

/// Every way to decode a request document under `limits`.
fn decode_all(xml: &str, limits: &Limits) -> Vec<Result<(), DecodeError>> {
    let xml = xml.as_bytes();
    vec![
        decode_request_with(xml, limits).map(drop),
        Request::decode_with(xml, limits).map(drop),
        Document::decode_with(xml, limits).map(drop),
        RawElement::decode_with(xml, limits).map(drop),
    ]
}

#[track_caller]
fn assert_all_fail(xml: &str, limits: &Limits, kind: &DecodeErrorKind) {
    for outcome in decode_all(xml, limits) {
        let e = outcome.expect_err("over the limit");
        assert_eq!(e.kind(), kind);
        assert_eq!(e.category(), ErrorCategory::LimitExceeded);
        assert!(!e.to_string().contains('\n'));
    }
}

#[track_caller]
fn assert_all_pass(xml: &str, limits: &Limits) {
    for outcome in decode_all(xml, limits) {
        outcome.expect("within the limits");
    }
}

#[test]
fn the_defaults_are_documented_values() {
    let d = Limits::default();
    assert_eq!(
        (
            d.max_depth,
            d.max_document_size,
            d.max_text_len,
            d.max_attributes
        ),
        (256, 64 << 20, 8 << 20, 256)
    );
    for l in [
        Limit::Depth,
        Limit::DocumentSize,
        Limit::TextLength,
        Limit::Attributes,
    ] {
        assert!(d.get(l) > 0);
    }
    let custom = Limits::default()
        .with_max_depth(1)
        .with_max_document_size(2)
        .with_max_text_len(3)
        .with_max_attributes(4);
    assert_eq!(
        [
            Limit::Depth,
            Limit::DocumentSize,
            Limit::TextLength,
            Limit::Attributes
        ]
        .map(|l| custom.get(l)),
        [1, 2, 3, 4]
    );
    let mut fields = Limits::default();
    fields.max_depth = 7;
    assert_eq!(fields, Limits::default().with_max_depth(7));
}

#[test]
fn a_configured_depth_limit_counts_the_root_as_one() {
    // request/task/where/and: 4 levels, 5 with the `and` inside.
    let xml = nested_where(2);
    assert_all_pass(&xml, &Limits::default().with_max_depth(5));
    let e = Document::decode_with(xml.as_bytes(), &Limits::default().with_max_depth(4))
        .expect_err("depth 5 > 4");
    assert_eq!(e.kind(), &limit(Limit::Depth, 4));
    assert_eq!(e.path(), "request/task/where/and");
    assert_eq!(
        e.position().offset,
        xml.find("<and><and>").expect("and") + 5
    );
    assert_eq!(
        e.to_string(),
        format!(
            "elements nested deeper than 4 levels (limit max_depth) in request/task/where/and \
             at line 1, column {}",
            e.position().offset + 1
        )
    );
    assert_all_fail(
        &xml,
        &Limits::default().with_max_depth(4),
        &limit(Limit::Depth, 4),
    );
}

#[test]
fn the_depth_limit_holds_in_data_read_again_by_status_code() {
    // A response's data is read twice (skipped, then typed by the code): the limit holds in
    // the second reading too, with the full path.
    let xml = "<response><result><data><a><b/></a></data>\
               <status><code>S0205</code></status></result></response>";
    let limits = Limits::default().with_max_depth(5);
    let doc = Document::decode_with(xml.as_bytes(), &limits).expect("depth 5");
    assert_eq!(doc.root(), "response");
    let limits = Limits::default().with_max_depth(4);
    let e = Document::decode_with(xml.as_bytes(), &limits).expect_err("depth 5 > 4");
    assert_eq!(e.kind(), &limit(Limit::Depth, 4));
    assert_eq!(e.path(), "response/result/data/a");
    let e = decode_response_with::<CertificateJobInfo>(xml.as_bytes(), &limits)
        .expect_err("depth 5 > 4");
    assert_eq!(e.kind(), &limit(Limit::Depth, 4));
}

#[test]
fn a_document_over_the_size_limit_is_refused_before_it_is_read() {
    let xml = request("x", "");
    let exact = Limits::default().with_max_document_size(xml.len());
    assert_all_pass(&xml, &exact);
    let small = Limits::default().with_max_document_size(xml.len() - 1);
    assert_all_fail(&xml, &small, &limit(Limit::DocumentSize, xml.len() - 1));
    // Refused before anything else: not even the encoding is looked at.
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend_from_slice(xml.as_bytes());
    let e = decode_request_with(&bytes, &small).expect_err("too large");
    assert_eq!(e.kind(), &limit(Limit::DocumentSize, xml.len() - 1));
    assert_eq!(e.path(), "");
    assert_eq!(e.position().offset, xml.len() - 1);
}

#[test]
fn a_text_over_the_length_limit_is_refused_in_every_form() {
    let max = 10;
    let limits = Limits::default().with_max_text_len(max);
    assert_all_pass(&request(&"x".repeat(max), ""), &limits);
    // Plain text, references and CDATA, alone and joined.
    for text in [
        "x".repeat(max + 1),
        "&amp;".repeat(max + 1),
        format!("<![CDATA[{}]]>", "x".repeat(max + 1)),
        "xxxxxx<![CDATA[xxxxx]]>".to_owned(),
        "xxxxxxxxxx&#65;".to_owned(),
        format!("{}<!-- c --><?pi?>{}", "x".repeat(6), "x".repeat(5)),
    ] {
        assert_all_fail(&request(&text, ""), &limits, &limit(Limit::TextLength, max));
    }
    // The limit is in bytes of UTF-8.
    assert_all_pass(&request(&"é".repeat(5), ""), &limits);
    assert_all_fail(
        &request(&"é".repeat(6), ""),
        &limits,
        &limit(Limit::TextLength, max),
    );
    // Where the text is: the element's path and the text's position.
    let xml = request(&"x".repeat(max + 1), "");
    let e = decode_request_with(xml.as_bytes(), &limits).expect_err("too long");
    assert_eq!(e.path(), "request/task/ctid");
    assert_eq!(e.position().offset, xml.find("<ctid>").expect("ctid") + 6);
    // And attributes: their text in one start tag counts as one text.
    let attrs = format!(" a=\"{}\"", "x".repeat(max));
    assert_all_fail(
        &request("x", &attrs),
        &limits,
        &limit(Limit::TextLength, max),
    );
}

#[test]
fn too_many_attributes_are_refused() {
    let attrs = |n: usize| (0..n).map(|i| format!(" a{i}='{i}'")).collect::<String>();
    let limits = Limits::default().with_max_attributes(3);
    assert_all_pass(&request("x", &attrs(3)), &limits);
    let xml = request("x", &attrs(4));
    assert_all_fail(&xml, &limits, &limit(Limit::Attributes, 3));
    let e = decode_request_with(xml.as_bytes(), &limits).expect_err("4 > 3");
    // The path names the element that carries them.
    assert_eq!(e.path(), "request/task/code");
    assert_eq!(e.position().offset, xml.find("<code").expect("code"));
    // The default: 256.
    assert_all_pass(&request("x", &attrs(256)), &Limits::default());
    assert_all_fail(
        &request("x", &attrs(257)),
        &Limits::default(),
        &limit(Limit::Attributes, 256),
    );
    // Malformed attributes are still malformed, within the limit or past it.
    let e = decode_request(request("x", " a='1'b='2'").as_bytes()).expect_err("malformed");
    assert_eq!(e.category(), ErrorCategory::NotWellFormed);
}

#[test]
fn limits_never_change_what_decodes() {
    // A document within tight limits decodes to the same value as with the defaults.
    let xml = common::read("400114_response.xml");
    let loose = decode_response::<CertificateJobInfo>(&xml).expect("seed");
    let tight = Limits::default()
        .with_max_depth(8)
        .with_max_text_len(2048)
        .with_max_attributes(0)
        .with_max_document_size(xml.len());
    let strict =
        decode_response_with::<CertificateJobInfo>(&xml, &tight).expect("within tight limits");
    assert_eq!(strict, loose);
    let typed = Response::<RawElement>::decode_with(&xml, &tight).expect("raw data");
    assert_eq!(
        typed.to_xml().expect("encode"),
        Response::<RawElement>::decode(&xml)
            .expect("raw data")
            .to_xml()
            .expect("encode")
    );
}

/// issue 11 item 4: the `<context4>` repair reads the element's text ahead, bounded as the
/// element reader bounds it: past `max_text_len` it is the same error, at the same place,
/// as under `<context>`, and the text read ahead is held joined, not one token per
/// reference (46 MiB of `&lt;` stayed at 59 MB with `autodns-xml decode`, as `<context>`
/// does; it reached 1.2 GB before).
#[test]
fn the_context4_repair_bounds_its_look_ahead_like_the_element_text() {
    use autodns_xml::certificate::CertificateJobInfo;
    use autodns_xml::{DecodeErrorKind, Limit, Limits, decode_response_with};
    let limits = Limits::default().with_max_text_len(4096);
    let doc = |open: &str, text: &str| {
        format!(
            "<response><result><data><certificate_job><job><id>1</id><updater><user>u</user>\
             <{open}>{text}</context></updater></job></certificate_job></data>\
             <status><code>S400114</code></status></result></response>"
        )
    };
    let long = "&lt;".repeat(5000);
    let repaired =
        decode_response_with::<CertificateJobInfo>(doc("context4", &long).as_bytes(), &limits)
            .expect_err("too long");
    let plain =
        decode_response_with::<CertificateJobInfo>(doc("context", &long).as_bytes(), &limits)
            .expect_err("too long");
    assert_eq!(
        repaired.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::TextLength,
            max: 4096
        }
    );
    assert_eq!(
        (repaired.kind(), repaired.path()),
        (plain.kind(), plain.path())
    );
    // One byte further: the tag name is one character longer.
    assert_eq!(repaired.position().offset, plain.position().offset + 1);
    // Under the limit the joined pieces read as the text they make.
    let short = "a&lt;b&amp;<![CDATA[c]]>&#57;";
    let resp =
        decode_response_with::<CertificateJobInfo>(doc("context4", short).as_bytes(), &limits)
            .expect("repaired");
    let job = resp
        .data()
        .and_then(|d| d.certificate_job.as_ref())
        .and_then(|c| c.job.as_ref());
    let context = job
        .and_then(|j| j.updater.as_ref())
        .and_then(|u| u.context.as_deref());
    assert_eq!(context, Some("a<b&c9"));
}
