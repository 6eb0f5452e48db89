//! 0106001 TransferOutList: the running outgoing transfers of the user's domains, those
//! an `ACK` (or a late `ACK`) can still be given for (help page "Transfer out list",
//! <https://help.internetx.com/display/APIXMLEN/Transfer+out+list>). No body: the query is
//! the task's `view`, `key`, `where` and `order`. Answered `S0106001` with the transfers
//! (help page "Transfer object"): `domain`, `owner`, `created`, `updated` by default;
//! `gaining_registrar`, `loosing_registrar`, `start`, `reminder`, `end`, `status` and the
//! others on asking with `key` (`sld`, `tld`, `subtld`, `id`, `type`, `transaction` are
//! kept in each entry's `unknown`).
//!
//! The answer's entries are read whole (the answer is not streamed entry by entry).
//! 0106002, the answer to an outgoing transfer (`ack` / `nack` with a `nack_reason`), is
//! not modelled: no public source shows its XML request, and the one page naming its
//! answer gives `N0106`, not a code of its own.

use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::poll::Transfer;
use crate::task::task;

task! {
    /// 0106001: the list of running outgoing transfers.
    ///
    /// ```
    /// use autodns_xml::domain::TransferOutList;
    /// use autodns_xml::prelude::*;
    ///
    /// let list = TransferOutList.with_view(View::new(0, 10).children(true));
    /// let auth = Auth::new("customer", "password", "4");
    /// let xml = Request::new(auth).task(list).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0106001</code><view><offset>0</offset><limit>10</limit>"));
    ///
    /// let answer = br#"<response><result><data><summary>1</summary>
    ///   <transfer><domain>example.com</domain><start>2009-06-16 14:52:23</start>
    ///   <end>2009-06-21 14:52:23</end></transfer></data>
    ///   <status><code>S0106001</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<TransferOutList>(answer)?;
    /// let data = resp.data().expect("data");
    /// assert_eq!((data.summary, data.transfer.len()), (Some(1), 1));
    /// let end = data.transfer[0].end.map(|e| e.to_string());
    /// assert_eq!(end.as_deref(), Some("2009-06-21 14:52:23"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    TransferOutList = "0106001", no body, data TransferOutData, entries "transfer" of Transfer
}

xml_struct! {
    /// The response data of 0106001: the running outgoing transfers and their count.
    #[derive(Default)]
    pub struct TransferOutData {
        /// The total number of matches.
        summary: Option<u64> = opt "summary",
        /// The transfers.
        transfer: Vec<Transfer> = many "transfer",
    }
}

impl Describe for TransferOutData {
    fn facts(&self) -> Vec<Fact<'_>> {
        vec![Fact::Entries {
            element: "transfer",
            count: self.transfer.len(),
            total: self.summary,
        }]
    }
}
