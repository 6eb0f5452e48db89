//! 0105 DomainInfo (one domain by name) and its list form (view / where / key, no domain).

use super::Domain;
use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};
use crate::task::task;

xml_struct! {
    /// The request body of 0105 for one domain: `<domain><name>example.com</name></domain>`.
    ///
    /// ```
    /// use autodns_xml::domain::{DomainInfo, RegistryStatus};
    /// use autodns_xml::prelude::*;
    ///
    /// let auth = Auth::new("user", "secret", "4");
    /// let request = Request::new(auth).task(DomainInfo::new("example.com"));
    /// let xml = request.to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<code>0105</code><domain><name>example.com</name></domain>"));
    ///
    /// let answer = br#"<response><result><data><domain><name>example.com</name>
    ///   <ownerc>100</ownerc><registry_status>LOCK</registry_status>
    ///   <nserver><name>a.ns14.net</name></nserver><nserver><name>b.ns14.net</name></nserver>
    ///   <authinfo>J/w0Xpn66I87YVty</authinfo><created>2018-09-26 14:54:03</created></domain>
    ///   </data><status><code>S0105</code><type>success</type></status></result></response>"#;
    /// let resp = decode_response::<DomainInfo>(answer)?;
    /// let domain = &resp.data().expect("data").domain[0];
    /// assert_eq!(domain.registry_status, Some(RegistryStatus::Lock));
    /// let names: Vec<&str> = domain.nserver.iter().map(|n| n.name.as_str()).collect();
    /// assert_eq!(names, ["a.ns14.net", "b.ns14.net"]);
    /// assert!(!format!("{domain:?}").contains("J/w0X")); // the auth code is a secret
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
    pub struct DomainInfo {
        /// The domain name.
        name: String = req "name",
    }
}

impl DomainInfo {
    /// Asks for one domain.
    pub fn new(name: impl Into<String>) -> Self {
        DomainInfo {
            name: name.into(),
            unknown: Default::default(),
        }
    }
}

task!(DomainInfo = "0105", body "domain", data DomainInfoData);

task! {
    /// 0105 in its list form: no body; the query is the task's `view`, `key`, `where` and
    /// `order` (see [`RequestTask`](crate::RequestTask)). For a long list, stream the
    /// answer's entries with a [`ListReader`](crate::ListReader).
    ///
    /// ```
    /// use autodns_xml::domain::DomainList;
    /// use autodns_xml::prelude::*;
    ///
    /// let list = DomainList
    ///     .with_view(View::new(0, 2))
    ///     .with_where(Where::condition("name", Operator::Like, "example.*"))
    ///     .with_key("created")
    ///     .with_ctid("list-1");
    /// let auth = Auth::new("user", "secret", "4");
    /// let xml = Request::new(auth).task(list).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<key>name</key><operator>like</operator><value>example.*</value>"));
    ///
    /// let answer = br#"<response><result><data><summary>2</summary>
    ///   <domain><name>example.com</name><created>2018-09-26 14:54:03</created></domain>
    ///   <domain><name>example.net</name><created>2019-01-02 03:04:05</created></domain>
    ///   </data><status><code>S0105</code><type>success</type></status></result>
    ///   <ctid>list-1</ctid></response>"#;
    /// let resp = decode_response::<DomainList>(answer)?;
    /// let data = resp.data().expect("data");
    /// assert_eq!((data.summary, data.domain.len()), (Some(2), 2));
    /// let created = data.domain[1].created.map(|c| c.to_string());
    /// assert_eq!(created.as_deref(), Some("2019-01-02 03:04:05"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    DomainList = "0105", no body, data DomainInfoData, entries "domain" of Domain
}

xml_struct! {
    /// The response data of 0105: one domain, or a list with its total count.
    #[derive(Default)]
    pub struct DomainInfoData {
        /// The total number of matches (list form only).
        summary: Option<u64> = opt "summary",
        /// The domains.
        domain: Vec<Domain> = many "domain",
    }
}

impl Describe for DomainInfoData {
    fn facts(&self) -> Vec<Fact<'_>> {
        vec![Fact::Entries {
            element: "domain",
            count: self.domain.len(),
            total: self.summary,
        }]
    }
}
