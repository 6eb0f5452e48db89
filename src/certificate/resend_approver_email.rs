//! 400118: send the approver (validation) e-mail again. The answer's data is empty.

use super::job_ref_task;
use crate::contact::EmptyData;
use crate::job::JobRef;

job_ref_task! {
    /// 400118: resend the approver e-mail of certificate job `id`.
    ResendApproverEmail = "400118", EmptyData
}
