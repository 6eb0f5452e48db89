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
    ZoneList = "0205", no body, data ZoneData, entries "zone"
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
