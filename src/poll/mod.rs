//! Notifications by polling: 0905 PollInfo fetches the oldest unconfirmed message, 0906
//! PollConfirm confirms it by id; [`PollLoop`] drives the two over any transport.
//!
//! A [`Message`] carries one [`Payload`]: a [`JobNotification`] (the final result of a task
//! the server answered with `N…`), an [`EventNotification`] (an event of type [`EventType`]:
//! an outgoing transfer, an automatic update, owner validation, …), a TMCH notification, or a
//! payload this crate does not know, kept raw. Push and e-mail bodies, in XML or JSON, decode
//! to the same types through [`Notification`](crate::notification::Notification).

mod confirm;
mod event;
mod info;
mod job_notification;
mod message;
mod poll_loop;

pub use confirm::{PollConfirm, PollConfirmData};
pub use event::{EventNotification, EventType, Transfer};
pub use info::{PollInfo, PollInfoData};
pub use job_notification::JobNotification;
pub use message::{Message, Payload};
pub use poll_loop::{Confirmed, Delivery, PollError, PollLoop, PollState, Polled};
