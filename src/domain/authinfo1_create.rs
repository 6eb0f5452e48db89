//! 0113001 AuthInfo1Create: have the server create the domain's AuthInfo1 (the transfer
//! code). Request: `<domain><name>example.com</name></domain>`. Answer: empty data and
//! `S0113001` whose object is `<type>authinfo</type><value>` the code `</value>`: read it
//! with [`auth_code`](super::auth_code). An existing code is answered `E0113001` with
//! `EF011316`. With a `PREACK` cancelation pending the server makes the code itself.

super::authinfo::authinfo_task! {
    /// 0113001: create the domain's AuthInfo1.
    ///
    /// ```
    /// use autodns_xml::domain::{AuthInfo1Create, auth_code};
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(AuthInfo1Create::new("example.com"));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0113001</code><domain><name>example.com</name></domain>"));
    ///
    /// // The code comes back as the status's object, not in the (empty) data.
    /// let answer = br#"<response><result><data/><status><code>S0113001</code><type>success</type>
    ///   <object><type>authinfo</type><value>kiSV/CbJi9/KaCxp</value></object></status>
    ///   </result></response>"#;
    /// let resp = decode_response::<AuthInfo1Create>(answer)?.error_for_status()?;
    /// let code = resp.status().and_then(auth_code).expect("an auth code");
    /// assert_eq!(code.expose(), "kiSV/CbJi9/KaCxp");
    /// assert_eq!(format!("{code:?}"), "Secret(***)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    AuthInfo1Create = "0113001"
}
