//! A poll message: its id, owner and date, and exactly one payload.

use super::event::EventNotification;
use super::job_notification::JobNotification;
use crate::RawElement;
use crate::codec::{ElementReader, FromXml, ToXml, XmlWriter, set_once};
use crate::envelope::User;
use crate::error::{DecodeError, EncodeError};
use chrono::NaiveDateTime;

/// What a message carries: a job notification, an event notification, a TMCH notification,
/// or a payload this crate does not know.
///
/// In JSON (serde) the payload is one key of the message, its XML name: `job`, `notify`,
/// `tmchnotify`, or `_payload` for an unknown one (which keeps its element name).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
///
/// The notifications are boxed: unboxed, a job notification (its domain, contact, certificate
/// and transfer inline) made every `Message`, every 0905 answer's data and so every
/// [`AnyData`](crate::AnyData) of a response of many results 3 KB large.
#[non_exhaustive]
pub enum Payload {
    /// `<job>`: the final result of one of your tasks.
    #[serde(rename = "job")]
    Job(Box<JobNotification>),
    /// `<notify>`: an event (transfer, AutoUpdate, owner validation, …).
    #[serde(rename = "notify")]
    Notify(Box<EventNotification>),
    /// `<tmchnotify>`: a trademark clearinghouse notification. Its structure is not
    /// documented: it is kept as it came.
    #[serde(rename = "tmchnotify")]
    TmchNotify(RawElement),
    /// Any other element in the payload's place, kept as it came.
    #[serde(rename = "_payload")]
    Other(RawElement),
}

impl From<JobNotification> for Payload {
    fn from(job: JobNotification) -> Self {
        Payload::Job(Box::new(job))
    }
}

impl From<EventNotification> for Payload {
    fn from(event: EventNotification) -> Self {
        Payload::Notify(Box::new(event))
    }
}

impl Payload {
    /// The payload's element name.
    pub fn element(&self) -> &str {
        match self {
            Payload::Job(_) => "job",
            Payload::Notify(_) => "notify",
            Payload::TmchNotify(_) => "tmchnotify",
            Payload::Other(raw) => &raw.name,
        }
    }

    fn write(&self, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        match self {
            Payload::Job(job) => job.to_xml("job", w),
            Payload::Notify(notify) => notify.to_xml("notify", w),
            Payload::TmchNotify(raw) => w.raw_element("tmchnotify", raw),
            Payload::Other(raw) => w.raw_element(&raw.name, raw),
        }
    }
}

/// A poll message: `<message>` in a 0905 answer, or the whole body of a push or e-mail
/// notification.
///
/// Exactly one payload: `job`, `notify` or `tmchnotify`. A message with none of them takes
/// its first other child element as an unknown payload ([`Payload::Other`]); a second payload
/// is an error. `created` may come before or after the payload; it is written after it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Message {
    /// The message id, to confirm with 0906.
    pub id: u64,
    /// Whom the message is for (may be empty: `<owner />`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<User>,
    /// What the message carries.
    #[serde(flatten)]
    pub payload: Payload,
    /// When the message was created.
    #[serde(
        with = "crate::codec::datetime::option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub created: Option<NaiveDateTime>,
    /// Child elements this crate does not model, in the order they came; written last.
    #[serde(
        rename = "_unknown",
        default,
        skip_serializing_if = "crate::Unknown::is_empty"
    )]
    pub unknown: crate::Unknown,
}

impl Message {
    /// A message with an id and a payload, nothing else.
    pub fn new(id: u64, payload: impl Into<Payload>) -> Self {
        Message {
            id,
            owner: None,
            payload: payload.into(),
            created: None,
            unknown: Default::default(),
        }
    }

    /// The job notification, if that is the payload.
    pub fn job(&self) -> Option<&JobNotification> {
        match &self.payload {
            Payload::Job(job) => Some(job),
            _ => None,
        }
    }

    /// The event notification, if that is the payload.
    pub fn notify(&self) -> Option<&EventNotification> {
        match &self.payload {
            Payload::Notify(notify) => Some(notify),
            _ => None,
        }
    }
}

impl FromXml for Message {
    fn from_xml(mut el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.note_attributes();
        let (mut id, mut owner, mut created) = (None, None, None);
        let (mut payload, mut unknown): (Option<Payload>, Vec<RawElement>) = (None, Vec::new());
        while let Some(child) = el.next_child()? {
            match child.name() {
                "id" => set_once(&mut id, child)?,
                "owner" => set_once(&mut owner, child)?,
                "created" => set_once(&mut created, child)?,
                name @ ("job" | "notify" | "tmchnotify") => {
                    match &payload {
                        Some(p) if p.element() == name => return Err(child.duplicate()),
                        Some(_) => {
                            return Err(child.unexpected(
                                "a message carries one payload: <job>, <notify> or <tmchnotify>",
                            ));
                        }
                        None => {}
                    }
                    payload = Some(match name {
                        "job" => Payload::Job(Box::new(JobNotification::from_xml(child)?)),
                        "notify" => Payload::Notify(Box::new(EventNotification::from_xml(child)?)),
                        _ => Payload::TmchNotify(child.into_raw()?),
                    });
                }
                _ => unknown.push(child.into_raw()?),
            }
        }
        let id = id.ok_or_else(|| el.missing("id"))?;
        let payload = match payload {
            Some(p) => p,
            // No known payload: the first unknown element stands in its place.
            None if !unknown.is_empty() => Payload::Other(unknown.remove(0)),
            None => return Err(el.missing("job, notify or tmchnotify")),
        };
        Ok(Message {
            id,
            owner,
            payload,
            created,
            unknown: unknown.into(),
        })
    }
}

impl ToXml for Message {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.start(name)?;
        self.id.to_xml("id", w)?;
        if let Some(owner) = &self.owner {
            owner.to_xml("owner", w)?;
        }
        self.payload.write(w)?;
        if let Some(created) = &self.created {
            created.to_xml("created", w)?;
        }
        self.unknown.write_xml(w)?;
        w.end(name);
        Ok(())
    }
}

/// A message for the structured fuzz target (see `codec::fuzz`).
#[cfg(feature = "arbitrary")]
mod generate {
    use super::{Message, Payload};
    use crate::RawElement;
    use crate::codec::fuzz::Gen;
    use crate::raw::generate::unknown;
    use arbitrary::{Result, Unstructured};

    /// The children a message models: an unknown payload or child takes none of these names.
    const MESSAGE_FIELDS: &[&str] = &["id", "owner", "created", "job", "notify", "tmchnotify"];

    impl Gen for Payload {
        fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
            Ok(match u.int_in_range(0..=3)? {
                0 => Payload::Job(Gen::generate(u)?),
                1 => Payload::Notify(Gen::generate(u)?),
                2 => Payload::TmchNotify(Gen::generate_named(u, "tmchnotify")?),
                // An unknown payload is the message's first unknown child.
                _ => {
                    let mut raw = RawElement::generate(u)?;
                    if MESSAGE_FIELDS.contains(&raw.name.as_str()) {
                        raw.name.push_str("_x");
                    }
                    Payload::Other(raw)
                }
            })
        }
    }

    impl Gen for Message {
        fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
            Ok(Message {
                id: Gen::generate(u)?,
                owner: Gen::generate(u)?,
                payload: Gen::generate(u)?,
                created: Gen::generate(u)?,
                unknown: unknown(u, MESSAGE_FIELDS)?,
            })
        }
    }

    crate::codec::macros::arbitrary_via_gen!(Payload, Message);
}
