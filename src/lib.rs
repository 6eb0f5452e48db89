#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// Nothing in the library may panic on any input.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable
    )
)]

pub mod cancelation;
pub mod certificate;
pub mod codec;
pub mod contact;
pub mod describe;
mod document;
pub mod domain;
pub mod envelope;
mod error;
pub mod job;
mod limits;
pub mod notification;
pub mod poll;
mod quirk;
mod raw;
mod redact;
pub mod registry;
pub mod stream;
mod task;
pub mod zone;

pub use document::{
    Document, decode_request, decode_request_with, decode_response, decode_response_with,
};
pub use envelope::{
    Auth, Msg, ObjectRef, Request, RequestTask, Response, Secret, Status, StatusCode, StatusError,
    StatusKind, StatusType, TaskResult, User,
};
pub use error::{DecodeError, DecodeErrorKind, EncodeError, ErrorCategory, Position};
pub use limits::{Limit, Limits};
pub use notification::{Notification, NotificationBody, NotificationError};
pub use quirk::{Quirk, QuirkKind};
pub use raw::{RawElement, RawNode};
pub use redact::ExposeSecrets;
pub use registry::{AnyData, TaskBody};
pub use task::{Task, TaskCode};
