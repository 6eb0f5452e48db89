//! 0304 HandleInfo: one contact by id (or alias), and its list form (view / where / key,
//! no `handle`), whose entries a [`ListReader`](crate::stream::ListReader) streams one at a
//! time.
//!
//! Request: `<task><code>0304</code><handle><id>1254545</id></handle></task>`; `alias`
//! may stand beside or instead of `id`. Answer: `S0304` with `data/handle` (one, or many
//! after a `summary` in the list form). The server sends the handle's children in
//! alphabetical order, with fields the request never sets (`created`, `owner`, `nic_ref`,
//! `domainsafe`); those not modelled on [`Handle`] are kept in its `unknown`.

use super::Handle;
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::stream::ListEntry;
use crate::task::task;

xml_struct! {
    /// The request body of 0304 for one contact: `<handle><id>…</id></handle>`.
    #[derive(Default)]
    pub struct HandleInfo {
        /// The handle id.
        id: Option<u64> = opt "id",
        /// The handle's alias.
        alias: Option<String> = opt "alias",
    }
}

impl HandleInfo {
    /// Asks for one contact by its id.
    pub fn by_id(id: u64) -> Self {
        HandleInfo {
            id: Some(id),
            ..Default::default()
        }
    }

    /// Asks for one contact by its alias.
    pub fn by_alias(alias: impl Into<String>) -> Self {
        HandleInfo {
            alias: Some(alias.into()),
            ..Default::default()
        }
    }
}

task!(HandleInfo = "0304", body "handle", data HandleInfoData);

task! {
    /// 0304 in its list form: no body; the query is the task's `view`, `key`, `where` and
    /// `order` (see [`RequestTask`](crate::RequestTask)).
    HandleList = "0304", no body, data HandleInfoData, entries "handle"
}

xml_struct! {
    /// The response data of 0304: one contact, or a list with its total count.
    #[derive(Default)]
    pub struct HandleInfoData {
        /// The total number of matches (list form only).
        summary: Option<u64> = opt "summary",
        /// The contacts.
        handle: Vec<Handle> = many "handle",
    }
}

impl Describe for HandleInfoData {
    fn facts(&self) -> Vec<Fact<'_>> {
        vec![Fact::Entries {
            element: "handle",
            count: self.handle.len(),
            total: self.summary,
        }]
    }
}

impl ListEntry for Handle {
    /// `handle` (0304, list form).
    fn is_entry(name: &str) -> bool {
        name == "handle"
    }
}
