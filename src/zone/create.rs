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
    ZoneCreate = "0201", wraps Zone as "zone", data ZoneData
}
