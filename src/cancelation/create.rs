//! 0103101 CancelationCreate: order a domain's cancelation. Request:
//! `<cancelation><domain/><type>delete</type><execdate>expire</execdate></cancelation>`
//! (with `disconnect` and, for `preack`, `gaining_registrar`). Answer: the cancelation as
//! created, in `data/cancelation`, with a note (`MSG010315` "executed at domain
//! expiration") ahead of the status; the help pages show `S0103101` and, on the German
//! page, `N0103101` ("Kuendigungsauftrag wurde uebermittelt").

use super::{Cancelation, CancelationType, ExecDate};
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

task! {
    /// The request body of 0103101: the cancelation to create.
    CancelationCreate = "0103101", wraps Cancelation as "cancelation", data CancelationData
}

impl CancelationCreate {
    /// Cancels `domain` the given way at the given time.
    pub fn new(domain: impl Into<String>, kind: CancelationType, execdate: ExecDate) -> Self {
        CancelationCreate(Cancelation::new(domain, kind, execdate))
    }
}

xml_struct! {
    /// The response data of 0103101, 0103102 and 0103104: the cancelation, or in the list
    /// form of 0103104 the cancelations with their total count.
    #[derive(Default)]
    pub struct CancelationData {
        /// The total number of matches (list form only).
        summary: Option<u64> = opt "summary",
        /// The cancelations.
        cancelation: Vec<Cancelation> = many "cancelation",
    }
}

impl Describe for CancelationData {
    fn facts(&self) -> Vec<Fact<'_>> {
        vec![Fact::Entries {
            element: "cancelation",
            count: self.cancelation.len(),
            total: self.summary,
        }]
    }
}
