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
    #[derive(Default)]
    pub struct DomainRenew {
        /// The domain name.
        name: String = req "name",
        /// The renewal period in years.
        period: Option<u32> = opt "period",
        /// The current expiry.
        #[serde(with = "crate::codec::datetime::option")]
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
