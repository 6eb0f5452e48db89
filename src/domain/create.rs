//! 0101 DomainCreate: register a domain. Answered `N0101` with the job; the final result
//! comes later as a poll message (0905).

use super::NameServer;
use crate::codec::Bit;
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::envelope::Secret;
use crate::job::Job;
use crate::task::task;

xml_struct! {
    /// The request body: `<domain>` with what the registry needs. Name, the three contacts
    /// and at least one name server are required.
    pub struct DomainCreate {
        /// The domain name.
        name: String = req "name",
        /// The owner contact's handle id.
        ownerc: u64 = req "ownerc",
        /// The admin contact's handle id.
        adminc: u64 = req "adminc",
        /// The technical contact's handle id.
        techc: u64 = req "techc",
        /// The zone contact's handle id.
        zonec: Option<u64> = opt "zonec",
        /// The name servers (at least one).
        nserver: Vec<NameServer> = some "nserver",
        /// Confirm the order (`1`/`0` on the wire).
        confirm_order: Option<bool> = opt "confirm_order" via Bit,
        /// The registration period in years.
        period: Option<u32> = opt "period",
        /// Renew automatically.
        autorenew: Option<bool> = opt "autorenew",
        /// The transfer auth code to set.
        authinfo: Option<Secret> = opt "authinfo",
    }
}

impl DomainCreate {
    /// A DomainCreate with everything the server requires; `nserver` must not be empty
    /// (encoding checks it).
    pub fn new<N: Into<NameServer>>(
        name: impl Into<String>,
        ownerc: u64,
        adminc: u64,
        techc: u64,
        nserver: impl IntoIterator<Item = N>,
    ) -> Self {
        DomainCreate {
            name: name.into(),
            ownerc,
            adminc,
            techc,
            zonec: None,
            nserver: nserver.into_iter().map(Into::into).collect(),
            confirm_order: None,
            period: None,
            autorenew: None,
            authinfo: None,
            unknown: Vec::new(),
        }
    }
}

task!(DomainCreate = "0101", body "domain", data DomainCreateData);

xml_struct! {
    /// `<domain_job>`: the job that registers the domain.
    #[derive(Default)]
    pub struct DomainJob {
        /// The job (id and status).
        job: Option<Job> = opt "job",
    }
}

xml_struct! {
    /// The response data of 0101.
    #[derive(Default)]
    pub struct DomainCreateData {
        /// The registration job.
        domain_job: Option<DomainJob> = opt "domain_job",
    }
}

impl Describe for DomainCreateData {
    fn facts(&self) -> Vec<Fact<'_>> {
        let job = self.domain_job.as_ref().and_then(|j| j.job.as_ref());
        job.map(|job| Fact::Job {
            element: "job",
            job,
        })
        .into_iter()
        .collect()
    }
}
