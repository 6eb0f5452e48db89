//! The objects a JSON notification carries (domain, transfer, certificate, contact, job) and
//! how each maps to its XML model.
//!
//! Keys are the JSON API's camelCase names; each maps to the XML element of the same meaning
//! (`registryStatus` → `registry_status`, `nameServers` → `nserver`, `trustee` →
//! `use_trustee`, `validCertificate` → `certificate`, `autoRenewStatus` `TRUE`/`FALSE` →
//! `autorenew`, `adminContact` → `admin`, `fname` → `first` on a certificate contact, …).
//! Other keys are kept as raw elements named in snake_case.

use super::values::{ContactRef, JsonDate, JsonUser, Offsets, Text, raw, raw_fields};
use super::{Place, content, json_key};
use crate::certificate::{
    Authentication, AuthenticationMethod, Certificate, CertificateContact, Product, SignatureHash,
    Software, TransparencyPrivacy,
};
use crate::contact::{ContactType, Handle, Protection};
use crate::domain::{Domain, NameServer, RddsOptIn, RegistrarStatus, RegistryStatus};
use crate::job::{Job, JobAction, JobStatus, JobType};
use crate::notification::NotificationError;
use crate::poll::Transfer;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JsonDomain {
    name: Option<String>,
    expire: Option<JsonDate>,
    payable: Option<JsonDate>,
    ownerc: Option<ContactRef>,
    adminc: Option<ContactRef>,
    techc: Option<ContactRef>,
    zonec: Option<ContactRef>,
    nic_member_label: Option<String>,
    registry_status: Option<String>,
    #[serde(default)]
    name_servers: Vec<JsonNameServer>,
    period: Option<JsonPeriod>,
    status: Option<String>,
    trustee: Option<bool>,
    privacy: Option<bool>,
    authinfo: Option<crate::envelope::Secret>,
    domainsafe: Option<bool>,
    valid_certificate: Option<bool>,
    auto_renew_status: Option<String>,
    confirm_order: Option<bool>,
    confirm_owner_consent: Option<bool>,
    registrar_status: Option<String>,
    rdds_opt_in: Option<String>,
    owner: Option<JsonUser>,
    updater: Option<JsonUser>,
    created: Option<JsonDate>,
    updated: Option<JsonDate>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsonNameServer {
    name: String,
    ttl: Option<u64>,
    #[serde(default)]
    ip_addresses: Vec<String>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// `{"unit": "YEAR", "period": 1}`: the XML form counts years.
#[derive(Debug, Deserialize)]
struct JsonPeriod {
    unit: Option<String>,
    period: u32,
}

impl JsonDomain {
    /// The domain; `name` (the object's `value`) stands in for a missing `name` key.
    pub(super) fn into_model(
        self,
        offsets: &mut Offsets,
        at: &Place,
        name: Option<String>,
    ) -> Result<Domain, NotificationError> {
        let name = self
            .name
            .or(name)
            .ok_or_else(|| content(&at.json, "a domain needs its name"))?;
        let path = &at.xml;
        let period = match self.period {
            None => None,
            Some(p)
                if p.unit
                    .as_deref()
                    .is_none_or(|u| u.eq_ignore_ascii_case("YEAR")) =>
            {
                Some(p.period)
            }
            Some(p) => {
                let unit = p.unit.unwrap_or_default();
                let message = format!("a period in {unit} has no XML form (it counts years)");
                return Err(content(&json_key(&at.json, "period"), &message));
            }
        };
        let mut unknown = raw_fields(self.rest);
        // `TRUE` / `FALSE` are the XML form's boolean; other renewal modes have no XML field.
        let autorenew = match self.auto_renew_status {
            Some(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Some(s) if s.eq_ignore_ascii_case("false") => Some(false),
            Some(s) => {
                unknown.extend(raw("auto_renew_status", Value::String(s)));
                None
            }
            None => None,
        };
        Ok(Domain {
            name,
            expire: offsets.date(path, "expire", self.expire),
            payable: offsets.date(path, "payable", self.payable),
            ownerc: self.ownerc.map(|c| c.0),
            adminc: self.adminc.map(|c| c.0),
            techc: self.techc.map(|c| c.0),
            zonec: self.zonec.map(|c| c.0),
            nic_member_label: self.nic_member_label,
            registry_status: self.registry_status.map(|s| RegistryStatus::from_wire(&s)),
            nserver: self.name_servers.into_iter().map(name_server).collect(),
            period,
            status: self.status.map(|s| JobStatus::from_wire(&s)),
            use_trustee: self.trustee,
            use_privacy: self.privacy,
            authinfo: self.authinfo,
            domainsafe: self.domainsafe,
            certificate: self.valid_certificate,
            autorenew,
            confirm_order: self.confirm_order,
            confirm_owner_consent: self.confirm_owner_consent,
            registrar_status: self
                .registrar_status
                .map(|s| RegistrarStatus::from_wire(&s)),
            rdds_opt_in: self.rdds_opt_in.map(|s| RddsOptIn::from_wire(&s)),
            owner: self.owner.map(JsonUser::into_user),
            updater: self.updater.map(JsonUser::into_user),
            created: offsets.date(path, "created", self.created),
            updated: offsets.date(path, "updated", self.updated),
            unknown,
        })
    }
}

/// A name server; its addresses split into IPv4 (`ip`) and IPv6 (`ip6`) as in the XML form.
fn name_server(ns: JsonNameServer) -> NameServer {
    let (ip6, ip) = ns.ip_addresses.into_iter().partition(|a| a.contains(':'));
    NameServer {
        name: ns.name,
        ttl: ns.ttl,
        ip,
        ip6,
        unknown: raw_fields(ns.rest),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JsonTransfer {
    domain: Option<String>,
    status: Option<String>,
    gaining_registrar: Option<String>,
    loosing_registrar: Option<String>,
    start: Option<JsonDate>,
    reminder: Option<JsonDate>,
    auto_ack: Option<JsonDate>,
    auto_nack: Option<JsonDate>,
    end: Option<JsonDate>,
    nack_reason: Option<Text>,
    owner: Option<JsonUser>,
    updater: Option<JsonUser>,
    created: Option<JsonDate>,
    updated: Option<JsonDate>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

impl JsonTransfer {
    /// The transfer; `domain` (the object's `value`) stands in for a missing `domain` key.
    pub(super) fn into_model(
        self,
        offsets: &mut Offsets,
        at: &Place,
        domain: Option<String>,
    ) -> Transfer {
        let path = &at.xml;
        Transfer {
            domain: self.domain.or(domain),
            status: self.status,
            gaining_registrar: self.gaining_registrar,
            loosing_registrar: self.loosing_registrar,
            start: offsets.date(path, "start", self.start),
            reminder: offsets.date(path, "reminder", self.reminder),
            autoack: offsets.date(path, "autoack", self.auto_ack),
            autonack: offsets.date(path, "autonack", self.auto_nack),
            end: offsets.date(path, "end", self.end),
            nack_reason: self.nack_reason.map(|t| t.0),
            owner: self.owner.map(JsonUser::into_user),
            updater: self.updater.map(JsonUser::into_user),
            created: offsets.date(path, "created", self.created),
            updated: offsets.date(path, "updated", self.updated),
            unknown: raw_fields(self.rest),
        }
    }
}

/// The job record of a JSON job notification (the JSON API's `WorkflowSpool`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JsonJob {
    pub(super) id: u64,
    owner: Option<JsonUser>,
    updater: Option<JsonUser>,
    object: Option<String>,
    status: Option<String>,
    sub_status: Option<String>,
    created: Option<JsonDate>,
    updated: Option<JsonDate>,
    #[serde(rename = "type")]
    kind: Option<String>,
    sub_type: Option<String>,
    action: Option<String>,
    execution: Option<JsonDate>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

impl JsonJob {
    pub(super) fn into_model(self, offsets: &mut Offsets, at: &Place) -> Job {
        let path = &at.xml;
        Job {
            id: self.id,
            owner: self.owner.map(JsonUser::into_user),
            updater: self.updater.map(JsonUser::into_user),
            object: self.object,
            status: self.status.map(|s| JobStatus::from_wire(&s)),
            sub_status: self.sub_status,
            created: offsets.date(path, "created", self.created),
            updated: offsets.date(path, "updated", self.updated),
            kind: self.kind.map(|s| JobType::from_wire(&s)),
            sub_type: self.sub_type,
            action: self.action.map(|s| JobAction::from_wire(&s)),
            execution: offsets.date(path, "execution", self.execution),
            unknown: raw_fields(self.rest),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JsonCertificate {
    partner_order_id: Option<String>,
    order_id: Option<String>,
    admin_contact: Option<JsonSslContact>,
    technical_contact: Option<JsonSslContact>,
    name: Option<String>,
    approver_email: Option<String>,
    lifetime: Option<u32>,
    software: Option<String>,
    csr: Option<String>,
    product: Option<String>,
    sha: Option<String>,
    expire: Option<JsonDate>,
    authentication: Option<JsonAuthentication>,
    certificate_transparency_privacy: Option<String>,
    created: Option<JsonDate>,
    updated: Option<JsonDate>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Deserialize)]
struct JsonAuthentication {
    method: Option<String>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// A certificate contact: `fname` / `lname` / `pcode` in JSON, `first` / `last` /
/// `postal_code` in XML.
#[derive(Debug, Deserialize)]
struct JsonSslContact {
    fname: Option<String>,
    lname: Option<String>,
    phone: Option<String>,
    fax: Option<String>,
    email: Option<String>,
    title: Option<String>,
    organization: Option<String>,
    #[serde(default)]
    address: Vec<String>,
    pcode: Option<String>,
    city: Option<String>,
    country: Option<String>,
    state: Option<String>,
    id: Option<u64>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

impl JsonSslContact {
    fn into_model(self) -> CertificateContact {
        CertificateContact {
            first: self.fname,
            last: self.lname,
            phone: self.phone,
            fax: self.fax,
            email: self.email,
            title: self.title,
            organization: self.organization,
            address: self.address,
            postal_code: self.pcode,
            city: self.city,
            country: self.country,
            state: self.state,
            id: self.id,
            unknown: raw_fields(self.rest),
        }
    }
}

impl JsonCertificate {
    /// The certificate; `name` (the object's `value`) stands in for a missing `name` key.
    pub(super) fn into_model(
        self,
        offsets: &mut Offsets,
        at: &Place,
        name: Option<String>,
    ) -> Certificate {
        let path = &at.xml;
        Certificate {
            partner_order_id: self.partner_order_id,
            order_id: self.order_id,
            admin: self.admin_contact.map(JsonSslContact::into_model),
            technical: self.technical_contact.map(JsonSslContact::into_model),
            name: self.name.or(name),
            approver_email: self.approver_email,
            lifetime: self.lifetime,
            software: self.software.map(|s| Software::from_wire(&s)),
            csr: self.csr,
            product: self.product.map(|s| Product::from_wire(&s)),
            sha: self.sha.map(|s| SignatureHash::from_wire(&s)),
            expire: offsets.date(path, "expire", self.expire),
            extension: None,
            authentication: self.authentication.map(|a| Authentication {
                method: a.method.map(|m| AuthenticationMethod::from_wire(&m)),
                approver_email: Vec::new(),
                unknown: raw_fields(a.rest),
            }),
            certificate_transparency_privacy: self
                .certificate_transparency_privacy
                .map(|s| TransparencyPrivacy::from_wire(&s)),
            created: offsets.date(path, "created", self.created),
            updated: offsets.date(path, "updated", self.updated),
            unknown: raw_fields(self.rest),
        }
    }
}

/// A domain contact (the JSON API's `Contact`), the XML form's `handle`.
#[derive(Debug, Deserialize)]
pub(super) struct JsonContact {
    id: Option<u64>,
    alias: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    fname: String,
    lname: String,
    title: Option<String>,
    organization: Option<String>,
    address: Vec<String>,
    pcode: String,
    city: String,
    country: String,
    state: Option<String>,
    phone: Option<String>,
    fax: Option<String>,
    email: Option<String>,
    protection: Option<String>,
    #[serde(default)]
    remarks: Vec<String>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

impl JsonContact {
    /// The handle; `id` (the object's `value`, if a number) stands in for a missing `id`.
    pub(super) fn into_model(
        self,
        at: &Place,
        id: Option<String>,
    ) -> Result<Handle, NotificationError> {
        if self.address.is_empty() {
            return Err(content(
                &json_key(&at.json, "address"),
                "a contact needs at least one address line",
            ));
        }
        Ok(Handle {
            id: self.id.or_else(|| id.and_then(|v| v.parse().ok())),
            alias: self.alias,
            kind: self.kind.map(|s| ContactType::from_wire(&s)),
            fname: self.fname,
            lname: self.lname,
            title: self.title,
            organization: self.organization,
            address: self.address,
            pcode: self.pcode,
            city: self.city,
            country: self.country,
            state: self.state,
            phone: self.phone,
            fax: self.fax,
            email: self.email,
            protection: self.protection.map(|s| Protection::from_wire(&s)),
            remarks: self.remarks,
            unknown: raw_fields(self.rest),
        })
    }
}
