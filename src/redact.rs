//! Keeping secrets out of serialized output and out of deserialization errors.
//!
//! A [`Secret`](crate::Secret), and the text of any raw element named `password` or `token`
//! (in any case), serializes as `***` unless the serialization runs inside
//! [`ExposeSecrets`]. Values that may sit inside `auth` deserialize without quoting what they
//! hold in an error: serde's own messages quote a number or a boolean of the wrong type
//! (``invalid type: integer `424242` ``), these name only its JSON type.

use serde::de::{self, Deserializer, Visitor};
use std::cell::Cell;
use std::fmt;

thread_local! {
    /// Whether secrets serialize as they are (set inside [`ExposeSecrets::serialize`]).
    static EXPOSED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the serialization now running on this thread was asked to show secrets.
pub(crate) fn secrets_exposed() -> bool {
    EXPOSED.with(Cell::get)
}

/// A value that serializes with its secrets as they are, instead of `***`.
///
/// Plain `serde` serialization of any model (`serde_json::to_string(&request)`) masks every
/// password and token as `***`: that is the form for logs. Wrap the value to write the real
/// secrets, for instance to store a request and read it back:
///
/// ```
/// use autodns_xml::{Auth, ExposeSecrets, Request};
/// use autodns_xml::domain::DomainInfo;
///
/// let request = Request::new(Auth::new("user", "s3cret", "4")).task(DomainInfo::new("a.de"));
/// let for_logs = serde_json::to_string(&request).unwrap();
/// assert!(for_logs.contains(r#""password":"***""#) && !for_logs.contains("s3cret"));
///
/// let stored = serde_json::to_string(&ExposeSecrets::new(&request)).unwrap();
/// assert!(stored.contains("s3cret"));
/// let back: Request = serde_json::from_str(&stored).unwrap();
/// assert_eq!(back, request);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ExposeSecrets<'a, T: ?Sized>(&'a T);

impl<'a, T: ?Sized> ExposeSecrets<'a, T> {
    /// Wraps `value`.
    pub fn new(value: &'a T) -> Self {
        ExposeSecrets(value)
    }
}

impl<T: serde::Serialize + ?Sized> serde::Serialize for ExposeSecrets<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// Restores the previous state, even if serialization unwinds.
        struct Restore(bool);
        impl Drop for Restore {
            fn drop(&mut self) {
                EXPOSED.with(|c| c.set(self.0));
            }
        }
        let _restore = Restore(EXPOSED.with(|c| c.replace(true)));
        self.0.serialize(s)
    }
}

/// A string that deserializes from a JSON string only, and whose error for anything else
/// names the type it found, never the value.
pub(crate) struct Unquoted(pub(crate) String);

impl<'de> serde::Deserialize<'de> for Unquoted {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UnquotedVisitor).map(Unquoted)
    }
}

struct UnquotedVisitor;

impl UnquotedVisitor {
    fn wrong<E: de::Error>(found: &str) -> E {
        E::custom(format_args!(
            "invalid type: {found}, expected a string (the value is not shown)"
        ))
    }
}

impl<'de> Visitor<'de> for UnquotedVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<String, E> {
        Err(Self::wrong("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<String, E> {
        Err(Self::wrong("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<String, E> {
        Err(Self::wrong("a number"))
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<String, E> {
        Err(Self::wrong("a number"))
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<String, E> {
        Err(Self::wrong("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<String, E> {
        Err(Self::wrong("a number"))
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<String, E> {
        Err(Self::wrong("bytes"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Err(Self::wrong("null"))
    }

    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        Err(Self::wrong("null"))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Err(Self::wrong("an array"))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Err(Self::wrong("an object"))
    }
}

/// `#[serde(deserialize_with)]` for a `String` whose value an error must not quote.
pub(crate) fn unquoted_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    <Unquoted as serde::Deserialize>::deserialize(d).map(|u| u.0)
}

#[cfg(test)]
mod tests {
    /// The writer (codec, which knows no model) masks with its own constant: the same text
    /// as a [`Secret`](crate::Secret) serializes as.
    #[test]
    fn the_writer_masks_with_the_text_a_secret_serializes_as() {
        assert_eq!(crate::codec::MASK, crate::Secret::MASK);
        let json = serde_json::to_string(&crate::Secret::new("s3cret")).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", crate::codec::MASK));
    }
}
