//! [`PollLoop`]: draining the poll queue without doing any I/O.
//!
//! The queue is first in, first out: 0905 shows the oldest unconfirmed message, and shows it
//! again until 0906 confirms it. The loop is a small state machine that enforces that order:
//!
//! ```text
//!   Idle ──request()──▶ Fetching ──receive()──▶ Idle             (queue empty)
//!                          │                 └─▶ Confirming {id} (a message)
//!   Idle ◀──confirm()── Confirming {id}
//! ```
//!
//! Asking for the next message while one awaits confirmation is an
//! [`OutOfOrder`](PollError::OutOfOrder) error, as is handing in an answer nobody asked for.
//! A failed step leaves the state as it was, so that the caller can send the same request
//! again; [`reset`](PollLoop::reset) gives up on the message awaiting confirmation (the
//! server will deliver it again).

use super::confirm::PollConfirm;
use super::info::PollInfo;
use super::message::Message;
use crate::RawElement;
use crate::codec::Layout;
use crate::envelope::{Auth, Msg, Request, Response, Status, StatusCode, StatusKind, TaskResult};
use crate::error::{DecodeError, EncodeError};
use crate::task::Task;
use std::collections::VecDeque;
use std::fmt;

/// How many recently confirmed message ids the loop remembers to flag a redelivery.
const REMEMBERED: usize = 64;

/// Where a [`PollLoop`] stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PollState {
    /// Ready to ask for the next message.
    Idle,
    /// A 0905 request was handed out; its answer is awaited.
    Fetching,
    /// Message `id` was delivered; its 0906 confirmation is awaited.
    Confirming {
        /// The message to confirm.
        id: u64,
    },
}

impl fmt::Display for PollState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PollState::Idle => f.write_str("no request is pending"),
            PollState::Fetching => f.write_str("the answer to 0905 is awaited"),
            PollState::Confirming { id } => write!(f, "message {id} awaits confirmation"),
        }
    }
}

/// What a 0905 answer held: nothing, or a message (the queue holds nothing else).
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "one value per answer, never stored in bulk: boxing would only add an indirection"
)]
pub enum Polled {
    /// The queue is empty (summary 0, no message).
    Empty,
    /// A message, to handle and then confirm.
    Message(Delivery),
}

/// A delivered message and what it takes to confirm it.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// The message.
    pub message: Message,
    /// The number of messages waiting, this one included (the answer's `summary`).
    pub waiting: Option<u64>,
    /// The 0906 request that confirms this message: send it once the message is handled.
    pub confirm_request: String,
    /// Whether this loop already confirmed a message with this id: the server delivered it
    /// again (the confirmation's answer was lost, say). Confirm it again, but do not act on
    /// it twice.
    pub redelivered: bool,
}

/// A confirmed message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Confirmed {
    /// The message id.
    pub id: u64,
    /// The number of messages still waiting, if the answer said.
    pub remaining: Option<u64>,
}

/// Why a step of the [`PollLoop`] failed.
///
/// ```
/// use autodns_xml::poll::{PollError, PollLoop, PollState};
/// use autodns_xml::Auth;
///
/// let mut poll = PollLoop::new(Auth::new("user", "secret", "4"));
/// poll.request()?;
/// let refused = br#"<response><result><status><code>E0905</code><text>Polling failed.</text>
///   <type>error</type></status></result></response>"#;
/// let err = poll.receive(refused).unwrap_err();
/// assert!(matches!(&err, PollError::Refused { status, .. } if status.code.is_error()));
/// assert_eq!(err.to_string(), "the server refused: E0905 (Polling failed.)");
///
/// // A message that does not decode must still be confirmed, or it blocks the queue.
/// poll.request()?;
/// let broken = br#"<response><result><data><summary>1</summary><message><id>77</id>
///   <created>yesterday</created><job/></message></data>
///   <status><code>S0905</code></status></result></response>"#;
/// let err = poll.receive(broken).unwrap_err();
/// assert!(matches!(err, PollError::Undecodable { id: 77, .. }));
/// assert_eq!(poll.state(), PollState::Confirming { id: 77 });
/// assert!(poll.confirm_request()?.contains("<message><id>77</id></message>"));
/// # Ok::<(), PollError>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PollError {
    /// A step taken in the wrong state: the next message asked for before the current one
    /// was confirmed, an answer handed in that nobody asked for.
    #[error("{action} is out of order: {state}")]
    OutOfOrder {
        /// What was attempted.
        action: &'static str,
        /// The state the loop was in (and still is).
        state: PollState,
    },
    /// The request could not be encoded (the credentials hold a character XML cannot carry).
    #[error("cannot encode the request: {0}")]
    Encode(#[from] EncodeError),
    /// The answer is not a response this crate can read.
    #[error("cannot decode the answer: {0}")]
    Decode(DecodeError),
    /// The 0905 answer holds message `id`, but the message does not decode. The loop now
    /// awaits its confirmation: confirm it to drop it from the queue (it would block the
    /// queue otherwise), or [`reset`](PollLoop::reset) to have it delivered again.
    #[error("message {id} does not decode: {source}")]
    Undecodable {
        /// The message id.
        id: u64,
        /// Why it does not decode.
        source: DecodeError,
    },
    /// The server answered with an error status (`E0905`, `E0906`, a failed login, …).
    #[error("the server refused: {}", describe(.status))]
    Refused {
        /// The status.
        status: Box<Status>,
        /// The messages that came with it (error details).
        msgs: Vec<Msg>,
    },
    /// The answer is a success or notify status for another task than the one asked.
    #[error("expected the answer to {expected}, got status {code}")]
    UnexpectedAnswer {
        /// The task asked (`0905` or `0906`).
        expected: &'static str,
        /// The status code received.
        code: StatusCode,
    },
    /// A 0905 answer counting waiting messages but holding none.
    #[error("the answer counts {summary} waiting messages but holds none")]
    MissingMessage {
        /// The summary sent.
        summary: u64,
    },
    /// The 0906 answer confirms another message than the one awaiting confirmation.
    #[error("message {expected} was to be confirmed, the answer confirms {confirmed}")]
    WrongConfirmation {
        /// The message awaiting confirmation.
        expected: u64,
        /// The message the answer names.
        confirmed: u64,
    },
}

