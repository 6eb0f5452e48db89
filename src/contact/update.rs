//! 0302 HandleUpdate: change a contact. The body is the whole handle, with its `id` (or
//! `alias`) saying which one; fields left out are not kept, so send the contact as 0304
//! shows it with your changes. The answer has empty data; a change the registries must
//! confirm is answered `N0302` and ends in a job notification carrying the handle.

use super::{EmptyData, Handle};
use crate::task::Task;

/// The request body of 0302: the handle as it should be (its `id` names it).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct HandleUpdate(pub Handle);

impl Task for HandleUpdate {
    const CODE: &'static str = "0302";
    type Data = EmptyData;
}

impl From<Handle> for HandleUpdate {
    fn from(handle: Handle) -> Self {
        HandleUpdate(handle)
    }
}
