//! 400113: cancel a running certificate job (effective once the CA has cancelled it; until
//! then the job shows CANCELED). The answer's data is empty.

use super::job_ref_task;
use crate::contact::EmptyData;
use crate::job::JobRef;

job_ref_task! {
    /// 400113: cancel certificate job `id`.
    CertificateJobCancel = "400113", EmptyData
}
