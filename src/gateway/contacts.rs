//! Contact (handle) tasks: 0301 create, 0302 update, 0303 delete, 0304 info and list.

use super::dispatch::{Outcome, failure, success};
use super::query;
use super::state::State;
use crate::contact::{
    ContactCreate, Handle, HandleDelete, HandleInfo, HandleInfoData, HandleUpdate,
};
use crate::envelope::{EmptyData, ObjectRef, RequestTask};
use crate::registry::AnyData;

/// 0301: stores the handle under the next id.
pub(crate) fn create(state: &mut State, task: &ContactCreate) -> Outcome {
    let id = State::take_id(&mut state.next_handle);
    let mut handle = task.0.clone();
    handle.id = Some(id);
    state.contacts.insert(id, handle);
    success::<ContactCreate>(
        "Contact created.",
        Some(ObjectRef::new("handle", id.to_string())),
        AnyData::ContactCreate(EmptyData::default()),
    )
}

/// 0304: one handle, by id or alias.
pub(crate) fn info(state: &State, task: &HandleInfo) -> Outcome {
    let found = state
        .contacts
        .values()
        .find(|h| match (task.id, &task.alias) {
            (Some(id), _) => h.id == Some(id),
            (None, Some(alias)) => h.alias.as_ref() == Some(alias),
            (None, None) => false,
        });
    let wanted = task
        .id
        .map(|id| id.to_string())
        .or_else(|| task.alias.clone())
        .unwrap_or_default();
    match found {
        Some(handle) => success::<HandleInfo>(
            "Contact inquired.",
            Some(ObjectRef::new("handle", wanted)),
            AnyData::HandleInfo(HandleInfoData {
                handle: vec![handle.clone()],
                ..HandleInfoData::default()
            }),
        ),
        None => failure::<HandleInfo>("Contact not found.", Some(ObjectRef::new("handle", wanted))),
    }
}

/// 0304 without a handle: the list form.
pub(crate) fn list(state: &State, task: &RequestTask) -> Outcome {
    match query::run(state.contacts.values(), task) {
        Ok((page, total)) => success::<HandleInfo>(
            "Contacts listed.",
            None,
            AnyData::HandleInfo(HandleInfoData {
                summary: Some(total),
                handle: page.into_iter().cloned().collect(),
                ..HandleInfoData::default()
            }),
        ),
        Err(why) => failure::<HandleInfo>(&why, None),
    }
}

/// The id of the handle named by `id` or `alias`, and how it was named.
fn find(state: &State, id: Option<u64>, alias: Option<&String>) -> (Option<u64>, String) {
    let named = id
        .map(|id| id.to_string())
        .or_else(|| alias.cloned())
        .unwrap_or_default();
    let found = state
        .contacts
        .values()
        .find(|h| match (id, alias) {
            (Some(id), _) => h.id == Some(id),
            (None, Some(alias)) => h.alias.as_ref() == Some(alias),
            (None, None) => false,
        })
        .and_then(|h| h.id);
    (found, named)
}

/// 0302: replaces the handle named by its id (or alias) with the one sent, keeping its id
/// (and its alias, if none is sent).
pub(crate) fn update(state: &mut State, task: &HandleUpdate) -> Outcome {
    let sent: &Handle = &task.0;
    let (found, named) = find(state, sent.id, sent.alias.as_ref());
    let object = Some(ObjectRef::new("handle", named));
    let Some(id) = found else {
        return failure::<HandleUpdate>("Contact not found.", object);
    };
    let mut handle = sent.clone();
    handle.id = Some(id);
    if handle.alias.is_none() {
        handle.alias = state.contacts.get(&id).and_then(|h| h.alias.clone());
    }
    state.contacts.insert(id, handle);
    success::<HandleUpdate>(
        "Contact updated.",
        object,
        AnyData::HandleUpdate(EmptyData::default()),
    )
}

/// 0303: removes the handle, unless a domain or a running job uses it (the fake's rule).
pub(crate) fn delete(state: &mut State, task: &HandleDelete) -> Outcome {
    let (found, named) = find(state, task.id, task.alias.as_ref());
    let object = Some(ObjectRef::new("handle", named));
    let Some(id) = found else {
        return failure::<HandleDelete>("Contact not found.", object);
    };
    let uses =
        |d: &crate::domain::Domain| [d.ownerc, d.adminc, d.techc, d.zonec].contains(&Some(id));
    if state.domains.values().any(uses) || state.jobs.iter().any(|j| uses(&j.domain)) {
        return failure::<HandleDelete>("The contact is in use.", object);
    }
    state.contacts.remove(&id);
    success::<HandleDelete>(
        "Contact deleted.",
        object,
        AnyData::HandleDelete(EmptyData::default()),
    )
}
