//! 0101005 DomainRestore: restore a deleted domain. Answered `N0101005` with the job, as
//! 0101 is; the job's end arrives as a job notification (`S0101005` / `E0101005`).
//!
//! Field catalogue (help page "Domain Restore", task code 0101005, domain object): `name`
//! (required) and `action`, how it is restored ([`RestoreAction`]; `RESTORE_RENEW` covers
//! both `RESTORE_ARGP` and `RESTORE_NE` and avoids restore costs after a `PREACK`
//! cancelation). Anything else is kept in `unknown`.
//!
//! The list of restorable domains (0105005) is not modelled: no public source shows its XML.

use super::DomainCreateData;
use crate::codec::macros::{open_enum, xml_struct};
use crate::task::task;

open_enum! {
    /// How a domain is restored: the restore values of the domain actions (help page
    /// "Domain Restore"; the public domainrobot clients' `DomainActionConstants`).
    pub enum RestoreAction {
        /// `RESTORE`
        Restore = "RESTORE",
        /// `RESTORE_ARGP`: in the registry's auto-renew grace period.
        RestoreArgp = "RESTORE_ARGP",
        /// `RESTORE_NE`: a domain that has not expired.
        RestoreNe = "RESTORE_NE",
        /// `RESTORE_RENEW`: `RESTORE_ARGP` and `RESTORE_NE` both.
        RestoreRenew = "RESTORE_RENEW",
    }
}

xml_struct! {
    /// The request body of 0101005: `<domain>` with the name and the action.
    ///
    /// ```
    /// use autodns_xml::domain::{DomainRestore, RestoreAction};
    /// use autodns_xml::prelude::*;
    ///
    /// let restore = DomainRestore::new("example.com").action(RestoreAction::RestoreRenew);
    /// let auth = Auth::new("customer", "password", "4");
    /// let xml = Request::new(auth).task(restore).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0101005</code><domain><name>example.com</name>\
    ///     <action>RESTORE_RENEW</action></domain>"));
    ///
    /// let answer = br#"<response><result><data><domain_job><job><id>4310307589</id>
    ///   <status>RUNNING</status></job></domain_job></data><status><code>N0101005</code>
    ///   <type>notify</type></status></result></response>"#;
    /// let resp = decode_response::<DomainRestore>(answer)?;
    /// let job = resp.data().and_then(|d| d.domain_job.as_ref()).and_then(|j| j.job.as_ref());
    /// assert_eq!(job.map(|j| j.id), Some(4_310_307_589));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
    pub struct DomainRestore {
        /// The domain name.
        name: String = req "name",
        /// How it is restored.
        action: Option<RestoreAction> = opt "action",
    }
}

impl DomainRestore {
    /// Restores `name` (the server picks the action unless one is set).
    pub fn new(name: impl Into<String>) -> Self {
        DomainRestore::default().name(name)
    }
}

task!(DomainRestore = "0101005", body "domain", data DomainCreateData);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tests::round_trip;

    #[test]
    fn a_restore_round_trips_and_keeps_an_unknown_action() {
        let restore = DomainRestore::new("example.com").action(RestoreAction::RestoreRenew);
        let (xml, back) = round_trip(&restore);
        assert!(xml.contains("<action>RESTORE_RENEW</action>"), "{xml}");
        assert_eq!(back, restore);
        let other = DomainRestore::new("example.com").action(RestoreAction::from_wire("X"));
        assert_eq!(round_trip(&other).1, other);
    }
}
