//! Arbitrary bytes as a request, and as a raw element tree (what every unknown element goes
//! through). Nothing panics; whatever decodes encodes and decodes back to itself.
#![no_main]

mod common;

use autodns_xml::codec::{Layout, ToXml, XmlWriter};
use autodns_xml::{EncodeError, RawElement, Request};
use libfuzzer_sys::fuzz_target;

fn encode_raw(raw: &RawElement, layout: Layout) -> Result<String, EncodeError> {
    let mut out = Vec::new();
    raw.to_xml(&raw.name, &mut XmlWriter::new(&mut out, layout))?;
    Ok(String::from_utf8(out).expect("the writer writes UTF-8"))
}

fuzz_target!(|data: &[u8]| {
    common::document(data);
    if let Ok(req) = common::decode_both(data, Request::decode_with) {
        common::stable(&req, Request::to_xml_with, Request::decode);
    }
    if let Ok((raw, _)) = common::decode_both(data, RawElement::decode_with) {
        common::stable(&raw, encode_raw, |xml| {
            RawElement::decode(xml).map(|(r, _)| r)
        });
    }
});
