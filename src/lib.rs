#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod certificate;
pub mod codec;
pub mod contact;
mod document;
pub mod domain;
pub mod envelope;
mod error;
pub mod job;
pub mod poll;
mod quirk;
mod raw;
mod task;

pub use document::{AnyData, Document, decode_request, decode_response};
pub use envelope::{
    Auth, Msg, ObjectRef, Request, RequestTask, Response, Secret, Status, StatusCode, StatusKind, StatusType,
    TaskBody, TaskResult, User,
};
pub use error::{DecodeError, DecodeErrorKind, EncodeError, Position};
pub use quirk::{Quirk, QuirkKind};
pub use raw::{RawElement, RawNode};
pub use task::{Task, TaskCode};
