//! 0113005 AuthInfoSend: have the server send the domain's auth code to its owner by
//! e-mail. Request: `<domain><name>example.com</name></domain>`; the answer has empty data.

super::authinfo::authinfo_task! {
    /// 0113005: send the auth code to the domain's owner.
    ///
    /// ```
    /// use autodns_xml::domain::AuthInfoSend;
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(AuthInfoSend::new("example.de"));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0113005</code><domain><name>example.de</name></domain>"));
    ///
    /// let answer = br#"<response><result><data/><status><code>S0113005</code><type>success</type>
    ///   <object><type>domain</type><value>example.de</value></object></status></result>
    ///   <stid>20190701-app3-dev-9700</stid></response>"#;
    /// let resp = decode_response::<AuthInfoSend>(answer)?;
    /// assert!(resp.status().is_some_and(|s| s.code.is_success()));
    /// assert_eq!(resp.stid.as_deref(), Some("20190701-app3-dev-9700"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    AuthInfoSend = "0113005"
}
