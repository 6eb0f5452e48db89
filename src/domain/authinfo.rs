//! What the auth-code tasks share: the body `<domain><name>…</name></domain>` and the code
//! the server answers in `status/object/value` (object type `authinfo`).
//!
//! The auth-code tasks live under `domain/` because they act on a domain: the body is the
//! `domain` element and their JSON routes are `/domain/{name}/_authinfo1` and
//! `/domain/{name}/_authinfo2`. One file per task:
//! [`AuthInfo1Create`](super::AuthInfo1Create) (0113001),
//! [`AuthInfo1Delete`](super::AuthInfo1Delete) (0113002),
//! [`AuthInfo2Create`](super::AuthInfo2Create) (0113003) and
//! [`AuthInfoSend`](super::AuthInfoSend) (0113005).

use crate::codec::macros::xml_struct;
use crate::envelope::{Secret, Status};

xml_struct! {
    /// `<domain><name>example.com</name></domain>`: the domain an auth-code task is for.
    #[derive(Default)]
    pub struct DomainName {
        /// The domain name.
        name: String = req "name",
    }
}

impl DomainName {
    /// The domain `name`.
    pub fn new(name: impl Into<String>) -> Self {
        DomainName {
            name: name.into(),
            unknown: Default::default(),
        }
    }
}

/// The auth code a status carries: `status/object/value` when the object's type is
/// `authinfo` and the value is not empty (0113001 answers
/// `<object><type>authinfo</type><value>kiSV/CbJi9/KaCxp</value></object>`). It is a
/// [`Secret`]: its `Debug` prints `Secret(***)`.
pub fn auth_code(status: &Status) -> Option<Secret> {
    let object = status.object.as_ref()?;
    let is_authinfo = object
        .kind
        .as_deref()
        .is_some_and(|k| k.eq_ignore_ascii_case("authinfo"));
    match object.value.as_deref() {
        Some(v) if is_authinfo && !v.is_empty() => Some(Secret::new(v)),
        _ => None,
    }
}

/// One auth-code task: its code, over the shared [`DomainName`] body.
macro_rules! authinfo_task {
    ($(#[$meta:meta])* $name:ident = $code:literal) => {
        $crate::task::task! {
            $(#[$meta])*
            $name = $code, wraps $crate::domain::DomainName as "domain",
            data $crate::contact::EmptyData
        }

        impl $name {
            /// The task for domain `name`.
            pub fn new(name: impl Into<String>) -> Self {
                $name($crate::domain::DomainName::new(name))
            }
        }
    };
}

pub(crate) use authinfo_task;
