//! 0303 HandleDelete: delete a contact that no domain uses. Request:
//! `<handle><id>…</id></handle>` (or `alias`); the answer has empty data.

use super::EmptyData;
use crate::codec::macros::xml_struct;
use crate::task::task;

xml_struct! {
    /// The request body of 0303: which contact to delete.
    #[derive(Default)]
    pub struct HandleDelete {
        /// The handle id.
        id: Option<u64> = opt "id",
        /// The handle's alias.
        alias: Option<String> = opt "alias",
    }
}

impl HandleDelete {
    /// Deletes the contact with this id.
    pub fn by_id(id: u64) -> Self {
        HandleDelete {
            id: Some(id),
            ..Default::default()
        }
    }

    /// Deletes the contact with this alias.
    pub fn by_alias(alias: impl Into<String>) -> Self {
        HandleDelete {
            alias: Some(alias.into()),
            ..Default::default()
        }
    }
}

task!(HandleDelete = "0303", body "handle", data EmptyData);
