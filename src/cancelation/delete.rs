//! 0103103 CancelationDelete: withdraw a cancelation that has not run yet. Request:
//! `<cancelation><domain>example.com</domain></cancelation>` (the help page's example also
//! sends an `execdate`); the answer has no data, only the status `S0103103`.

use super::Cancelation;
use crate::envelope::EmptyData;
use crate::task::task;

task! {
    /// The request body of 0103103: which domain's cancelation to withdraw.
    ///
    /// ```
    /// use autodns_xml::cancelation::CancelationDelete;
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(CancelationDelete::new("example.com"));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0103103</code><cancelation><domain>example.com</domain>"));
    ///
    /// // No data at all, only the status.
    /// let answer = br#"<response><result><status><code>S0103103</code>
    ///   <text>Cancelation has been deleted successfully.</text><type>success</type>
    ///   </status></result></response>"#;
    /// let resp = decode_response::<CancelationDelete>(answer)?.error_for_status()?;
    /// assert!(resp.data().is_none());
    /// assert_eq!(resp.status().map(|s| s.code.to_string()).as_deref(), Some("S0103103"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CancelationDelete = "0103103", wraps Cancelation as "cancelation", data EmptyData
}

impl CancelationDelete {
    /// Withdraws `domain`'s cancelation.
    pub fn new(domain: impl Into<String>) -> Self {
        CancelationDelete(Cancelation::named(domain))
    }
}
