//! Domain tasks: 0101 create and 0102 update (a job, completed later, then a job
//! notification), 0105 info and list.

use super::dispatch::{Outcome, failure, notify, success};
use super::query;
use super::state::{self, PendingJob, State};
use crate::domain::{
    Domain, DomainCreate, DomainCreateData, DomainInfo, DomainInfoData, DomainJob, DomainUpdate,
    NameServer,
};
use crate::envelope::{ObjectRef, RequestTask, Status, StatusCode, StatusKind, StatusType, User};
use crate::job::{Job, JobStatus};
use crate::poll::{JobNotification, Message};
use crate::registry::AnyData;
use crate::task::{Task, TaskCode};

pub(crate) fn domain_object(name: &str) -> Option<ObjectRef> {
    Some(ObjectRef::new("domain", name))
}

/// Who starts a job, for which request, and when it is due.
pub(crate) struct Start<'a> {
    pub(crate) ctid: Option<&'a str>,
    pub(crate) owner: &'a User,
    pub(crate) due_ms: Option<u64>,
}

/// Queues the job of task `T` that turns the domain into `domain`, answered `N<T>` with the
/// running job; its notification will carry `S<T>`. `texts`: the answer's and the
/// notification's status texts.
pub(crate) fn start<T: Task>(
    state: &mut State,
    domain: Domain,
    by: Start<'_>,
    texts: (&str, &str),
    data: fn(DomainCreateData) -> AnyData,
) -> Outcome {
    start_ending::<T>(state, domain, by, (T::CODE, texts.0, texts.1), data)
}

/// [`start`], the notification carrying `S<done.0>` (a transfer in ends with `S0104001`).
pub(crate) fn start_ending<T: Task>(
    state: &mut State,
    domain: Domain,
    by: Start<'_>,
    (done, started, finished): (&'static str, &str, &str),
    data: fn(DomainCreateData) -> AnyData,
) -> Outcome {
    let name = domain.name.clone();
    let id = State::take_id(&mut state.next_job);
    state.jobs.push(PendingJob {
        id,
        domain,
        ctid: by.ctid.map(str::to_owned),
        owner: by.owner.clone(),
        due_ms: by.due_ms,
        done: (TaskCode::known(done), finished.to_owned()),
    });
    notify::<T>(
        started,
        domain_object(&name),
        data(DomainCreateData {
            domain_job: Some(DomainJob::default().job(Job::new(id).status(JobStatus::Running))),
            ..DomainCreateData::default()
        }),
    )
}

/// The registered domain `name`, if no job runs for it; else `E<T>` saying which.
pub(crate) fn current<T: Task>(state: &State, name: &str) -> Result<Domain, Box<Outcome>> {
    let Some(domain) = state.domains.get(name) else {
        return Err(Box::new(failure::<T>(
            "Domain not found.",
            domain_object(name),
        )));
    };
    if state.jobs.iter().any(|j| j.domain.name == name) {
        let refused = failure::<T>("A job for the domain is running.", domain_object(name));
        return Err(Box::new(refused));
    }
    Ok(domain.clone())
}

/// `E<T>` naming the first of `ids` that is no contact here, if one is not.
pub(crate) fn unknown_contact<T: Task>(
    state: &State,
    ids: impl IntoIterator<Item = Option<u64>>,
) -> Option<Outcome> {
    let missing = ids
        .into_iter()
        .flatten()
        .find(|id| !state.contacts.contains_key(id))?;
    let object = Some(ObjectRef::new("handle", missing.to_string()));
    Some(failure::<T>("Contact not found.", object))
}

/// The contacts a task sends: owner, admin, tech and zone.
pub(crate) type Contacts = [Option<u64>; 4];

/// The domain `name` as [`current`] finds it, once every contact a task sends is known here
/// (else `E<T>` naming the first that is not).
pub(crate) fn amendable<T: Task>(
    state: &State,
    name: &str,
    contacts: Contacts,
) -> Result<Domain, Box<Outcome>> {
    let domain = current::<T>(state, name)?;
    match unknown_contact::<T>(state, contacts) {
        Some(refused) => Err(Box::new(refused)),
        None => Ok(domain),
    }
}

/// The contacts and name servers a task sends replace the domain's (those it leaves out
/// stay), and the domain is stamped as updated by `owner` now.
pub(crate) fn amend(domain: &mut Domain, contacts: Contacts, nserver: &[NameServer], owner: &User) {
    let [ownerc, adminc, techc, zonec] = contacts;
    domain.ownerc = ownerc.or(domain.ownerc);
    domain.adminc = adminc.or(domain.adminc);
    domain.techc = techc.or(domain.techc);
    domain.zonec = zonec.or(domain.zonec);
    if !nserver.is_empty() {
        domain.nserver = nserver.to_vec();
    }
    domain.updated = Some(state::now());
    domain.updater = Some(owner.clone());
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
    if let Some(refused) = unknown_contact::<DomainCreate>(state, contacts) {
        return refused;
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
    start::<DomainCreate>(
        state,
        domain,
        Start {
            ctid,
            owner,
            due_ms,
        },
        ("Domain registration started.", "Domain registered."),
        AnyData::DomainCreate,
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
        let (task, text) = &job.done;
        let code = StatusCode::new(StatusKind::Success, task.clone());
        let mut status = Status::new(code);
        status.text = Some(text.clone());
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
        let mut message = Message::new(id, notification);
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
    let contacts = [task.ownerc, task.adminc, task.techc, task.zonec];
    let mut domain = match amendable::<DomainUpdate>(state, &name, contacts) {
        Ok(d) => d,
        Err(refused) => return *refused,
    };
    amend(&mut domain, contacts, &task.nserver, owner);
    domain.autorenew = task.autorenew.or(domain.autorenew);
    domain.use_trustee = task.use_trustee.or(domain.use_trustee);
    domain.use_privacy = task.use_privacy.or(domain.use_privacy);
    start::<DomainUpdate>(
        state,
        domain,
        Start {
            ctid,
            owner,
            due_ms,
        },
        ("Domain update started.", "Domain updated."),
        AnyData::DomainUpdate,
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
