//! 400114: a running certificate job's details; 400134: the same from the history.

use super::{CertificateJob, job_ref_task};
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::job::JobRef;

job_ref_task! {
    /// 400114: show certificate job `id`.
    CertificateJobInfo = "400114", CertificateJobInfoData
}

job_ref_task! {
    /// 400134: show certificate job `id` from the history.
    CertificateJobHistoryInfo = "400134", CertificateJobInfoData
}

xml_struct! {
    /// The response data of 400114 / 400134.
    #[derive(Default)]
    pub struct CertificateJobInfoData {
        /// The job with its certificate order.
        certificate_job: Option<CertificateJob> = opt "certificate_job",
    }
}

impl Describe for CertificateJobInfoData {
    fn facts(&self) -> Vec<Fact<'_>> {
        let job = self.certificate_job.as_ref().and_then(|c| c.job.as_ref());
        job.map(|job| Fact::Job {
            element: "certificate_job",
            job,
        })
        .into_iter()
        .collect()
    }
}
