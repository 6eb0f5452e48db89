//! A JSON poll message and its `object`s, mapped to [`Message`].
//!
//! The JSON form puts the message's object (the domain, certificate, transfer … the job or
//! event is about) in the message's `object: {"type", "value", "data"}`, and an event's own
//! object (the transfer of a transfer event) in `notify.object`. The XML form nests both in
//! the payload: `job/domain`, `notify/domain`, `notify/transfer`. An object's `value` names
//! it; where its `data` lacks the name, the value fills it (`domain/name`,
//! `transfer/domain`, `certificate/name`, `handle/id`). Objects of other types are kept raw,
//! named after their type in snake_case.

use super::objects::{JsonCertificate, JsonContact, JsonDomain, JsonJob, JsonTransfer};
use super::values::{JsonDate, JsonUser, Offsets, Text, raw, raw_fields, snake_case};
use super::{Place, content, json_key};
use crate::RawElement;
use crate::codec::ToXml;
use crate::notification::NotificationError;
use crate::poll::{EventNotification, EventType, JobNotification, Message, Payload};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

#[derive(Debug, Deserialize)]
pub(super) struct JsonMessage {
    id: u64,
    owner: Option<JsonUser>,
    job: Option<JsonJob>,
    notify: Option<JsonNotify>,
    stid: Option<String>,
    ctid: Option<String>,
    created: Option<JsonDate>,
    object: Option<JsonObject>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Deserialize)]
struct JsonNotify {
    #[serde(rename = "type")]
    kind: String,
    object: Option<JsonObject>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// `{"type": "Domain", "value": "example.com", "summary": 1, "data": {…}}`.
#[derive(Debug, Default)]
pub(super) struct JsonObject {
    pub(super) kind: Option<String>,
    pub(super) value: Option<String>,
    pub(super) summary: Option<u64>,
    pub(super) data: Option<ObjectData>,
    pub(super) rest: Map<String, Value>,
}

/// An object's `data`, typed by the object's `type`.
#[derive(Debug)]
pub(super) enum ObjectData {
    Domain(Box<JsonDomain>),
    Transfer(Box<JsonTransfer>),
    Certificate(Box<JsonCertificate>),
    Contact(Box<JsonContact>),
    Other(Value),
}

/// The object types this crate models, by the JSON form's `type` (any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modelled {
    Domain,
    Transfer,
    Certificate,
    Contact,
}

fn modelled(kind: &str) -> Option<Modelled> {
    [
        ("domain", Modelled::Domain),
        ("transfer", Modelled::Transfer),
        ("certificate", Modelled::Certificate),
        ("contact", Modelled::Contact),
        ("handle", Modelled::Contact),
    ]
    .into_iter()
    .find(|(name, _)| kind.eq_ignore_ascii_case(name))
    .map(|(_, m)| m)
}

impl ObjectData {
    /// Reads `data` of an object of `kind` from the map being visited (positions intact).
    fn read<'de, A: MapAccess<'de>>(kind: Option<Modelled>, map: &mut A) -> Result<Self, A::Error> {
        Ok(match kind {
            Some(Modelled::Domain) => ObjectData::Domain(map.next_value()?),
            Some(Modelled::Transfer) => ObjectData::Transfer(map.next_value()?),
            Some(Modelled::Certificate) => ObjectData::Certificate(map.next_value()?),
            Some(Modelled::Contact) => ObjectData::Contact(map.next_value()?),
            None => ObjectData::Other(map.next_value()?),
        })
    }

    /// Types `data` read before the object's `type` was known.
    fn typed<E: de::Error>(kind: Option<Modelled>, data: Value) -> Result<Self, E> {
        let fail = |e: serde_json::Error| E::custom(format!("in the object's data: {e}"));
        Ok(match kind {
            Some(Modelled::Domain) => {
                ObjectData::Domain(serde_json::from_value(data).map_err(fail)?)
            }
            Some(Modelled::Transfer) => {
                ObjectData::Transfer(serde_json::from_value(data).map_err(fail)?)
            }
            Some(Modelled::Certificate) => {
                ObjectData::Certificate(serde_json::from_value(data).map_err(fail)?)
            }
            Some(Modelled::Contact) => {
                ObjectData::Contact(serde_json::from_value(data).map_err(fail)?)
            }
            None => ObjectData::Other(data),
        })
    }
}

impl<'de> Deserialize<'de> for JsonObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = JsonObject;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object {\"type\", \"value\", \"data\"}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonObject, A::Error> {
                let mut object = JsonObject::default();
                // `data` before `type` (not the server's order) is read untyped, then typed.
                let mut early: Option<Value> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "type" => object.kind = Some(map.next_value()?),
                        "value" => object.value = map.next_value::<Option<Text>>()?.map(|t| t.0),
                        "summary" => object.summary = map.next_value()?,
                        "data" => match &object.kind {
                            Some(kind) => {
                                object.data = Some(ObjectData::read(modelled(kind), &mut map)?)
                            }
                            None => early = Some(map.next_value()?),
                        },
                        _ => {
                            object.rest.insert(key, map.next_value()?);
                        }
                    }
                }
                if let Some(data) = early {
                    let kind = object.kind.as_deref().and_then(modelled);
                    object.data = Some(ObjectData::typed(kind, data)?);
                }
                Ok(object)
            }
        }
        d.deserialize_map(ObjectVisitor)
    }
}

