//! 0202 ZoneUpdate: replace a whole zone. The body is the complete zone (`name`,
//! `system_ns`, `ns_action`, `soa`, `nserver`s, `main` and every `rr`): records left out are
//! removed. To change single records use [`ZoneStream`](super::ZoneStream) (0202001);
//! to replace the records of one type, read the zone (0205), change it with
//! [`Zone::replace_records`](super::Zone::replace_records) and send it back with this task.

use super::{Zone, ZoneData};
use crate::task::task;

task! {
    /// The request body of 0202: the zone as it is to be.
    ZoneUpdate = "0202", wraps Zone as "zone", data ZoneData
}
