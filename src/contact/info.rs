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
use crate::task::task;

xml_struct! {
    /// The request body of 0304 for one contact: `<handle><id>…</id></handle>`.
    ///
    /// ```
    /// use autodns_xml::contact::{ContactType, HandleInfo};
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(HandleInfo::by_id(1254545));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0304</code><handle><id>1254545</id></handle>"));
    ///
    /// // The server sends the children in alphabetical order, some of them unmodelled.
    /// let answer = br#"<response><result><data><handle><address>Street</address>
    ///   <city>City</city><country>UK</country><created>2009-11-11 11:43:35</created>
    ///   <fname>Somebody</fname><id>1254545</id><lname>Who</lname><pcode>12345</pcode>
    ///   <type>PERSON</type></handle></data>
    ///   <status><code>S0304</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<HandleInfo>(answer)?;
    /// let handle = &resp.data().expect("data").handle[0];
    /// assert_eq!((handle.fname.as_str(), handle.id), ("Somebody", Some(1254545)));
    /// assert_eq!(handle.kind, Some(ContactType::Person));
    /// assert_eq!(handle.unknown.get(0).map(|u| u.name).as_deref(), Some("created")); // kept, and re-encoded
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// ```
    /// use autodns_xml::contact::HandleList;
    /// use autodns_xml::prelude::*;
    ///
    /// let list = HandleList
    ///     .with_view(View::new(0, 2))
    ///     .with_where(Where::condition("country", Operator::Eq, "DE"))
    ///     .with_order(Order::asc("lname"));
    /// let auth = Auth::new("user", "secret", "4");
    /// let xml = Request::new(auth).task(list).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0304</code><view><offset>0</offset><limit>2</limit></view>"));
    ///
    /// let answer = br#"<response><result><data><summary>7</summary>
    ///   <handle><fname>Other</fname><lname>Person</lname><address>Main Road 1</address>
    ///     <pcode>54321</pcode><city>Town</city><country>DE</country><id>1254546</id></handle>
    ///   </data><status><code>S0304</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<HandleList>(answer)?;
    /// let data = resp.data().expect("data");
    /// assert_eq!(data.summary, Some(7)); // all matches; `handle` holds the view's slice
    /// assert_eq!(data.handle.iter().map(|h| h.id).collect::<Vec<_>>(), [Some(1254546)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    HandleList = "0304", no body, data HandleInfoData, entries "handle" of Handle
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
