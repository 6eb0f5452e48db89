//! 0303 HandleDelete: delete a contact that no domain uses. Request:
//! `<handle><id>…</id></handle>` (or `alias`); the answer has empty data.

use crate::codec::macros::xml_struct;
use crate::envelope::EmptyData;
use crate::task::task;

xml_struct! {
    /// The request body of 0303: which contact to delete.
    ///
    /// ```
    /// use autodns_xml::contact::HandleDelete;
    /// use autodns_xml::prelude::*;
    ///
    /// let request = Request::new(Auth::new("user", "secret", "4"))
    ///     .task(HandleDelete::by_id(1254545))
    ///     .task(HandleDelete::by_alias("old-admin"));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0303</code><handle><id>1254545</id></handle>"));
    /// assert!(xml.contains("<handle><alias>old-admin</alias></handle>"));
    ///
    /// let answer = br#"<response><result><data/><status><code>S0303</code><type>success</type>
    ///   <object><type>handle</type><value>1254545</value></object></status></result></response>"#;
    /// let resp = decode_response::<HandleDelete>(answer)?;
    /// assert!(resp.status().is_some_and(|s| s.code.is_success()));
    /// assert!(resp.data().is_some_and(|d| d.unknown.is_empty()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
