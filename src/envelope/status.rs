//! Status codes, status types and the `status` / `msg` elements.

use crate::codec::macros::{open_enum, xml_struct};
use crate::codec::{ElementReader, FromXml, ToXml, XmlWriter};
use crate::error::{DecodeError, EncodeError};
use crate::task::TaskCode;
use std::fmt;

/// What a status code's letter says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusKind {
    /// `S`: the task succeeded.
    Success,
    /// `E`: the task failed.
    Error,
    /// `N`: the task was accepted; its final result comes later as a notification.
    Notify,
}

impl StatusKind {
    /// The letter.
    pub fn letter(self) -> char {
        match self {
            StatusKind::Success => 'S',
            StatusKind::Error => 'E',
            StatusKind::Notify => 'N',
        }
    }
}

/// A status code such as `S0105`, `N0101` or `E0201`: a letter and the task code it answers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StatusCode {
    /// The letter.
    pub kind: StatusKind,
    /// The task code.
    pub task: TaskCode,
}

impl StatusCode {
    /// A status code from its parts.
    pub fn new(kind: StatusKind, task: TaskCode) -> Self {
        StatusCode { kind, task }
    }

    /// The status code `kind` gives for task `T`: `StatusCode::of::<DomainInfo>(StatusKind::Success)`
    /// is `S0105`.
    pub fn of<T: crate::Task>(kind: StatusKind) -> Self {
        StatusCode {
            kind,
            task: TaskCode::known(T::CODE),
        }
    }

    /// Parses `S0105` and the like: `S`, `E` or `N`, then the task code's digits.
    pub fn parse(s: &str) -> Option<Self> {
        let mut chars = s.chars();
        let kind = match chars.next()? {
            'S' => StatusKind::Success,
            'E' => StatusKind::Error,
            'N' => StatusKind::Notify,
            _ => return None,
        };
        let task = TaskCode::new(chars.as_str()).ok()?;
        Some(StatusCode { kind, task })
    }

    /// Whether the letter is `S`.
    pub fn is_success(&self) -> bool {
        self.kind == StatusKind::Success
    }

    /// Whether the letter is `E`.
    pub fn is_error(&self) -> bool {
        self.kind == StatusKind::Error
    }

    /// Whether the letter is `N`.
    pub fn is_notify(&self) -> bool {
        self.kind == StatusKind::Notify
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.kind.letter(), self.task)
    }
}

impl FromXml for StatusCode {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.parse_with(
            "a status code: S, E or N and a task code (e.g. S0105)",
            StatusCode::parse,
        )
    }
}

impl ToXml for StatusCode {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf_display(name, self)
    }
}

impl serde::Serialize for StatusCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for StatusCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        StatusCode::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid status code {s:?}")))
    }
}

open_enum! {
    /// A status's or msg's `type`.
    pub enum StatusType {
        /// `success`
        Success = "success",
        /// `error`
        Error = "error",
        /// `notify`
        Notify = "notify",
        /// `warning` (seen on msgs)
        Warning = "warning",
    }
}

xml_struct! {
    manual Debug, Serialize, ToXml;
    /// An object reference: `<object><type>domain</type><value>example.com</value></object>`.
    ///
    /// The value of an `authinfo` object (0113001 answers with the new auth code there) is a
    /// secret: `***` in `Debug` and in serde output unless
    /// [`ExposeSecrets`](crate::ExposeSecrets) asks for it, as a password is; the encoder
    /// writes it as it is.
    #[derive(Default)]
    pub struct ObjectRef {
        /// The object type (`domain`, `handle`, `certificate_job`, `message`, …).
        kind: Option<String> = opt "type",
        /// The object (a name or an id, as text).
        value: Option<String> = opt "value",
    }
}

impl ObjectRef {
    /// Whether the value is a secret: an `authinfo` object's (in any case).
    pub fn holds_secret(&self) -> bool {
        self.kind
            .as_deref()
            .is_some_and(|k| crate::codec::syntax::trim_xml(k).eq_ignore_ascii_case("authinfo"))
    }

    /// The value as `Debug` and serde show it: masked if it is a secret.
    fn shown_value(&self) -> Option<&str> {
        let value = self.value.as_deref()?;
        if self.holds_secret() && !value.is_empty() && !crate::redact::secrets_exposed() {
            Some(super::Secret::MASK)
        } else {
            Some(value)
        }
    }
}

