//! DNS zones (`zone`): 0201 ZoneCreate, 0202 ZoneUpdate (the whole zone replaced), 0203
//! ZoneDelete, 0204 ZoneImport, 0205 ZoneInfo and its list form, and 0202001 ZoneStream (add
//! and remove single records, what ACME DNS-01 clients do).
//!
//! A zone is named by its origin (`name`) and the name server the system manages it on
//! (`system_ns`): two zones may share a name on different `system_ns`. Fields, from the
//! InterNetX XML help pages "Zone Object", "SOA Object" and "Zone info" as
//! `testdata/ZONES.md` catalogues them, and from the answers public clients recorded
//! (`testdata/README.md` cites each fixture):
//!
//! | element | meaning |
//! | --- | --- |
//! | `name` | the origin, `example.com` |
//! | `idn` | the origin in Unicode, for an IDN |
//! | `system_ns` | the first name server the system manages |
//! | `ns_action` | [`NsAction`]: the name server mode, sent lowercase (`complete`), echoed in either case |
//! | `ns_group` | a named group of name servers |
//! | `nscheck` | an extra name server check |
//! | `www_include` | create a `www` record (`1`/`0`) |
//! | `allow_transfer`, `allow_transfer_from` | whether AXFR is allowed, and for which addresses (comma separated) |
//! | `soa` | [`Soa`]: level, ttl, refresh, retry, expire, ignore, email; `default` (a TTL) in older answers |
//! | `nserver` | [`NameServer`]: name and ttl, up to 7 |
//! | `main` | [`MainIp`]: the apex address (value and ttl) |
//! | `rr` | [`ResourceRecord`]: name (`<name/>` for the apex), ttl, type, pref, value |
//! | `free` | free records in BIND syntax |
//! | `dnssec`, `domainsafe` | signing active; in DomainSafe (`1`/`0`) |
//! | `comment` | a custom field |
//! | `source` | 0204: the name server the zone is transferred from |
//! | `owner`, `updater` / `updated_by`, `created`, `changed` / `updated` | who owns and last changed the zone, and when (both spellings occur) |
//! | `purge_date`, `purge_type` | automatic deletion ([`PurgeType`]) |
//!
//! A 0205 list entry is flat: `mainip`, `primary`, `secondary1` … `secondary7` instead of
//! `main` and `nserver`; [`Zone`] models both forms. Anything else is kept in `unknown`.
//!
//! # TXT values longer than 255 bytes
//!
//! A TXT record's data is a sequence of character-strings of at most 255 bytes each (RFC
//! 1035, 3.3.14). On this gateway a record's `value` is one text. No source read says
//! whether the server splits a longer value itself: the public clients (acme.sh, Posh-ACME,
//! octodns-autodns, autodns-ruby) send the value as it is, and Net::DNS::AutoDNS notes that
//! the server removes `"` characters, so the BIND form of several quoted strings
//! (`"first 255" "rest"`) does not survive. This crate therefore sends a value exactly as
//! given and reads it exactly as it comes: it neither splits nor joins nor quotes. ACME
//! challenge values (43 bytes) are far below the limit; check a longer one (a DKIM key) on
//! the zone after sending it.

mod create;
mod delete;
mod import;
mod info;
mod stream;
mod update;

pub use create::ZoneCreate;
pub use delete::ZoneDelete;
pub use import::ZoneImport;
pub use info::{ZoneInfo, ZoneList};
pub use stream::{SearchAndReplace, ZoneDefault, ZoneStream};
pub use update::ZoneUpdate;

pub use crate::domain::NameServer;

use crate::cancelation::Case;
use crate::codec::Bit;
use crate::codec::macros::{open_enum, xml_struct};
use crate::describe::{Describe, Fact};
use crate::envelope::User;
use chrono::NaiveDateTime;

