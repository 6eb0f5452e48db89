//! The test crates' access to `testdata/`.
//!
//! Each test crate uses what it needs of this module.
#![allow(dead_code)]

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

/// The names of every `testdata/*.xml` file, sorted.
pub fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(path(""))
        .expect("testdata/")
        .map(|e| {
            e.expect("entry")
                .file_name()
                .into_string()
                .expect("UTF-8 name")
        })
        .filter(|n| n.ends_with(".xml"))
        .collect();
    names.sort();
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
