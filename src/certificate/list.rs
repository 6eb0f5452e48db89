//! 400115: list running and finished certificate jobs; 400135: the same from the history.
//! No body: the query is the task's `view` / `where` / `order`.

use super::CertificateJob;
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

task! {
    /// 400115: list certificate jobs.
    CertificateJobList = "400115", no body, data CertificateJobListData, entries "certificate_job"
}

task! {
    /// 400135: list certificate jobs from the history.
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
