//! 0202001 ZoneStream: change single records of a zone, leaving the others as they are.
//! The task carries two elements beside its `code`, in either order: the `zone` (`name`,
//! `system_ns`) and `default`, what changes: `rr_add` and `rr_rem` records, and optionally
//! a new `main` address, `soa` values, `nserver`s and `search_and_replace` rules.
//!
//! ```xml
//! <task>
//!   <code>0202001</code>
//!   <default>
//!     <rr_add><name>_acme-challenge</name><ttl>600</ttl><type>TXT</type><value>…</value></rr_add>
//!   </default>
//!   <zone><name>example.com</name><system_ns>a.ns14.net</system_ns></zone>
//! </task>
//! ```
//!
//! This is how acme.sh (`dnsapi/dns_autodns.sh`) and Posh-ACME (`Plugins/AutoDNS.ps1`) set
//! and remove DNS-01 challenges; Posh-ACME notes that the server ignores adding a record
//! that exists and removing one that does not. A record to remove is matched by its name,
//! type and value. The answer carries no data.
//!
//! In the JSON form the `default` sits inside the `zone` object:
//! `{"code": "0202001", "zone": {"name": "example.com", "system_ns": "a.ns14.net",
//! "default": {"rr_add": [...]}}}`.

use super::{MainIp, NameServer, RecordType, ResourceRecord, Soa, ZoneRef};
use crate::codec::macros::xml_struct;
use crate::codec::{ElementReader, FromXml, ToXml, XmlWriter};
use crate::envelope::EmptyData;
use crate::error::{DecodeError, EncodeError};
use crate::task::{Body, Task};

xml_struct! {
    /// A rule replacing text in a zone's record values (`search_and_replace`), optionally
    /// only in records of one type.
    #[derive(Default)]
    pub struct SearchAndReplace {
        /// The text to find.
        search: String = req "search",
        /// What to put instead.
        replace: String = req "replace",
        /// Only records of this type.
        kind: Option<RecordType> = opt "type",
    }
}

xml_struct! {
    /// `<default>`: what a 0202001 changes.
    #[derive(Default)]
    pub struct ZoneDefault {
        /// Records to add.
        rr_add: Vec<ResourceRecord> = many "rr_add",
        /// Records to remove (matched by name, type and value).
        rr_rem: Vec<ResourceRecord> = many "rr_rem",
        /// A new apex address.
        main: Option<MainIp> = opt "main",
        /// New SOA values.
        soa: Option<Soa> = opt "soa",
        /// New name servers.
        nserver: Vec<NameServer> = many "nserver",
        /// Text replacements over the records.
        search_and_replace: Vec<SearchAndReplace> = many "search_and_replace",
    }
}

/// 0202001: a zone (by name and system name server) and the changes to make to it.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct ZoneStream {
    /// The zone changed: `<zone>`.
    #[serde(flatten)]
    pub zone: ZoneRef,
    /// The changes: `<default>`, a sibling of `<zone>` in the task (`None`: none sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<ZoneDefault>,
}

impl ZoneStream {
    /// A change of the zone `name` on system name server `system_ns` that changes nothing
    /// yet: add records with [`add`](Self::add) and [`remove`](Self::remove).
    pub fn new(name: impl Into<String>, system_ns: impl Into<String>) -> Self {
        ZoneStream {
            zone: ZoneRef::new(name, system_ns),
            default: None,
        }
    }

    /// Adds `record` to the zone (`rr_add`).
    #[allow(
        clippy::should_implement_trait,
        reason = "a builder step that adds a record, not the `+` of two streams"
    )]
    pub fn add(mut self, record: ResourceRecord) -> Self {
        self.changes().rr_add.push(record);
        self
    }

    /// Removes `record` from the zone (`rr_rem`).
    pub fn remove(mut self, record: ResourceRecord) -> Self {
        self.changes().rr_rem.push(record);
        self
    }

    /// The `<default>` block, created empty if there is none yet.
    pub fn changes(&mut self) -> &mut ZoneDefault {
        self.default.get_or_insert_with(ZoneDefault::default)
    }
}

