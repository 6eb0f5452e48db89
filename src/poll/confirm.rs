//! 0906 PollConfirm: confirm (and so remove) a poll message. Request:
//! `<message><id>650664</id></message>`; the answer names the message again and counts what
//! is still waiting.

use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

xml_struct! {
    /// 0906 PollConfirm, and the message it names: `<message><id>650664</id></message>`.
    ///
    /// ```
    /// use autodns_xml::poll::PollConfirm;
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(PollConfirm::new(650664));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0906</code><message><id>650664</id></message>"));
    ///
    /// let answer = br#"<response><result><data><summary>0</summary><message><id>650664</id>
    ///   </message></data><status><code>S0906</code><type>success</type>
    ///   <object><type>message</type><value>650664</value></object></status></result></response>"#;
    /// let resp = decode_response::<PollConfirm>(answer)?;
    /// let data = resp.data().expect("data");
    /// assert_eq!(data.message.as_ref().map(|m| m.id), Some(650664));
    /// assert_eq!(data.summary, Some(0)); // nothing left to poll
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
    pub struct PollConfirm {
        /// The message id.
        id: u64 = req "id",
    }
}

impl PollConfirm {
    /// Confirms message `id`.
    pub fn new(id: u64) -> Self {
        PollConfirm {
            id,
            unknown: Default::default(),
        }
    }
}

task!(PollConfirm = "0906", body "message", data PollConfirmData);

xml_struct! {
    /// The response data of 0906.
    #[derive(Default)]
    pub struct PollConfirmData {
        /// The number of messages still waiting.
        summary: Option<u64> = opt "summary",
        /// The confirmed message.
        message: Option<PollConfirm> = opt "message",
    }
}

impl Describe for PollConfirmData {
    fn facts(&self) -> Vec<Fact<'_>> {
        self.message.iter().map(|m| Fact::Message(m.id)).collect()
    }
}
