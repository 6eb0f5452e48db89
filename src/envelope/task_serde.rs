//! JSON (serde) form of a [`RequestTask`]: keys are the wire names, and the body sits under
//! its element's name (`handle`, `domain`, `message`, …). Which task the body is follows
//! from `code`, as on the wire, never from the body's shape. This crate writes `code` first;
//! a body that comes before it (JSON objects have no order) is held back until the code says
//! which task's body it is.

use super::buffered::{Buffered, BufferedDeserializer};
use super::task::RequestTask;
use super::{Order, View, Where};
use crate::RawElement;
use crate::registry::{self, AnyTask};
use crate::task::TaskCode;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The keys of a task other than its body, in the order they are written.
const FIELDS: &[&str] = &[
    "code", "view", "key", "where", "order", "ctid", "reply_to", "_unknown",
];

impl Serialize for RequestTask {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("code", &self.code)?;
        self.body.serialize_entry(&mut map)?;
        if let Some(view) = &self.view {
            map.serialize_entry("view", view)?;
        }
        if !self.key.is_empty() {
            map.serialize_entry("key", &self.key)?;
        }
        if let Some(filter) = &self.r#where {
            map.serialize_entry("where", filter)?;
        }
        if !self.order.is_empty() {
            map.serialize_entry("order", &self.order)?;
        }
        if let Some(ctid) = &self.ctid {
            map.serialize_entry("ctid", ctid)?;
        }
        if let Some(reply_to) = &self.reply_to {
            map.serialize_entry("reply_to", reply_to)?;
        }
        if !self.unknown.is_empty() {
            map.serialize_entry("_unknown", &self.unknown)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for RequestTask {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(TaskVisitor)
    }
}

struct TaskVisitor;

/// The error for body key `key` that no modelled form of task `code` reads.
fn no_such_body<E: de::Error>(code: &str, key: &str) -> E {
    if registry::is_body_element(key) {
        E::custom(format_args!("task {code} takes no `{key}` body"))
    } else {
        E::unknown_field(key, FIELDS)
    }
}

/// Reads the value of entry `key` as the body of task `code`.
fn body_entry<'de, A: MapAccess<'de>>(
    code: &str,
    key: &str,
    map: &mut A,
) -> Result<AnyTask, A::Error> {
    if registry::task_info(code, Some(key)).is_none() {
        return Err(no_such_body(code, key));
    }
    map.next_value_seed(BodySeed { code, key })
}

/// The body of task `code` under key `key`, read straight from the input.
struct BodySeed<'a> {
    code: &'a str,
    key: &'a str,
}

impl<'de> de::DeserializeSeed<'de> for BodySeed<'_> {
    type Value = AnyTask;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<AnyTask, D::Error> {
        AnyTask::deserialize_as(self.code, self.key, d)?
            .ok_or_else(|| no_such_body(self.code, self.key))
    }
}

/// Sets `slot` once; a second value for `key` is an error.
fn once<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    slot: &mut Option<T>,
    key: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

impl<'de> Visitor<'de> for TaskVisitor {
    type Value = RequestTask;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a task: an object with `code`, its body and query")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RequestTask, A::Error> {
        let mut code: Option<TaskCode> = None;
        let mut body: Option<AnyTask> = None;
        // A body key before `code`, held back (see the module documentation).
        let mut early: Option<(String, Buffered)> = None;
        let (mut view, mut key, mut filter, mut order) = (None, None, None, None);
        let (mut ctid, mut reply_to, mut unknown) = (None, None, None);
        while let Some(k) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match k.as_ref() {
                "code" => once(&mut code, "code", &mut map)?,
                "view" => once::<_, View>(&mut view, "view", &mut map)?,
                "key" => once::<_, Vec<String>>(&mut key, "key", &mut map)?,
                "where" => once::<_, Where>(&mut filter, "where", &mut map)?,
                "order" => once::<_, Vec<Order>>(&mut order, "order", &mut map)?,
                "ctid" => once::<_, String>(&mut ctid, "ctid", &mut map)?,
                "reply_to" => once::<_, String>(&mut reply_to, "reply_to", &mut map)?,
                "_unknown" => once::<_, Vec<RawElement>>(&mut unknown, "_unknown", &mut map)?,
                other => {
                    if body.is_some() || early.is_some() {
                        let code = code.as_ref().map_or("", TaskCode::as_str);
                        return Err(de::Error::custom(format_args!(
                            "task {code}: a second body (`{other}`)"
                        )));
                    }
                    match &code {
                        Some(code) => body = Some(body_entry(code.as_str(), other, &mut map)?),
                        None if registry::is_body_element(other) => {
                            early = Some((other.to_owned(), map.next_value::<Buffered>()?));
                        }
                        None => return Err(de::Error::unknown_field(other, FIELDS)),
                    }
                }
            }
        }
        let code = code.ok_or_else(|| de::Error::missing_field("code"))?;
        if let Some((key, value)) = early {
            let held = BufferedDeserializer::<A::Error>::new(value);
            body = Some(
                AnyTask::deserialize_as(code.as_str(), &key, held)?
                    .ok_or_else(|| no_such_body(code.as_str(), &key))?,
            );
        }
        let body = match body {
            Some(body) => body,
            None => AnyTask::bodiless(code.as_str()).map_err(|element| {
                de::Error::custom(format_args!("task {code} needs a `{element}` body"))
            })?,
        };
        Ok(RequestTask {
            code,
            body,
            ctid,
            reply_to,
            view,
            key: key.unwrap_or_default(),
            r#where: filter,
            order: order.unwrap_or_default(),
            unknown: unknown.unwrap_or_default(),
            quirks: Vec::new(),
        })
    }
}
