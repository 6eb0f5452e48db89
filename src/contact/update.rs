//! 0302 HandleUpdate: change a contact. The body is the whole handle, with its `id` (or
//! `alias`) saying which one; fields left out are not kept, so send the contact as 0304
//! shows it with your changes. The answer has empty data; a change the registries must
//! confirm is answered `N0302` and ends in a job notification carrying the handle.

use super::Handle;
use crate::envelope::EmptyData;
use crate::task::task;

task! {
    /// The request body of 0302: the handle as it should be (its `id` names it).
    ///
    /// ```
    /// use autodns_xml::contact::{Handle, HandleUpdate};
    /// use autodns_xml::prelude::*;
    ///
    /// // The whole contact with the change (a new street): fields left out are not kept.
    /// let jane = Handle::person().id(1254545).fname("Jane").lname("Doe")
    ///     .address("Main Street 2").pcode("12345").city("Berlin").country("DE");
    /// let request = Request::new(Auth::new("user", "secret", "4")).task(HandleUpdate(jane));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0302</code><handle><id>1254545</id><type>PERSON</type>"));
    ///
    /// let answer = br#"<response><result><data/><status><code>S0302</code><type>success</type>
    ///   <object><type>handle</type><value>1254545</value></object></status></result></response>"#;
    /// let resp = decode_response::<HandleUpdate>(answer)?;
    /// let status = resp.status().expect("a status");
    /// assert!(status.code.is_success()); // `N0302`: the registries confirm it later
    /// assert_eq!(status.object.as_ref().and_then(|o| o.value.as_deref()), Some("1254545"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    HandleUpdate = "0302", wraps Handle as "handle", data EmptyData
}
