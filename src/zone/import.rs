//! 0204 ZoneImport: take over a zone from another name server by zone transfer. The body
//! is a `<zone>` with the origin, the `source` name server to transfer from, and the
//! settings of a create (`ns_action`, `soa`, `nserver`s); the answer is as 0201's.

use super::{Zone, ZoneData};
use crate::task::task;

task! {
    /// The request body of 0204: the zone to import, with its `source`.
    ZoneImport = "0204", wraps Zone as "zone", data ZoneData
}
