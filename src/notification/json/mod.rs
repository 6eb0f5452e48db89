//! The JSON form of notifications (feature `json`), mapped to the XML form's models.
//!
//! A body with a `data` or `status` key is a poll answer, anything else a single message.
//! The poll answer's `status` is the response's status (its `type`, `SUCCESS` in JSON, reads
//! as the XML spelling `success`), its `object` the status object (its `type`, `Message`,
//! reads as `message`) and its `summary` the data's summary; `messages` are the result's
//! `msg`s. Within a message, see [`message`] for the objects and [`objects`] for their keys.
//! Keys the model does not map are kept as raw elements named in snake_case, so that nothing
//! is lost. A value of the wrong type is an error at its line and column.

mod message;
mod objects;
mod values;

use super::{NotificationBody, NotificationError};
use crate::envelope::{Msg, ObjectRef, Response, Status, StatusCode, TaskResult};
use crate::poll::PollInfoData;
use chrono::FixedOffset;
use message::{JsonMessage, JsonObject};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use values::{Offsets, raw, raw_fields, snake_case, status_type};

/// Where a value is: its element path in the XML form, its path in the JSON body.
#[derive(Debug, Clone)]
struct Place {
    xml: String,
    json: String,
}

impl Place {
    fn child(&self, element: &str, key: &str) -> Place {
        Place {
            xml: format!("{}/{element}", self.xml),
            json: json_key(&self.json, key),
        }
    }
}

/// The JSON path of `key` in the object at `path` (empty at the top level).
fn json_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A JSON body that parses but does not fit the model, at JSON path `path`.
fn content(path: &str, message: &str) -> NotificationError {
    let path = if path.is_empty() {
        "the top level"
    } else {
        path
    };
    NotificationError::JsonContent {
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

/// A serde_json error, with its position apart.
fn syntax(e: serde_json::Error) -> NotificationError {
    let (line, column) = (e.line(), e.column());
    let text = e.to_string();
    let message = text
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&text)
        .to_owned();
    NotificationError::Json {
        message,
        line,
        column,
    }
}

/// Decodes a JSON body: the typed body and the offsets of its dates.
pub(super) fn decode(
    body: &[u8],
) -> Result<(NotificationBody, BTreeMap<String, FixedOffset>), NotificationError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    // First the keys only (a syntax error is reported here, with its position), then the
    // typed form from the same bytes, so that a type error has its position too.
    let keys: BTreeMap<String, IgnoredAny> = serde_json::from_slice(body).map_err(syntax)?;
    check_names(body)?;
    let mut offsets = Offsets::default();
    let typed = if keys.contains_key("data") || keys.contains_key("status") {
        let answer: PollAnswer = serde_json::from_slice(body).map_err(syntax)?;
        NotificationBody::Poll(answer.into_model(&mut offsets)?)
    } else {
        let message: JsonMessage = serde_json::from_slice(body).map_err(syntax)?;
        let at = Place {
            xml: "message".to_owned(),
            json: String::new(),
        };
        NotificationBody::Message(message.into_model(&mut offsets, &at)?)
    };
    Ok((typed, offsets.0))
}

/// `{"stid", "ctid", "status", "object", "messages", "data": [message]}`.
#[derive(Debug, Deserialize)]
struct PollAnswer {
    stid: Option<String>,
    ctid: Option<String>,
    status: JsonStatus,
    object: Option<JsonObject>,
    #[serde(default)]
    messages: Vec<JsonMsg>,
    data: Option<Vec<JsonMessage>>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Deserialize)]
struct JsonStatus {
    code: StatusCode,
    text: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// A result message (the JSON API's `Message`): text, code, status (its type), objects and
/// nested messages.
#[derive(Debug, Deserialize)]
struct JsonMsg {
    text: Option<String>,
    code: Option<String>,
    status: Option<String>,
    #[serde(default)]
    objects: Vec<JsonObjectRef>,
    #[serde(default)]
    messages: Vec<JsonMsg>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Deserialize)]
