//! Job notifications (`job`): the final result of a task the server answered with `N…`.

use super::event::Transfer;
use crate::certificate::Certificate;
use crate::codec::macros::xml_struct;
use crate::contact::Handle;
use crate::domain::Domain;
use crate::envelope::{Status, StatusCode, StatusKind, StatusType};
use crate::job::{Job, JobStatus};
use crate::task::TaskCode;

xml_struct! {
    /// A job notification: `<job>` in a poll message.
    ///
    /// It carries the job's object as the job left it, typed where this crate models the
    /// object ([`Domain`], contact [`Handle`], [`Certificate`], [`Transfer`]) and kept raw in
    /// `unknown` otherwise; the job id; the job's own status; and the transaction ids.
    /// `ctid` is the client transaction id the original request carried: the reliable way to
    /// match a notification to the request that caused it.
    ///
    /// The XML form gives the job's [`status`](Self::status) (`S0101`, `E0101`, …). The JSON
    /// form gives no status code but the job record instead ([`job`](Self::job): status
    /// `SUCCESS`, `FAILED`, `RUNNING`, dates, sub-type, action); [`succeeded`](Self::succeeded)
    /// and [`failed`](Self::failed) read whichever is there.
    #[derive(Default)]
    pub struct JobNotification {
        /// The transfer, for transfer jobs (its status: `start`, `ACK`, …).
        transfer: Option<Transfer> = opt "transfer",
        /// The domain, for domain jobs.
        domain: Option<Domain> = opt "domain",
        /// The contact, for contact jobs.
        handle: Option<Handle> = opt "handle",
        /// The certificate, for certificate jobs.
        certificate: Option<Certificate> = opt "certificate",
        /// The job id (it can be absent).
        job_id: Option<u64> = opt "job_id",
        /// The job record, as the JSON form carries it (`job` in a JSON poll message); the
        /// XML form has only `job_id`.
        job: Option<Job> = opt "job",
        /// The job's final status: code (`S0101`, `E0101`, …), type, text and object.
        status: Option<Status> = opt "status",
        /// The server transaction id of the job.
        stid: Option<String> = opt "stid",
        /// The client transaction id the original request carried.
        ctid: Option<String> = opt "ctid",
    }
}

impl JobNotification {
    /// Whether the job succeeded: its status code is `S…`, or, without a status (the JSON
    /// form), its job record's status is `SUCCESS`.
    ///
    /// Some jobs report progress before their end: a transfer's start comes as `S0104` of
    /// type `notify`. [`is_final`](Self::is_final) tells them apart.
    pub fn succeeded(&self) -> bool {
        match &self.status {
            Some(status) => status.code.is_success(),
            None => self.job_status() == Some(&JobStatus::Success),
        }
    }

    /// Whether the job failed: its status code is `E…`, or, without a status, its job
    /// record's status is `FAILED`.
    pub fn failed(&self) -> bool {
        match &self.status {
            Some(status) => status.code.is_error(),
            None => self.job_status() == Some(&JobStatus::Failed),
        }
    }

    /// Whether this is the job's final word: not a progress report (a status of type
    /// `notify` or an `N` code; a job record still `RUNNING`).
    ///
    /// A transfer (0104) or an owner change (0104010) first reports the registry's start,
    /// `S0104` / `S0104010`, and ends with `S0104001` / `E0104001` or `S0104011` /
    /// `E0104011` (help page "Processing Transfer-In and Ownerchange Jobs"): those starts
    /// are progress whatever their type; an `E0104` / `E0104010` at the start ends the job.
    ///
    /// ```
    /// use autodns_xml::envelope::{Status, StatusCode};
    /// use autodns_xml::poll::JobNotification;
    ///
    /// let code = |c: &str| StatusCode::parse(c).expect("a status code");
    /// let job = |c: &str| JobNotification::default().status(Status::new(code(c)));
    /// let accepted = code("N0104");
    /// assert!(job("S0104").answers(&accepted) && !job("S0104").is_final());
    /// assert!(job("S0104001").answers(&accepted) && job("S0104001").is_final());
    /// assert!(job("E0104001").failed() && job("E0104001").answers(&accepted));
    /// assert!(job("E0104").failed() && job("E0104").is_final());
    /// assert!(job("S0104011").answers(&code("N0104010")) && !job("S0104010").is_final());
    /// assert!(!job("S0104011").answers(&accepted));
    /// ```
    pub fn is_final(&self) -> bool {
        match &self.status {
            Some(status) => {
                !status.code.is_notify()
                    && status.kind != Some(StatusType::Notify)
                    && !(status.code.is_success() && is_progress(status.code.task.as_str()))
            }
            None => !matches!(self.job_status(), Some(JobStatus::Running) | None),
        }
    }

    /// The task code the job ran, from its status code: `0101` for `S0101` or `E0101`.
    /// `None` without a status (the JSON form).
    pub fn task(&self) -> Option<&TaskCode> {
        self.status.as_ref().map(|s| &s.code.task)
    }

    /// Whether this notification answers a request the server accepted with `accepted`
    /// (an `N…` code): `N0101` is answered by `S0101` or `E0101`; a task whose job ends
    /// under a code of its own is answered by that too (`N0104` by `S0104` and by
    /// `S0104001` / `E0104001`, `N0104010` by `S0104010` and by `S0104011` / `E0104011`;
    /// see [`is_final`](Self::is_final)). Only the task codes are compared; match on
    /// [`ctid`](Self::ctid) to tell two jobs of the same task apart.
    pub fn answers(&self, accepted: &StatusCode) -> bool {
        accepted.kind == StatusKind::Notify
            && self.task().is_some_and(|task| {
                task == &accepted.task || ends(accepted.task.as_str()) == Some(task.as_str())
            })
    }

    fn job_status(&self) -> Option<&JobStatus> {
        self.job.as_ref().and_then(|j| j.status.as_ref())
    }
}

/// The tasks whose job ends under a code of its own, and that code: the incoming transfer
/// (0104, ended by 0104001) and the owner change (0104010, ended by 0104011), as the help
/// page "Processing Transfer-In and Ownerchange Jobs" lists them.
const ENDED_BY: &[(&str, &str)] = &[("0104", "0104001"), ("0104010", "0104011")];

/// The code task `task`'s job ends under, if it has one of its own.
fn ends(task: &str) -> Option<&'static str> {
    ENDED_BY
        .iter()
        .find(|(started, _)| *started == task)
        .map(|(_, ended)| *ended)
}

/// Whether a success of `task` only reports progress (the registry's start of a job that
/// ends under another code).
fn is_progress(task: &str) -> bool {
    ends(task).is_some()
}