open_enum! {
    /// A resource record's type. Open: a type this crate does not list is kept as sent.
    pub enum RecordType {
        /// `A`: an IPv4 address.
        A = "A",
        /// `AAAA`: an IPv6 address.
        Aaaa = "AAAA",
        /// `CNAME`: an alias.
        Cname = "CNAME",
        /// `MX`: a mail exchanger (its preference in `pref`).
        Mx = "MX",
        /// `NS`: a delegation.
        Ns = "NS",
        /// `TXT`: text (see the module documentation for long values).
        Txt = "TXT",
        /// `SRV`: a service (priority in `pref`; value `weight port target`).
        Srv = "SRV",
        /// `CAA`: a certification authority authorization (`flags tag "value"`).
        Caa = "CAA",
        /// `PTR`: a reverse pointer.
        Ptr = "PTR",
        /// `TLSA`: a DANE certificate association.
        Tlsa = "TLSA",
        /// `SSHFP`: an SSH key fingerprint.
        Sshfp = "SSHFP",
        /// `NAPTR`: a naming authority pointer.
        Naptr = "NAPTR",
        /// `DS`: a delegation signer.
        Ds = "DS",
        /// `LOC`: a location.
        Loc = "LOC",
        /// `RP`: a responsible person.
        Rp = "RP",
        /// `HINFO`: host information.
        Hinfo = "HINFO",
        /// `ALIAS`: an apex alias the server resolves.
        Alias = "ALIAS",
        /// `DNSKEY`: a DNSSEC key.
        Dnskey = "DNSKEY",
        /// `NSEC`: DNSSEC authenticated denial.
        Nsec = "NSEC",
        /// `HTTPS`: HTTPS service binding.
        Https = "HTTPS",
        /// `SVCB`: service binding.
        Svcb = "SVCB",
    }
}

open_enum! {
    /// The name server mode of a zone (`ns_action`). Requests send it lowercase, as the
    /// public clients do (`complete`); answers and messages show either case
    /// (`<value>COMPLETE</value>`): both read as the same variant, which keeps the
    /// spelling.
    pub enum NsAction {
        /// `primary` / `PRIMARY`: the system's name servers are primary.
        Primary(Case::{ Lower = "primary", Upper = "PRIMARY" }),
        /// `secondary` / `SECONDARY`: the system's name servers are secondary.
        Secondary(Case::{ Lower = "secondary", Upper = "SECONDARY" }),
        /// `complete` / `COMPLETE`: the system runs all name servers of the zone.
        Complete(Case::{ Lower = "complete", Upper = "COMPLETE" }),
        /// `hidden` / `HIDDEN`: a hidden primary.
        Hidden(Case::{ Lower = "hidden", Upper = "HIDDEN" }),
        /// `none` / `NONE`: no name server action.
        Nothing(Case::{ Lower = "none", Upper = "NONE" }),
        /// `auto` / `AUTO`: chosen by the server.
        Auto(Case::{ Lower = "auto", Upper = "AUTO" }),
    }
}

open_enum! {
    /// How a zone is deleted automatically (`purge_type`).
    pub enum PurgeType {
        /// `AUTO`
        Auto = "AUTO",
        /// `DISABLED`
        Disabled = "DISABLED",
        /// `SCHEDULED`: on `purge_date`.
        Scheduled = "SCHEDULED",
    }
}

xml_struct! {
    /// A zone's SOA values (`soa`). On create, `level` picks a preset and `email` the
    /// responsible mailbox; the server answers with the values in force.
    #[derive(Default)]
    pub struct Soa {
        /// The preset the other values come from (`1` in the public clients' creates).
        level: Option<u32> = opt "level",
        /// The SOA record's TTL, seconds.
        ttl: Option<u64> = opt "ttl",
        /// Refresh interval, seconds.
        refresh: Option<u64> = opt "refresh",
        /// Retry interval, seconds.
        retry: Option<u64> = opt "retry",
        /// Expiry, seconds.
        expire: Option<u64> = opt "expire",
        /// Whether the SOA values sent are ignored in favour of the defaults (`1`/`0`).
        ignore: Option<bool> = opt "ignore" via Bit,
        /// The responsible mailbox (`hostmaster@example.com`).
        email: Option<String> = opt "email",
        /// The zone's default TTL, as older answers carry it (`<default>86400</default>`).
        default_ttl: Option<u64> = opt "default",
    }
}

xml_struct! {
    /// The zone's apex address (`main`): `<main><value>192.0.2.1</value><ttl>300</ttl></main>`.
    #[derive(Default)]
    pub struct MainIp {
        /// The address.
        value: String = req "value",
        /// Its TTL, seconds.
        ttl: Option<u64> = opt "ttl",
    }
}

impl MainIp {
    /// The apex address `value`, with the zone's default TTL.
    pub fn new(value: impl Into<String>) -> Self {
        MainIp {
            value: value.into(),
            ..Default::default()
        }
    }
}

