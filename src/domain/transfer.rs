//! 0104 DomainTransfer: move a domain here from another registrar, with its auth code.
//! Answered `N0104`; the job then reports `S0104` of type `notify` when the registry has
//! started the transfer, and ends with `S0104001` / `E0104001` (help page "Processing
//! Transfer-In and Ownerchange Jobs").
//!
//! Field catalogue (help pages "Domain Transfer", "DomainTransferPlus", task code 0104):
//! `name` (required), `authinfo` (the auth code: a [`Secret`], `***` in `Debug`), the
//! contacts `ownerc`, `adminc`, `techc`, `zonec`, `nserver`, `period`, `autorenew`,
//! `confirm_order` and `confirm_owner_consent` (`1`/`0`), `use_trustee`, `use_privacy`.
//! Anything else is kept in `unknown`.

use super::{DomainCreateData, NameServer};
use crate::codec::Bit;
use crate::codec::macros::xml_struct;
use crate::envelope::Secret;
use crate::task::task;

xml_struct! {
    /// The request body of 0104: `<domain>` with the name and the auth code.
    ///
    /// ```
    /// use autodns_xml::domain::DomainTransfer;
    /// use autodns_xml::prelude::*;
    ///
    /// let transfer = DomainTransfer::new("example.com", "Xy9-auth")
    ///     .ownerc(23_456_789).adminc(23_456_790).techc(23_456_790)
    ///     .nserver("a.ns14.net");
    /// assert!(!format!("{transfer:?}").contains("Xy9-auth")); // a secret in `Debug`
    /// let request = Request::new(Auth::new("user", "secret", "4")).task(transfer);
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<domain><name>example.com</name><authinfo>Xy9-auth</authinfo>"));
    ///
    /// let answer = br#"<response><result><data><domain_job><job><id>123458</id>
    ///   <status>RUNNING</status></job></domain_job></data><status><code>N0104</code>
    ///   <type>notify</type></status></result></response>"#;
    /// let resp = decode_response::<DomainTransfer>(answer)?;
    /// let job = resp.data().and_then(|d| d.domain_job.as_ref()).and_then(|j| j.job.as_ref());
    /// assert_eq!(job.map(|j| j.id), Some(123_458));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
    pub struct DomainTransfer {
        /// The domain name.
        name: String = req "name",
        /// The auth code the losing registrar issued (a secret).
        authinfo: Option<Secret> = opt "authinfo",
        /// The owner contact's handle id.
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
        /// Renew automatically.
        autorenew: Option<bool> = opt "autorenew",
        /// Confirm the order (`1`/`0` on the wire).
        confirm_order: Option<bool> = opt "confirm_order" via Bit,
        /// The owner consented (`1`/`0` on the wire).
        confirm_owner_consent: Option<bool> = opt "confirm_owner_consent" via Bit,
        /// Whether the trustee service is used.
        use_trustee: Option<bool> = opt "use_trustee",
        /// Whether the privacy service is used.
        use_privacy: Option<bool> = opt "use_privacy",
    }
}

impl DomainTransfer {
    /// A transfer of `name` with its auth code.
    pub fn new(name: impl Into<String>, authinfo: impl Into<Secret>) -> Self {
        DomainTransfer {
            name: name.into(),
            authinfo: Some(authinfo.into()),
            ..Default::default()
        }
    }
}

task!(DomainTransfer = "0104", body "domain", data DomainCreateData);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tests::round_trip;

    #[test]
    fn a_transfer_round_trips_and_never_debug_prints_its_auth_code() {
        let mut transfer = DomainTransfer::new("example.com", "Xy9-auth");
        transfer.confirm_order = Some(true);
        transfer.nserver = vec!["a.ns14.net".into()];
        assert!(!format!("{transfer:?}").contains("Xy9-auth"));
        let (xml, back) = round_trip(&transfer);
        assert!(xml.contains("<confirm_order>1</confirm_order>"), "{xml}");
        assert_eq!(back, transfer);
    }
}
