//! Domain tasks: 0101 create and 0102 update (a job, completed later, then a job
//! notification), 0105 info and list.

use super::dispatch::{Outcome, failure, notify, success};
use super::query;
use super::state::{self, PendingJob, State};
use crate::domain::{
    Domain, DomainCreate, DomainCreateData, DomainInfo, DomainInfoData, DomainJob, DomainUpdate,
};
use crate::envelope::{ObjectRef, RequestTask, Status, StatusCode, StatusKind, StatusType, User};
use crate::job::{Job, JobStatus};
use crate::poll::{JobNotification, Message, Payload};
use crate::registry::AnyData;
use crate::task::TaskCode;

fn domain_object(name: &str) -> Option<ObjectRef> {
    Some(ObjectRef::new("domain", name))
}

/// 0101: checks the name and contacts, then starts a job.
pub(crate) fn create(
    state: &mut State,
    task: &DomainCreate,
    ctid: Option<&str>,
    owner: &User,
    due_ms: Option<u64>,
) -> Outcome {
    let name = task.name.trim().to_ascii_lowercase();
    let valid = name.contains('.')
        && !name.starts_with('.')
        && !name.ends_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if !valid {
        return failure::<DomainCreate>("Invalid domain name.", domain_object(&name));
    }
    if state.domains.contains_key(&name) || state.jobs.iter().any(|j| j.domain.name == name) {
        return failure::<DomainCreate>(
            "The domain is already registered or being registered.",
            domain_object(&name),
        );
    }
    let contacts = [
        Some(task.ownerc),
        Some(task.adminc),
        Some(task.techc),
        task.zonec,
    ];
    if let Some(missing) = contacts
        .into_iter()
        .flatten()
        .find(|id| !state.contacts.contains_key(id))
    {
        return failure::<DomainCreate>(
            "Contact not found.",
            Some(ObjectRef::new("handle", missing.to_string())),
        );
    }
    let now = state::now();
    let domain = Domain {
        name: name.clone(),
        ownerc: Some(task.ownerc),
        adminc: Some(task.adminc),
        techc: Some(task.techc),
        zonec: task.zonec,
        nserver: task.nserver.clone(),
        period: Some(task.period.unwrap_or(1)),
        autorenew: task.autorenew,
        confirm_order: task.confirm_order,
        created: Some(now),
        updated: Some(now),
        expire: now.checked_add_months(chrono::Months::new(12 * task.period.unwrap_or(1))),
        owner: Some(owner.clone()),
        updater: Some(owner.clone()),
        ..Domain::new(name.clone())
    };
    let id = State::take_id(&mut state.next_job);
    state.jobs.push(PendingJob {
        id,
        domain,
        ctid: ctid.map(str::to_owned),
        owner: owner.clone(),
        due_ms,
        update: false,
        done: None,
    });
    notify::<DomainCreate>(
        "Domain registration started.",
        domain_object(&name),
        AnyData::DomainCreate(DomainCreateData {
            domain_job: Some(DomainJob::default().job(Job::new(id).status(JobStatus::Running))),
            ..DomainCreateData::default()
        }),
    )
}

/// Completes the jobs due at `now_ms` (every job if `None`): the domain is stored and a
/// job notification queued. Returns how many completed.
pub(crate) fn complete(
    state: &mut State,
    now_ms: Option<u64>,
    stid: &mut dyn FnMut() -> String,
) -> usize {
    let (due, running): (Vec<PendingJob>, Vec<PendingJob>) = std::mem::take(&mut state.jobs)
        .into_iter()
        .partition(|j| match now_ms {
            None => true,
            Some(now) => j.due_ms.is_some_and(|due| due <= now),
        });
    state.jobs = running;
    let count = due.len();
    for job in due {
        let name = job.domain.name.clone();
        let (code, text) = if let Some((code, text)) = &job.done {
            let task = crate::task::TaskCode::new(code).unwrap_or_else(|_| TaskCode::known("0"));
            (StatusCode::new(StatusKind::Success, task), text.as_str())
        } else if job.update {
            (
                StatusCode::of::<DomainUpdate>(StatusKind::Success),
                "Domain updated.",
            )
        } else {
            (
                StatusCode::of::<DomainCreate>(StatusKind::Success),
                "Domain registered.",
            )
        };
        let mut status = Status::new(code);
        status.text = Some(text.to_owned());
        status.kind = Some(StatusType::Success);
        status.object = domain_object(&name);
        let notification = JobNotification {
            domain: Some(job.domain.clone()),
            job_id: Some(job.id),
            status: Some(status),
            stid: Some(stid()),
            ctid: job.ctid.clone(),
            ..JobNotification::default()
        };
        let id = State::take_id(&mut state.next_message);
        let mut message = Message::new(id, Payload::Job(notification));
        message.owner = Some(job.owner.clone());
        message.created = Some(state::now());
        state.queue.push_back(message);
        state.domains.insert(name, job.domain);
    }
    count
}

