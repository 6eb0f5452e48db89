//! The properties every decoder and the encoder must keep, written once for the property tests
//! (`tests/fuzz_props.rs`) and the cargo-fuzz targets (`fuzz/fuzz_targets/`), which include this
//! file with `#[path]`: whatever decodes under tight limits decodes the same under the default
//! ones, every error is one line, whatever decodes encodes in both layouts and decodes back
//! equal, and a drawn model value is refused by the encoder or comes back equal.
//!
//! Each check returns why a property broke; the tests turn that into a failed case, the fuzz
//! targets into a panic (a crash libFuzzer keeps).
#![allow(dead_code)]

use autodns_xml::certificate::{CertificateJobInfo, CertificateJobList};
use autodns_xml::codec::{FromXml, Layout, ToXml, XmlWriter};
use autodns_xml::contact::ContactCreate;
use autodns_xml::domain::{DomainCreate, DomainInfo};
use autodns_xml::poll::{PollConfirm, PollInfo};
use autodns_xml::{
    DecodeError, Document, EncodeError, ErrorCategory, Limits, RawElement, Request, Response, Task,
};
use std::fmt::Debug;

/// What broke, said in one message.
pub type Broken = String;

/// A check of the bytes a fuzzer or a property test drew.
pub type Check = fn(&[u8]) -> Result<(), Broken>;

/// Limits small enough for a fuzzer to cross each of them often.
pub fn tight() -> Limits {
    Limits::default()
        .with_max_depth(6)
        .with_max_text_len(24)
        .with_max_attributes(2)
        .with_max_document_size(2048)
}

/// `decode` under the default limits and under [`tight`] ones: tighter limits only ever
/// refuse, they never change what decodes; every error is one line and points into `data`.
/// Returns the default decode, if any.
pub fn decode_both<T: PartialEq + Debug>(
    data: &[u8],
    decode: impl Fn(&[u8], &Limits) -> Result<T, DecodeError>,
) -> Result<Option<T>, Broken> {
    let loose = decode(data, &Limits::default());
    if let Ok(tight) = decode(data, &tight()) {
        if loose.as_ref().ok() != Some(&tight) {
            return Err(format!(
                "tight limits changed the value: {:?} became {tight:?}",
                loose.as_ref().ok()
            ));
        }
    }
    match loose {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.to_string().contains('\n') => Err(format!("an error of several lines: {e}")),
        Err(e) if e.position().offset > data.len() => {
            Err(format!("an error past the input's end: {e}"))
        }
        Err(_) => Ok(None),
    }
}

/// A decoded value encodes, in both layouts, to a document that decodes back to it.
pub fn stable<T: PartialEq + Debug>(
    value: &T,
    encode: impl Fn(&T, Layout) -> Result<String, EncodeError>,
    decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
) -> Result<(), Broken> {
    for layout in [Layout::Compact, Layout::Indented] {
        let xml = encode(value, layout)
            .map_err(|e| format!("a decoded value does not encode: {e}\n{value:#?}"))?;
        let again = decode(xml.as_bytes())
            .map_err(|e| format!("an encoded value does not decode: {e}\n{xml}"))?;
        if &again != value {
            return Err(format!(
                "decodes back different ({layout:?}):\n{xml}\n{again:#?}\n!=\n{value:#?}"
            ));
        }
    }
    Ok(())
}

/// A drawn value is refused by the encoder or comes back equal, in both layouts (or, nested
/// past the depth limit, is refused by the decoder as too deep: the recursive `where` and
/// `msg` nest as deep as a fuzzer's input lets them).
pub fn refused_or_comes_back<T: PartialEq + Debug>(
    value: &T,
    encode: impl Fn(&T, Layout) -> Result<String, EncodeError>,
    decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
) -> Result<(), Broken> {
    for layout in [Layout::Compact, Layout::Indented] {
        let Ok(xml) = encode(value, layout) else {
            continue;
        };
        match decode(xml.as_bytes()) {
            Ok(again) if &again == value => {}
            Ok(again) => {
                return Err(format!(
                    "comes back different ({layout:?}):\n{xml}\n{again:#?}\n!=\n{value:#?}"
                ));
            }
            Err(e) if e.category() == ErrorCategory::LimitExceeded => {}
            Err(e) => return Err(format!("an encoded value does not decode: {e}\n{xml}")),
        }
    }
    Ok(())
}

/// A raw element tree, encoded under its own name.
pub fn encode_raw(raw: &RawElement, layout: Layout) -> Result<String, EncodeError> {
    let mut out = Vec::new();
    raw.to_xml(&raw.name, &mut XmlWriter::new(&mut out, layout))?;
    Ok(String::from_utf8(out).expect("the writer writes UTF-8"))
}

/// `data` as any document (a request, a response typed by status code, a bare task).
pub fn document(data: &[u8]) -> Result<(), Broken> {
    if let Some(doc) = decode_both(data, Document::decode_with)? {
        stable(&doc, Document::to_xml_with, Document::decode)?;
    }
    Ok(())
}

/// `data` as a request.
pub fn request(data: &[u8]) -> Result<(), Broken> {
    if let Some(req) = decode_both(data, Request::decode_with)? {
        stable(&req, Request::to_xml_with, Request::decode)?;
    }
    Ok(())
}

/// `data` as a raw element tree (what every unknown element goes through).
pub fn raw(data: &[u8]) -> Result<(), Broken> {
    if let Some((raw, _)) = decode_both(data, RawElement::decode_with)? {
        stable(&raw, encode_raw, |xml| {
            RawElement::decode(xml).map(|(r, _)| r)
        })?;
    }
    Ok(())
}

/// `data` as a response with data of type `D`.
pub fn typed<D: FromXml + ToXml + PartialEq + Debug>(data: &[u8]) -> Result<(), Broken> {
    if let Some(resp) = decode_both(data, Response::<D>::decode_with)? {
        stable(&resp, Response::to_xml_with, Response::decode)?;
    }
    Ok(())
}

/// `data` as the response to task `T`.
pub fn answer<T: Task>(data: &[u8]) -> Result<(), Broken>
where
    T::Data: PartialEq + Debug + ToXml,
{
    typed::<T::Data>(data)
}

/// The typed response decoders checked: `Response<RawElement>` and one per data shape the
/// modelled tasks answer with (the property tests run them all, `decode_response` one picked
/// by its input's first byte).
pub const RESPONSES: &[Check] = &[
    typed::<RawElement>,
    answer::<DomainInfo>,
    answer::<DomainCreate>,
    answer::<ContactCreate>,
    answer::<PollInfo>,
    answer::<PollConfirm>,
    answer::<CertificateJobInfo>,
    answer::<CertificateJobList>,
];
