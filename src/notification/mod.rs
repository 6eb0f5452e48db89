//! Notification bodies, whichever form they arrive in: [`Notification::decode`].
//!
//! The server hands out the same notification four ways: as the answer to a 0905 poll, and
//! pushed (an HTTP POST to your URL) or e-mailed in the format chosen in the user profile.
//! [`Notification::decode`] reads all of them:
//!
//! - a whole 0905 poll answer, `<response>…<data><summary/><message>…</message></data>…`;
//! - a bare `<message>` document;
//! - the JSON form (feature `json`): a poll answer `{"stid", "status", "object", "data": [ … ]}`
//!   or a single message `{"id", "job" | "notify", "object", …}`, with its camelCase keys
//!   (`loosingRegistrar`, `subType`, `ownerc: {"id": …}`, …).
//!
//! Each form gives the same types: a poll answer is a [`Response<PollInfoData>`], a single
//! message a [`Message`]. The same event decoded from its XML and from its JSON form gives
//! equal values, but for the dates (below). What the JSON form is mapped to:
//!
//! - keys are the XML elements of the same meaning: `gainingRegistrar` → `gaining_registrar`,
//!   `registryStatus` → `registry_status`, `nameServers` → `nserver` (addresses split into `ip`
//!   and `ip6`), `ownerc: {"id": 100}` → `ownerc` 100 (further keys of a contact reference are
//!   dropped: the XML form has the id only), `trustee` → `use_trustee`, `validCertificate` →
//!   `certificate`, `autoRenewStatus` `TRUE`/`FALSE` → `autorenew`, `period: {"unit": "YEAR",
//!   "period": 1}` → `period` 1 (another unit is an error: the XML form counts years),
//!   `adminContact` → `admin` and `fname` → `first` on a certificate contact, `subType` →
//!   `sub_type`;
//! - the message's `object` (the domain, transfer, certificate or contact the message is
//!   about) and the event's `notify.object` go where the XML form nests them: `job/domain`,
//!   `notify/domain`, `notify/transfer`, `job/certificate`, `job/handle`; an object's `value`
//!   fills its name when its `data` lacks it; objects of other types are kept raw;
//! - a job message's `job` record (status `SUCCESS`, dates, `subType`, `action`) is
//!   [`JobNotification::job`](crate::poll::JobNotification::job), its id also `job_id`; the
//!   message's `stid` and `ctid` are the job's (an event's `stid`);
//! - a poll answer's `status` is the response's status, its `type` (`SUCCESS`) read as the XML
//!   spelling (`success`); its `object` the status object (type `Message` read as `message`)
//!   and `object.summary` the data's summary; `messages` are the result's `msg`s;
//! - keys the model has no field for are kept as raw elements named in snake_case
//!   (`lastAction` → `last_action`): nothing is lost, and the value has an XML form.
//!
//! A value of the wrong type is an error at its line and column
//! ([`NotificationError::Json`]); a body that parses but does not fit (two messages, no
//! payload) is an error at its JSON path ([`NotificationError::JsonContent`]).
//!
//! # Dates
//!
//! The XML form writes date-times without a zone, `2021-05-03 11:05:56`: the server's local
//! wall time (Europe/Berlin). The JSON form writes the same wall time with the server's UTC
//! offset at that date, `2021-05-03T11:05:56.000+0200` (`+0100` in winter). The models keep a
//! [`NaiveDateTime`] in both cases: **the wall time as written**, so
//! that both forms of one event hold equal date-times. The offsets the JSON form gave are kept
//! beside the model, in [`Notification::utc_offsets`], keyed by the element path of the date
//! (`response/result/data/message/notify/transfer/start`); the XML form leaves it empty.
//! [`Notification::instant`] combines the two. JSON fractions of a second (always `.000` in
//! the server's examples) are dropped: the XML form has whole seconds.

#[cfg(feature = "json")]
mod json;

