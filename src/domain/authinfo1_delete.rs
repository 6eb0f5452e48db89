//! 0113002 AuthInfo1Delete: delete the domain's AuthInfo1. Request:
//! `<domain><name>example.com</name></domain>`; the answer has empty data.

super::authinfo::authinfo_task! {
    /// 0113002: delete the domain's AuthInfo1.
    ///
    /// ```
    /// use autodns_xml::domain::AuthInfo1Delete;
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(AuthInfo1Delete::new("example.de"));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0113002</code><domain><name>example.de</name></domain>"));
    ///
    /// let answer = br#"<response><result><data/><status><code>S0113002</code><type>success</type>
    ///   <object><type>domain</type><value>example.de</value></object></status>
    ///   </result></response>"#;
    /// let resp = decode_response::<AuthInfo1Delete>(answer)?;
    /// let status = resp.status().expect("a status");
    /// assert!(status.code.is_success());
    /// assert_eq!(status.object.as_ref().and_then(|o| o.value.as_deref()), Some("example.de"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    AuthInfo1Delete = "0113002"
}
