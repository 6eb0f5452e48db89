//! 400113: cancel a running certificate job (effective once the CA has cancelled it; until
//! then the job shows CANCELED). The answer's data is empty.

use super::job_ref_task;
use crate::envelope::EmptyData;
use crate::job::JobRef;

job_ref_task! {
    /// 400113: cancel certificate job `id`.
    ///
    /// ```
    /// use autodns_xml::certificate::CertificateJobCancel;
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(CertificateJobCancel::new(4_297_782_230));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>400113</code><certificate_job><job><id>4297782230</id></job>"));
    ///
    /// let answer = br#"<response><result><data/><status><code>S400113</code><type>success</type>
    ///   <object><type>certificate_job</type><value>4297782230</value></object></status>
    ///   </result></response>"#;
    /// let resp = decode_response::<CertificateJobCancel>(answer)?.error_for_status()?;
    /// let object = resp.status().and_then(|s| s.object.as_ref()).expect("an object");
    /// assert_eq!(object.kind.as_deref(), Some("certificate_job"));
    /// assert_eq!(object.value.as_deref(), Some("4297782230"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CertificateJobCancel = "400113", EmptyData
}