fn describe(status: &Status) -> String {
    match &status.text {
        Some(text) => format!("{} ({text})", status.code),
        None => status.code.to_string(),
    }
}

/// The poll loop as a state machine: it writes the requests and reads the answers, the caller
/// carries them over any transport (see the module documentation for the states).
///
/// ```
/// use autodns_xml::poll::{PollError, PollLoop, PollState};
/// use autodns_xml::Auth;
///
/// let mut poll = PollLoop::new(Auth::new("user", "secret", "4"));
/// let request = poll.request()?;
/// assert!(request.contains("<code>0905</code>"));
/// assert_eq!(poll.state(), PollState::Fetching);
/// // Nothing to confirm yet.
/// assert!(matches!(poll.confirm_request(), Err(PollError::OutOfOrder { .. })));
/// # Ok::<(), PollError>(())
/// ```
#[derive(Debug, Clone)]
pub struct PollLoop {
    auth: Auth,
    layout: Layout,
    state: PollState,
    confirmed: VecDeque<u64>,
}

impl PollLoop {
    /// A loop that sends requests with these credentials.
    pub fn new(auth: Auth) -> Self {
        PollLoop {
            auth,
            layout: Layout::Compact,
            state: PollState::Idle,
            confirmed: VecDeque::new(),
        }
    }

    /// Writes the requests in `layout` (compact by default).
    pub fn with_layout(mut self, layout: Layout) -> Self {
        self.layout = layout;
        self
    }

    /// Where the loop stands.
    pub fn state(&self) -> PollState {
        self.state
    }

    /// The 0905 request to send. Asking again while its answer is awaited gives the same
    /// request (to send again after a transport failure); asking while a message awaits
    /// confirmation is out of order.
    pub fn request(&mut self) -> Result<String, PollError> {
        if let PollState::Confirming { .. } = self.state {
            return Err(self.out_of_order("asking for the next message"));
        }
        let xml = self.encode(PollInfo)?;
        self.state = PollState::Fetching;
        Ok(xml)
    }

    /// Reads the answer to the 0905 request: the queue is empty, or here is a message and
    /// the 0906 request that confirms it.
    pub fn receive(&mut self, answer: &[u8]) -> Result<Polled, PollError> {
        if self.state != PollState::Fetching {
            return Err(self.out_of_order("an answer to 0905"));
        }
        // Whatever the answer says, the request was answered.
        self.state = PollState::Idle;
        let data = match decode_answer::<PollInfo>(answer) {
            Ok((data, _)) => data.unwrap_or_default(),
            Err(Failed::Status(e)) => return Err(e),
            // A message that does not decode must still be confirmable, or it blocks the
            // queue for good.
            Err(Failed::Data { source, raw }) => {
                let id = raw
                    .as_ref()
                    .and_then(|data| data.get("message")?.get("id"))
                    .and_then(|id| crate::codec::syntax::trim_xml(&id.text()).parse().ok());
                return Err(match id {
                    Some(id) => {
                        self.state = PollState::Confirming { id };
                        PollError::Undecodable { id, source }
                    }
                    None => PollError::Decode(source),
                });
            }
        };
        let Some(message) = data.message else {
            return match data.summary {
                Some(summary) if summary > 0 => Err(PollError::MissingMessage { summary }),
                _ => Ok(Polled::Empty),
            };
        };
        let id = message.id;
        let confirm_request = self.encode(PollConfirm::new(id))?;
        self.state = PollState::Confirming { id };
        Ok(Polled::Message(Delivery {
            message,
            waiting: data.summary,
            confirm_request,
            redelivered: self.confirmed.contains(&id),
        }))
    }

