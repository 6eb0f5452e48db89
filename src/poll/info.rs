//! 0905 PollInfo.

use crate::RawElement;
use crate::codec::macros::xml_struct;
use crate::domain::Domain;
use crate::envelope::{Status, User};
use crate::task::Task;
use chrono::NaiveDateTime;

/// 0905 PollInfo: no body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PollInfo;

impl Task for PollInfo {
    const CODE: &'static str = "0905";
    type Data = PollInfoData;
}

xml_struct! {
    /// A job notification: the final object, the job id and the job's final status.
    #[derive(Default)]
    pub struct MessageJob {
        /// The domain, for domain jobs.
        domain: Option<Domain> = opt "domain",
        /// The job id (it can be absent).
        job_id: Option<u64> = opt "job_id",
        /// The job's final status (`S0101`, `E0101`, …).
        status: Option<Status> = opt "status",
        /// The server transaction id of the job.
        stid: Option<String> = opt "stid",
        /// The client transaction id the original request carried.
        ctid: Option<String> = opt "ctid",
    }
}

xml_struct! {
    /// A poll message.
    pub struct Message {
        /// The message id, to confirm with 0906.
        id: u64 = req "id",
        /// Who the message is for (may be empty: `<owner />`).
        owner: Option<User> = opt "owner",
        /// A job notification.
        job: Option<MessageJob> = opt "job",
        /// An event notification, kept as it came.
        notify: Option<RawElement> = opt "notify",
        /// When the message was created.
        #[serde(with = "crate::codec::datetime::option")]
        created: Option<NaiveDateTime> = opt "created",
    }
}

xml_struct! {
    /// The response data of 0905.
    #[derive(Default)]
    pub struct PollInfoData {
        /// The number of messages waiting (0: the queue is empty).
        summary: Option<u64> = opt "summary",
        /// The oldest unconfirmed message.
        message: Option<Message> = opt "message",
    }
}
