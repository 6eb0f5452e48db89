//! Leaf values of the JSON form: date-times with offsets, users, numbers-or-text, and the
//! raw elements that keep what the model does not map.

use crate::codec::datetime;
use crate::envelope::{StatusType, User};
use crate::{RawElement, RawNode};
use chrono::{FixedOffset, NaiveDateTime};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// A JSON date-time: `2022-01-19T10:54:42.000+0100` (also `+01:00`, `Z`, no offset, or the
/// XML form's `2022-01-19 10:54:42`). The wall time as written, fractions of a second
/// dropped, and the offset if one was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct JsonDate {
    pub(super) local: NaiveDateTime,
    pub(super) offset: Option<FixedOffset>,
}

impl JsonDate {
    fn parse(s: &str) -> Option<Self> {
        // `YYYY-MM-DDTHH:MM:SS` is 19 ASCII bytes; the XML form's spelling has a space.
        let (head, tail) = (s.get(..19)?, s.get(19..)?);
        let local = datetime::parse(&head.replacen('T', " ", 1))?;
        let tail = match tail.strip_prefix('.') {
            Some(fraction) => fraction.trim_start_matches(|c: char| c.is_ascii_digit()),
            None => tail,
        };
        let offset = match tail {
            "" => None,
            "Z" => Some(FixedOffset::east_opt(0)?),
            _ => Some(parse_offset(tail)?),
        };
        Some(JsonDate { local, offset })
    }
}

/// `+hhmm`, `+hh:mm`, `-hhmm` or `-hh:mm`.
fn parse_offset(s: &str) -> Option<FixedOffset> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, s.get(1..)?),
        b'-' => (-1, s.get(1..)?),
        _ => return None,
    };
    let digits = rest.replacen(':', "", 1);
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..)?.parse().ok()?;
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

impl<'de> Deserialize<'de> for JsonDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        JsonDate::parse(&s).ok_or_else(|| {
            de::Error::custom(format!(
                "invalid date-time {s:?}: expected YYYY-MM-DDTHH:MM:SS.sss+hhmm"
            ))
        })
    }
}

/// The offsets the JSON form gave, by the element path of each date.
#[derive(Debug, Default)]
pub(super) struct Offsets(pub(super) BTreeMap<String, FixedOffset>);

impl Offsets {
    /// The wall time of `date`, recording its offset at `path/name`.
    pub(super) fn date(
        &mut self,
        path: &str,
        name: &str,
        date: Option<JsonDate>,
    ) -> Option<NaiveDateTime> {
        let date = date?;
        if let Some(offset) = date.offset {
            self.0.insert(format!("{path}/{name}"), offset);
        }
        Some(date.local)
    }
}

/// A value the JSON form writes as a string or a number (a context, an object's `value`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Text(pub(super) String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// A contact reference: `{"id": 100}` (further keys ignored: the XML form has only the id)
/// or a bare number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ContactRef(pub(super) u64);

impl<'de> Deserialize<'de> for ContactRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RefVisitor;
        impl<'de> Visitor<'de> for RefVisitor {
            type Value = ContactRef;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a contact reference {\"id\": …}")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ContactRef, E> {
                Ok(ContactRef(v))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<ContactRef, A::Error> {
                let mut id = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "id" {
                        id = Some(map.next_value::<u64>()?);
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
                id.map(ContactRef)
                    .ok_or_else(|| de::Error::missing_field("id"))
            }
        }
        d.deserialize_any(RefVisitor)
    }
}

/// `{"user": …, "context": …}`: the JSON form writes the context as a number.
#[derive(Debug, Deserialize)]
pub(super) struct JsonUser {
    user: Option<String>,
    context: Option<Text>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

impl JsonUser {
    pub(super) fn into_user(self) -> User {
        User {
            user: self.user,
            context: self.context.map(|c| c.0),
            unknown: raw_fields(self.rest),
        }
    }
}

/// A status or message type: the JSON form writes `SUCCESS`, the XML form `success`. A known
/// type in other case reads as the XML spelling; anything else is kept as sent.
pub(super) fn status_type(s: &str) -> StatusType {
    match StatusType::from_wire(&s.to_ascii_lowercase()) {
        StatusType::Other(_) => StatusType::Other(s.to_owned()),
        known => known,
    }
}

/// `camelCase` as `camel_case`: the XML form's spelling of a JSON key.
pub(super) fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    let mut previous_lower = false;
    for c in key.chars() {
        if c.is_uppercase() {
            if previous_lower {
                out.push('_');
            }
            out.extend(c.to_lowercase());
            previous_lower = false;
        } else {
            out.push(c);
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
        }
    }
    out
}

/// JSON keys the model does not map, as raw elements named in snake_case (see [`raw`]).
pub(super) fn raw_fields(rest: Map<String, Value>) -> crate::Unknown {
    rest.into_iter()
        .flat_map(|(key, value)| raw(&snake_case(&key), value))
        .collect()
}

/// A JSON value as raw elements called `name`: an object is an element with its keys as
/// children, an array one element per item, a scalar an element holding its text, null an
/// empty element.
pub(super) fn raw(name: &str, value: Value) -> Vec<RawElement> {
    let element = |children: Vec<RawNode>| RawElement {
        name: name.to_owned(),
        attributes: Vec::new(),
        children,
    };
    let text = |t: String| vec![element(vec![RawNode::Text(t)])];
    match value {
        Value::Null => vec![element(Vec::new())],
        Value::Bool(b) => text(b.to_string()),
        Value::Number(n) => text(n.to_string()),
        Value::String(s) if s.is_empty() => vec![element(Vec::new())],
        Value::String(s) => text(s),
        Value::Array(items) => items.into_iter().flat_map(|v| raw(name, v)).collect(),
        Value::Object(map) => vec![element(
            raw_fields(map).into_iter().map(RawNode::Element).collect(),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_the_wall_time_and_the_offset() {
        let at = |s: &str| JsonDate::parse(s).map(|d| (d.local.to_string(), d.offset));
        let east = |h: i32| FixedOffset::east_opt(h * 3600);
        let wall = "2022-01-19 10:54:42".to_owned();
        assert_eq!(
            at("2022-01-19T10:54:42.000+0100"),
            Some((wall.clone(), east(1)))
        );
        assert_eq!(
            at("2022-01-19T10:54:42+01:00"),
            Some((wall.clone(), east(1)))
        );
        assert_eq!(
            at("2022-01-19T10:54:42.5-0230"),
            Some((wall.clone(), FixedOffset::west_opt(9000)))
        );
        assert_eq!(at("2022-01-19T10:54:42Z"), Some((wall.clone(), east(0))));
        assert_eq!(at("2022-01-19T10:54:42"), Some((wall.clone(), None)));
        assert_eq!(at("2022-01-19 10:54:42"), Some((wall, None)));
        for bad in [
            "2022-01-19",
            "2022-01-19T10:54:42+1",
            "2022-01-19T10:54:42 +0100",
            "2022-13-19T10:54:42",
            "x",
        ] {
            assert_eq!(at(bad), None, "{bad}");
        }
    }

    #[test]
    fn keys_are_spelled_as_xml_names() {
        for (json, xml) in [
            ("lastAction", "last_action"),
            ("nicMemberLabel", "nic_member_label"),
            ("ipAddresses", "ip_addresses"),
            ("flags", "flags"),
            ("ipv6Address", "ipv6_address"),
        ] {
            assert_eq!(snake_case(json), xml);
        }
    }
}
