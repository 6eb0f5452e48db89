//! 0103102 CancelationUpdate: change a cancelation that has not run yet (its type, its
//! execution date, `disconnect`). The body names the domain and carries the new values;
//! the answer shows the cancelation as changed. Changing a `PREACK` cancelation deletes
//! the domain's AuthInfo1 (and creates a new one if it stays `PREACK`).

use super::{Cancelation, CancelationData, CancelationType, ExecDate};
use crate::task::task;

task! {
    /// The request body of 0103102: the cancelation as it should be.
    ///
    /// ```
    /// use autodns_xml::cancelation::{CancelationType, CancelationUpdate, Case, ExecDate};
    /// use autodns_xml::chrono::NaiveDate;
    /// use autodns_xml::prelude::*;
    ///
    /// let day = NaiveDate::from_ymd_opt(2020, 1, 9).expect("a date");
    /// let delete = CancelationType::Delete(Case::Lower);
    /// let update = CancelationUpdate::new("example.com", delete, ExecDate::on(day));
    /// let auth = Auth::new("user", "secret", "4");
    /// let xml = Request::new(auth).task(update).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0103102</code><cancelation><domain>example.com</domain>"));
    /// assert!(xml.contains("<execdate>2020-01-09</execdate>"));
    ///
    /// let answer = br#"<response><result><data><cancelation><domain>example.com</domain>
    ///   <type>DELETE</type><execdate>2020-01-09</execdate>
    ///   <registry_when_date>2020-01-09 12:00:00</registry_when_date></cancelation></data>
    ///   <status><code>S0103102</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<CancelationUpdate>(answer)?;
    /// let changed = &resp.data().expect("data").cancelation[0];
    /// assert_eq!(changed.execdate.as_ref().and_then(|e| e.date()), Some(day));
    /// assert_eq!(changed.registry_when_date.map(|d| d.date()), Some(day));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CancelationUpdate = "0103102", wraps Cancelation as "cancelation", data CancelationData
}

impl CancelationUpdate {
    /// Sets `domain`'s cancelation to this type and execution date.
    pub fn new(domain: impl Into<String>, kind: CancelationType, execdate: ExecDate) -> Self {
        CancelationUpdate(Cancelation::new(domain, kind, execdate))
    }
}
