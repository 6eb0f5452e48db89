//! 0906 PollConfirm: confirm (and so remove) a poll message. Request:
//! `<message><id>650664</id></message>`; the answer names the message again and counts what
//! is still waiting.

use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

xml_struct! {
    /// 0906 PollConfirm, and the message it names: `<message><id>650664</id></message>`.
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
            unknown: Vec::new(),
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
