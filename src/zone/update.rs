//! 0202 ZoneUpdate: replace a whole zone. The body is the complete zone (`name`,
//! `system_ns`, `ns_action`, `soa`, `nserver`s, `main` and every `rr`): records left out are
//! removed. To change single records use [`ZoneStream`](super::ZoneStream) (0202001);
//! to replace the records of one type, read the zone (0205), change it with
//! [`Zone::replace_records`](super::Zone::replace_records) and send it back with this task.

use super::{Zone, ZoneData};
use crate::task::task;

task! {
    /// The request body of 0202: the zone as it is to be.
    ///
    /// ```
    /// use autodns_xml::zone::{ResourceRecord, Zone, ZoneUpdate};
    /// use autodns_xml::{decode_response, Auth, Layout, Request};
    ///
    /// // Records left out are removed: send the whole zone.
    /// let zone = Zone::new("example.com", "a.ns14.net")
    ///     .rr(ResourceRecord::a("", "198.51.100.7"))
    ///     .rr(ResourceRecord::mx("", 10, "mx.example.net"));
    /// let request = Request::new(Auth::new("user", "secret", "4")).task(ZoneUpdate(zone));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0202</code>") && xml.contains("<type>MX</type><pref>10</pref>"));
    ///
    /// let answer = b"<response><result><data/><status><code>S0202</code><type>success</type>\
    ///   </status></result></response>";
    /// assert!(decode_response::<ZoneUpdate>(answer)?.error_for_status().is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ZoneUpdate = "0202", wraps Zone as "zone", data ZoneData
}
