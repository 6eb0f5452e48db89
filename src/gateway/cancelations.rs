//! Cancelations: 0103101 create (for a registered domain, one per domain), 0103102 update,
//! 0103103 delete, 0103104 info and list. The fake keeps them; it never carries one out.

use super::dispatch::{Outcome, failure, success};
use super::query::{self, Fields, time};
use super::state::State;
use crate::cancelation::{
    Cancelation, CancelationCreate, CancelationData, CancelationDelete, CancelationInfo,
    CancelationList, CancelationUpdate,
};
use crate::envelope::EmptyData;
use crate::envelope::{ObjectRef, RequestTask, User};
use crate::registry::AnyData;

fn domain(name: &str) -> Option<ObjectRef> {
    Some(ObjectRef::new("domain", name))
}

/// 0103101: a cancelation of a registered domain that has none yet.
pub(crate) fn create(state: &mut State, task: &CancelationCreate, owner: &User) -> Outcome {
    let name = &task.0.domain;
    if !state.domains.contains_key(name) {
        return failure::<CancelationCreate>("Domain not found.", domain(name));
    }
    if state.cancelations.contains_key(name) {
        return failure::<CancelationCreate>("A cancelation exists for this domain.", domain(name));
    }
    let mut cancelation = task.0.clone();
    let now = super::state::now();
    cancelation.created = Some(now);
    cancelation.changed = Some(now);
    cancelation.owner = Some(owner.clone());
    cancelation.updater = Some(owner.clone());
    state.cancelations.insert(name.clone(), cancelation.clone());
    success::<CancelationCreate>(
        "Cancelation was created successfully.",
        domain(name),
        AnyData::CancelationCreate(CancelationData::default().cancelation(cancelation)),
    )
}

/// 0103102: the fields sent replace those kept.
pub(crate) fn update(state: &mut State, task: &CancelationUpdate, owner: &User) -> Outcome {
    let name = &task.0.domain;
    let Some(kept) = state.cancelations.get_mut(name) else {
        return failure::<CancelationUpdate>(
            "No cancelation exists for this domain.",
            domain(name),
        );
    };
    let sent = &task.0;
    if sent.kind.is_some() {
        kept.kind = sent.kind.clone();
    }
    if sent.execdate.is_some() {
        kept.execdate = sent.execdate.clone();
    }
    if sent.disconnect.is_some() {
        kept.disconnect = sent.disconnect;
    }
    if sent.gaining_registrar.is_some() {
        kept.gaining_registrar = sent.gaining_registrar.clone();
    }
    kept.changed = Some(super::state::now());
    kept.updater = Some(owner.clone());
    let answer = kept.clone();
    success::<CancelationUpdate>(
        "Cancelation was updated successfully.",
        domain(name),
        AnyData::CancelationUpdate(CancelationData::default().cancelation(answer)),
    )
}

/// 0103103: the cancelation is withdrawn.
pub(crate) fn delete(state: &mut State, task: &CancelationDelete) -> Outcome {
    let name = &task.0.domain;
    if state.cancelations.remove(name).is_none() {
        return failure::<CancelationDelete>(
            "No cancelation exists for this domain.",
            domain(name),
        );
    }
    success::<CancelationDelete>(
        "Cancelation was deleted successfully.",
        domain(name),
        AnyData::CancelationDelete(EmptyData::default()),
    )
}

/// 0103104: one domain's cancelation.
pub(crate) fn info(state: &State, task: &CancelationInfo) -> Outcome {
    match state.cancelations.get(&task.domain) {
        Some(c) => success::<CancelationInfo>(
            "Cancelation information was inquired successfully.",
            domain(&task.domain),
            AnyData::CancelationInfo(CancelationData::default().cancelation(c.clone())),
        ),
        None => failure::<CancelationInfo>(
            "No cancelation exists for this domain.",
            domain(&task.domain),
        ),
    }
}

/// 0103104 without a body: the list form.
pub(crate) fn list(state: &State, task: &RequestTask) -> Outcome {
    match query::run(state.cancelations.values(), task) {
        Ok((page, total)) => success::<CancelationList>(
            "Cancelations listed.",
            None,
            AnyData::CancelationInfo(CancelationData {
                summary: Some(total),
                cancelation: page.into_iter().cloned().collect(),
                ..CancelationData::default()
            }),
        ),
        Err(why) => failure::<CancelationList>(&why, None),
    }
}

impl Fields for Cancelation {
    const KEYS: &'static [&'static str] = &["domain", "type", "execdate", "created", "changed"];

    fn field(&self, key: &str) -> Option<String> {
        match key {
            "domain" => Some(self.domain.clone()),
            "type" => self.kind.as_ref().map(|k| k.as_str().to_owned()),
            "execdate" => self.execdate.as_ref().map(|e| e.as_str().to_owned()),
            "created" => time(self.created),
            "changed" => time(self.changed),
            _ => None,
        }
    }
}
