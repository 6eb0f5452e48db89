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
    ///
    /// ```
    /// use autodns_xml::cancelation::{Cancelation, CancelationCreate, CancelationType};
    /// use autodns_xml::cancelation::{Case, ExecDate};
    /// use autodns_xml::prelude::*;
    ///
    /// let delete = CancelationType::Delete(Case::Lower);
    /// let cancel = Cancelation::new("example.com", delete, ExecDate::Expire(Case::Lower))
    ///     .disconnect(false);
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(CancelationCreate(cancel));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<type>delete</type><execdate>expire</execdate><disconnect>0"));
    ///
    /// let answer = br#"<response><result><data><cancelation><domain>example.com</domain>
    ///   <type>DELETE</type><execdate>expire</execdate><log_id>245139</log_id></cancelation></data>
    ///   <msg><text>The task will be executed at domain expiration.</text>
    ///   <code>MSG010315</code></msg>
    ///   <status><code>S0103101</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<CancelationCreate>(answer)?;
    /// let created = &resp.data().expect("data").cancelation[0];
    /// assert_eq!(created.kind, Some(CancelationType::Delete(Case::Upper))); // as spelled
    /// assert_eq!(created.log_id, Some(245_139));
    /// assert_eq!(resp.result().map(|r| r.msgs[0].code.as_deref()), Some(Some("MSG010315")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
