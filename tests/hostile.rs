//! Hostile input: every case of `testdata/hostile/` (see its README) and the generated ones
//! (a seed cut at every tag boundary, a 100 MB text), each refused with the error kind it
//! deserves, quickly and without a panic; and processing instructions, which are ignored.

mod common;

use autodns_xml::{DecodeError, DecodeErrorKind, Document, ErrorCategory, RawElement};

/// Decodes `xml` as any document and as a raw tree: both must fail alike.
#[track_caller]
fn refused(xml: &[u8]) -> DecodeError {
    let e = Document::decode(xml).expect_err("refused");
    let raw = RawElement::decode(xml).expect_err("refused as a raw tree too");
    assert_eq!(raw.kind(), e.kind());
    assert!(!e.to_string().contains('\n'), "{e}");
    e
}

// ---------------------------------------------------------------------------------------------
// Processing instructions.

#[test]
fn processing_instructions_are_ignored_wherever_they_stand() {
    let plain = "<task><code>0105</code><ctid>ab</ctid></task>";
    let (expected, _) = Document::decode(plain.as_bytes()).expect("plain");
    for xml in [
        "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><task><code>0105</code><ctid>ab</ctid></task>",
        "<?pi?><task><code>0105</code><ctid>ab</ctid></task><?pi after the root?>",
        // Inside a value: the text on both sides joins.
        "<task><code>01<?pi x?>05</code><ctid>a<?pi?>b</ctid></task>",
        // Its content is never read as markup.
        "<task><code>0105</code><?pi <evil/> &undefined; <![CDATA[ ?><ctid>ab</ctid></task>",
        "<task><?xmlfoo bar?><code>0105</code><ctid>ab</ctid><?_.-9 ?></task>",
    ] {
        let (doc, quirks) =
            Document::decode(xml.as_bytes()).unwrap_or_else(|e| panic!("{xml}: {e}"));
        assert_eq!(doc, expected, "{xml}");
        assert!(quirks.is_empty(), "{xml}");
    }
    // Raw trees do not keep them either.
    let (raw, _) = RawElement::decode(b"<x>a<?pi <y/>?>b<?pi?><z/></x>").expect("raw");
    let (plain, _) = RawElement::decode(b"<x>ab<z/></x>").expect("raw");
    assert_eq!(raw, plain);
}

#[test]
fn a_processing_instruction_without_a_valid_target_is_not_well_formed() {
    for (xml, at) in [
        ("<??><task><code>0105</code></task>", 0),
        ("<? x?><task><code>0105</code></task>", 0),
        ("<task><?1pi?><code>0105</code></task>", 6),
        // `xml` in any case is reserved for the declaration.
        ("<?XML version='1.0'?><task><code>0105</code></task>", 0),
        ("<task><code>0105</code><?Xml ?></task>", 23),
        // An unclosed one.
        ("<task><code>0105</code><?pi", 23),
    ] {
        let e = refused(xml.as_bytes());
        assert_eq!(e.category(), ErrorCategory::NotWellFormed, "{xml}: {e}");
        assert!(matches!(e.kind(), DecodeErrorKind::Syntax(_)), "{xml}: {e}");
        assert_eq!(e.position().offset, at, "{xml}: {e}");
    }
}
