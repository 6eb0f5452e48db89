//! An arbitrary model value (drawn by the crate's `arbitrary` feature: requests, responses
//! with data typed by their status codes, bare tasks, with unknown elements and any text)
//! through encode and decode: either the encoder refuses it, or it comes back equal. A
//! document deeper than the decoder's depth limit may be refused with `LimitExceeded` (the
//! recursive `where` and `msg` nest as deep as the input lets them).
#![no_main]

use autodns_xml::codec::Layout;
use autodns_xml::{Document, ErrorCategory};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|doc: Document| {
    for layout in [Layout::Compact, Layout::Indented] {
        let Ok(xml) = doc.to_xml_with(layout) else {
            return;
        };
        match Document::decode(xml.as_bytes()) {
            Ok(again) => assert_eq!(again, doc, "{xml}"),
            Err(e) if e.category() == ErrorCategory::LimitExceeded => {}
            Err(e) => panic!("an encoded document does not decode: {e}\n{xml}\n{doc:#?}"),
        }
    }
});
