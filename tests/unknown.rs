//! `Unknown`: the compact form of the children a model does not know (issue 11 item 5).

#[path = "common/strategies.rs"]
mod strategies;

use autodns_xml::{RawElement, RawNode, Response, Unknown};
use proptest::prelude::*;
use strategies::unknown_vec;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// What goes in comes out: the same elements, in order, by reference and by value, and
    /// two holders are equal exactly when their elements are.
    #[test]
    fn unknown_gives_back_exactly_the_elements_pushed(elements in unknown_vec(), other in unknown_vec()) {
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
