//! Domains: 0101 DomainCreate, 0105 DomainInfo and its list form, 0102 DomainUpdate,
//! 0104 DomainTransfer, 0104010 DomainOwnerchange, 0101003 DomainRenew, 0101005
//! DomainRestore, 0106001 TransferOutList, and the auth codes: 0113001 AuthInfo1Create,
//! 0113002 AuthInfo1Delete, 0113003 AuthInfo2Create, 0113005 AuthInfoSend (see
//! [`auth_code`] for reading the code an answer carries).

mod authinfo;
mod authinfo1_create;
mod authinfo1_delete;
mod authinfo2_create;
mod authinfo_send;
mod create;
mod info;
mod ownerchange;
mod renew;
mod restore;
mod transfer;
mod transfer_out;
mod update;

pub use authinfo::{DomainName, auth_code};
pub use authinfo_send::AuthInfoSend;
pub use authinfo1_create::AuthInfo1Create;
pub use authinfo1_delete::AuthInfo1Delete;
pub use authinfo2_create::AuthInfo2Create;

pub use create::{DomainCreate, DomainCreateData, DomainJob};
pub use info::{DomainInfo, DomainInfoData, DomainList};
pub use ownerchange::DomainOwnerchange;
pub use renew::DomainRenew;
pub use restore::{DomainRestore, RestoreAction};
pub use transfer::DomainTransfer;
pub use transfer_out::{TransferOutData, TransferOutList};
pub use update::{DnssecKey, DomainUpdate};

use crate::codec::Bit;
use crate::codec::macros::{open_enum, xml_struct};
use crate::envelope::{Secret, User};
use crate::job::JobStatus;
use chrono::NaiveDateTime;

xml_struct! {
    /// A name server: `<nserver><name>a.ns14.net</name></nserver>`.
    #[derive(Default)]
    pub struct NameServer {
        /// The host name.
        name: String = req "name",
        /// The TTL of its glue records.
        ttl: Option<u64> = opt "ttl",
        /// IPv4 glue addresses.
        ip: Vec<String> = many "ip",
        /// IPv6 glue addresses.
        ip6: Vec<String> = many "ip6",
    }
}

impl NameServer {
    /// A name server by host name.
    pub fn new(name: impl Into<String>) -> Self {
        NameServer {
            name: name.into(),
            ..Default::default()
        }
    }
}

impl From<&str> for NameServer {
    fn from(name: &str) -> Self {
        NameServer::new(name)
    }
}

impl From<String> for NameServer {
    fn from(name: String) -> Self {
        NameServer::new(name)
    }
}

impl From<&String> for NameServer {
    fn from(name: &String) -> Self {
        NameServer::new(name.as_str())
    }
}

open_enum! {
    /// The registry's status of a domain.
    pub enum RegistryStatus {
        /// `ACTIVE`
        Active = "ACTIVE",
        /// `LOCK`
        Lock = "LOCK",
        /// `HOLD`
        Hold = "HOLD",
        /// `LOCKHOLD`
        LockHold = "LOCKHOLD",
    }
}

open_enum! {
    /// The registrar's status of a domain.
    pub enum RegistrarStatus {
        /// `ACTIVE`
        Active = "ACTIVE",
        /// `LOCK`
        Lock = "LOCK",
        /// `HOLD`
        Hold = "HOLD",
        /// `LOCKHOLD`
        LockHold = "LOCKHOLD",
    }
}

open_enum! {
    /// Whether the owner's data may be published in RDDS (WHOIS).
    pub enum RddsOptIn {
        /// `NOT_SET`
        NotSet = "NOT_SET",
        /// `ALL`
        All = "ALL",
        /// `OWNERC`
        Ownerc = "OWNERC",
        /// `ADMINC`
        Adminc = "ADMINC",
        /// `OWNERC_ADMINC`
        OwnercAdminc = "OWNERC_ADMINC",
    }
}

xml_struct! {
    /// A domain as 0105 shows it and as a 0101 job notification carries it.
    #[derive(Default)]
    pub struct Domain {
        /// The domain name.
        name: String = req "name",
        /// The registry's expiry.
        expire: Option<NaiveDateTime> = opt "expire",
        /// When the domain is next payable.
        payable: Option<NaiveDateTime> = opt "payable",
        /// The owner contact's handle id.
        ownerc: Option<u64> = opt "ownerc",
        /// The admin contact's handle id.
        adminc: Option<u64> = opt "adminc",
        /// The technical contact's handle id.
        techc: Option<u64> = opt "techc",
        /// The zone contact's handle id.
        zonec: Option<u64> = opt "zonec",
        /// The registry member label.
        nic_member_label: Option<String> = opt "nic_member_label",
        /// The registry status.
        registry_status: Option<RegistryStatus> = opt "registry_status",
        /// The name servers, in order.
        nserver: Vec<NameServer> = many "nserver",
        /// The registration period in years.
        period: Option<u32> = opt "period",
        /// The status of the domain's last job.
        status: Option<JobStatus> = opt "status",
        /// Whether the trustee service is used.
        use_trustee: Option<bool> = opt "use_trustee",
        /// Whether the privacy service is used.
        use_privacy: Option<bool> = opt "use_privacy",
        /// The transfer auth code.
        authinfo: Option<Secret> = opt "authinfo",
        /// Whether DomainSafe protects the domain.
        domainsafe: Option<bool> = opt "domainsafe",
        /// Whether the domain has a valid certificate.
        certificate: Option<bool> = opt "certificate",
        /// Whether the domain renews automatically.
        autorenew: Option<bool> = opt "autorenew",
        /// Whether the order was confirmed (`1`/`0` on the wire).
        confirm_order: Option<bool> = opt "confirm_order" via Bit,
        /// Whether the owner consented (`1`/`0` on the wire).
        confirm_owner_consent: Option<bool> = opt "confirm_owner_consent" via Bit,
        /// The registrar status.
        registrar_status: Option<RegistrarStatus> = opt "registrar_status",
        /// The RDDS opt-in.
        rdds_opt_in: Option<RddsOptIn> = opt "rdds_opt_in",
        /// Who owns the domain object.
        owner: Option<User> = opt "owner",
        /// Who last changed it.
        updater: Option<User> = opt "updater",
        /// When it was created.
        created: Option<NaiveDateTime> = opt "created",
        /// When it was last updated.
        updated: Option<NaiveDateTime> = opt "updated",
    }
}

impl Domain {
    /// A domain with only its name.
    pub fn new(name: impl Into<String>) -> Self {
        Domain {
            name: name.into(),
            ..Default::default()
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::Limits;
    use crate::codec::{FromXml, Layout, ToXml, read_document, write_document};

    /// Encodes `value` as a `<domain>` document and decodes it again.
    pub(crate) fn round_trip<T: FromXml + ToXml>(value: &T) -> (String, T) {
        let xml = write_document(value, "domain", Layout::Compact).unwrap();
        let (back, _) = read_document(&xml, 0, &Limits::default(), T::from_xml).unwrap();
        (xml, back)
    }
}
