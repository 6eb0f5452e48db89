//! 0103103 CancelationDelete: withdraw a cancelation that has not run yet. Request:
//! `<cancelation><domain>example.com</domain></cancelation>` (the help page's example also
//! sends an `execdate`); the answer has no data, only the status `S0103103`.

use super::Cancelation;
use crate::contact::EmptyData;
use crate::task::task;

task! {
    /// The request body of 0103103: which domain's cancelation to withdraw.
    CancelationDelete = "0103103", wraps Cancelation as "cancelation", data EmptyData
}

impl CancelationDelete {
    /// Withdraws `domain`'s cancelation.
    pub fn new(domain: impl Into<String>) -> Self {
        CancelationDelete(Cancelation::named(domain))
    }
}
