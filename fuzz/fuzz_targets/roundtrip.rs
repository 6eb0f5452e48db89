//! An arbitrary model value (drawn by the crate's `arbitrary` feature: requests, responses
//! with data typed by their status codes, bare tasks, with unknown elements and any text)
//! through encode and decode: either the encoder refuses it, or it comes back equal. A
//! document deeper than the decoder's depth limit may be refused with `LimitExceeded` (the
//! recursive `where` and `msg` nest as deep as the input lets them). The property is
//! `tests/fuzz_oracle`'s, shared with `tests/fuzz_props.rs`.
#![no_main]

#[path = "../../tests/fuzz_oracle/mod.rs"]
mod fuzz_oracle;

use autodns_xml::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|doc: Document| {
    if let Err(why) =
        fuzz_oracle::refused_or_comes_back(&doc, Document::to_xml_with, Document::decode)
    {
        panic!("{why}");
    }
});
