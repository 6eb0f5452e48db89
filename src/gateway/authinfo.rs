//! Auth-code tasks: 0113001 create (the code comes back as the status's `authinfo` object,
//! as the real gateway answers it), 0113002 delete, 0113003 AuthInfo2 (sent by post: only
//! acknowledged) and 0113005 send (only acknowledged: no e-mail leaves the fake). The domain
//! must be registered with the fake.

use super::dispatch::{Outcome, failure, success};
use super::state::State;
use crate::Task;
use crate::domain::{AuthInfo1Create, AuthInfo1Delete, AuthInfo2Create, AuthInfoSend, DomainName};
use crate::envelope::EmptyData;
use crate::envelope::{ObjectRef, Secret};
use crate::registry::AnyData;

fn domain(name: &str) -> Option<ObjectRef> {
    Some(ObjectRef::new("domain", name))
}

/// The refusal for a domain the fake does not hold.
fn unknown<T: Task>(name: &str) -> Outcome {
    failure::<T>("Domain not found.", domain(name))
}

/// 0113001: a new code, kept on the domain and answered in `status/object`.
pub(crate) fn create(state: &mut State, task: &AuthInfo1Create) -> Outcome {
    let DomainName { name, .. } = &task.0;
    let serial = State::take_id(&mut state.next_job);
    let Some(stored) = state.domains.get_mut(name) else {
        return unknown::<AuthInfo1Create>(name);
    };
    let code = format!("Lg{serial:x}-{}", name.len());
    stored.authinfo = Some(Secret::new(code.clone()));
    success::<AuthInfo1Create>(
        "Authinfo was created successfully.",
        Some(ObjectRef::new("authinfo", code)),
        AnyData::AuthInfo1Create(EmptyData::default()),
    )
}

/// 0113002: the domain's code is removed.
pub(crate) fn delete(state: &mut State, task: &AuthInfo1Delete) -> Outcome {
    let name = &task.0.name;
    let Some(stored) = state.domains.get_mut(name) else {
        return unknown::<AuthInfo1Delete>(name);
    };
    stored.authinfo = None;
    success::<AuthInfo1Delete>(
        "Authinfo was deleted successfully.",
        domain(name),
        AnyData::AuthInfo1Delete(EmptyData::default()),
    )
}

/// 0113003: acknowledged for a registered domain (the real one goes out by post).
pub(crate) fn create2(state: &State, task: &AuthInfo2Create) -> Outcome {
    let name = &task.0.name;
    if !state.domains.contains_key(name) {
        return unknown::<AuthInfo2Create>(name);
    }
    success::<AuthInfo2Create>(
        "Authinfo2 was ordered successfully.",
        domain(name),
        AnyData::AuthInfo2Create(EmptyData::default()),
    )
}

/// 0113005: acknowledged for a domain that has a code.
pub(crate) fn send(state: &State, task: &AuthInfoSend) -> Outcome {
    let name = &task.0.name;
    match state.domains.get(name) {
        Some(d) if d.authinfo.is_some() => success::<AuthInfoSend>(
            "Authinfo was sent successfully.",
            domain(name),
            AnyData::AuthInfoSend(EmptyData::default()),
        ),
        Some(_) => failure::<AuthInfoSend>("The domain has no authinfo to send.", domain(name)),
        None => unknown::<AuthInfoSend>(name),
    }
}
