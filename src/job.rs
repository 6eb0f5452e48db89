//! Jobs: the server's record of an asynchronous task (a domain create, a certificate order).

use crate::codec::macros::{open_enum, xml_struct};
use crate::envelope::User;
use chrono::NaiveDateTime;

/// How a deferred status was spelled on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DeferredSpelling {
    /// `DEFERRED`
    #[default]
    Deferred,
    /// `DEFFERED`, as the server sends it (`testdata/400115_response.xml`; its source in
    /// `testdata/README.md`). Decoding records a quirk.
    Deffered,
}

open_enum! {
    /// A job's status. `DEFFERED` and `DEFERRED` both read as [`Deferred`](Self::Deferred),
    /// which remembers the spelling so that re-encoding writes what was read.
    pub enum JobStatus {
        /// `RUNNING`
        Running = "RUNNING",
        /// `SUCCESS`
        Success = "SUCCESS",
        /// `FAILED`
        Failed = "FAILED",
        /// `CANCELED`
        Canceled = "CANCELED",
        /// `SUPPORT`
        Support = "SUPPORT",
        /// `DEFERRED` / `DEFFERED`
        Deferred(DeferredSpelling::{
            Deferred = "DEFERRED",
            Deffered = "DEFFERED" misspells "DEFERRED",
        }),
        /// `NOT_SET`
        NotSet = "NOT_SET",
        /// `WAIT`
        Wait = "WAIT",
    }
}

impl JobStatus {
    /// Whether the status is deferred, whatever the spelling.
    pub fn is_deferred(&self) -> bool {
        matches!(self, JobStatus::Deferred(_))
    }
}

open_enum! {
    /// A job's `type`.
    pub enum JobType {
        /// `ssl`: a certificate job.
        Ssl = "ssl",
        /// `domain`
        Domain = "domain",
    }
}

open_enum! {
    /// A job's `action`.
    pub enum JobAction {
        /// `create`
        Create = "create",
        /// `update`
        Update = "update",
        /// `delete`
        Delete = "delete",
        /// `renew`
        Renew = "renew",
        /// `reissue`
        Reissue = "reissue",
        /// `transfer`
        Transfer = "transfer",
    }
}

xml_struct! {
    /// A job, as listed by 400115 / 400135, shown by 400114 / 400134 and returned by 0101.
    #[derive(Default)]
    pub struct Job {
        /// The job id.
        id: u64 = req "id",
        /// Who owns the job.
        owner: Option<User> = opt "owner",
        /// Who last changed it.
        updater: Option<User> = opt "updater",
        /// The object the job works on (e.g. the certificate's domain).
        object: Option<String> = opt "object",
        /// The status.
        status: Option<JobStatus> = opt "status",
        /// The workflow sub-status (e.g. `WF_EMAIL_AUTH`).
        sub_status: Option<String> = opt "sub_status",
        /// When the job was created.
        created: Option<NaiveDateTime> = opt "created",
        /// When the job was last updated.
        updated: Option<NaiveDateTime> = opt "updated",
        /// The job type.
        kind: Option<JobType> = opt "type",
        /// The sub-type (for certificates, the product, e.g. `RAPID_SSL`).
        sub_type: Option<String> = opt "sub_type",
        /// The action.
        action: Option<JobAction> = opt "action",
        /// When the job is or was executed.
        execution: Option<NaiveDateTime> = opt "execution",
    }
}

impl Job {
    /// A job with only its id.
    pub fn new(id: u64) -> Self {
        Job {
            id,
            ..Default::default()
        }
    }
}

xml_struct! {
    /// A reference to a job by id: `<job><id>12345</id></job>`.
    #[derive(Default)]
    pub struct JobRef {
        /// The job id.
        id: u64 = req "id",
    }
}