xml_struct! {
    /// A resource record (`rr` in a zone, `rr_add` / `rr_rem` in a 0202001): the name
    /// relative to the origin (empty for the apex, which the server writes `<name/>`), the
    /// TTL, the type, the preference (MX, SRV) and the value as one text (the rest of the
    /// record's data: `10 5060 sip.example.com` for an SRV, `0 issue "ca.example"` for a
    /// CAA).
    pub struct ResourceRecord {
        /// The owner name, relative to the origin; empty for the apex.
        name: String = req "name",
        /// The TTL, seconds (none: the zone's default).
        ttl: Option<u64> = opt "ttl",
        /// The type.
        kind: RecordType = req "type",
        /// The preference: MX preference, SRV priority.
        pref: Option<u32> = opt "pref",
        /// The record's data, as text (see the module documentation for long TXT values).
        value: String = req "value",
    }
}

impl ResourceRecord {
    /// A record of `kind` at `name` (relative to the origin, `""` for the apex) with
    /// `value`; no TTL (the zone's default) and no preference.
    pub fn new(name: impl Into<String>, kind: RecordType, value: impl Into<String>) -> Self {
        ResourceRecord {
            name: name.into(),
            ttl: None,
            kind,
            pref: None,
            value: value.into(),
            unknown: Default::default(),
        }
    }

    /// A TXT record; the value travels unchanged (no splitting, no quoting).
    pub fn txt(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self::new(name, RecordType::Txt, value)
    }

    /// An A record.
    pub fn a(name: impl Into<String>, address: impl Into<String>) -> Self {
        Self::new(name, RecordType::A, address)
    }

    /// An AAAA record.
    pub fn aaaa(name: impl Into<String>, address: impl Into<String>) -> Self {
        Self::new(name, RecordType::Aaaa, address)
    }

    /// A CNAME record.
    pub fn cname(name: impl Into<String>, target: impl Into<String>) -> Self {
        Self::new(name, RecordType::Cname, target)
    }

    /// An MX record with its preference.
    pub fn mx(name: impl Into<String>, pref: u32, exchange: impl Into<String>) -> Self {
        ResourceRecord {
            pref: Some(pref),
            ..Self::new(name, RecordType::Mx, exchange)
        }
    }

    /// The ACME DNS-01 challenge record of `host` (relative to the origin, `""` for the
    /// apex): a TXT record at `_acme-challenge.<host>` with TTL 600, as acme.sh and
    /// Posh-ACME write it.
    pub fn acme_challenge(host: &str, value: impl Into<String>) -> Self {
        let name = if host.is_empty() {
            "_acme-challenge".to_owned()
        } else {
            format!("_acme-challenge.{host}")
        };
        ResourceRecord {
            ttl: Some(600),
            ..Self::txt(name, value)
        }
    }

    /// Whether the record is at the apex (an empty name, or `@`).
    pub fn is_apex(&self) -> bool {
        self.name.is_empty() || self.name == "@"
    }
}

