//! 0905 PollInfo: the oldest unconfirmed message.

use super::message::Message;
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

task! {
    /// 0905 PollInfo: no body. [`PollLoop`](crate::poll::PollLoop) drives 0905 and 0906 for
    /// you; by hand:
    ///
    /// ```
    /// use autodns_xml::poll::{PollConfirm, PollInfo};
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let xml = Request::new(auth.clone()).task(PollInfo).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<task><code>0905</code></task>"));
    ///
    /// let answer = br#"<response><result><data><summary>1</summary><message><id>1855680</id>
    ///   <job><domain><name>example.com</name></domain><job_id>4295625406</job_id>
    ///     <status><code>S0101</code><type>success</type></status><ctid>order-4711</ctid></job>
    ///   <created>2018-10-15 14:03:02</created></message></data>
    ///   <status><code>S0905</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<PollInfo>(answer)?;
    /// let message = resp.data().and_then(|d| d.message.as_ref()).expect("a message");
    /// let job = message.job().expect("a job notification");
    /// assert!(job.succeeded() && job.is_final());
    /// assert_eq!(job.ctid.as_deref(), Some("order-4711")); // the order this answers
    /// assert_eq!(job.domain.as_ref().map(|d| d.name.as_str()), Some("example.com"));
    /// let confirm = Request::new(auth).task(PollConfirm::new(message.id)); // then 0906
    /// assert!(confirm.to_xml_with(Layout::Compact)?.contains("<message><id>1855680</id>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    PollInfo = "0905", no body, data PollInfoData
}

xml_struct! {
    /// The response data of 0905.
    #[derive(Default)]
    pub struct PollInfoData {
        /// The number of messages waiting (0: the queue is empty).
        summary: Option<u64> = opt "summary",
        /// The oldest unconfirmed message.
        message: Option<Message> = opt "message",
    }
}

impl Describe for PollInfoData {
    fn facts(&self) -> Vec<Fact<'_>> {
        let waiting = self.summary.map(Fact::Waiting);
        let message = self.message.as_ref().map(|m| Fact::Message(m.id));
        waiting.into_iter().chain(message).collect()
    }
}
