//! 0101003 DomainRenew: renew a domain for a period. Answered `N0101003` with the job,
//! as 0101 is; the final `S0101003` / `E0101003` arrives as a job notification.
//!
//! Field catalogue: `name` (required), `period` (years), `expire` (the current expiry the
//! renewal starts from, `YYYY-MM-DD HH:MM:SS`); anything else is kept in `unknown`.

use super::DomainCreateData;
use crate::codec::macros::xml_struct;
use crate::task::task;
use chrono::NaiveDateTime;

xml_struct! {
    /// The request body of 0101003: `<domain>` with the name and the period.
    ///
    /// ```
    /// use autodns_xml::chrono::NaiveDate;
    /// use autodns_xml::domain::DomainRenew;
    /// use autodns_xml::prelude::*;
    ///
    /// let expire = NaiveDate::from_ymd_opt(2019, 10, 15).and_then(|d| d.and_hms_opt(14, 2, 40));
    /// let renew = DomainRenew::new("example.com", 2).expire(expire.expect("a date"));
    /// let auth = Auth::new("user", "secret", "4");
    /// let xml = Request::new(auth).task(renew).to_xml_with(Layout::Compact)?;
    /// assert!(xml.contains("<period>2</period><expire>2019-10-15 14:02:40</expire>"));
    ///
    /// let answer = br#"<response><result><data><domain_job><job><id>123459</id>
    ///   <status>RUNNING</status></job></domain_job></data><status><code>N0101003</code>
    ///   <type>notify</type></status></result></response>"#;
    /// let resp = decode_response::<DomainRenew>(answer)?;
    /// let job = resp.data().and_then(|d| d.domain_job.as_ref()).and_then(|j| j.job.as_ref());
    /// assert_eq!(job.map(|j| j.id), Some(123_459));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
    pub struct DomainRenew {
        /// The domain name.
        name: String = req "name",
        /// The renewal period in years.
        period: Option<u32> = opt "period",
        /// The current expiry.
        expire: Option<NaiveDateTime> = opt "expire",
    }
}

impl DomainRenew {
    /// Renews `name` for `period` years.
    pub fn new(name: impl Into<String>, period: u32) -> Self {
        DomainRenew {
            name: name.into(),
            period: Some(period),
            ..Default::default()
        }
    }
}

task!(DomainRenew = "0101003", body "domain", data DomainCreateData);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tests::round_trip;

    #[test]
    fn a_renewal_round_trips() {
        let renew = DomainRenew::new("example.com", 2);
        let (xml, back) = round_trip(&renew);
        assert!(xml.contains("<period>2</period>"), "{xml}");
        assert_eq!(back, renew);
    }
}
