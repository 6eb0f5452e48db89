//! 400115: list running and finished certificate jobs; 400135: the same from the history.
//! No body: the query is the task's `view` / `where` / `order`.

use super::CertificateJob;
use crate::codec::macros::xml_struct;
use crate::task::Task;

/// 400115: list certificate jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CertificateJobList;

impl Task for CertificateJobList {
    const CODE: &'static str = "400115";
    type Data = CertificateJobListData;
}

/// 400135: list certificate jobs from the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CertificateJobHistoryList;

impl Task for CertificateJobHistoryList {
    const CODE: &'static str = "400135";
    type Data = CertificateJobListData;
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
