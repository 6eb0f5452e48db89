//! 0301 ContactCreate: create a domain contact. The answer has empty data; the status's
//! object carries the new handle's id.

use super::Handle;
use crate::codec::macros::xml_struct;
use crate::task::Task;

/// The request body of 0301: the handle to create.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct ContactCreate(pub Handle);

impl Task for ContactCreate {
    const CODE: &'static str = "0301";
    type Data = EmptyData;
}

impl From<Handle> for ContactCreate {
    fn from(handle: Handle) -> Self {
        ContactCreate(handle)
    }
}

xml_struct! {
    /// Response data that is documented as empty (`<data/>`); anything the server puts
    /// there anyway is kept in `unknown`.
    #[derive(Default)]
    pub struct EmptyData {}
}
