//! Domain cancelations (`cancelation`): 0103101 create, 0103102 update, 0103103 delete,
//! 0103104 info and its list form.
//!
//! A cancelation is an order to end a domain: delete it at the registry, hand it back to
//! the registry (`TRANSIT`), or let it go to a gaining registrar (`PREACK`), now, at
//! expiry or on a date. Fields, from the AutoDNS XML help pages ("Domain Cancelation
//! Create", "Domain cancelation update", "Domain Cancelation Delete", "Domain cancelation
//! history info"; `testdata/README.md` cites each fixture):
//!
//! | element | meaning |
//! | --- | --- |
//! | `domain` | the domain name the cancelation is for (names it in every task) |
//! | `type` | [`CancelationType`]: `DELETE`, `TRANSIT`, `PREACK`; requests write it lowercase, answers uppercase |
//! | `execdate` | [`ExecDate`]: `expire` (at the end of the term), `now`, or a date `YYYY-MM-DD` |
//! | `disconnect` | whether the domain's name servers are removed first (`1` / `0`) |
//! | `gaining_registrar` | for `PREACK`: the registrar the domain may go to (may be empty) |
//! | `registry_when_date` | when the registry will execute it (set by the server) |
//! | `log_id` | the cancelation's id (set by the server) |
//! | `owner`, `updater`, `created`, `changed` | who owns and last changed it, and when |
//!
//! Some TLDs only cancel at expiry: the server then changes `now` or a date to `expire`.
//! Creating or deleting a `PREACK` cancelation creates or deletes the domain's AuthInfo1.

mod create;
mod delete;
mod info;
mod update;

pub use create::{CancelationCreate, CancelationData};
pub use delete::CancelationDelete;
pub use info::{CancelationInfo, CancelationList};
pub use update::CancelationUpdate;

use crate::codec::Bit;
use crate::codec::macros::{open_enum, xml_struct};
use crate::envelope::User;
use chrono::{NaiveDate, NaiveDateTime};

/// How a known value was spelled. The help pages' requests write cancelation values in
/// lowercase (`delete`, `expire`) and the answers in uppercase (`DELETE`); both read as
/// the same variant, which keeps the spelling so that re-encoding writes what was read.
/// Values built in code are [`Lower`](Self::Lower), as the requests are documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Case {
    /// `delete`: how requests spell it.
    #[default]
    Lower,
    /// `DELETE`: how answers spell it.
    Upper,
}

open_enum! {
    /// What a cancelation does.
    pub enum CancelationType {
        /// `delete` / `DELETE`: delete the domain at the registry.
        Delete(Case::{ Lower = "delete", Upper = "DELETE" }),
        /// `transit` / `TRANSIT`: give the domain back to the registry (where the TLD allows it).
        Transit(Case::{ Lower = "transit", Upper = "TRANSIT" }),
        /// `preack` / `PREACK`: let the domain go to a gaining registrar.
        Preack(Case::{ Lower = "preack", Upper = "PREACK" }),
    }
}

open_enum! {
    /// When a cancelation is executed. A date travels as `Other("2010-02-01")`: build it
    /// with [`ExecDate::on`] and read it with [`ExecDate::date`].
    pub enum ExecDate {
        /// `expire` / `EXPIRE`: at the end of the domain's term.
        Expire(Case::{ Lower = "expire", Upper = "EXPIRE" }),
        /// `now` / `NOW`: at once.
        Now(Case::{ Lower = "now", Upper = "NOW" }),
    }
}

impl ExecDate {
    /// The execution on a given day (`YYYY-MM-DD`).
    pub fn on(date: NaiveDate) -> Self {
        ExecDate::Other(date.format("%Y-%m-%d").to_string())
    }

    /// The day, when the value is a date written `YYYY-MM-DD`.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            ExecDate::Other(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            _ => None,
        }
    }
}

xml_struct! {
    /// A cancelation: the body of 0103101 / 0103102 (what to set), and what 0103101 and
    /// 0103104 answer (with the server's fields).
    #[derive(Default)]
    pub struct Cancelation {
        /// The domain name.
        domain: String = req "domain",
        /// What the cancelation does.
        kind: Option<CancelationType> = opt "type",
        /// When it is executed.
        execdate: Option<ExecDate> = opt "execdate",
        /// Remove the domain's name servers first (`1`/`0` on the wire).
        disconnect: Option<bool> = opt "disconnect" via Bit,
        /// For `PREACK`: the gaining registrar (may be empty).
        gaining_registrar: Option<String> = opt "gaining_registrar",
        /// When the registry executes it (set by the server).
        registry_when_date: Option<NaiveDateTime> = opt "registry_when_date",
        /// The cancelation's id (set by the server).
        log_id: Option<u64> = opt "log_id",
        /// Who owns it.
        owner: Option<User> = opt "owner",
        /// Who last changed it.
        updater: Option<User> = opt "updater",
        /// When it was created.
        created: Option<NaiveDateTime> = opt "created",
        /// When it was last changed.
        changed: Option<NaiveDateTime> = opt "changed",
    }
}

impl Cancelation {
    /// A cancelation of `domain` of the given type and execution date.
    pub fn new(domain: impl Into<String>, kind: CancelationType, execdate: ExecDate) -> Self {
        Cancelation {
            kind: Some(kind),
            execdate: Some(execdate),
            ..Cancelation::named(domain)
        }
    }

    /// A cancelation that only names its domain.
    pub fn named(domain: impl Into<String>) -> Self {
        Cancelation {
            domain: domain.into(),
            ..Default::default()
        }
    }
}
