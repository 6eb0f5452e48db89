//! 400114: a running certificate job's details; 400134: the same from the history.

use super::{CertificateJob, job_ref_task};
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::job::JobRef;

job_ref_task! {
    /// 400114: show certificate job `id`.
    ///
    /// ```
    /// use autodns_xml::certificate::{CertificateJobInfo, Product};
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(CertificateJobInfo::new(12345));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>400114</code><certificate_job><job><id>12345</id></job>"));
    ///
    /// let answer = br#"<response><result><data><certificate_job><certificate>
    ///   <name>domain.de</name><lifetime>12</lifetime><product>RAPID_SSL</product>
    ///   <expire>2020-10-23 00:00:00</expire></certificate>
    ///   <job><id>12345</id><status>DEFFERED</status><sub_status>WF_EMAIL_AUTH</sub_status></job>
    ///   </certificate_job></data><status><code>S400114</code><type>success</type></status>
    ///   </result></response>"#;
    /// let resp = decode_response::<CertificateJobInfo>(answer)?;
    /// let order = resp.data().and_then(|d| d.certificate_job.as_ref()).expect("a job");
    /// let certificate = order.certificate.as_ref().expect("a certificate");
    /// assert_eq!(certificate.product, Some(Product::RapidSsl));
    /// assert_eq!(certificate.name.as_deref(), Some("domain.de"));
    /// assert_eq!(certificate.lifetime, Some(12));
    /// assert_eq!(order.job.as_ref().and_then(|j| j.sub_status.as_deref()), Some("WF_EMAIL_AUTH"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CertificateJobInfo = "400114", CertificateJobInfoData
}

job_ref_task! {
    /// 400134: show certificate job `id` from the history.
    ///
    /// ```
    /// use autodns_xml::certificate::{AuthenticationMethod, CertificateJobHistoryInfo};
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(CertificateJobHistoryInfo::new(12345));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>400134</code><certificate_job><job><id>12345</id></job>"));
    ///
    /// let answer = br#"<response><result><data><certificate_job><certificate>
    ///   <name>domain.de</name><authentication><method>EMAIL</method>
    ///   <approver_email>admin@domain.de</approver_email></authentication></certificate>
    ///   <job><id>12345</id><status>SUCCESS</status></job></certificate_job></data>
    ///   <status><code>S400134</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<CertificateJobHistoryInfo>(answer)?;
    /// let order = resp.data().and_then(|d| d.certificate_job.as_ref()).expect("a job");
    /// let validation = order.certificate.as_ref().and_then(|c| c.authentication.as_ref());
    /// let validation = validation.expect("a validation");
    /// assert_eq!(validation.method, Some(AuthenticationMethod::Email));
    /// assert_eq!(validation.approver_email, ["admin@domain.de"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
