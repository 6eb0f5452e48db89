//! 0104010 DomainOwnerchange: exchange a domain's owner contact (OwnerC) when its owner
//! changes, for the TLDs that support it. Answered `N0104010` ("Owner change has been
//! accepted."); the registry's start comes as `S0104010` / `E0104010`, and the job ends
//! with `S0104011` / `E0104011` (help page "Processing Transfer-In and Ownerchange Jobs").
//!
//! Field catalogue (help page "Domain Ownerchange", task code 0104010, domain object):
//! `name` (required), `ownerc` (the new owner's handle id) and `confirm_owner_consent`
//! (`1`: the change is made on the owner's behalf; required for gTLDs). The other domain
//! fields a change may carry (`adminc`, `techc`, `zonec`, `nserver`, `period`,
//! `confirm_order`) are read too; anything else is kept in `unknown`.

use super::{DomainCreateData, NameServer};
use crate::codec::Bit;
use crate::codec::macros::xml_struct;
use crate::task::task;

xml_struct! {
    /// The request body of 0104010: `<domain>` with the name, the new owner and the
    /// owner's consent.
    ///
    /// ```
    /// use autodns_xml::domain::DomainOwnerchange;
    /// use autodns_xml::prelude::*;
    ///
    /// let change = DomainOwnerchange::new("example.eu", 9_925_345);
    /// let request = Request::new(Auth::new("customer", "password", "4")).task(change);
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0104010</code><domain><name>example.eu</name>\
    ///     <ownerc>9925345</ownerc><confirm_owner_consent>1</confirm_owner_consent></domain>"));
    ///
    /// let answer = br#"<response><result><status><code>N0104010</code>
    ///   <text>Owner change has been accepted.</text><type>notify</type></status>
    ///   </result></response>"#;
    /// let resp = decode_response::<DomainOwnerchange>(answer)?.error_for_status()?;
    /// assert!(resp.status().is_some_and(|s| s.code.is_notify()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
    pub struct DomainOwnerchange {
        /// The domain name.
        name: String = req "name",
        /// The new owner contact's handle id.
        ownerc: Option<u64> = opt "ownerc",
        /// The admin contact's handle id.
        adminc: Option<u64> = opt "adminc",
        /// The technical contact's handle id.
        techc: Option<u64> = opt "techc",
        /// The zone contact's handle id.
        zonec: Option<u64> = opt "zonec",
        /// The name servers, in order.
        nserver: Vec<NameServer> = many "nserver",
        /// The period in years.
        period: Option<u32> = opt "period",
        /// Confirm the order (`1`/`0` on the wire).
        confirm_order: Option<bool> = opt "confirm_order" via Bit,
        /// The change is made on the owner's behalf (`1`/`0` on the wire).
        confirm_owner_consent: Option<bool> = opt "confirm_owner_consent" via Bit,
    }
}

impl DomainOwnerchange {
    /// An owner change of `name` to the contact `ownerc`, with the owner's consent
    /// confirmed (`confirm_owner_consent` 1), as the help page sends it.
    pub fn new(name: impl Into<String>, ownerc: u64) -> Self {
        DomainOwnerchange {
            name: name.into(),
            ownerc: Some(ownerc),
            confirm_owner_consent: Some(true),
            ..Default::default()
        }
    }
}

task!(DomainOwnerchange = "0104010", body "domain", data DomainCreateData);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tests::round_trip;

    #[test]
    fn an_owner_change_round_trips_with_its_consent_as_a_bit() {
        let change = DomainOwnerchange::new("example.eu", 9_925_345);
        let (xml, back) = round_trip(&change);
        assert!(
            xml.contains("<confirm_owner_consent>1</confirm_owner_consent>"),
            "{xml}"
        );
        assert_eq!(back, change);
    }
}
