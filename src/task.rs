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
/// /// 0105005, the domain restore list, not modelled by this crate.
/// struct RestoreList;
/// impl Task for RestoreList {
///     const CODE: &'static str = "0105005";
///     type Data = RawElement;
/// }
///
/// let xml = "<response><result><data><restore><name>example.com</name></restore></data>\
///            <status><code>S0105005</code></status></result></response>";
/// let resp = decode_response::<RestoreList>(xml.as_bytes())?;
/// let restore = resp.data().and_then(|d| d.get("restore")).expect("restore");
/// assert_eq!(restore.get("name").map(|n| n.text()), Some("example.com".to_owned()));
/// # Ok::<(), autodns_xml::DecodeError>(())
/// ```
///
/// A data type of your own needs only the decoding trait to be decoded:
///
/// ```
/// use autodns_xml::codec::{ElementReader, FromXml};
/// use autodns_xml::{decode_response, DecodeError, Task};
///
/// /// The domain name of a 0105005 answer; never encoded, so no `ToXml`.
/// struct RestoredName(String);
/// impl FromXml for RestoredName {
///     fn from_xml(mut el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
///         let mut name = String::new();
///         while let Some(restore) = el.next_child()? {
///             let mut restore = restore;
///             while let Some(child) = restore.next_child()? {
///                 if child.name() == "name" {
///                     name = String::from_xml(child)?;
///                 } else {
///                     child.into_raw()?;
///                 }
///             }
///         }
///         Ok(RestoredName(name))
///     }
/// }
///
/// struct RestoreList;
/// impl Task for RestoreList {
///     const CODE: &'static str = "0105005";
///     type Data = RestoredName;
/// }
///
/// let xml = "<response><result><data><restore><name>example.com</name></restore></data>\
///            <status><code>S0105005</code></status></result></response>";
/// let resp = decode_response::<RestoreList>(xml.as_bytes())?;
/// assert_eq!(resp.data().map(|d| d.0.as_str()), Some("example.com"));
/// # Ok::<(), autodns_xml::DecodeError>(())
/// ```
pub trait Task {
    /// The task code, e.g. `"0105"`.
    const CODE: &'static str;
    /// The response's `data` element.
    type Data: FromXml;
}

/// How a modelled task sits in its `<task>`: the body element (the one after `code`) it
/// reads and writes, or none. Declared with [`task!`] beside each model; the
/// [`registry`](crate::registry) dispatches through it.
pub(crate) trait Body:
    Task + Sized + Clone + PartialEq + fmt::Debug + serde::Serialize + serde::de::DeserializeOwned
{
    /// The body element's name; `None` for a task without one (a list form, 0905).
    const ELEMENT: Option<&'static str>;

    /// Reads the body element.
    fn read_body(el: ElementReader<'_, '_>) -> Result<Self, DecodeError>;

    /// Writes the body element (nothing for a task without one).
    fn write_body(&self, w: &mut XmlWriter<'_>) -> Result<(), EncodeError>;

    /// The task when its `<task>` has no body element: `Some` only for a task without one.
    fn bodiless() -> Option<Self>;

    /// For a list form: the element name of its entries under `<data>` (`domain` for 0105's).
    const ENTRIES: Option<&'static str> = None;

    /// Children of `<task>` besides the body element that belong to the body, in any order
    /// around it (0202001's `default` beside its `zone`). Empty for nearly every task.
    const PARTS: &'static [&'static str] = &[];

    /// Reads part `el` (named one of [`PARTS`](Self::PARTS)) into the body; writing the
    /// parts is [`write_body`](Self::write_body)'s.
    fn read_part(&mut self, el: ElementReader<'_, '_>) -> Result<(), DecodeError> {
        // Never called for a task without parts.
        el.skip_span().map(|_| ())
    }
}

/// An entry of a list response: which children of `<data>` are entries, and how to read one.
pub trait ListEntry: FromXml {
    /// Whether a child of `<data>` named `name` is an entry.
    fn is_entry(name: &str) -> bool;

    /// Whether a success or notify status of task `code` can head a list of these entries:
    /// by default, a modelled list form whose entries [`is_entry`](Self::is_entry) takes, or
    /// a task this crate does not model. Any other is a
    /// [`WrongTask`](crate::DecodeErrorKind::WrongTask) error.
    fn fits_task(code: &str) -> bool {
        match crate::registry::list_entries(code) {
            Some(entries) => Self::is_entry(entries),
            None => !crate::registry::is_modelled(code),
        }
    }

    /// The entry's element, for a reader of several kinds of entries ([`AnyEntry`](crate::stream::AnyEntry)): the
    /// stream then counts each result's entries of its own task's kind only, as the
    /// whole-document decoder types them. `None` (the default) for a reader of one kind.
    fn element(&self) -> Option<&'static str> {
        None
    }

    /// Whether an entry that is well-formed but does not decode (an invalid id, a missing
    /// child) waits for its result's status before it is an error: it is one only if the
    /// status makes it an entry of its task's list, as the whole-document decoder, which
    /// types `<data>` by the status code, would judge it. `false` (the default) for a reader
    /// of one kind, which refuses another task's status anyway.
    fn defers_invalid() -> bool {
        false
    }
}

