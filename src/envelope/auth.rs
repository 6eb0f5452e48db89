//! Credentials and users: `auth`, `owner`, `updater`, and the [`Secret`] that hides a password.

use crate::codec::macros::xml_struct;
use crate::codec::{ElementReader, FromXml, ToXml, XmlWriter};
use crate::error::{DecodeError, EncodeError};
use std::fmt;

/// A password or 2FA token. Its `Debug` prints `Secret(***)`; it has no `Display`; read it with
/// [`expose`](Self::expose). It serializes as `***`, so that a model serialized for a log
/// (`serde_json::to_string(&request)`) shows no secret; serialize it inside
/// [`ExposeSecrets`](crate::ExposeSecrets) to write the real value (to store a request and
/// read it back). It deserializes from a string only, and an error for anything else never
/// quotes the value.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if crate::redact::secrets_exposed() {
            s.serialize_str(&self.0)
        } else {
            s.serialize_str(Self::MASK)
        }
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::redact::unquoted_string(d).map(Secret)
    }
}

impl Secret {
    /// The placeholder printed instead of a secret.
    pub const MASK: &'static str = "***";

    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Secret(secret.into())
    }

    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A secret whose value is [`MASK`](Self::MASK).
    pub fn masked() -> Self {
        Secret(Self::MASK.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret::new(s)
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret(s)
    }
}

impl FromXml for Secret {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        String::from_xml(el).map(Secret)
    }
}

impl ToXml for Secret {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf(name, &self.0)
    }
}

xml_struct! {
    /// `auth`: who sends the request. The order of its children varies on the wire.
    #[derive(Default)]
    pub struct Auth {
        /// The user name.
        #[serde(deserialize_with = "crate::redact::unquoted_string")]
        user: String = req "user",
        /// The password.
        password: Secret = req "password",
        /// The context (numeric on the real server; opaque text here).
        #[serde(deserialize_with = "crate::redact::unquoted_string")]
        context: String = req "context",
        /// The 2FA token.
        token: Option<Secret> = opt "token",
    }
}

impl Auth {
    /// Credentials without a 2FA token.
    pub fn new(
        user: impl Into<String>,
        password: impl Into<Secret>,
        context: impl Into<String>,
    ) -> Self {
        Auth {
            user: user.into(),
            password: password.into(),
            context: context.into(),
            token: None,
            unknown: Default::default(),
        }
    }

    /// Adds a 2FA token.
    pub fn with_token(mut self, token: impl Into<Secret>) -> Self {
        self.token = Some(token.into());
        self
    }
}

xml_struct! {
    /// A user in a context: the request's `owner` (act for a subuser), and the `owner` /
    /// `updater` of objects. Both children may be absent (`<owner/>`).
    #[derive(Default)]
    pub struct User {
        /// The user name.
        user: Option<String> = opt "user",
        /// The context (opaque text).
        context: Option<String> = opt "context",
    }
}

impl User {
    /// A user in a context.
    pub fn new(user: impl Into<String>, context: impl Into<String>) -> Self {
        User {
            user: Some(user.into()),
            context: Some(context.into()),
            unknown: Default::default(),
        }
    }
}
