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
#[cfg(feature = "gateway")]
pub mod gateway;
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

/// The date-time types of the API (`chrono::NaiveDateTime`), re-exported so that a caller's
/// chrono is always the one the models use.
pub use chrono;
pub use codec::{Layout, OpenEnum};
pub use document::{
    Document, decode_request, decode_request_with, decode_response, decode_response_with,
};
pub use envelope::{
    Auth, EmptyData, IntoRequestTask, Msg, ObjectRef, Operator, Order, OrderMode, Request,
    RequestTask, Response, Secret, Status, StatusCode, StatusError, StatusKind, StatusType,
    TaskResult, User, View, Where, WhereValue,
};
pub use error::{DecodeError, DecodeErrorKind, EncodeError, ErrorCategory, Position};
pub use job::{Job, JobStatus};
pub use limits::{Limit, Limits};
pub use notification::{Notification, NotificationBody, NotificationError};
pub use quirk::{Quirk, QuirkKind};
pub use raw::{RawElement, RawNode, Unknown, UnknownIntoIter, UnknownIter};
pub use redact::ExposeSecrets;
#[allow(deprecated)]
pub use registry::TaskBody;
pub use registry::{AnyData, AnyTask};
pub use stream::ListReader;
pub use task::{Task, TaskCode};

/// The names most programs need, in one import: `use autodns_xml::prelude::*;`.
///
/// ```
/// use autodns_xml::prelude::*;
/// use autodns_xml::domain::DomainList;
///
/// let request = Request::new(Auth::new("user", "secret", "4"))
///     .task(DomainList.with_view(View::new(0, 10)).with_order(Order::desc("created")));
/// let xml = request.to_xml_with(Layout::Compact)?;
/// assert!(xml.contains("<view><offset>0</offset><limit>10</limit></view>"));
/// # Ok::<(), EncodeError>(())
/// ```
pub mod prelude {
    pub use crate::{
        Auth, DecodeError, Document, EncodeError, IntoRequestTask, JobStatus, Layout, ListReader,
        Operator, Order, OrderMode, Quirk, QuirkKind, Request, RequestTask, Response, Secret,
        Status, StatusCode, StatusError, Task, View, Where, decode_request, decode_response,
    };
}
