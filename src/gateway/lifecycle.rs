//! The domain jobs after registration: 0101003 renew (the term extended by the period),
//! 0104 transfer in (the domain arrives with the contacts and name servers sent; the job
//! notification carries `S0104001`, as the help page "Processing Transfer-In and
//! Ownerchange Jobs" says a transfer ends) and 0104010 owner change (the new owner; it ends
//! with `S0104011`). Each is answered `N…` with a running job that completes as a 0101's
//! does, on demand or after the job delay.

use super::dispatch::{Outcome, failure};
use super::domains::{
    Start, amend, amendable, current, domain_object, start, start_ending, unknown_contact,
};
use super::state::{self, State};
use crate::domain::{
    Domain, DomainOwnerchange, DomainRenew, DomainTransfer, TransferOutData, TransferOutList,
};
use crate::envelope::User;
use crate::registry::AnyData;

/// 0101003: the term grows by `period` years (1 without one).
pub(crate) fn renew(
    state: &mut State,
    task: &DomainRenew,
    ctid: Option<&str>,
    owner: &User,
    due_ms: Option<u64>,
) -> Outcome {
    let name = task.name.trim().to_ascii_lowercase();
    let mut domain = match current::<DomainRenew>(state, &name) {
        Ok(d) => d,
        Err(refused) => return *refused,
    };
    let years = task.period.unwrap_or(1);
    let from = domain.expire.unwrap_or_else(state::now);
    domain.expire = from.checked_add_months(chrono::Months::new(12 * years));
    domain.updated = Some(state::now());
    domain.updater = Some(owner.clone());
    start::<DomainRenew>(
        state,
        domain,
        Start {
            ctid,
            owner,
            due_ms,
        },
        ("Domain renewal started.", "Domain renewed."),
        AnyData::DomainRenew,
    )
}

/// 0104: a domain not held here arrives with what the transfer sends; an auth code is
/// required (any non-empty one: the fake has no losing registrar to ask).
pub(crate) fn transfer(
    state: &mut State,
    task: &DomainTransfer,
    ctid: Option<&str>,
    owner: &User,
    due_ms: Option<u64>,
) -> Outcome {
    let name = task.name.trim().to_ascii_lowercase();
    if state.domains.contains_key(&name) || state.jobs.iter().any(|j| j.domain.name == name) {
        return failure::<DomainTransfer>(
            "The domain is already here or being transferred.",
            domain_object(&name),
        );
    }
    if task.authinfo.as_ref().is_none_or(|a| a.expose().is_empty()) {
        return failure::<DomainTransfer>("An auth code is required.", domain_object(&name));
    }
    let contacts = [task.ownerc, task.adminc, task.techc, task.zonec];
    if let Some(refused) = unknown_contact::<DomainTransfer>(state, contacts) {
        return refused;
    }
    let now = state::now();
    let domain = Domain {
        ownerc: task.ownerc,
        adminc: task.adminc,
        techc: task.techc,
        zonec: task.zonec,
        nserver: task.nserver.clone(),
        autorenew: task.autorenew,
        created: Some(now),
        updated: Some(now),
        expire: now.checked_add_months(chrono::Months::new(12 * task.period.unwrap_or(1))),
        owner: Some(owner.clone()),
        updater: Some(owner.clone()),
        ..Domain::new(name)
    };
    start_ending::<DomainTransfer>(
        state,
        domain,
        Start {
            ctid,
            owner,
            due_ms,
        },
        (
            "0104001",
            "Domain transfer started.",
            "Domain transfer completed.",
        ),
        AnyData::DomainTransfer,
    )
}

/// 0104010: the new owner (and the other fields sent) once the job completes.
pub(crate) fn ownerchange(
    state: &mut State,
    task: &DomainOwnerchange,
    ctid: Option<&str>,
    owner: &User,
    due_ms: Option<u64>,
) -> Outcome {
    let name = task.name.trim().to_ascii_lowercase();
    let contacts = [task.ownerc, task.adminc, task.techc, task.zonec];
    let mut domain = match amendable::<DomainOwnerchange>(state, &name, contacts) {
        Ok(d) => d,
        Err(refused) => return *refused,
    };
    amend(&mut domain, contacts, &task.nserver, owner);
    start_ending::<DomainOwnerchange>(
        state,
        domain,
        Start {
            ctid,
            owner,
            due_ms,
        },
        (
            "0104011",
            "Domain owner change started.",
            "Domain owner changed.",
        ),
        AnyData::DomainOwnerchange,
    )
}

/// 0106001: no domain leaves the fake for another registrar, so the list of outgoing
/// transfers is empty (`summary` 0), whatever the query.
pub(crate) fn transfers_out() -> Outcome {
    super::dispatch::success::<TransferOutList>(
        "Outgoing transfers listed.",
        None,
        AnyData::TransferOutList(TransferOutData {
            summary: Some(0),
            ..TransferOutData::default()
        }),
    )
}