struct JsonObjectRef {
    #[serde(rename = "type")]
    kind: Option<String>,
    value: Option<String>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

impl JsonObjectRef {
    fn into_model(self) -> ObjectRef {
        ObjectRef {
            kind: self.kind.as_deref().map(snake_case),
            value: self.value,
            unknown: raw_fields(self.rest),
        }
    }
}

impl JsonMsg {
    fn into_model(self) -> Msg {
        let mut objects = self.objects.into_iter().map(JsonObjectRef::into_model);
        let object = objects.next();
        let mut unknown: crate::Unknown = objects
            .flat_map(|o| {
                let value = serde_json::json!({"type": o.kind, "value": o.value});
                raw("object", value)
            })
            .collect();
        unknown.extend(raw_fields(self.rest));
        Msg {
            text: self.text,
            code: self.code,
            kind: self.status.as_deref().map(status_type),
            object,
            msgs: self.messages.into_iter().map(JsonMsg::into_model).collect(),
            unknown,
        }
    }
}

impl PollAnswer {
    fn into_model(
        self,
        offsets: &mut Offsets,
    ) -> Result<Response<PollInfoData>, NotificationError> {
        let object = self.object.unwrap_or_default();
        let status = Status {
            code: self.status.code,
            text: self.status.text,
            kind: self.status.kind.as_deref().map(status_type),
            object: (object.kind.is_some() || object.value.is_some()).then(|| ObjectRef {
                kind: object.kind.as_deref().map(snake_case),
                value: object.value,
                unknown: raw_fields(object.rest),
            }),
            unknown: raw_fields(self.status.rest),
        };
        let mut messages = self.data.unwrap_or_default().into_iter();
        let at = Place {
            xml: "response/result/data/message".to_owned(),
            json: "data[0]".to_owned(),
        };
        let message = messages
            .next()
            .map(|m| m.into_model(offsets, &at))
            .transpose()?;
        if messages.next().is_some() {
            return Err(content("data[1]", "a poll answer holds one message"));
        }
        let data = (message.is_some() || object.summary.is_some()).then(|| PollInfoData {
            summary: object.summary,
            message,
            unknown: Default::default(),
        });
        let result = TaskResult {
            data,
            msgs: self.messages.into_iter().map(JsonMsg::into_model).collect(),
            status,
            msgs_after_status: 0,
            unknown: Default::default(),
        };
        Ok(Response {
            results: vec![result],
            stid: self.stid,
            ctid: self.ctid,
            unknown: raw_fields(self.rest),
            quirks: Vec::new(),
        })
    }
}

/// Refuses a body with an object key whose XML name (its snake_case form, as an unmapped
/// key is kept) is no XML name (`a><b`, `123`, the empty key): such a key could be kept only
/// as a raw element that cannot then be encoded. The error gives the key's JSON path.
fn check_names(body: &[u8]) -> Result<(), NotificationError> {
    let mut path = Vec::new();
    let mut de = serde_json::Deserializer::from_slice(body);
    match serde::de::DeserializeSeed::deserialize(Names { path: &mut path }, &mut de) {
        Ok(()) => Ok(()),
        Err(e) if !path.is_empty() && e.is_data() => {
            let key = path.pop().unwrap_or_default();
            Err(NotificationError::JsonContent {
                path: json_path(&path),
                message: format!(
                    "the key {:?} is no XML name, so it cannot be kept",
                    crate::error::excerpt_line(&key, 64)
                ),
            })
        }
        Err(e) => Err(syntax(e)),
    }
}

/// `data[0].notify.object` from its segments (keys, and `[i]` for array items).
fn json_path(segments: &[String]) -> String {
    let mut out = String::new();
    for s in segments {
        if !s.starts_with('[') && !out.is_empty() {
            out.push('.');
        }
        out.push_str(s);
    }
    out
}

/// A JSON value walked for its keys alone (nothing is kept), the path to the current one in
/// `path`; on a bad key the walk stops with the key last in `path`.
struct Names<'a> {
    path: &'a mut Vec<String>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Names<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Names<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        loop {
            self.path.push(format!("[{i}]"));
            if seq
                .next_element_seed(Names {
                    path: &mut *self.path,
                })?
                .is_none()
            {
                self.path.pop();
                return Ok(());
            }
            self.path.pop();
            i += 1;
        }
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let name = snake_case(&key);
            self.path.push(key.into_owned());
            if !crate::codec::syntax::is_xml_name(&name) {
                return Err(serde::de::Error::custom("a key that is no XML name"));
            }
            map.next_value_seed(Names {
                path: &mut *self.path,
            })?;
            self.path.pop();
        }
        Ok(())
    }
}