impl fmt::Debug for ObjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the secret, whatever `ExposeSecrets` says (that is for serde output only).
        let value = match &self.value {
            Some(v) if self.holds_secret() && !v.is_empty() => Some(super::Secret::MASK),
            other => other.as_deref(),
        };
        f.debug_struct("ObjectRef")
            .field("kind", &self.kind)
            .field("value", &value)
            .field("unknown", &self.unknown)
            .finish()
    }
}

impl ToXml for ObjectRef {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.start(name)?;
        if let Some(kind) = &self.kind {
            w.leaf("type", kind)?;
        }
        if let Some(value) = &self.value {
            // A writer for logs masks the auth code too.
            let shown = if self.holds_secret() && w.masks_secrets() && !value.is_empty() {
                super::Secret::MASK
            } else {
                value
            };
            w.leaf("value", shown)?;
        }
        self.unknown.write_xml(w)?;
        w.end(name);
        Ok(())
    }
}

impl serde::Serialize for ObjectRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        if let Some(kind) = &self.kind {
            map.serialize_entry("type", kind)?;
        }
        if let Some(value) = self.shown_value() {
            map.serialize_entry("value", value)?;
        }
        if !self.unknown.is_empty() {
            map.serialize_entry("_unknown", &self.unknown)?;
        }
        map.end()
    }
}

impl ObjectRef {
    /// An object reference of `kind` and `value`.
    pub fn new(kind: impl Into<String>, value: impl Into<String>) -> Self {
        ObjectRef {
            kind: Some(kind.into()),
            value: Some(value.into()),
            unknown: Default::default(),
        }
    }
}

xml_struct! {
    /// A task's status: `<status><code>S0105</code><text>…</text><type>success</type>…</status>`.
    ///
    /// The text is localised and sometimes truncated: match on the code.
    pub struct Status {
        /// The status code.
        code: StatusCode = req "code",
        /// The localised text.
        text: Option<String> = opt "text",
        /// The type.
        kind: Option<StatusType> = opt "type",
        /// The object the status is about (e.g. the new handle's id for 0301).
        object: Option<ObjectRef> = opt "object",
    }
}

impl Status {
    /// A status with just a code.
    pub fn new(code: StatusCode) -> Self {
        Status {
            code,
            text: None,
            kind: None,
            object: None,
            unknown: Default::default(),
        }
    }
}

xml_struct! {
    /// A message attached to a result: an error detail (`EF…`), a note (`MSG…`) or a
    /// subordinate status, possibly with nested messages.
    #[derive(Default)]
    pub struct Msg {
        /// The localised text.
        text: Option<String> = opt "text",
        /// The code (`EF02019`, `MSG…`, or a status code as text).
        code: Option<String> = opt "code",
        /// The type.
        kind: Option<StatusType> = opt "type",
        /// The object the message is about.
        object: Option<ObjectRef> = opt "object",
        /// Nested messages.
        msgs: Vec<Msg> = many "msg",
    }
}

impl Msg {
    /// `msgs` and every message nested in them, depth first in document order: the parent
    /// before its own nested messages, those before the parent's next sibling.
    ///
    /// ```
    /// use autodns_xml::Msg;
    ///
    /// let code = |c: &str| Msg { code: Some(c.to_owned()), ..Msg::default() };
    /// let outer = Msg { msgs: vec![code("EF2"), code("EF3")], ..code("EF1") };
    /// let msgs = [outer, code("EF4")];
    /// let all: Vec<_> = Msg::walk(&msgs).filter_map(|m| m.code.as_deref()).collect();
    /// assert_eq!(all, ["EF1", "EF2", "EF3", "EF4"]);
    /// ```
    pub fn walk(msgs: &[Msg]) -> impl Iterator<Item = &Msg> {
        // An explicit stack: however deep the nesting (the decoder's limits bound it), no
        // recursion.
        let mut stack = vec![msgs.iter()];
        std::iter::from_fn(move || {
            loop {
                let top = stack.last_mut()?;
                match top.next() {
                    Some(msg) => {
                        stack.push(msg.msgs.iter());
                        return Some(msg);
                    }
                    None => {
                        stack.pop();
                    }
                }
            }
        })
    }
}
