//! 0105 DomainInfo (one domain by name) and its list form (view / where / key, no domain).

use super::Domain;
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

xml_struct! {
    /// The request body of 0105 for one domain: `<domain><name>example.com</name></domain>`.
    #[derive(Default)]
    pub struct DomainInfo {
        /// The domain name.
        name: String = req "name",
    }
}

impl DomainInfo {
    /// Asks for one domain.
    pub fn new(name: impl Into<String>) -> Self {
        DomainInfo {
            name: name.into(),
            unknown: Vec::new(),
        }
    }
}

task!(DomainInfo = "0105", body "domain", data DomainInfoData);

task! {
    /// 0105 in its list form: no body; the query is the task's `view`, `key`, `where` and
    /// `order` (see [`RequestTask`](crate::RequestTask)).
    DomainList = "0105", no body, data DomainInfoData, entries "domain"
}

xml_struct! {
    /// The response data of 0105: one domain, or a list with its total count.
    #[derive(Default)]
    pub struct DomainInfoData {
        /// The total number of matches (list form only).
        summary: Option<u64> = opt "summary",
        /// The domains.
        domain: Vec<Domain> = many "domain",
    }
}

impl Describe for DomainInfoData {
    fn facts(&self) -> Vec<Fact<'_>> {
        vec![Fact::Entries {
            element: "domain",
            count: self.domain.len(),
            total: self.summary,
        }]
    }
}
