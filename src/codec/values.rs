//! Leaf values: text, numbers, booleans, date-times, and how fields pick their spelling.

use super::{ElementReader, FromXml, ToXml, XmlWriter};
use crate::error::{DecodeError, EncodeError};
use chrono::NaiveDateTime;

/// How a field is read and written: [`Natural`] (the type's own [`FromXml`]/[`ToXml`]),
/// [`Bit`] (a boolean written `1`/`0`), [`Cdata`] (text written in a CDATA section).
pub(crate) trait Codec<T> {
    fn read(el: ElementReader<'_, '_>) -> Result<T, DecodeError>;
    fn write(value: &T, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError>;
}

pub(crate) struct Natural;
impl<T: FromXml + ToXml> Codec<T> for Natural {
    fn read(el: ElementReader<'_, '_>) -> Result<T, DecodeError> {
        T::from_xml(el)
    }
    fn write(value: &T, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        value.to_xml(name, w)
    }
}

/// A boolean the server writes as `1`/`0` (`confirm_order`, `children`); read in any spelling.
pub(crate) struct Bit;
impl Codec<bool> for Bit {
    fn read(el: ElementReader<'_, '_>) -> Result<bool, DecodeError> {
        bool::from_xml(el)
    }
    fn write(value: &bool, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf(name, if *value { "1" } else { "0" })
    }
}

/// Text the server sends in CDATA (a CSR).
pub(crate) struct Cdata;
impl Codec<String> for Cdata {
    fn read(el: ElementReader<'_, '_>) -> Result<String, DecodeError> {
        String::from_xml(el)
    }
    fn write(value: &String, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.cdata_leaf(name, value)
    }
}

impl FromXml for String {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(el.text()?.into_owned())
    }
}
impl ToXml for String {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf(name, self)
    }
}

macro_rules! integer_leaf {
    ($($ty:ty => $expected:literal),*) => {$(
        impl FromXml for $ty {
            fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
                el.parse_with($expected, |s| s.parse().ok())
            }
        }
        impl ToXml for $ty {
            fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
                w.leaf_display(name, self)
            }
        }
    )*};
}
integer_leaf!(u64 => "an unsigned integer", u32 => "an unsigned 32-bit integer", i64 => "an integer");

/// Reads `true`/`false`, `1`/`0` and `yes`/`no` in any case.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    const TRUE: [&str; 3] = ["true", "1", "yes"];
    const FALSE: [&str; 3] = ["false", "0", "no"];
    if TRUE.iter().any(|t| s.eq_ignore_ascii_case(t)) {
        Some(true)
    } else if FALSE.iter().any(|f| s.eq_ignore_ascii_case(f)) {
        Some(false)
    } else {
        None
    }
}

impl FromXml for bool {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.parse_with("a boolean (true/false, 1/0, yes/no)", parse_bool)
    }
}
impl ToXml for bool {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf(name, if *self { "true" } else { "false" })
    }
}

impl FromXml for NaiveDateTime {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.parse_with("a date-time YYYY-MM-DD HH:MM:SS", |s| {
            NaiveDateTime::parse_from_str(s, datetime::FORMAT).ok()
        })
    }
}
impl ToXml for NaiveDateTime {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf_display(name, self.format(datetime::FORMAT))
    }
}

/// The server's zone-less date-times, `YYYY-MM-DD HH:MM:SS`, and serde helpers that keep that
/// spelling in JSON (`#[serde(with = "autodns_xml::codec::datetime")]`).
pub mod datetime {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    /// The wire format.
    pub const FORMAT: &str = "%Y-%m-%d %H:%M:%S";

    /// Serializes as `YYYY-MM-DD HH:MM:SS`.
    pub fn serialize<S: Serializer>(value: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&value.format(FORMAT))
    }

    /// Deserializes from `YYYY-MM-DD HH:MM:SS`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        NaiveDateTime::parse_from_str(&s, FORMAT).map_err(serde::de::Error::custom)
    }

    /// The same for `Option<NaiveDateTime>`.
    pub mod option {
        use super::*;

        /// Serializes `Some` as `YYYY-MM-DD HH:MM:SS`, `None` as null.
        pub fn serialize<S: Serializer>(
            value: &Option<NaiveDateTime>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => s.collect_str(&v.format(FORMAT)),
                None => s.serialize_none(),
            }
        }

        /// Deserializes `YYYY-MM-DD HH:MM:SS` or null.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<NaiveDateTime>, D::Error> {
            let s = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
            s.map(|s| NaiveDateTime::parse_from_str(&s, FORMAT).map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}
