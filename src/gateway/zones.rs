//! Zone tasks: 0201 create, 0202 update (the whole zone), 0202001 (records added and
//! removed), 0203 delete, 0205 info and list. A zone is known by its name; the answers'
//! texts and message codes are those public clients recorded (see `testdata/README.md`):
//! `EF02019` for a zone that exists already, `EF02020` "No such zone exists.".

use super::dispatch::{Outcome, failure, success};
use super::query::{self, Fields, time};
use super::state::State;
use crate::envelope::EmptyData;
use crate::envelope::{Msg, ObjectRef, RequestTask, StatusType};
use crate::registry::AnyData;
use crate::zone::{
    ResourceRecord, Zone, ZoneCreate, ZoneData, ZoneDelete, ZoneInfo, ZoneList, ZoneStream,
    ZoneUpdate,
};

fn object(name: &str) -> Option<ObjectRef> {
    Some(ObjectRef::new("zone", name))
}

fn error_msg(code: &str, text: &str, name: &str) -> Msg {
    Msg {
        code: Some(code.to_owned()),
        text: Some(text.to_owned()),
        kind: Some(StatusType::Error),
        object: object(name),
        ..Msg::default()
    }
}

/// The refusal for a zone that is not there: `E<code>` with `EF02020`.
fn no_such_zone<T: crate::Task>(text: &str, name: &str) -> Outcome {
    let mut outcome = failure::<T>(text, object(name));
    outcome
        .msgs
        .push(error_msg("EF02020", "No such zone exists.", name));
    outcome
}

/// 0201: stores a new zone.
pub(crate) fn create(state: &mut State, task: &ZoneCreate) -> Outcome {
    let zone = &task.0;
    if state.zones.contains_key(&zone.name) {
        let mut outcome = failure::<ZoneCreate>("Zone could not be created.", object(&zone.name));
        outcome.msgs.push(error_msg(
            "EF02019",
            "This zone already exists.",
            &zone.name,
        ));
        return outcome;
    }
    state.zones.insert(zone.name.clone(), zone.clone());
    success::<ZoneCreate>(
        "Zone has been stored successfully on the nameserver.",
        object(&zone.name),
        AnyData::ZoneCreate(ZoneData::default()),
    )
}

/// 0202: replaces a zone whole (records left out are gone).
pub(crate) fn update(state: &mut State, task: &ZoneUpdate) -> Outcome {
    let zone = &task.0;
    let Some(stored) = state.zones.get_mut(&zone.name) else {
        return no_such_zone::<ZoneUpdate>("Zone could not be updated.", &zone.name);
    };
    let system_ns = stored.system_ns.clone();
    *stored = zone.clone();
    if stored.system_ns.is_none() {
        stored.system_ns = system_ns;
    }
    success::<ZoneUpdate>(
        "Zone has been updated successfully on the nameserver.",
        object(&zone.name),
        AnyData::ZoneUpdate(ZoneData::default()),
    )
}

/// Whether two records are the same record (name, type and value; the TTL aside).
fn same(a: &ResourceRecord, b: &ResourceRecord) -> bool {
    a.name == b.name && a.kind == b.kind && a.value == b.value
}

/// 0202001: removes the `rr_rem` records, then adds the `rr_add` ones.
pub(crate) fn stream(state: &mut State, task: &ZoneStream) -> Outcome {
    let name = &task.zone.name;
    let Some(zone) = state.zones.get_mut(name) else {
        return no_such_zone::<ZoneStream>("Zone could not be updated.", name);
    };
    if let Some(changes) = &task.default {
        zone.rr
            .retain(|r| !changes.rr_rem.iter().any(|gone| same(r, gone)));
        for record in &changes.rr_add {
            if !zone.rr.iter().any(|r| same(r, record)) {
                zone.rr.push(record.clone());
            }
        }
        if let Some(main) = &changes.main {
            zone.main = Some(main.clone());
        }
        if let Some(soa) = &changes.soa {
            zone.soa = Some(soa.clone());
        }
        if !changes.nserver.is_empty() {
            zone.nserver = changes.nserver.clone();
        }
    }
    success::<ZoneStream>(
        "Zone has been updated successfully on the nameserver.",
        object(name),
        AnyData::ZoneStream(EmptyData::default()),
    )
}

/// 0203: deletes a zone.
pub(crate) fn delete(state: &mut State, task: &ZoneDelete) -> Outcome {
    let name = &task.0.name;
    if state.zones.remove(name).is_none() {
        return no_such_zone::<ZoneDelete>("Zone could not be deleted.", name);
    }
    success::<ZoneDelete>(
        "Zone has been deleted successfully.",
        object(name),
        AnyData::ZoneDelete(EmptyData::default()),
    )
}

/// 0205: one zone by name (and system name server, when given).
pub(crate) fn info(state: &State, task: &ZoneInfo) -> Outcome {
    let wanted = &task.0;
    let found = state.zones.get(&wanted.name).filter(|z| {
        wanted.system_ns.is_none() || z.system_ns.is_none() || z.system_ns == wanted.system_ns
    });
    match found {
        Some(zone) => success::<ZoneInfo>(
            "Zone information was inquired successfully.",
            object(&zone.name),
            AnyData::ZoneInfo(ZoneData {
                zone: vec![zone.clone()],
                ..ZoneData::default()
            }),
        ),
        None => no_such_zone::<ZoneInfo>("Zone information could not be inquired.", &wanted.name),
    }
}

/// 0205 without a zone: the list form, flat entries (name, system_ns and the keys asked
/// for), or whole zones with `view/children`.
pub(crate) fn list(state: &State, task: &RequestTask) -> Outcome {
    match query::run(state.zones.values(), task) {
        Ok((page, total)) => {
            let whole = query::children(task);
            let zone = page
                .into_iter()
                .map(|z| {
                    if whole {
                        z.clone()
                    } else {
                        let mut entry =
                            Zone::new(z.name.clone(), z.system_ns.clone().unwrap_or_default());
                        for key in &task.key {
                            if key == "created" {
                                entry.created = z.created;
                            } else if key == "comment" {
                                entry.comment = z.comment.clone();
                            }
                        }
                        entry
                    }
                })
                .collect();
            success::<ZoneList>(
                "Zone information was inquired successfully.",
                None,
                AnyData::ZoneInfo(ZoneData {
                    summary: Some(total),
                    zone,
                    ..ZoneData::default()
                }),
            )
        }
        Err(e) => failure::<ZoneList>(&e.to_string(), None),
    }
}

impl Fields for Zone {
    const KEYS: &'static [&'static str] = &[
        "name",
        "system_ns",
        "comment",
        "created",
        "changed",
        "ns_action",
    ];

    fn field(&self, key: &str) -> Option<String> {
        match key {
            "name" => Some(self.name.clone()),
            "system_ns" => self.system_ns.clone(),
            "comment" => self.comment.clone(),
            "created" => time(self.created),
            "changed" => time(self.changed),
            "ns_action" => self.ns_action.as_ref().map(|a| a.as_str().to_owned()),
            _ => None,
        }
    }
}
