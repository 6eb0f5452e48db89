//! Task codes and the [`Task`] trait that ties a task to its response data.

use crate::codec::{ElementReader, FromXml, ToXml, XmlWriter};
use crate::error::{DecodeError, EncodeError};
use std::fmt;

/// A task code such as `0105` or `400115`: 1 to 12 ASCII digits, leading zeros significant.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskCode(String);

impl TaskCode {
    /// Checks and wraps a task code.
    pub fn new(code: &str) -> Result<Self, EncodeError> {
        let ok = (1..=12).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
        if ok {
            Ok(TaskCode(code.to_owned()))
        } else {
            Err(EncodeError::InvalidTaskCode(code.to_owned()))
        }
    }

    /// A code this crate knows to be valid (a modelled task's `CODE`).
    pub(crate) fn known(code: &'static str) -> Self {
        TaskCode(code.to_owned())
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TaskCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for TaskCode {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for TaskCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl FromXml for TaskCode {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.parse_with("a task code (digits, e.g. 0105)", |s| TaskCode::new(s).ok())
    }
}

impl ToXml for TaskCode {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf(name, &self.0)
    }
}

impl serde::Serialize for TaskCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for TaskCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        TaskCode::new(&s).map_err(serde::de::Error::custom)
    }
}

/// A gateway task: its code, and the type of the `data` element its response carries.
///
/// Every modelled task implements it, so that
/// `decode_response::<DomainInfo>(xml)` returns a `Response<DomainInfoData>`.
/// Implement it for a task this crate does not model: give the code and a data type
/// (your own [`FromXml`] type, or [`RawElement`](crate::RawElement)). Decoding needs only
/// [`FromXml`]; [`ToXml`] is asked for where a response is encoded.
///
/// ```
/// use autodns_xml::{decode_response, RawElement, Task};
///
/// /// 0205 ZoneInfo, not modelled by this crate.
/// struct ZoneInfo;
/// impl Task for ZoneInfo {
///     const CODE: &'static str = "0205";
///     type Data = RawElement;
/// }
///
/// let xml = "<response><result><data><zone><name>example.com</name></zone></data>\
///            <status><code>S0205</code></status></result></response>";
/// let resp = decode_response::<ZoneInfo>(xml.as_bytes())?;
/// let zone = resp.data().and_then(|d| d.get("zone")).expect("zone");
/// assert_eq!(zone.get("name").map(|n| n.text()), Some("example.com".to_owned()));
/// # Ok::<(), autodns_xml::DecodeError>(())
/// ```
///
/// A data type of your own needs only the decoding trait to be decoded:
///
/// ```
/// use autodns_xml::codec::{ElementReader, FromXml};
/// use autodns_xml::{decode_response, DecodeError, Task};
///
/// /// The zone name of a 0205 answer; never encoded, so no `ToXml`.
/// struct ZoneName(String);
/// impl FromXml for ZoneName {
///     fn from_xml(mut el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
///         let mut name = String::new();
///         while let Some(zone) = el.next_child()? {
///             let mut zone = zone;
///             while let Some(child) = zone.next_child()? {
///                 if child.name() == "name" {
///                     name = String::from_xml(child)?;
///                 } else {
///                     child.into_raw()?;
///                 }
///             }
///         }
///         Ok(ZoneName(name))
///     }
/// }
///
/// struct ZoneInfo;
/// impl Task for ZoneInfo {
///     const CODE: &'static str = "0205";
///     type Data = ZoneName;
/// }
///
/// let xml = "<response><result><data><zone><name>example.com</name></zone></data>\
///            <status><code>S0205</code></status></result></response>";
/// let resp = decode_response::<ZoneInfo>(xml.as_bytes())?;
/// assert_eq!(resp.data().map(|d| d.0.as_str()), Some("example.com"));
/// # Ok::<(), autodns_xml::DecodeError>(())
/// ```
pub trait Task {
    /// The task code, e.g. `"0105"`.
    const CODE: &'static str;
    /// The response's `data` element.
    type Data: FromXml;
}
