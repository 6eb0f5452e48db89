//! 0906 PollConfirm.

use crate::codec::macros::xml_struct;
use crate::task::Task;

xml_struct! {
    /// A message by id: `<message><id>650664</id></message>`.
    pub struct MessageRef {
        /// The message id.
        id: u64 = req "id",
    }
}

/// The request body of 0906: the message to confirm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollConfirm {
    /// The message id.
    pub id: u64,
}

impl PollConfirm {
    /// Confirms message `id`.
    pub fn new(id: u64) -> Self {
        PollConfirm { id }
    }
}

impl Task for PollConfirm {
    const CODE: &'static str = "0906";
    type Data = PollConfirmData;
}

xml_struct! {
    /// The response data of 0906.
    #[derive(Default)]
    pub struct PollConfirmData {
        /// The number of messages still waiting.
        summary: Option<u64> = opt "summary",
        /// The confirmed message.
        message: Option<MessageRef> = opt "message",
    }
}
