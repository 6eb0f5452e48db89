//! Arbitrary bytes as a response: as a [`Document`] (data typed by status code), as a
//! `Response<RawElement>`, and as the response to a task chosen by the first byte. Nothing
//! panics; whatever decodes encodes and decodes back to itself.
#![no_main]

mod common;

use autodns_xml::certificate::{CertificateJobInfo, CertificateJobList};
use autodns_xml::codec::{FromXml, ToXml};
use autodns_xml::contact::ContactCreate;
use autodns_xml::domain::{DomainCreate, DomainInfo};
use autodns_xml::poll::{PollConfirm, PollInfo};
use autodns_xml::{RawElement, Response, Task};
use libfuzzer_sys::fuzz_target;
use std::fmt::Debug;

fn typed<D: FromXml + ToXml + PartialEq + Debug>(data: &[u8]) {
    if let Ok(resp) = common::decode_both(data, Response::<D>::decode_with) {
        common::stable(&resp, Response::to_xml_with, Response::decode);
    }
}

fn task<T: Task>(data: &[u8])
where
    T::Data: ToXml + PartialEq + Debug,
{
    typed::<T::Data>(data)
}

fuzz_target!(|data: &[u8]| {
    common::document(data);
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    match pick % 8 {
        0 => typed::<RawElement>(rest),
        1 => task::<DomainInfo>(rest),
        2 => task::<DomainCreate>(rest),
        3 => task::<ContactCreate>(rest),
        4 => task::<PollInfo>(rest),
        5 => task::<PollConfirm>(rest),
        6 => task::<CertificateJobInfo>(rest),
        _ => task::<CertificateJobList>(rest),
    }
});
