//! 0201 ZoneCreate: create a zone on the system's name servers. Request: `<zone>` with the
//! origin, `ns_action`, `soa` (`level`, `email`), the `nserver`s and any records. Answer:
//! `S0201` ("Zone has been stored successfully on the nameserver.") with `<data/>` and the
//! zone as the status's object; refusals come as `E0201` with a message: `EF02019`
//! (duplicate zone), `EF02025` (no name server of ours), `EF02057` (a mode these name
//! servers cannot take).

use super::{Zone, ZoneData};
use crate::task::task;

task! {
    /// The request body of 0201: the zone to create.
    ///
    /// ```
    /// use autodns_xml::zone::{NsAction, ResourceRecord, Soa, Zone, ZoneCreate};
    /// use autodns_xml::{decode_response, Auth, Layout, Request};
    ///
    /// let zone = Zone::new("example.com", "a.ns14.net")
    ///     .ns_action(NsAction::from_wire("complete"))
    ///     .soa(Soa::default().email("hostmaster@example.com"))
    ///     .nserver("a.ns14.net")
    ///     .nserver("b.ns14.net")
    ///     .rr(ResourceRecord::a("www", "198.51.100.7"));
    /// let request = Request::new(Auth::new("user", "secret", "4")).task(ZoneCreate(zone));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0201</code><zone><name>example.com</name>"));
    ///
    /// let answer = br#"<response><result><data/><status><code>S0201</code>
    ///   <text>Zone has been stored successfully on the nameserver.</text><type>success</type>
    ///   <object><type>zone</type><value>example.com</value></object></status></result></response>"#;
    /// let resp = decode_response::<ZoneCreate>(answer)?;
    /// let object = resp.status().and_then(|s| s.object.as_ref());
    /// assert_eq!(object.and_then(|o| o.value.as_deref()), Some("example.com"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ZoneCreate = "0201", wraps Zone as "zone", data ZoneData
}
