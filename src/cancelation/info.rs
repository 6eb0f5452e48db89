//! 0103104 CancelationInfo: one domain's pending cancelation
//! (`<cancelation><domain>example.com</domain></cancelation>`), and its list form (view /
//! where / key, no `cancelation`), whose entries a
//! [`ListReader`](crate::stream::ListReader) streams one at a time. Both answer
//! `data/cancelation` as 0103124 (history info) shows it.

use super::{Cancelation, CancelationData};
use crate::codec::macros::xml_struct;
use crate::stream::ListEntry;
use crate::task::task;

xml_struct! {
    /// The request body of 0103104 for one domain.
    #[derive(Default)]
    pub struct CancelationInfo {
        /// The domain name.
        domain: String = req "domain",
    }
}

impl CancelationInfo {
    /// Asks for `domain`'s cancelation.
    pub fn new(domain: impl Into<String>) -> Self {
        CancelationInfo {
            domain: domain.into(),
            unknown: Vec::new(),
        }
    }
}

task!(CancelationInfo = "0103104", body "cancelation", data CancelationData);

task! {
    /// 0103104 in its list form: no body; the query is the task's `view`, `key`, `where`
    /// and `order` (see [`RequestTask`](crate::RequestTask)).
    CancelationList = "0103104", no body, data CancelationData, entries "cancelation"
}

impl ListEntry for Cancelation {
    /// `cancelation` (0103104, list form).
    fn is_entry(name: &str) -> bool {
        name == "cancelation"
    }
}
