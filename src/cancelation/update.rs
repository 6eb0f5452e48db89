//! 0103102 CancelationUpdate: change a cancelation that has not run yet (its type, its
//! execution date, `disconnect`). The body names the domain and carries the new values;
//! the answer shows the cancelation as changed. Changing a `PREACK` cancelation deletes
//! the domain's AuthInfo1 (and creates a new one if it stays `PREACK`).

use super::{Cancelation, CancelationData, CancelationType, ExecDate};
use crate::task::task;

task! {
    /// The request body of 0103102: the cancelation as it should be.
    CancelationUpdate = "0103102", wraps Cancelation as "cancelation", data CancelationData
}

impl CancelationUpdate {
    /// Sets `domain`'s cancelation to this type and execution date.
    pub fn new(domain: impl Into<String>, kind: CancelationType, execdate: ExecDate) -> Self {
        CancelationUpdate(Cancelation::new(domain, kind, execdate))
    }
}
