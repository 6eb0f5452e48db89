//! 0205 ZoneInfo: one zone by `name` and `system_ns`, and its list form (view / where /
//! key / order, no `zone`), whose entries a [`ListReader`](crate::stream::ListReader)
//! streams one at a time.
//!
//! Request: `<zone><name>example.com</name><system_ns>a.ns14.net</system_ns></zone>`.
//! Answer: `S0205` with `data/zone`, the zone with its `soa`, `nserver`, `main` and `rr`;
//! an unknown zone is `E0205` with the message `EF02020` ("No such zone exists."). The
//! list form answers a `summary` and flat `zone` entries (`mainip`, `primary`,
//! `secondary1`, …); `<summary>0</summary>` and no entry when nothing matches. ACME
//! clients find a record's zone with the list form and `where name eq <candidate>`,
//! reading `name` and `system_ns` from the entry.

use super::{ZoneData, ZoneRef};
use crate::task::task;

task! {
    /// The request body of 0205 for one zone: `<zone><name/><system_ns/></zone>`.
    ///
    /// ```
    /// use autodns_xml::zone::{RecordType, ZoneInfo};
    /// use autodns_xml::{decode_response, Auth, Layout, Request};
    ///
    /// let request = Request::new(Auth::new("user", "secret", "4"))
    ///     .task(ZoneInfo::new("example.com", "a.ns14.net"));
    /// assert!(request.to_xml_with(Layout::Compact)?.contains("<code>0205</code><zone><name>example.com</name>"));
    ///
    /// let answer = br#"<response><result><data><zone><name>example.com</name>
    ///   <rr><name>www</name><type>A</type><value>198.51.100.7</value></rr>
    ///   <rr><name/><type>TXT</type><value>v=spf1 -all</value></rr></zone></data>
    ///   <status><code>S0205</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<ZoneInfo>(answer)?;
    /// let zone = resp.data().and_then(|d| d.zone.first()).expect("one zone");
    /// assert_eq!(zone.records_of(&RecordType::Txt).count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ZoneInfo = "0205", wraps ZoneRef as "zone", data ZoneData
}

impl ZoneInfo {
    /// Asks for the zone `name` on system name server `system_ns`.
    pub fn new(name: impl Into<String>, system_ns: impl Into<String>) -> Self {
        ZoneInfo(ZoneRef::new(name, system_ns))
    }
}

task! {
    /// 0205 in its list form: no body; the query is the task's `view`, `key`, `where` and
    /// `order` (see [`RequestTask`](crate::RequestTask) and [`ZoneList::named`]).
    ///
    /// ```
    /// use autodns_xml::zone::{Zone, ZoneList};
    /// use autodns_xml::{Auth, IntoRequestTask, ListReader, Operator, Request, View, Where};
    ///
    /// let list = ZoneList
    ///     .with_view(View::new(0, 50))
    ///     .with_where(Where::condition("name", Operator::Like, "*.de"));
    /// let request = Request::new(Auth::new("user", "secret", "4")).task(list);
    /// assert!(request.to_xml()?.contains("<value>*.de</value>"));
    ///
    /// let answer = br#"<response><result><data><summary>2</summary>
    ///   <zone><name>a.de</name><system_ns>a.ns14.net</system_ns></zone>
    ///   <zone><name>b.de</name><system_ns>a.ns14.net</system_ns></zone></data>
    ///   <status><code>S0205</code><type>success</type></status></result></response>"#;
    /// let names = ListReader::<Zone, _>::new(&answer[..])
    ///     .map(|z| z.map(|z| z.name))
    ///     .collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(names, ["a.de", "b.de"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ZoneList = "0205", no body, data ZoneData, entries "zone" of super::Zone
}

impl ZoneList {
    /// The list task that finds the zone called `name` (`where name eq <name>`, one entry,
    /// subusers' zones included), as acme.sh and Posh-ACME ask it.
    pub fn named(name: impl Into<String>) -> crate::RequestTask {
        use crate::envelope::{Operator, View, Where};
        let view = View {
            limit: Some(1),
            children: Some(true),
            ..Default::default()
        };
        crate::RequestTask::from(ZoneList)
            .with_view(view)
            .with_where(Where::condition("name", Operator::Eq, name.into()))
    }
}