    /// The 0906 request for the message awaiting confirmation (again: to send it again after
    /// a transport failure or a refused confirmation).
    pub fn confirm_request(&self) -> Result<String, PollError> {
        match self.state {
            PollState::Confirming { id } => self.encode(PollConfirm::new(id)),
            _ => Err(self.out_of_order("a confirmation")),
        }
    }

    /// Reads the answer to the 0906 request and, if it confirms the message awaiting
    /// confirmation, moves on. Otherwise the message still awaits confirmation.
    pub fn confirm(&mut self, answer: &[u8]) -> Result<Confirmed, PollError> {
        let PollState::Confirming { id } = self.state else {
            return Err(self.out_of_order("an answer to 0906"));
        };
        let (data, object_id) = match decode_answer::<PollConfirm>(answer) {
            Ok((data, status)) => (data.unwrap_or_default(), message_named(&status)),
            Err(Failed::Status(e)) => return Err(e),
            Err(Failed::Data { source, .. }) => return Err(PollError::Decode(source)),
        };
        let named = data.message.as_ref().map(|m| m.id).or(object_id);
        if let Some(confirmed) = named.filter(|&named| named != id) {
            return Err(PollError::WrongConfirmation {
                expected: id,
                confirmed,
            });
        }
        if self.confirmed.len() == REMEMBERED {
            self.confirmed.pop_front();
        }
        self.confirmed.push_back(id);
        self.state = PollState::Idle;
        Ok(Confirmed {
            id,
            remaining: data.summary,
        })
    }

    /// Gives up on the message awaiting confirmation, or on the awaited 0905 answer: the
    /// loop is idle again. An unconfirmed message stays first in the queue.
    pub fn reset(&mut self) {
        self.state = PollState::Idle;
    }

    fn encode(&self, task: impl Into<crate::RequestTask>) -> Result<String, PollError> {
        let request = Request::new(self.auth.clone()).task(task);
        Ok(request.to_xml_with(self.layout)?)
    }

    fn out_of_order(&self, action: &'static str) -> PollError {
        PollError::OutOfOrder {
            action,
            state: self.state,
        }
    }
}

/// Why an answer was not taken: its status, or data that does not decode under a good status
/// (with the data as a raw tree, if the answer is well-formed).
enum Failed {
    Status(PollError),
    Data {
        source: DecodeError,
        raw: Option<RawElement>,
    },
}

/// The data and status of the answer to `T`, once its status is checked: an error status is
/// [`Refused`](PollError::Refused), a success or notify status for another task
/// [`UnexpectedAnswer`](PollError::UnexpectedAnswer), whatever the data holds.
#[allow(
    clippy::result_large_err,
    reason = "private, once per answer, unwrapped at once: boxing would only add an indirection"
)]
fn decode_answer<T: Task>(answer: &[u8]) -> Result<(Option<T::Data>, Status), Failed> {
    let response = match Response::<T::Data>::decode(answer) {
        Ok(response) => response,
        Err(source) => {
            // The status first: the data of an error (or of another task's answer) is not
            // the data of `T`.
            let raw = Response::<RawElement>::decode(answer).ok();
            let result = raw.and_then(|r| r.results.into_iter().next());
            if let Some(result) = result {
                status_error::<T, _>(&result).map_or(Ok(()), |e| Err(Failed::Status(e)))?;
                return Err(Failed::Data {
                    source,
                    raw: result.data,
                });
            }
            return Err(Failed::Data { source, raw: None });
        }
    };
    // A decoded response has at least one result.
    let Some(result) = response.results.into_iter().next() else {
        let kind = crate::error::DecodeErrorKind::MissingElement("result");
        let source = DecodeError::new(kind, crate::Position::locate(answer, 0), "response".into());
        return Err(Failed::Data { source, raw: None });
    };
    match status_error::<T, _>(&result) {
        Some(e) => Err(Failed::Status(e)),
        None => Ok((result.data, result.status)),
    }
}

/// What is wrong with a result's status for an answer to `T`, if anything.
fn status_error<T: Task, D>(result: &TaskResult<D>) -> Option<PollError> {
    let code = &result.status.code;
    if code.is_error() {
        return Some(PollError::Refused {
            status: Box::new(result.status.clone()),
            msgs: result.msgs.clone(),
        });
    }
    (code.kind != StatusKind::Success || code.task != T::CODE).then(|| {
        PollError::UnexpectedAnswer {
            expected: T::CODE,
            code: code.clone(),
        }
    })
}

/// The message id a status object names.
fn message_named(status: &Status) -> Option<u64> {
    let object = status.object.as_ref()?;
    if object.kind.as_deref() != Some("message") {
        return None;
    }
    crate::codec::syntax::trim_xml(object.value.as_deref()?)
        .parse()
        .ok()
}