xml_struct! {
    /// A zone: the body of 0201, 0202 and 0204, and what 0205 answers (one zone with its
    /// records, or flat list entries). See the module documentation for the fields.
    #[derive(Default)]
    pub struct Zone {
        /// The origin.
        name: String = req "name",
        /// The origin in Unicode, for an IDN.
        idn: Option<String> = opt "idn",
        /// The first name server the system manages the zone on.
        system_ns: Option<String> = opt "system_ns",
        /// The name server mode.
        ns_action: Option<NsAction> = opt "ns_action",
        /// A named group of name servers.
        ns_group: Option<String> = opt "ns_group",
        /// An extra name server check.
        nscheck: Option<String> = opt "nscheck",
        /// Create a `www` record (`1`/`0` on the wire).
        www_include: Option<bool> = opt "www_include" via Bit,
        /// Whether zone transfers (AXFR) are allowed (`1`/`0`).
        allow_transfer: Option<bool> = opt "allow_transfer" via Bit,
        /// The addresses allowed to transfer the zone, comma separated.
        allow_transfer_from: Option<String> = opt "allow_transfer_from",
        /// The SOA values.
        soa: Option<Soa> = opt "soa",
        /// The name servers, in order.
        nserver: Vec<NameServer> = many "nserver",
        /// The apex address.
        main: Option<MainIp> = opt "main",
        /// The records, in the server's order.
        rr: Vec<ResourceRecord> = many "rr",
        /// Free records in BIND syntax.
        free: Vec<String> = many "free",
        /// Whether the zone is signed (`1`/`0`).
        dnssec: Option<bool> = opt "dnssec" via Bit,
        /// Whether DomainSafe protects the zone (`1`/`0`).
        domainsafe: Option<bool> = opt "domainsafe" via Bit,
        /// A custom field.
        comment: Option<String> = opt "comment",
        /// 0204: the name server the zone is transferred from.
        source: Option<String> = opt "source",
        /// List entries: the apex address.
        mainip: Option<String> = opt "mainip",
        /// List entries: the primary name server.
        primary: Option<String> = opt "primary",
        /// List entries: the secondary name servers.
        secondary1: Option<String> = opt "secondary1",
        /// List entries: the second secondary.
        secondary2: Option<String> = opt "secondary2",
        /// List entries: the third secondary.
        secondary3: Option<String> = opt "secondary3",
        /// List entries: the fourth secondary.
        secondary4: Option<String> = opt "secondary4",
        /// List entries: the fifth secondary.
        secondary5: Option<String> = opt "secondary5",
        /// List entries: the sixth secondary.
        secondary6: Option<String> = opt "secondary6",
        /// List entries: the seventh secondary.
        secondary7: Option<String> = opt "secondary7",
        /// Automatic deletion: how.
        purge_type: Option<PurgeType> = opt "purge_type",
        /// Automatic deletion: when.
        purge_date: Option<NaiveDateTime> = opt "purge_date",
        /// Who owns the zone.
        owner: Option<User> = opt "owner",
        /// Who last changed it.
        updater: Option<User> = opt "updater",
        /// Who last changed it, as 0205 answers spell it.
        updated_by: Option<User> = opt "updated_by",
        /// When it was created.
        created: Option<NaiveDateTime> = opt "created",
        /// When it was last changed.
        changed: Option<NaiveDateTime> = opt "changed",
        /// When it was last updated (the other spelling of `changed`).
        updated: Option<NaiveDateTime> = opt "updated",
    }
}

impl Zone {
    /// A zone with only its origin and system name server.
    pub fn new(name: impl Into<String>, system_ns: impl Into<String>) -> Self {
        Zone {
            name: name.into(),
            system_ns: Some(system_ns.into()),
            ..Default::default()
        }
    }

    /// The 0202 that sends this zone back whole (after [`replace_records`](Self::replace_records),
    /// say): the zone as it is, without what only the server sets or only a list entry
    /// carries (`owner`, `updater`, `updated_by`, `created`, `changed`, `updated`, `mainip`,
    /// `primary`, `secondary1` … `secondary7`) and without the SOA's `default` of older
    /// answers, as `ComputeStacks/autodns-ruby` builds its 0202 from a 0205 answer.
    pub fn to_update(&self) -> ZoneUpdate {
        let soa = self.soa.clone().map(|soa| Soa {
            default_ttl: None,
            ..soa
        });
        ZoneUpdate(Zone {
            soa,
            mainip: None,
            primary: None,
            secondary1: None,
            secondary2: None,
            secondary3: None,
            secondary4: None,
            secondary5: None,
            secondary6: None,
            secondary7: None,
            owner: None,
            updater: None,
            updated_by: None,
            created: None,
            changed: None,
            updated: None,
            ..self.clone()
        })
    }

    /// The records of one type, in order.
    pub fn records_of<'a>(
        &'a self,
        kind: &'a RecordType,
    ) -> impl Iterator<Item = &'a ResourceRecord> + 'a {
        self.rr.iter().filter(move |r| &r.kind == kind)
    }

    /// Replaces every record of `kind` by `records` (which should all be of that type): the
    /// zone's other records keep their places, the new ones go where the first old one was
    /// (or at the end). Send the zone with a [`ZoneUpdate`] to replace it on the server.
    pub fn replace_records(
        &mut self,
        kind: &RecordType,
        records: impl IntoIterator<Item = ResourceRecord>,
    ) {
        let at = self
            .rr
            .iter()
            .position(|r| &r.kind == kind)
            .unwrap_or(self.rr.len());
        let mut kept: Vec<ResourceRecord> = Vec::with_capacity(self.rr.len());
        let mut tail = Vec::new();
        for (i, r) in std::mem::take(&mut self.rr).into_iter().enumerate() {
            if &r.kind == kind {
                continue;
            }
            if i < at {
                kept.push(r);
            } else {
                tail.push(r);
            }
        }
        kept.extend(records);
        kept.extend(tail);
        self.rr = kept;
    }
}

