//! Jobs: the server's record of an asynchronous task (a domain create, a certificate order).

use crate::codec::macros::{open_enum, xml_struct};
use crate::codec::{ElementReader, FromXml};
use crate::envelope::User;
use crate::error::DecodeError;
use chrono::NaiveDateTime;

/// How a deferred status was spelled on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DeferredSpelling {
    /// `DEFERRED`
    #[default]
    Deferred,
    /// `DEFFERED`, as the server sends it (seed 000). Decoding records a quirk.
    Deffered,
}

/// A job's status. `DEFFERED` and `DEFERRED` both read as [`Deferred`](Self::Deferred),
/// which remembers the spelling so that re-encoding writes what was read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JobStatus {
    /// `RUNNING`
    Running,
    /// `SUCCESS`
    Success,
    /// `FAILED`
    Failed,
    /// `CANCELED`
    Canceled,
    /// `SUPPORT`
    Support,
    /// `DEFERRED` / `DEFFERED`
    Deferred(DeferredSpelling),
    /// `NOT_SET`
    NotSet,
    /// `WAIT`
    Wait,
    /// Any other value, kept as sent.
    Other(String),
}

impl JobStatus {
    /// The wire spelling.
    pub fn as_str(&self) -> &str {
        match self {
            JobStatus::Running => "RUNNING",
            JobStatus::Success => "SUCCESS",
            JobStatus::Failed => "FAILED",
            JobStatus::Canceled => "CANCELED",
            JobStatus::Support => "SUPPORT",
            JobStatus::Deferred(DeferredSpelling::Deferred) => "DEFERRED",
            JobStatus::Deferred(DeferredSpelling::Deffered) => "DEFFERED",
            JobStatus::NotSet => "NOT_SET",
            JobStatus::Wait => "WAIT",
            JobStatus::Other(s) => s,
        }
    }

    /// The status for a wire spelling.
    pub fn from_wire(s: &str) -> Self {
        match s {
            "RUNNING" => JobStatus::Running,
            "SUCCESS" => JobStatus::Success,
            "FAILED" => JobStatus::Failed,
            "CANCELED" => JobStatus::Canceled,
            "SUPPORT" => JobStatus::Support,
            "DEFERRED" => JobStatus::Deferred(DeferredSpelling::Deferred),
            "DEFFERED" => JobStatus::Deferred(DeferredSpelling::Deffered),
            "NOT_SET" => JobStatus::NotSet,
            "WAIT" => JobStatus::Wait,
            other => JobStatus::Other(other.to_owned()),
        }
    }

    /// Whether the status is deferred, whatever the spelling.
    pub fn is_deferred(&self) -> bool {
        matches!(self, JobStatus::Deferred(_))
    }
}

impl crate::codec::OpenEnum for JobStatus {
    const KNOWN: &'static [Self] = &[
        JobStatus::Running,
        JobStatus::Success,
        JobStatus::Failed,
        JobStatus::Canceled,
        JobStatus::Support,
        JobStatus::Deferred(DeferredSpelling::Deferred),
        JobStatus::Deferred(DeferredSpelling::Deffered),
        JobStatus::NotSet,
        JobStatus::Wait,
    ];
    fn as_str(&self) -> &str {
        JobStatus::as_str(self)
    }
    fn from_wire(s: &str) -> Self {
        JobStatus::from_wire(s)
    }
    fn is_other(&self) -> bool {
        matches!(self, JobStatus::Other(_))
    }
}

open_enum!(@spelled JobStatus);

impl FromXml for JobStatus {
    fn from_xml(mut el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        let text = el.read_text()?;
        let status = JobStatus::from_wire(crate::codec::syntax::trim_xml(&text));
        if status == JobStatus::Deferred(DeferredSpelling::Deffered) {
            el.misspelled(crate::codec::syntax::trim_xml(&text), "DEFERRED");
        }
        Ok(status)
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
        #[serde(with = "crate::codec::datetime::option")]
        created: Option<NaiveDateTime> = opt "created",
        /// When the job was last updated.
        #[serde(with = "crate::codec::datetime::option")]
        updated: Option<NaiveDateTime> = opt "updated",
        /// The job type.
        kind: Option<JobType> = opt "type",
        /// The sub-type (for certificates, the product, e.g. `RAPID_SSL`).
        sub_type: Option<String> = opt "sub_type",
        /// The action.
        action: Option<JobAction> = opt "action",
        /// When the job is or was executed.
        #[serde(with = "crate::codec::datetime::option")]
        execution: Option<NaiveDateTime> = opt "execution",
    }
}

impl Job {
    /// A job with only its id.
    pub fn new(id: u64) -> Self {
        Job {
            id,
            owner: None,
            updater: None,
            object: None,
            status: None,
            sub_status: None,
            created: None,
            updated: None,
            kind: None,
            sub_type: None,
            action: None,
            execution: None,
            unknown: Default::default(),
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

/// Open enums are drawn by `codec::fuzz::open_enum`.
#[cfg(feature = "arbitrary")]
mod generate {
    use super::JobStatus;
    use crate::codec::fuzz::{Gen, open_enum};
    use arbitrary::{Result, Unstructured};

    impl Gen for JobStatus {
        fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
            open_enum(u)
        }
    }

    crate::codec::macros::arbitrary_via_gen!(JobStatus);
}
