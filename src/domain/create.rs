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
    ///
    /// ```
    /// use autodns_xml::domain::DomainCreate;
    /// use autodns_xml::prelude::*;
    ///
    /// let create = DomainCreate::new("example.com")
    ///     .ownerc(23_456_789).adminc(23_456_790).techc(23_456_790)
    ///     .nserver("a.ns14.net").nserver("b.ns14.net");
    /// let request = Request::new(Auth::new("user", "secret", "4"))
    ///     .task(create)
    ///     .with_ctid("order-4711"); // the job notification carries it back
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<domain><name>example.com</name><ownerc>23456789</ownerc>"));
    ///
    /// // Accepted (`N0101`): the job runs, and its end comes as a poll message.
    /// let answer = br#"<response><result><data><domain_job><job><id>123456</id>
    ///   <status>RUNNING</status></job></domain_job></data><status><code>N0101</code>
    ///   <type>notify</type></status></result><ctid>order-4711</ctid></response>"#;
    /// let resp = decode_response::<DomainCreate>(answer)?.error_for_status()?;
    /// assert!(resp.status().is_some_and(|s| s.code.is_notify()));
    /// let job = resp.data().and_then(|d| d.domain_job.as_ref()).and_then(|j| j.job.as_ref());
    /// assert_eq!(job.map(|j| j.id), Some(123_456));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
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
    /// A DomainCreate for `name`; the contacts (`ownerc`, `adminc`, `techc`, all required) and
    /// the name servers (at least one: encoding checks it) are set by name, so that no two
    /// ids can be swapped by position.
    ///
    /// ```
    /// use autodns_xml::domain::DomainCreate;
    ///
    /// let create = DomainCreate::new("example.com")
    ///     .ownerc(23_456_789)
    ///     .adminc(23_456_790)
    ///     .techc(23_456_790)
    ///     .nserver("ns1.example.net")
    ///     .nserver("ns2.example.net")
    ///     .period(1);
    /// assert_eq!(create.nserver.len(), 2);
    /// ```
    pub fn new(name: impl Into<String>) -> Self {
        DomainCreate::default().name(name)
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