xml_struct! {
    /// A zone named by its origin and system name server: the body of 0205 and 0203 and
    /// the `zone` of a 0202001 (`<zone><name>example.com</name><system_ns>a.ns14.net</system_ns></zone>`).
    #[derive(Default)]
    pub struct ZoneRef {
        /// The origin.
        name: String = req "name",
        /// The system name server the zone is on.
        system_ns: Option<String> = opt "system_ns",
    }
}

impl ZoneRef {
    /// The zone `name` on system name server `system_ns`.
    pub fn new(name: impl Into<String>, system_ns: impl Into<String>) -> Self {
        ZoneRef {
            name: name.into(),
            system_ns: Some(system_ns.into()),
            unknown: Default::default(),
        }
    }
}

xml_struct! {
    /// The response data of 0205 (one zone, or a list with its total count) and of 0201,
    /// 0202 and 0204 (documented as the zone or empty: `<data/>` in the recorded answers).
    #[derive(Default)]
    pub struct ZoneData {
        /// The total number of matches (list form only).
        summary: Option<u64> = opt "summary",
        /// The zones.
        zone: Vec<Zone> = many "zone",
    }
}

impl Describe for ZoneData {
    fn facts(&self) -> Vec<Fact<'_>> {
        // A list (with its `summary`) is counted; a single zone is named with its records.
        if self.summary.is_some() {
            return vec![Fact::Entries {
                element: "zone",
                count: self.zone.len(),
                total: self.summary,
            }];
        }
        self.zone
            .iter()
            .map(|z| Fact::Zone {
                name: &z.name,
                records: z.rr.len(),
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Limits;
    use crate::codec::{FromXml, Layout, ToXml, read_document, write_document};

    /// Encodes `value` as a `<zone>` document and decodes it again.
    pub(crate) fn round_trip<T: FromXml + ToXml>(value: &T) -> (String, T) {
        let xml = write_document(value, "zone", Layout::Compact).unwrap();
        let (back, _) = read_document(&xml, 0, &Limits::default(), T::from_xml).unwrap();
        (xml, back)
    }

    #[test]
    fn an_apex_record_round_trips_its_empty_name() {
        let mut zone = Zone::new("example.com", "a.ns14.net");
        zone.rr.push(ResourceRecord::a("", "192.0.2.1"));
        zone.rr.push(ResourceRecord::mx("", 10, "mail.example.com"));
        let (xml, back) = round_trip(&zone);
        assert!(xml.contains("<rr><name/><type>A</type>"), "{xml}");
        assert!(back.rr[0].is_apex());
        assert_eq!(back, zone);
    }

    #[test]
    fn ns_action_keeps_its_case_and_unknown_types_their_spelling() {
        assert_eq!(
            NsAction::from_wire("COMPLETE"),
            NsAction::Complete(Case::Upper)
        );
        assert_eq!(NsAction::from_wire("complete").as_str(), "complete");
        assert_eq!(
            RecordType::from_wire("OPENPGPKEY"),
            RecordType::Other("OPENPGPKEY".to_owned())
        );
    }

    #[test]
    fn replace_records_swaps_one_type_in_place() {
        let mut zone = Zone::new("example.com", "a.ns14.net");
        zone.rr = vec![
            ResourceRecord::txt("", "v=spf1 -all"),
            ResourceRecord::a("", "192.0.2.1"),
            ResourceRecord::a("www", "192.0.2.1"),
            ResourceRecord::cname("ftp", "www"),
        ];
        zone.replace_records(&RecordType::A, [ResourceRecord::a("", "198.51.100.7")]);
        let kinds: Vec<&str> = zone.rr.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(kinds, ["TXT", "A", "CNAME"]);
        assert_eq!(zone.rr[1].value, "198.51.100.7");
        // No record of the type yet: the new ones go at the end.
        zone.replace_records(&RecordType::Aaaa, [ResourceRecord::aaaa("", "2001:db8::1")]);
        assert_eq!(zone.rr.last().map(|r| r.kind.as_str()), Some("AAAA"));
    }

    #[test]
    fn a_long_txt_value_travels_unchanged() {
        let long = "k".repeat(300);
        let mut zone = Zone::new("example.com", "a.ns14.net");
        zone.rr
            .push(ResourceRecord::txt("dkim._domainkey", long.clone()));
        let (xml, back) = round_trip(&zone);
        assert!(xml.contains(&format!("<value>{long}</value>")));
        assert_eq!(back.rr[0].value, long);
    }
}
