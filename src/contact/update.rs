//! 0302 HandleUpdate: change a contact. The body is the whole handle, with its `id` (or
//! `alias`) saying which one; fields left out are not kept, so send the contact as 0304
//! shows it with your changes. The answer has empty data; a change the registries must
//! confirm is answered `N0302` and ends in a job notification carrying the handle.

use super::{EmptyData, Handle};
use crate::task::task;

task! {
    /// The request body of 0302: the handle as it should be (its `id` names it).
    HandleUpdate = "0302", wraps Handle as "handle", data EmptyData
}
