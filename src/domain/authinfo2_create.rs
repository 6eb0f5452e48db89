//! 0113003 AuthInfo2Create: order an AuthInfo2 (for `.de`: the registry sends the code by
//! post to the domain's owner). Request: `<domain><name>example.de</name></domain>`; the
//! answer has empty data.

super::authinfo::authinfo_task! {
    /// 0113003: order an AuthInfo2.
    ///
    /// ```
    /// use autodns_xml::domain::AuthInfo2Create;
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(AuthInfo2Create::new("example.de"));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0113003</code><domain><name>example.de</name></domain>"));
    ///
    /// // The registry posts the code to the owner: the answer carries none.
    /// let answer = br#"<response><result><data/><status><code>S0113003</code><type>success</type>
    ///   <object><type>domain</type><value>example.de</value></object></status>
    ///   </result></response>"#;
    /// let resp = decode_response::<AuthInfo2Create>(answer)?;
    /// let status = resp.status().expect("a status");
    /// assert_eq!(status.code.to_string(), "S0113003");
    /// assert!(autodns_xml::domain::auth_code(status).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    AuthInfo2Create = "0113003"
}
