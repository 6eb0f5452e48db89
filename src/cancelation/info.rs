//! 0103104 CancelationInfo: one domain's pending cancelation
//! (`<cancelation><domain>example.com</domain></cancelation>`), and its list form (view /
//! where / key, no `cancelation`), whose entries a
//! [`ListReader`](crate::stream::ListReader) streams one at a time. Both answer
//! `data/cancelation` as 0103124 (history info) shows it.

use super::{Cancelation, CancelationData};
use crate::codec::macros::xml_struct;
use crate::task::task;

xml_struct! {
    /// The request body of 0103104 for one domain.
    ///
    /// ```
    /// use autodns_xml::cancelation::{CancelationInfo, CancelationType, ExecDate};
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(CancelationInfo::new("example.com"));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0103104</code><cancelation><domain>example.com</domain>"));
    ///
    /// let answer = br#"<response><result><data><cancelation><execdate>expire</execdate>
    ///   <domain>example.com</domain><type>DELETE</type>
    ///   <registry_when_date>2015-06-03 14:45:51</registry_when_date><log_id>32539</log_id>
    ///   </cancelation></data><status><code>S0103104</code><type>success</type></status>
    ///   </result></response>"#;
    /// let resp = decode_response::<CancelationInfo>(answer)?;
    /// let pending = &resp.data().expect("data").cancelation[0];
    /// assert!(matches!(pending.kind, Some(CancelationType::Delete(_))));
    /// assert!(matches!(pending.execdate, Some(ExecDate::Expire(_))));
    /// let when = pending.registry_when_date.map(|d| d.to_string());
    /// assert_eq!(when.as_deref(), Some("2015-06-03 14:45:51"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
    pub struct CancelationInfo {
        /// The domain name.
        domain: String = req "domain",
    }
}

impl CancelationInfo {
    /// Asks for `domain`'s cancelation.
    pub fn new(domain: impl Into<String>) -> Self {
        CancelationInfo {
            domain: domain.into(),
            unknown: Default::default(),
        }
    }
}

task!(CancelationInfo = "0103104", body "cancelation", data CancelationData);

task! {
    /// 0103104 in its list form: no body; the query is the task's `view`, `key`, `where`
    /// and `order` (see [`RequestTask`](crate::RequestTask)).
    ///
    /// ```
    /// use autodns_xml::cancelation::CancelationList;
    /// use autodns_xml::prelude::*;
    ///
    /// let list = CancelationList
    ///     .with_view(View::new(0, 2))
    ///     .with_where(Where::condition("type", Operator::Eq, "DELETE"))
    ///     .with_order(Order::desc("created"));
    /// let auth = Auth::new("user", "secret", "4");
    /// let xml = Request::new(auth).task(list).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0103104</code><view><offset>0</offset><limit>2</limit>"));
    ///
    /// let answer = br#"<response><result><data><summary>3</summary>
    ///   <cancelation><domain>example.com</domain><type>DELETE</type></cancelation>
    ///   <cancelation><domain>example.net</domain><type>DELETE</type></cancelation>
    ///   </data><status><code>S0103104</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<CancelationList>(answer)?;
    /// let data = resp.data().expect("data");
    /// assert_eq!(data.summary, Some(3));
    /// let domains: Vec<&str> = data.cancelation.iter().map(|c| c.domain.as_str()).collect();
    /// assert_eq!(domains, ["example.com", "example.net"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CancelationList = "0103104", no body, data CancelationData, entries "cancelation" of Cancelation
}