/// 0102: checks the domain (registered, no job running) and the contacts, then starts a
/// job that applies the fields sent (the others stay as they are).
pub(crate) fn update(
    state: &mut State,
    task: &DomainUpdate,
    ctid: Option<&str>,
    owner: &User,
    due_ms: Option<u64>,
) -> Outcome {
    let name = task.name.trim().to_ascii_lowercase();
    let Some(current) = state.domains.get(&name) else {
        return failure::<DomainUpdate>("Domain not found.", domain_object(&name));
    };
    if state.jobs.iter().any(|j| j.domain.name == name) {
        return failure::<DomainUpdate>("A job for the domain is running.", domain_object(&name));
    }
    let contacts = [task.ownerc, task.adminc, task.techc, task.zonec];
    if let Some(missing) = contacts
        .into_iter()
        .flatten()
        .find(|id| !state.contacts.contains_key(id))
    {
        return failure::<DomainUpdate>(
            "Contact not found.",
            Some(ObjectRef::new("handle", missing.to_string())),
        );
    }
    let mut domain = current.clone();
    domain.ownerc = task.ownerc.or(domain.ownerc);
    domain.adminc = task.adminc.or(domain.adminc);
    domain.techc = task.techc.or(domain.techc);
    domain.zonec = task.zonec.or(domain.zonec);
    if !task.nserver.is_empty() {
        domain.nserver = task.nserver.clone();
    }
    domain.autorenew = task.autorenew.or(domain.autorenew);
    domain.use_trustee = task.use_trustee.or(domain.use_trustee);
    domain.use_privacy = task.use_privacy.or(domain.use_privacy);
    domain.updated = Some(state::now());
    domain.updater = Some(owner.clone());
    let id = State::take_id(&mut state.next_job);
    state.jobs.push(PendingJob {
        id,
        domain,
        ctid: ctid.map(str::to_owned),
        owner: owner.clone(),
        due_ms,
        update: true,
        done: None,
    });
    notify::<DomainUpdate>(
        "Domain update started.",
        domain_object(&name),
        AnyData::DomainUpdate(DomainCreateData {
            domain_job: Some(DomainJob::default().job(Job::new(id).status(JobStatus::Running))),
            ..DomainCreateData::default()
        }),
    )
}

/// 0105 with a domain name.
pub(crate) fn info(state: &State, task: &DomainInfo) -> Outcome {
    let name = task.name.trim().to_ascii_lowercase();
    match state.domains.get(&name) {
        Some(domain) => success::<DomainInfo>(
            "Domain inquired.",
            domain_object(&name),
            AnyData::DomainInfo(DomainInfoData {
                domain: vec![domain.clone()],
                ..DomainInfoData::default()
            }),
        ),
        None => failure::<DomainInfo>("Domain not found.", domain_object(&name)),
    }
}

/// 0105 without a domain: the list form.
pub(crate) fn list(state: &State, task: &RequestTask) -> Outcome {
    match query::run(state.domains.values(), task) {
        Ok((page, total)) => {
            let whole = query::children(task);
            let domain = page
                .into_iter()
                .map(|d| {
                    if whole {
                        d.clone()
                    } else {
                        query::project_domain(d, &task.key)
                    }
                })
                .collect();
            success::<DomainInfo>(
                "Domains listed.",
                None,
                AnyData::DomainInfo(DomainInfoData {
                    summary: Some(total),
                    domain,
                    ..DomainInfoData::default()
                }),
            )
        }
        Err(why) => failure::<DomainInfo>(&why, None),
    }
}
