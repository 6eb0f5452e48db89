//! 0105 DomainInfo (one domain by name) and its list form (view / where / key, no domain).

use super::Domain;
use crate::codec::macros::xml_struct;
use crate::task::Task;

xml_struct! {
    /// The request body of 0105 for one domain: `<domain><name>example.com</name></domain>`.
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

impl Task for DomainInfo {
    const CODE: &'static str = "0105";
    type Data = DomainInfoData;
}

/// 0105 in its list form: no body; the query is the task's `view`, `key`, `where` and
/// `order` (see [`RequestTask`](crate::RequestTask)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DomainList;

impl Task for DomainList {
    const CODE: &'static str = "0105";
    type Data = DomainInfoData;
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