use crate::codec::{self, Layout};
use crate::envelope::Response;
use crate::error::{DecodeError, EncodeError, Position};
use crate::poll::{Message, PollInfoData};
use crate::quirk::Quirk;
use chrono::{DateTime, FixedOffset, NaiveDateTime};
use std::collections::BTreeMap;

/// The body of a notification: a whole poll answer or a single message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "one value per body, never stored in bulk: boxing would only add an indirection"
)]
pub enum NotificationBody {
    /// A 0905 poll answer (`<response>`, or the JSON form's `{"status", "data": [ … ]}`):
    /// status, summary and at most one message.
    #[serde(rename = "response")]
    Poll(Response<PollInfoData>),
    /// A single message (`<message>`, or a JSON message object).
    #[serde(rename = "message")]
    Message(Message),
}

/// A decoded notification body: the typed value, the UTC offsets the JSON form gave its
/// dates, and the server quirks repaired on the way.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Notification {
    /// The body.
    #[serde(flatten)]
    pub body: NotificationBody,
    /// The UTC offset of each date-time the JSON form wrote with one, by the date's element
    /// path (`message/created`, `response/result/data/message/job/domain/expire`, …); empty
    /// for the XML form. See the [module documentation](self#dates).
    #[serde(
        serialize_with = "offsets_as_text",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub utc_offsets: BTreeMap<String, FixedOffset>,
    /// Server quirks repaired while decoding (XML only), of the whole body: a poll answer's
    /// [`Response`] leaves its own `quirks` empty. Not part of the value:
    /// ignored by `==`.
    #[serde(skip)]
    pub quirks: Vec<Quirk>,
}

impl PartialEq for Notification {
    /// Compares body and offsets; [`quirks`](Self::quirks) are left out.
    fn eq(&self, other: &Self) -> bool {
        self.body == other.body && self.utc_offsets == other.utc_offsets
    }
}

fn offsets_as_text<S: serde::Serializer>(
    offsets: &BTreeMap<String, FixedOffset>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(
        offsets
            .iter()
            .map(|(path, offset)| (path, offset.to_string())),
    )
}

