//! Notifications by polling: 0905 PollInfo fetches the oldest unconfirmed message, 0906
//! PollConfirm confirms it by id.

mod confirm;
mod info;

pub use confirm::{MessageRef, PollConfirm, PollConfirmData};
pub use info::{Message, MessageJob, PollInfo, PollInfoData};
