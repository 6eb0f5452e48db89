//! 0905 PollInfo: the oldest unconfirmed message.

use super::message::Message;
use crate::codec::macros::xml_struct;
use crate::task::Task;

/// 0905 PollInfo: no body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PollInfo;

impl Task for PollInfo {
    const CODE: &'static str = "0905";
    type Data = PollInfoData;
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
