//! The test crates' access to `testdata/`.
//!
//! Each test crate uses what it needs of this module.
#![allow(dead_code)]

use autodns_xml::{RawElement, RawNode};
use std::path::PathBuf;

/// The path of `testdata/NAME`.
pub fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(name)
}

/// The bytes of `testdata/NAME`.
pub fn read(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap_or_else(|e| panic!("testdata/{name}: {e}"))
}

/// The text of `testdata/NAME`.
pub fn read_str(name: &str) -> String {
    String::from_utf8(read(name)).unwrap_or_else(|e| panic!("testdata/{name}: {e}"))
}

/// The names of the `.xml` files in `testdata/DIR`, sorted.
fn xml_names(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(path(dir))
        .unwrap_or_else(|e| panic!("testdata/{dir}: {e}"))
        .map(|e| {
            e.expect("entry")
                .file_name()
                .into_string()
                .expect("UTF-8 name")
        })
        .filter(|n| n.ends_with(".xml"))
        .collect();
    names.sort();
    names
}

/// The names of every `testdata/*.xml` file, sorted.
pub fn names() -> Vec<String> {
    let names = xml_names("");
    assert!(
        names.len() >= 22,
        "testdata/ holds the seed documents: {names:?}"
    );
    names
}

/// Every `testdata/*.xml` file: name and bytes, sorted by name.
pub fn files() -> Vec<(String, Vec<u8>)> {
    names().into_iter().map(|n| (n.clone(), read(&n))).collect()
}

/// A document's tree in a canonical form: children sorted by name (stable, so repeated
/// elements keep their order). Two documents are equivalent when these are equal: element
/// order between different names is not significant in this protocol (auth's children come
/// in varying order), the order of repeated elements is.
pub fn canonical(el: &RawElement) -> RawElement {
    let mut children: Vec<RawNode> = el
        .children
        .iter()
        .map(|n| match n {
            RawNode::Element(e) => RawNode::Element(canonical(e)),
            RawNode::Text(t) => RawNode::Text(t.clone()),
        })
        .collect();
    children.sort_by(|a, b| match (a, b) {
        (RawNode::Element(a), RawNode::Element(b)) => a.name.cmp(&b.name),
        (RawNode::Text(_), RawNode::Element(_)) => std::cmp::Ordering::Less,
        (RawNode::Element(_), RawNode::Text(_)) => std::cmp::Ordering::Greater,
        (RawNode::Text(_), RawNode::Text(_)) => std::cmp::Ordering::Equal,
    });
    RawElement {
        name: el.name.clone(),
        attributes: el.attributes.clone(),
        children,
    }
}

/// The names of every `testdata/hostile/*.xml` file, sorted.
pub fn hostile_names() -> Vec<String> {
    let names = xml_names("hostile");
    assert!(
        names.len() >= 20,
        "testdata/hostile holds the corpus: {names:?}"
    );
    names
}

/// A proptest configuration with `cases` cases (`PROPTEST_CASES` overrides it for a deeper
/// run) and no regression files (a failure prints its minimal input).
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    }
}