/// Why a notification body could not be decoded.
///
/// ```
/// use autodns_xml::notification::{Notification, NotificationError};
///
/// // Neither XML nor JSON (a form post, say).
/// let err = Notification::decode(b"  id=1005360835").unwrap_err();
/// assert!(matches!(err, NotificationError::UnknownForm(at) if at.column == 3));
///
/// // XML that does not decode: a `DecodeError`, with its path.
/// match Notification::decode(b"<message><id>x</id></message>").unwrap_err() {
///     NotificationError::Xml(e) => assert_eq!(e.path(), "message/id"),
///     other => panic!("another error: {other}"),
/// }
///
/// // JSON that does not fit the model (without the `json` feature, any JSON body).
/// let err = Notification::decode(br#"{"id": "not a number"}"#).unwrap_err();
/// if cfg!(feature = "json") {
///     assert!(matches!(err, NotificationError::Json { line: 1, column: 21, .. }));
/// } else {
///     assert_eq!(err, NotificationError::JsonUnsupported);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NotificationError {
    /// An XML body that does not decode (with line, column and element path).
    #[error(transparent)]
    Xml(#[from] DecodeError),
    /// A JSON body that does not parse, or holds a value of the wrong type.
    #[error("invalid JSON notification: {message} at line {line}, column {column}")]
    Json {
        /// What is wrong.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A JSON body that parses but does not fit the model (two messages in one poll answer,
    /// a message without payload, …), at the JSON path given.
    #[error("invalid JSON notification: {message} at {path}")]
    JsonContent {
        /// The JSON path, e.g. `data[0].object.data`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A JSON body, but the crate was built without the `json` feature.
    #[error("a JSON notification body needs the `json` feature of autodns-xml")]
    JsonUnsupported,
    /// Neither an XML document nor a JSON object.
    #[error("not a notification body: expected an XML document or a JSON object at {0}")]
    UnknownForm(Position),
}

impl Notification {
    /// Decodes a notification body: a 0905 poll answer or a bare `<message>` in XML, or a
    /// poll answer or a single message in JSON (feature `json`). The first character that is
    /// not white space (after a UTF-8 byte-order mark) tells the forms apart: `<` or `{`.
    ///
    /// ```
    /// use autodns_xml::notification::Notification;
    /// use autodns_xml::poll::EventType;
    ///
    /// let xml = b"<message><id>7</id><owner/><notify><domain><name>example.com</name></domain>\
    ///             <type>autoupdate_deffered_success</type></notify></message>";
    /// let notification = Notification::decode(xml)?;
    /// let event = notification.message().and_then(|m| m.notify()).expect("an event");
    /// assert!(event.kind.is_deferred());
    /// assert_eq!(event.kind.as_str(), "autoupdate_deffered_success"); // kept as sent
    /// assert_eq!(event.domain_name(), Some("example.com"));
    /// # Ok::<(), autodns_xml::notification::NotificationError>(())
    /// ```
    pub fn decode(body: &[u8]) -> Result<Self, NotificationError> {
        let text = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let start = text.iter().position(|b| !b.is_ascii_whitespace());
        match start.and_then(|i| text.get(i)) {
            Some(b'<') => Self::decode_xml(body),
            Some(b'{') => Self::decode_json(body),
            _ => {
                let at = body.len() - text.len() + start.unwrap_or(text.len());
                Err(NotificationError::UnknownForm(Position::locate(body, at)))
            }
        }
    }

    fn decode_xml(body: &[u8]) -> Result<Self, NotificationError> {
        let limits = crate::Limits::default();
        let (src, start) = codec::prepare(body, &limits)?;
        let (body, quirks) = codec::read_document(src, start, &limits, |el| match el.name() {
            "response" => Ok(NotificationBody::Poll(codec::FromXml::from_xml(el)?)),
            "message" => Ok(NotificationBody::Message(codec::FromXml::from_xml(el)?)),
            _ => Err(el.unexpected_root("<response> or <message>")),
        })?;
        Ok(Notification {
            body,
            utc_offsets: BTreeMap::new(),
            quirks: quirks.into_vec(),
        })
    }

    #[cfg(feature = "json")]
    fn decode_json(body: &[u8]) -> Result<Self, NotificationError> {
        let (body, utc_offsets) = json::decode(body)?;
        Ok(Notification {
            body,
            utc_offsets,
            quirks: Vec::new(),
        })
    }

    #[cfg(not(feature = "json"))]
    fn decode_json(_body: &[u8]) -> Result<Self, NotificationError> {
        Err(NotificationError::JsonUnsupported)
    }

    /// The message, if the body holds one (a poll answer for an empty queue holds none).
    pub fn message(&self) -> Option<&Message> {
        match &self.body {
            NotificationBody::Poll(response) => response.data().and_then(|d| d.message.as_ref()),
            NotificationBody::Message(message) => Some(message),
        }
    }

    /// The date-time `local` found at element `path`, as an instant: with the UTC offset the
    /// JSON form gave it, `None` if it gave none (the XML form never does).
    pub fn instant(&self, path: &str, local: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        let offset = self.utc_offsets.get(path)?;
        local.and_local_timezone(*offset).single()
    }

    /// Encodes the body as an XML document of its shape (a `<response>` or a `<message>`),
    /// indented. The JSON form's offsets are not part of the XML form.
    pub fn to_xml(&self) -> Result<String, EncodeError> {
        self.to_xml_with(Layout::Indented)
    }

    /// Encodes the body as an XML document with the given layout.
    pub fn to_xml_with(&self, layout: Layout) -> Result<String, EncodeError> {
        match &self.body {
            NotificationBody::Poll(response) => response.to_xml_with(layout),
            NotificationBody::Message(message) => codec::write_document(message, "message", layout),
        }
    }
}