impl Task for ZoneStream {
    const CODE: &'static str = "0202001";
    type Data = EmptyData;
}

impl Body for ZoneStream {
    const ELEMENT: Option<&'static str> = Some("zone");
    const PARTS: &'static [&'static str] = &["default"];

    fn read_body(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(ZoneStream {
            zone: ZoneRef::from_xml(el)?,
            default: None,
        })
    }

    fn read_part(&mut self, el: ElementReader<'_, '_>) -> Result<(), DecodeError> {
        if self.default.is_some() {
            return Err(el.duplicate());
        }
        self.default = Some(ZoneDefault::from_xml(el)?);
        Ok(())
    }

    /// `default` first, then `zone`, as acme.sh and Posh-ACME send them.
    fn write_body(&self, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        if let Some(default) = &self.default {
            default.to_xml("default", w)?;
        }
        self.zone.to_xml("zone", w)
    }

    fn bodiless() -> Option<Self> {
        None
    }
}

#[cfg(feature = "arbitrary")]
impl crate::codec::fuzz::Gen for ZoneStream {
    fn generate(u: &mut ::arbitrary::Unstructured<'_>) -> ::arbitrary::Result<Self> {
        use crate::codec::fuzz::Gen;
        Ok(ZoneStream {
            zone: Gen::generate(u)?,
            default: Gen::generate(u)?,
        })
    }
}
crate::codec::macros::arbitrary_via_gen!(ZoneStream);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zone::ResourceRecord;
    use crate::{AnyTask, Document, RequestTask};

    fn request(task: &str) -> String {
        format!(
            "<request><auth><user>u</user><password>p</password><context>4</context></auth>\
             <task>{task}</task></request>"
        )
    }

    fn body(xml: &str) -> AnyTask {
        match Document::decode(xml.as_bytes()).unwrap() {
            Document::Request(r) => r.tasks[0].body.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn default_reads_before_or_after_its_zone() {
        let zone = "<zone><name>example.com</name><system_ns>a.ns14.net</system_ns></zone>";
        let default = "<default><rr_add><name>_acme-challenge</name><ttl>600</ttl>\
                       <type>TXT</type><value>abc</value></rr_add></default>";
        let before = body(&request(&format!("<code>0202001</code>{default}{zone}")));
        let after = body(&request(&format!("{zone}<code>0202001</code>{default}")));
        assert_eq!(before, after);
        let expected = ZoneStream::new("example.com", "a.ns14.net")
            .add(ResourceRecord::acme_challenge("", "abc"));
        assert_eq!(before, AnyTask::ZoneStream(expected));
    }

    #[test]
    fn a_second_default_is_refused_and_other_tasks_keep_theirs_unknown() {
        let zone = "<zone><name>example.com</name></zone>";
        let twice = request(&format!("<code>0202001</code><default/>{zone}<default/>"));
        let err = Document::decode(twice.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("default"), "{err}");
        // 0205 has no parts: its `default` stays an unknown child of the task.
        let info = request(&format!("<code>0205</code>{zone}<default/>"));
        let Document::Request(r) = Document::decode(info.as_bytes()).unwrap() else {
            panic!()
        };
        assert_eq!(r.tasks[0].unknown[0].name, "default");
    }

    #[test]
    fn json_carries_default_inside_zone_and_reads_back() {
        let task = RequestTask::from(
            ZoneStream::new("example.com", "a.ns14.net")
                .remove(ResourceRecord::acme_challenge("www", "abc")),
        );
        let json = serde_json::to_string(&task).unwrap();
        assert!(
            json.contains(r#""zone":{"name":"example.com","system_ns":"a.ns14.net","default":"#),
            "{json}"
        );
        let back: RequestTask = serde_json::from_str(&json).unwrap();
        assert_eq!(back, task);
    }
}
