//! Contact (handle) tasks: 0301 create, 0304 info and list.

use super::dispatch::{Outcome, failure, success};
use super::query;
use super::state::State;
use crate::contact::{ContactCreate, EmptyData, HandleInfo, HandleInfoData};
use crate::envelope::{ObjectRef, RequestTask};
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
