//! 400115: list running and finished certificate jobs; 400135: the same from the history.
//! No body: the query is the task's `view` / `where` / `order`.

use super::CertificateJob;
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

task! {
    /// 400115: list certificate jobs. A long list is best streamed, entry by entry, with a
    /// [`ListReader`](crate::ListReader).
    ///
    /// ```
    /// use autodns_xml::certificate::CertificateJobList;
    /// use autodns_xml::prelude::*;
    ///
    /// let list = CertificateJobList
    ///     .with_view(View::new(0, 10))
    ///     .with_order(Order::desc("created"));
    /// let auth = Auth::new("user", "secret", "4");
    /// let xml = Request::new(auth).task(list).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<view><offset>0</offset><limit>10</limit></view><order>"));
    ///
    /// let answer = br#"<response><result><data><summary>1</summary><certificate_job><job>
    ///   <id>12345</id><object>domain.de</object><status>DEFFERED</status><type>ssl</type>
    ///   <sub_type>RAPID_SSL</sub_type></job></certificate_job></data>
    ///   <status><code>S400115</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<CertificateJobList>(answer)?;
    /// let data = resp.data().expect("data");
    /// let job = data.certificate_job[0].job.as_ref().expect("a job");
    /// assert_eq!((data.summary, job.id), (Some(1), 12345));
    /// assert_eq!(job.object.as_deref(), Some("domain.de"));
    /// assert!(job.status.as_ref().is_some_and(|s| s.is_deferred()));
    /// assert_eq!(resp.quirks.len(), 1); // the server's `DEFFERED`, repaired and reported
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CertificateJobList = "400115", no body, data CertificateJobListData, entries "certificate_job" of CertificateJob
}

task! {
    /// 400135: list certificate jobs from the history.
    ///
    /// ```
    /// use autodns_xml::certificate::CertificateJobHistoryList;
    /// use autodns_xml::{JobStatus, prelude::*};
    ///
    /// let filter = Where::condition("object", Operator::Eq, "domain.de");
    /// let list = CertificateJobHistoryList.with_where(filter).with_view(View::new(0, 10));
    /// let auth = Auth::new("user", "secret", "4");
    /// let xml = Request::new(auth).task(list).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<key>object</key><operator>eq</operator><value>domain.de</value>"));
    ///
    /// let answer = br#"<response><result><data><summary>1</summary><certificate_job><job>
    ///   <id>12345</id><object>domain.de</object><status>SUCCESS</status>
    ///   <created>2019-10-23 16:12:33</created></job></certificate_job></data>
    ///   <status><code>S400135</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<CertificateJobHistoryList>(answer)?;
    /// let job = resp.data().and_then(|d| d.certificate_job[0].job.as_ref()).expect("a job");
    /// assert_eq!(job.status, Some(JobStatus::Success));
    /// assert_eq!(job.created.map(|c| c.to_string()).as_deref(), Some("2019-10-23 16:12:33"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CertificateJobHistoryList = "400135", no body, data CertificateJobListData, entries "certificate_job"
}

xml_struct! {
    /// The response data of 400115 / 400135.
    #[derive(Default)]
    pub struct CertificateJobListData {
        /// The total number of matches.
        summary: Option<u64> = opt "summary",
        /// The jobs.
        certificate_job: Vec<CertificateJob> = many "certificate_job",
    }
}

impl Describe for CertificateJobListData {
    fn facts(&self) -> Vec<Fact<'_>> {
        vec![Fact::Entries {
            element: "certificate_job",
            count: self.certificate_job.len(),
            total: self.summary,
        }]
    }
}
