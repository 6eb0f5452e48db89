//! The poll queue: 0905 shows the oldest unconfirmed message, 0906 confirms one.

use super::dispatch::{Outcome, failure, success};
use super::state::{self, State};
use crate::envelope::ObjectRef;
use crate::poll::{
    EventNotification, Message, PollConfirm, PollConfirmData, PollInfo, PollInfoData,
};
use crate::registry::AnyData;

fn count(state: &State) -> u64 {
    u64::try_from(state.queue.len()).unwrap_or(u64::MAX)
}

/// 0905: the oldest unconfirmed message (again and again until it is confirmed).
pub(crate) fn info(state: &State) -> Outcome {
    let message = state.queue.front().cloned();
    let object = message
        .as_ref()
        .map(|m| ObjectRef::new("message", m.id.to_string()));
    let text = if message.is_some() {
        "Message inquired."
    } else {
        "No message waiting."
    };
    success::<PollInfo>(
        text,
        object,
        AnyData::PollInfo(PollInfoData {
            summary: Some(count(state)),
            message,
            ..PollInfoData::default()
        }),
    )
}

/// 0906: removes message `id` from the queue.
pub(crate) fn confirm(state: &mut State, task: &PollConfirm) -> Outcome {
    let object = Some(ObjectRef::new("message", task.id.to_string()));
    let Some(at) = state.queue.iter().position(|m| m.id == task.id) else {
        return failure::<PollConfirm>("Message not found.", object);
    };
    state.queue.remove(at);
    success::<PollConfirm>(
        "Message confirmed.",
        object,
        AnyData::PollConfirm(PollConfirmData {
            summary: Some(count(state)),
            message: Some(PollConfirm::new(task.id)),
            ..PollConfirmData::default()
        }),
    )
}

/// Queues an event notification; returns its message id.
pub(crate) fn push_event(state: &mut State, event: EventNotification) -> u64 {
    let id = State::take_id(&mut state.next_message);
    let mut message = Message::new(id, event);
    message.created = Some(state::now());
    state.queue.push_back(message);
    id
}
