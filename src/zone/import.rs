//! 0204 ZoneImport: take over a zone from another name server by zone transfer. The body
//! is a `<zone>` with the origin, the `source` name server to transfer from, and the
//! settings of a create (`ns_action`, `soa`, `nserver`s); the answer is as 0201's.

use super::{Zone, ZoneData};
use crate::task::task;

task! {
    /// The request body of 0204: the zone to import, with its `source`.
    ///
    /// ```
    /// use autodns_xml::zone::{Zone, ZoneImport};
    /// use autodns_xml::{decode_response, Auth, Layout, Request};
    ///
    /// let zone = Zone::new("example.com", "a.ns14.net").source("ns1.previous-provider.example");
    /// let request = Request::new(Auth::new("user", "secret", "4")).task(ZoneImport(zone));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0204</code>") && xml.contains("<source>ns1.previous-provider.example</source>"));
    ///
    /// let answer = b"<response><result><data/><status><code>S0204</code><type>success</type>\
    ///   </status></result></response>";
    /// assert!(decode_response::<ZoneImport>(answer)?.error_for_status().is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ZoneImport = "0204", wraps Zone as "zone", data ZoneData
}
