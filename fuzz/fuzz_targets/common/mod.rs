//! What every fuzz target checks of a decoded value.

use autodns_xml::codec::Layout;
use autodns_xml::{DecodeError, Document, Limits};
use std::fmt::Debug;

/// Limits small enough for the fuzzer to cross each of them often.
pub fn tight() -> Limits {
    Limits::default()
        .with_max_depth(6)
        .with_max_text_len(24)
        .with_max_attributes(2)
        .with_max_document_size(2048)
}

/// `decode` under the default limits and under [`tight`] ones: tighter limits only ever
/// refuse, they never change what decodes. Returns the default decode.
pub fn decode_both<T: PartialEq + Debug>(
    data: &[u8],
    decode: impl Fn(&[u8], &Limits) -> Result<T, DecodeError>,
) -> Result<T, DecodeError> {
    let loose = decode(data, &Limits::default());
    if let Ok(tight) = decode(data, &tight()) {
        assert_eq!(
            loose.as_ref().ok(),
            Some(&tight),
            "tight limits changed the value"
        );
    }
    if let Err(e) = &loose {
        // Every error is one line.
        assert!(!e.to_string().contains('\n'), "{e}");
    }
    loose
}

/// A decoded value encodes, in both layouts, to a document that decodes back to it.
pub fn stable<T: PartialEq + Debug>(
    value: &T,
    encode: impl Fn(&T, Layout) -> Result<String, autodns_xml::EncodeError>,
    decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
) {
    for layout in [Layout::Compact, Layout::Indented] {
        let xml = match encode(value, layout) {
            Ok(xml) => xml,
            Err(e) => panic!("a decoded value does not encode: {e}\n{value:#?}"),
        };
        match decode(xml.as_bytes()) {
            Ok(again) => assert_eq!(&again, value, "{xml}"),
            Err(e) => panic!("an encoded value does not decode: {e}\n{xml}"),
        }
    }
}

/// Any document: decoded under both limits and, if it decodes, stable.
pub fn document(data: &[u8]) {
    if let Ok(doc) = decode_both(data, Document::decode_with) {
        stable(&doc, Document::to_xml_with, Document::decode);
    }
}
