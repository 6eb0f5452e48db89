//! 0102 DomainUpdate: change a registered domain. Answered `N0102`; the final `S0102` /
//! `E0102` arrives later as a job notification (0905).
//!
//! Field catalogue (the XML help page "Domain Update", task code 0102; the JSON names of
//! InterNetX's `domainrobot-api` spec in brackets):
//!
//! | element | meaning |
//! | --- | --- |
//! | `name` | the domain (required) |
//! | `ownerc`, `adminc`, `techc`, `zonec` | the contacts' handle ids (`ownerContact`, …) |
//! | `nserver` | the complete new name server set, in order (`nameServers`) |
//! | `dnssec` | DNSSEC key data, repeated: `flags`, `protocol`, `algorithm`, `publickey` (`dnssecData`) |
//! | `autorenew` | renew automatically (`autoRenewStatus`) |
//! | `authinfo` | the transfer auth code to set: a [`Secret`] |
//! | `use_trustee`, `use_privacy` | the trustee and privacy services |
//! | `confirm_owner_consent` | the owner agreed to the change (`1`/`0`) |
//!
//! Anything else (`extension` with its `mode`, say) is kept in `unknown`, in order.

use super::{DomainCreateData, NameServer};
use crate::codec::Bit;
use crate::codec::macros::xml_struct;
use crate::envelope::Secret;
use crate::task::task;

xml_struct! {
    /// A DNSSEC key as a domain body carries it: `<dnssec><flags>257</flags>
    /// <protocol>3</protocol><algorithm>8</algorithm><publickey>…</publickey></dnssec>`
    /// (the children in any order).
    #[derive(Default)]
    pub struct DnssecKey {
        /// The DNSKEY flags (257 for a key-signing key, 256 for a zone-signing key).
        flags: Option<u32> = opt "flags",
        /// The DNSKEY protocol (always 3).
        protocol: Option<u32> = opt "protocol",
        /// The DNSSEC algorithm number (8 is RSA/SHA-256, 13 ECDSA P-256/SHA-256).
        algorithm: Option<u32> = opt "algorithm",
        /// The public key, base64.
        publickey: Option<String> = opt "publickey",
    }
}

xml_struct! {
    /// The request body of 0102: `<domain>` with the name and what changes.
    ///
    /// ```
    /// use autodns_xml::domain::{DnssecKey, DomainUpdate};
    /// use autodns_xml::prelude::*;
    ///
    /// let ksk = DnssecKey::default().flags(257).protocol(3).algorithm(13).publickey("mdssw");
    /// let update = DomainUpdate::new("example.com")
    ///     .nserver("a.ns14.net").nserver("b.ns14.net") // the complete new set
    ///     .dnssec(ksk);
    /// let auth = Auth::new("user", "secret", "4");
    /// let xml = Request::new(auth).task(update).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0102</code><domain><name>example.com</name><nserver>"));
    /// assert!(xml.contains("<dnssec><flags>257</flags><protocol>3</protocol>"));
    ///
    /// let answer = br#"<response><result><data><domain_job><job><id>123457</id>
    ///   <status>RUNNING</status></job></domain_job></data><status><code>N0102</code>
    ///   <type>notify</type></status></result></response>"#;
    /// let resp = decode_response::<DomainUpdate>(answer)?;
    /// let job = resp.data().and_then(|d| d.domain_job.as_ref()).and_then(|j| j.job.as_ref());
    /// assert_eq!(job.map(|j| j.id), Some(123_457));
    /// assert_eq!(job.and_then(|j| j.status.as_ref()).map(|s| s.as_str()), Some("RUNNING"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
    pub struct DomainUpdate {
        /// The domain name.
        name: String = req "name",
        /// The owner contact's handle id.
        ownerc: Option<u64> = opt "ownerc",
        /// The admin contact's handle id.
        adminc: Option<u64> = opt "adminc",
        /// The technical contact's handle id.
        techc: Option<u64> = opt "techc",
        /// The zone contact's handle id.
        zonec: Option<u64> = opt "zonec",
        /// The new name servers, in order (empty: unchanged).
        nserver: Vec<NameServer> = many "nserver",
        /// The DNSSEC keys (empty: unchanged).
        dnssec: Vec<DnssecKey> = many "dnssec",
        /// Renew automatically.
        autorenew: Option<bool> = opt "autorenew",
        /// The transfer auth code to set (a secret: `***` in `Debug`).
        authinfo: Option<Secret> = opt "authinfo",
        /// Whether the trustee service is used.
        use_trustee: Option<bool> = opt "use_trustee",
        /// Whether the privacy service is used.
        use_privacy: Option<bool> = opt "use_privacy",
        /// The owner consented (`1`/`0` on the wire).
        confirm_owner_consent: Option<bool> = opt "confirm_owner_consent" via Bit,
    }
}

impl DomainUpdate {
    /// An update of `name` that changes nothing yet; add what changes with the setters.
    pub fn new(name: impl Into<String>) -> Self {
        DomainUpdate {
            name: name.into(),
            ..Default::default()
        }
    }
}

task!(DomainUpdate = "0102", body "domain", data DomainCreateData);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tests::round_trip;

    #[test]
    fn a_dnssec_update_round_trips_its_keys_and_hides_the_authinfo() {
        let key = DnssecKey {
            flags: Some(257),
            protocol: Some(3),
            algorithm: Some(8),
            publickey: Some("AwEAAb".to_owned()),
            ..Default::default()
        };
        let update = DomainUpdate::new("example.com")
            .nserver("a.ns14.net")
            .nserver("b.ns14.net")
            .dnssec(key)
            .autorenew(true)
            .authinfo("s3cr3t-code");
        assert!(!format!("{update:?}").contains("s3cr3t-code"));
        let (xml, back) = round_trip(&update);
        assert!(xml.contains("<flags>257</flags>"), "{xml}");
        assert!(xml.contains("<authinfo>s3cr3t-code</authinfo>"), "{xml}");
        assert_eq!(back, update);
    }
}
