//! Certificate job tasks: 400114 info, 400115 list, 400113 cancel, 400118 resend the approver
//! e-mail, and 400134 / 400135 the same info and list over the history (the finished jobs:
//! succeeded, failed or canceled). The crate models no certificate order task, so jobs are added from the test with
//! [`Gateway::add_certificate_job`](super::Gateway::add_certificate_job).

use super::dispatch::{Outcome, failure, success};
use super::query::{self, Fields, time};
use super::state::{self, State};
use crate::certificate::{
    CertificateJob, CertificateJobCancel, CertificateJobHistoryInfo, CertificateJobHistoryList,
    CertificateJobInfo, CertificateJobInfoData, CertificateJobList, CertificateJobListData,
    ResendApproverEmail,
};
use crate::envelope::EmptyData;
use crate::envelope::{ObjectRef, RequestTask, User};
use crate::job::{Job, JobStatus};
use crate::registry::AnyData;

fn object(id: u64) -> Option<ObjectRef> {
    Some(ObjectRef::new("certificate_job", id.to_string()))
}

fn job_of(c: &CertificateJob) -> Option<&Job> {
    c.job.as_ref()
}

impl Fields for CertificateJob {
    const KEYS: &'static [&'static str] =
        &["id", "status", "sub_status", "object", "created", "updated"];

    fn field(&self, key: &str) -> Option<String> {
        let job = job_of(self)?;
        match key {
            "id" => Some(job.id.to_string()),
            "status" => job.status.as_ref().map(|s| s.as_str().to_owned()),
            "sub_status" => job.sub_status.clone(),
            "object" => job.object.clone(),
            "created" => time(job.created),
            "updated" => time(job.updated),
            _ => None,
        }
    }
}

/// Stores `job` (giving it the next job id if it has none or id 0, and the owner, updater,
/// times and status it lacks); returns its id.
pub(crate) fn add(state: &mut State, mut entry: CertificateJob, owner: &User) -> u64 {
    let mut job = entry.job.take().unwrap_or_default();
    if job.id == 0 {
        job.id = State::take_id(&mut state.next_job);
    }
    let now = state::now();
    job.owner.get_or_insert_with(|| owner.clone());
    job.updater.get_or_insert_with(|| owner.clone());
    job.status.get_or_insert(JobStatus::Running);
    job.created.get_or_insert(now);
    job.updated.get_or_insert(now);
    if job.object.is_none() {
        job.object = entry.certificate.as_ref().and_then(|c| c.name.clone());
    }
    let id = job.id;
    entry.job = Some(job);
    state.certificates.insert(id, entry);
    id
}

/// 400114.
pub(crate) fn info(state: &State, task: &CertificateJobInfo) -> Outcome {
    let id = task.id();
    match state.certificates.get(&id) {
        Some(entry) => success::<CertificateJobInfo>(
            "Certificate job inquired.",
            object(id),
            AnyData::CertificateJobInfo(CertificateJobInfoData {
                certificate_job: Some(entry.clone()),
                ..CertificateJobInfoData::default()
            }),
        ),
        None => failure::<CertificateJobInfo>("Certificate job not found.", object(id)),
    }
}

/// 400115: the jobs only, as the list entries carry them.
pub(crate) fn list(state: &State, task: &RequestTask) -> Outcome {
    match query::run(state.certificates.values(), task) {
        Ok((page, total)) => success::<CertificateJobList>(
            "Certificate jobs listed.",
            None,
            AnyData::CertificateJobList(CertificateJobListData {
                summary: Some(total),
                certificate_job: page
                    .into_iter()
                    .map(|c| CertificateJob {
                        job: c.job.clone(),
                        ..CertificateJob::default()
                    })
                    .collect(),
                ..CertificateJobListData::default()
            }),
        ),
        Err(why) => failure::<CertificateJobList>(&why, None),
    }
}

fn is_open(job: &Job) -> bool {
    !matches!(
        job.status,
        Some(JobStatus::Success | JobStatus::Failed | JobStatus::Canceled)
    )
}

/// 400113: an open job becomes CANCELED.
pub(crate) fn cancel(state: &mut State, task: &CertificateJobCancel) -> Outcome {
    let id = task.id();
    let Some(job) = state.certificates.get_mut(&id).and_then(|c| c.job.as_mut()) else {
        return failure::<CertificateJobCancel>("Certificate job not found.", object(id));
    };
    if !is_open(job) {
        return failure::<CertificateJobCancel>("The certificate job is finished.", object(id));
    }
    job.status = Some(JobStatus::Canceled);
    job.updated = Some(state::now());
    success::<CertificateJobCancel>(
        "Certificate job canceled.",
        object(id),
        AnyData::CertificateJobCancel(EmptyData::default()),
    )
}

/// 400118: accepted for an open job (no e-mail is sent, of course).
pub(crate) fn resend(state: &State, task: &ResendApproverEmail) -> Outcome {
    let id = task.id();
    match state.certificates.get(&id).and_then(job_of) {
        Some(job) if is_open(job) => success::<ResendApproverEmail>(
            "Approver e-mail sent again.",
            object(id),
            AnyData::ResendApproverEmail(EmptyData::default()),
        ),
        Some(_) => failure::<ResendApproverEmail>("The certificate job is finished.", object(id)),
        None => failure::<ResendApproverEmail>("Certificate job not found.", object(id)),
    }
}

/// 400134: a finished job, from the history.
pub(crate) fn history_info(state: &State, task: &CertificateJobHistoryInfo) -> Outcome {
    let id = task.id();
    let finished = state
        .certificates
        .get(&id)
        .filter(|c| job_of(c).is_some_and(|j| !is_open(j)));
    match finished {
        Some(entry) => success::<CertificateJobHistoryInfo>(
            "Certificate job inquired from the history.",
            object(id),
            AnyData::CertificateJobHistoryInfo(CertificateJobInfoData {
                certificate_job: Some(entry.clone()),
                ..CertificateJobInfoData::default()
            }),
        ),
        None => failure::<CertificateJobHistoryInfo>(
            "Certificate job not found in the history.",
            object(id),
        ),
    }
}

/// 400135: the finished jobs, as 400115 lists the running ones.
pub(crate) fn history_list(state: &State, task: &RequestTask) -> Outcome {
    let finished = state
        .certificates
        .values()
        .filter(|c| job_of(c).is_some_and(|j| !is_open(j)));
    match query::run(finished, task) {
        Ok((page, total)) => success::<CertificateJobHistoryList>(
            "Certificate jobs listed from the history.",
            None,
            AnyData::CertificateJobHistoryList(CertificateJobListData {
                summary: Some(total),
                certificate_job: page
                    .into_iter()
                    .map(|c| CertificateJob {
                        job: c.job.clone(),
                        ..CertificateJob::default()
                    })
                    .collect(),
                ..CertificateJobListData::default()
            }),
        ),
        Err(why) => failure::<CertificateJobHistoryList>(&why, None),
    }
}
