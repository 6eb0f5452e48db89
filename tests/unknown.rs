//! `Unknown`: the compact form of the children a model does not know (issue 11 item 5).

#[cfg(feature = "arbitrary")]
#[path = "common/strategies.rs"]
mod strategies;

use autodns_xml::{RawElement, RawNode, Response, Unknown};
#[cfg(feature = "arbitrary")]
use proptest::prelude::*;

#[cfg(feature = "arbitrary")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// What goes in comes out: the same elements, in order, by reference and by value, and
    /// two holders are equal exactly when their elements are.
    #[test]
    fn unknown_gives_back_exactly_the_elements_pushed(
        elements in strategies::unknown_vec(),
        other in strategies::unknown_vec(),
    ) {
        let unknown = Unknown::from(elements.clone());
        prop_assert_eq!(unknown.len(), elements.len());
        prop_assert_eq!(unknown.to_vec(), elements.clone());
        prop_assert_eq!(unknown.clone().into_iter().collect::<Vec<_>>(), elements.clone());
        prop_assert!(unknown == elements);
        let other_unknown = Unknown::from(other.clone());
        prop_assert_eq!(unknown == other_unknown, elements == other);
        let json = serde_json::to_string(&unknown).expect("serialize");
        prop_assert_eq!(&json, &serde_json::to_string(&elements).expect("serialize"));
        let back: Unknown = serde_json::from_str(&json).expect("deserialize");
        prop_assert_eq!(back, unknown);
    }
}

#[test]
fn an_unknown_empty_element_costs_five_bytes_however_many_there_are() {
    for n in [1usize, 1_000, 100_000] {
        let xml = format!(
            "<response><result><status><code>S0105</code><type>success</type></status></result>{}</response>",
            "<a/>".repeat(n)
        );
        let resp = Response::<RawElement>::decode(xml.as_bytes()).expect("decodes");
        assert_eq!(resp.unknown.len(), n);
        assert_eq!(resp.unknown.encoded_len(), 5 * n, "n = {n}");
        assert!(resp.unknown.iter().all(|e| e == RawElement::new("a")));
    }
}

#[test]
fn deep_and_mixed_trees_survive_the_compact_form() {
    let mut deep = RawElement::with_text("leaf", "x < y & \u{85}");
    for i in 0..200 {
        deep = RawElement::new(format!("n{}", i % 7)).child(deep);
    }
    let mut mixed = RawElement::new("m");
    mixed.attributes.push(("k".into(), "v\"'&".into()));
    mixed.children.push(RawNode::Text("a".into()));
    mixed.children.push(RawNode::Text("b".into()));
    mixed.children.push(RawNode::Element(RawElement::new("e")));
    let unknown = Unknown::from(vec![deep.clone(), mixed.clone()]);
    assert_eq!(unknown.get(0), Some(deep));
    assert_eq!(unknown.get(1), Some(mixed));
    assert_eq!(unknown.get(2), None);
}

#[test]
fn an_unknown_element_reads_as_raw_element_decode_reads_it_empty_cdata_included() {
    for inner in [
        "<x><![CDATA[]]></x>",
        "<x> <y/> </x>",
        "<x>  </x>",
        "<x>a<![CDATA[<b>]]>&amp;c<y/>d</x>",
    ] {
        let xml = format!(
            "<response><result><status><code>S0105</code></status></result>{inner}</response>"
        );
        let resp = Response::<RawElement>::decode(xml.as_bytes()).expect("decodes");
        let (alone, _) = RawElement::decode(inner.as_bytes()).expect("decodes");
        assert_eq!(resp.unknown.to_vec(), [alone], "{inner}");
    }
    let (empty_cdata, _) = RawElement::decode(b"<x><![CDATA[]]></x>").expect("decodes");
    assert_eq!(empty_cdata, RawElement::with_text("x", ""));
}

#[test]
fn unknown_serializes_as_its_elements_secrets_masked_unless_exposed() {
    let secret = RawElement::new("x")
        .child(RawElement::with_text("Password", "hunter2"))
        .child(RawElement::new("token").child(RawElement::with_text("inner", "kept")));
    let mut with_attr = RawElement::with_text("y", "t");
    with_attr.attributes.push(("a".into(), "1".into()));
    let elements = vec![secret, with_attr, RawElement::new("z")];
    let unknown = Unknown::from(elements.clone());
    let json = serde_json::to_string(&unknown).expect("serialize");
    assert_eq!(json, serde_json::to_string(&elements).expect("serialize"));
    assert!(!json.contains("hunter2") && json.contains("kept"), "{json}");
    let exposed =
        serde_json::to_string(&autodns_xml::ExposeSecrets::new(&unknown)).expect("serialize");
    assert_eq!(
        exposed,
        serde_json::to_string(&autodns_xml::ExposeSecrets::new(&elements)).expect("serialize")
    );
    assert!(exposed.contains("hunter2"), "{exposed}");
}
