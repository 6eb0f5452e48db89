//! 0203 ZoneDelete: delete a zone. Request: `<zone><name/><system_ns/></zone>`; the answer
//! has empty data.

use super::ZoneRef;
use crate::contact::EmptyData;
use crate::task::task;

task! {
    /// The request body of 0203: which zone to delete.
    ZoneDelete = "0203", wraps ZoneRef as "zone", data EmptyData
}

impl ZoneDelete {
    /// Deletes the zone `name` on system name server `system_ns`.
    pub fn new(name: impl Into<String>, system_ns: impl Into<String>) -> Self {
        ZoneDelete(ZoneRef::new(name, system_ns))
    }
}
