//! Nesting is bounded, so that the recursive models (`where`, `msg`) can never exhaust the
//! stack, whatever the input.

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
        assert_eq!(err.kind(), &DecodeErrorKind::TooDeep(256));
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
    let (doc, _) = Document::decode(xml.as_bytes()).expect("253 nested groups");
    let again = doc
        .to_xml_with(autodns_xml::codec::Layout::Compact)
        .expect("encode");
    assert_eq!(
        Document::decode(again.as_bytes()).expect("decode again").0,
        doc
    );
    let one_more = nested_where(254);
    let err = Document::decode(one_more.as_bytes()).expect_err("254 nested groups");
    assert_eq!(err.kind(), &DecodeErrorKind::TooDeep(256));
}
