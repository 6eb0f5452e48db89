//! 0301 ContactCreate: create a domain contact. The answer has empty data; the status's
//! object carries the new handle's id.

use super::Handle;
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

task! {
    /// The request body of 0301: the handle to create.
    ContactCreate = "0301", wraps Handle as "handle", data EmptyData
}

xml_struct! {
    /// Response data that is documented as empty (`<data/>`); anything the server puts
    /// there anyway is kept in `unknown`.
    #[derive(Default)]
    pub struct EmptyData {}
}

impl Describe for EmptyData {
    fn facts(&self) -> Vec<Fact<'_>> {
        Vec::new()
    }
}
