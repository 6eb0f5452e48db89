//! 400118: send the approver (validation) e-mail again. The answer's data is empty.

use super::job_ref_task;
use crate::envelope::EmptyData;
use crate::job::JobRef;

job_ref_task! {
    /// 400118: resend the approver e-mail of certificate job `id`.
    ///
    /// ```
    /// use autodns_xml::certificate::ResendApproverEmail;
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(ResendApproverEmail::new(12345));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>400118</code><certificate_job><job><id>12345</id></job>"));
    ///
    /// let answer = br#"<response><result><data/><status><code>S400118</code><type>success</type>
    ///   <object><type>certificate_job</type><value>12345</value></object></status>
    ///   </result></response>"#;
    /// let resp = decode_response::<ResendApproverEmail>(answer)?;
    /// let status = resp.status().expect("a status");
    /// assert!(status.code.is_success());
    /// assert_eq!(status.object.as_ref().and_then(|o| o.value.as_deref()), Some("12345"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ResendApproverEmail = "400118", EmptyData
}