/// Where an object goes in the payload.
#[allow(
    clippy::large_enum_variant,
    reason = "one value per object, moved into place at once: boxing would only add an indirection"
)]
enum Placed {
    Domain(crate::domain::Domain),
    Transfer(crate::poll::Transfer),
    Certificate(crate::certificate::Certificate),
    Handle(crate::contact::Handle),
    Raw(Vec<RawElement>),
}

impl JsonObject {
    /// The object as the payload carries it; `at` is the payload's place.
    fn place(
        self,
        offsets: &mut Offsets,
        at: &Place,
        json: &str,
    ) -> Result<Placed, NotificationError> {
        let name = self.kind.as_deref().map(snake_case).unwrap_or_default();
        let child = Place {
            xml: format!("{}/{name}", at.xml),
            json: json_key(json, "data"),
        };
        let value = self.value;
        Ok(match self.data {
            Some(ObjectData::Domain(d)) => Placed::Domain(d.into_model(offsets, &child, value)?),
            Some(ObjectData::Transfer(t)) => Placed::Transfer(t.into_model(offsets, &child, value)),
            Some(ObjectData::Certificate(c)) => {
                Placed::Certificate(c.into_model(offsets, &child, value))
            }
            Some(ObjectData::Contact(c)) => Placed::Handle(c.into_model(&child, value)?),
            // A domain named only by the object's value.
            None if self.kind.as_deref().and_then(modelled) == Some(Modelled::Domain) => {
                let name = value.ok_or_else(|| content(json, "a domain object needs a value"))?;
                Placed::Domain(crate::domain::Domain::new(name))
            }
            Some(ObjectData::Other(data)) => Placed::Raw(raw(&name, data)),
            None => Placed::Raw(match value {
                Some(v) => raw(&name, Value::String(v)),
                None => Vec::new(),
            }),
        })
    }
}

impl JsonMessage {
    /// The message, at element path `at.xml` and JSON path `at.json`.
    pub(super) fn into_model(
        self,
        offsets: &mut Offsets,
        at: &Place,
    ) -> Result<Message, NotificationError> {
        let created = offsets.date(&at.xml, "created", self.created);
        let object = self.object;
        let payload = match (self.job, self.notify) {
            (Some(job), None) => {
                let place = at.child("job", "job");
                let record = Place {
                    xml: format!("{}/job", place.xml),
                    json: place.json.clone(),
                };
                let job_id = Some(job.id);
                let job = Some(job.into_model(offsets, &record));
                let (mut domain, mut transfer, mut certificate, mut handle) =
                    (None, None, None, None);
                let mut unknown = crate::Unknown::new();
                if let Some(object) = object {
                    let json = json_key(&at.json, "object");
                    match object.place(offsets, &place, &json)? {
                        Placed::Domain(d) => domain = Some(d),
                        Placed::Transfer(t) => transfer = Some(t),
                        Placed::Certificate(c) => certificate = Some(c),
                        Placed::Handle(h) => handle = Some(h),
                        Placed::Raw(raw) => unknown.extend(raw),
                    }
                }
                Payload::Job(Box::new(JobNotification {
                    transfer,
                    domain,
                    handle,
                    certificate,
                    job_id,
                    job,
                    status: None,
                    stid: self.stid,
                    ctid: self.ctid,
                    unknown,
                }))
            }
            (None, Some(notify)) => {
                let place = at.child("notify", "notify");
                let (mut domain, mut transfer) = (None, None);
                let mut unknown = crate::Unknown::new();
                if let Some(ctid) = self.ctid {
                    unknown.extend(raw("ctid", Value::String(ctid)));
                }
                let objects = [
                    notify.object.map(|o| (o, json_key(&place.json, "object"))),
                    object.map(|o| (o, json_key(&at.json, "object"))),
                ];
                for (object, json) in objects.into_iter().flatten() {
                    match object.place(offsets, &place, &json)? {
                        Placed::Domain(d) if domain.is_none() => domain = Some(d),
                        Placed::Transfer(t) if transfer.is_none() => transfer = Some(t),
                        Placed::Domain(_) | Placed::Transfer(_) => {
                            return Err(content(&json, "a second object of the same type"));
                        }
                        // An event has no typed place for these: kept as their XML form.
                        Placed::Certificate(c) => unknown.push(as_raw(&c, "certificate", &json)?),
                        Placed::Handle(h) => unknown.push(as_raw(&h, "handle", &json)?),
                        Placed::Raw(raw) => unknown.extend(raw),
                    }
                }
                unknown.extend(raw_fields(notify.rest));
                Payload::Notify(Box::new(EventNotification {
                    reason: None,
                    deactivation: None,
                    domain,
                    transfer,
                    kind: EventType::from_wire(&notify.kind),
                    status: None,
                    stid: self.stid,
                    unknown,
                }))
            }
            (Some(_), Some(_)) => {
                return Err(content(
                    &at.json,
                    "a message carries one payload: job or notify",
                ));
            }
            (None, None) => {
                return Err(content(
                    &at.json,
                    "a message carries a payload: job or notify",
                ));
            }
        };
        Ok(Message {
            id: self.id,
            owner: self.owner.map(JsonUser::into_user),
            payload,
            created,
            unknown: raw_fields(self.rest),
        })
    }
}

/// A model as the raw element its XML form is (built from the writer's events, no XML text).
fn as_raw<T: ToXml>(value: &T, name: &str, json: &str) -> Result<RawElement, NotificationError> {
    RawElement::of(value, name).map_err(|_| content(json, "an object that has no XML form"))
}
