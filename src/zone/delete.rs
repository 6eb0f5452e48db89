//! 0203 ZoneDelete: delete a zone. Request: `<zone><name/><system_ns/></zone>`; the answer
//! has empty data.

use super::ZoneRef;
use crate::envelope::EmptyData;
use crate::task::task;

task! {
    /// The request body of 0203: which zone to delete.
    ///
    /// ```
    /// use autodns_xml::zone::ZoneDelete;
    /// use autodns_xml::{decode_response, Auth, Layout, Request};
    ///
    /// let request = Request::new(Auth::new("user", "secret", "4"))
    ///     .task(ZoneDelete::new("example.com", "a.ns14.net"));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<zone><name>example.com</name><system_ns>a.ns14.net</system_ns></zone>"));
    ///
    /// let answer = b"<response><result><data/><status><code>S0203</code><type>success</type>\
    ///   </status></result></response>";
    /// let resp = decode_response::<ZoneDelete>(answer)?;
    /// assert!(resp.status().is_some_and(|s| s.code.is_success()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ZoneDelete = "0203", wraps ZoneRef as "zone", data EmptyData
}

impl ZoneDelete {
    /// Deletes the zone `name` on system name server `system_ns`.
    pub fn new(name: impl Into<String>, system_ns: impl Into<String>) -> Self {
        ZoneDelete(ZoneRef::new(name, system_ns))
    }
}
