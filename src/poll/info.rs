//! 0905 PollInfo: the oldest unconfirmed message.

use super::message::Message;
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

task! {
    /// 0905 PollInfo: no body.
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
