//! 0301 ContactCreate: create a domain contact. The answer has empty data; the status's
//! object carries the new handle's id.

use super::Handle;
use crate::envelope::EmptyData;
use crate::task::task;

task! {
    /// The request body of 0301: the handle to create.
    ///
    /// ```
    /// use autodns_xml::contact::{ContactCreate, Handle};
    /// use autodns_xml::prelude::*;
    ///
    /// let jane = Handle::person().fname("Jane").lname("Doe").address("Main Street 1")
    ///     .pcode("12345").city("Berlin").country("DE").email("jane@example.com");
    /// let request = Request::new(Auth::new("user", "secret", "4"))
    ///     .task(ContactCreate(jane))
    ///     .with_ctid("contact-1");
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0301</code><handle><type>PERSON</type><fname>Jane</fname>"));
    ///
    /// // The data is empty: the new handle's id is the status's object.
    /// let answer = br#"<response><result><data/><status><code>S0301</code><type>success</type>
    ///   <object><type>handle</type><value>100</value></object></status></result></response>"#;
    /// let resp = decode_response::<ContactCreate>(answer)?.error_for_status()?;
    /// let status = resp.status().expect("a status");
    /// assert_eq!(status.object.as_ref().and_then(|o| o.value.as_deref()), Some("100"));
    /// assert!(resp.data().is_some_and(|d| d.unknown.is_empty()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ContactCreate = "0301", wraps Handle as "handle", data EmptyData
}
