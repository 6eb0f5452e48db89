//! The envelopes: what every request and response looks like, whatever the task.

mod auth;
mod buffered;
mod empty;
#[cfg(feature = "arbitrary")]
pub(crate) mod generate;
mod query;
mod request;
mod response;
mod status;
mod status_error;
mod task;
mod task_serde;

pub use crate::registry::AnyTask;
#[allow(deprecated)]
pub use crate::registry::TaskBody;
pub use auth::{Auth, Secret, User};
pub use empty::EmptyData;
pub use query::{Operator, Order, OrderMode, View, Where, WhereValue};
pub use request::Request;
pub use response::{Response, TaskResult};
pub(crate) use response::{ResultChild, ResultParts};
pub use status::{Msg, ObjectRef, Status, StatusCode, StatusKind, StatusType};
pub use status_error::StatusError;
pub use task::{IntoRequestTask, RequestTask};