/// Declares a modelled task beside its model: its code, its body and its data type. One of
///
/// ```text
/// task! { DomainUpdate = "0102", body "domain", data DomainCreateData }
/// task! { /** docs */ ContactCreate = "0301", wraps Handle as "handle", data EmptyData }
/// task! { /** docs */ PollInfo = "0905", no body, data PollInfoData }
/// task! { /** docs */ DomainList = "0105", no body, data DomainInfoData, entries "domain" of Domain }
/// ```
///
/// `body`: the type (an `xml_struct!`) is the body element. `wraps`: the macro declares a
/// newtype over an existing model, which is the body element. `no body`: the macro declares
/// a unit struct (the task carries no body element; a list form's query is the task's
/// `view`, `where`, `key` and `order`); a list form names its entries' element with
/// `entries`, which the streaming reader and the CLI count. Then add the task's line to the
/// [`registry`](crate::registry).
macro_rules! task {
    ($name:ident = $code:literal, body $element:literal, data $data:ty) => {
        impl $crate::task::Task for $name {
            const CODE: &'static str = $code;
            type Data = $data;
        }

        impl $crate::task::Body for $name {
            const ELEMENT: Option<&'static str> = Some($element);
            fn read_body(
                el: $crate::codec::ElementReader<'_, '_>,
            ) -> ::std::result::Result<Self, $crate::DecodeError> {
                <$name as $crate::codec::FromXml>::from_xml(el)
            }
            fn write_body(
                &self,
                w: &mut $crate::codec::XmlWriter<'_>,
            ) -> ::std::result::Result<(), $crate::EncodeError> {
                <$name as $crate::codec::ToXml>::to_xml(self, $element, w)
            }
            fn bodiless() -> Option<Self> {
                None
            }
        }
    };

    ($(#[$meta:meta])* $name:ident = $code:literal, wraps $inner:ty as $element:literal, data $data:ty) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $inner);

        impl From<$inner> for $name {
            fn from(inner: $inner) -> Self {
                $name(inner)
            }
        }

        // The newtype reads and writes as the model it wraps; it is then a task with a body.
        impl $crate::codec::FromXml for $name {
            fn from_xml(
                el: $crate::codec::ElementReader<'_, '_>,
            ) -> ::std::result::Result<Self, $crate::DecodeError> {
                <$inner as $crate::codec::FromXml>::from_xml(el).map($name)
            }
        }

        impl $crate::codec::ToXml for $name {
            fn to_xml(
                &self,
                name: &str,
                w: &mut $crate::codec::XmlWriter<'_>,
            ) -> ::std::result::Result<(), $crate::EncodeError> {
                <$inner as $crate::codec::ToXml>::to_xml(&self.0, name, w)
            }
        }

        $crate::task::task!($name = $code, body $element, data $data);

        #[cfg(feature = "arbitrary")]
        impl $crate::codec::fuzz::Gen for $name {
            fn generate(u: &mut ::arbitrary::Unstructured<'_>) -> ::arbitrary::Result<Self> {
                <$inner as $crate::codec::fuzz::Gen>::generate(u).map($name)
            }
        }
        $crate::codec::macros::arbitrary_via_gen!($name);
    };

    (@entries) => { None };
    (@entries $entries:literal) => { Some($entries) };

    // `entries "el" of Entry`: the list's entries are `Entry`s, which then stream as a
    // `ListEntry` of that element (declared once, on one list form, for an entry type two
    // list forms share).
    ($(#[$meta:meta])* $name:ident = $code:literal, no body, data $data:ty, entries $entries:literal of $entry:ty) => {
        $crate::task::task!($(#[$meta])* $name = $code, no body, data $data, entries $entries);

        impl $crate::task::ListEntry for $entry {
            #[doc = concat!("`", $entries, "` (", $code, ").")]
            fn is_entry(name: &str) -> bool {
                name == $entries
            }
        }
    };

    ($(#[$meta:meta])* $name:ident = $code:literal, no body, data $data:ty $(, entries $entries:literal)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
        pub struct $name;

        impl $crate::task::Task for $name {
            const CODE: &'static str = $code;
            type Data = $data;
        }

        impl $crate::task::Body for $name {
            const ELEMENT: Option<&'static str> = None;
            const ENTRIES: Option<&'static str> = $crate::task::task!(@entries $($entries)?);
            fn read_body(
                el: $crate::codec::ElementReader<'_, '_>,
            ) -> ::std::result::Result<Self, $crate::DecodeError> {
                // Never called: the registry reads a body only for a task that has one.
                el.skip_span().map(|_| $name)
            }
            fn write_body(
                &self,
                _w: &mut $crate::codec::XmlWriter<'_>,
            ) -> ::std::result::Result<(), $crate::EncodeError> {
                Ok(())
            }
            fn bodiless() -> Option<Self> {
                Some($name)
            }
        }

        #[cfg(feature = "arbitrary")]
        impl $crate::codec::fuzz::Gen for $name {
            fn generate(_u: &mut ::arbitrary::Unstructured<'_>) -> ::arbitrary::Result<Self> {
                Ok($name)
            }
        }
        $crate::codec::macros::arbitrary_via_gen!($name);
    };
}
pub(crate) use task;
