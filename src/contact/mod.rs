//! Contacts (handles; JSON calls them `contact`): 0301 ContactCreate, 0302 HandleUpdate,
//! 0303 HandleDelete, 0304 HandleInfo and its list form.
//!
//! The wire element is `handle` in every task. What each field means, from the AutoDNS
//! XML help pages ("Handle Update", "Handle Info") and the public clients' fixtures
//! (`testdata/README.md` cites each one):
//!
//! | element | meaning |
//! | --- | --- |
//! | `id` | the handle id the server assigns (0301's status object); names the handle in 0302 / 0303 / 0304 |
//! | `alias` | a free name for the handle; may name it instead of `id` |
//! | `type` | `PERSON`, `ORG` or `ROLE` ([`ContactType`]) |
//! | `fname`, `lname`, `title`, `organization` | the person (a certificate contact says `first` / `last`) |
//! | `address` (repeated), `pcode`, `city`, `state`, `country` | the postal address; `country` is ISO 3166-1 alpha-2 |
//! | `phone`, `fax`, `email` | `+49-0-0`-style numbers, the e-mail address |
//! | `protection` | what WHOIS shows ([`Protection`]; the server also answers single letters such as `B`, kept as `Other`) |
//! | `remarks` (repeated) | free text |
//! | `sip`, `nic_ref`, `extension`, `created`, `updated`, `owner`, `updater`, `domainsafe` | sent by 0304, kept in `unknown` |

mod create;
mod delete;
mod info;
mod update;

/// Moved to [`envelope`](crate::envelope) (every object's empty answers use it); still here
/// for code that names it from `contact`.
pub use crate::envelope::EmptyData;
pub use create::ContactCreate;
pub use delete::HandleDelete;
pub use info::{HandleInfo, HandleInfoData, HandleList};
pub use update::HandleUpdate;

use crate::codec::macros::{open_enum, xml_struct};

open_enum! {
    /// A contact's type.
    pub enum ContactType {
        /// `PERSON`
        Person = "PERSON",
        /// `ORG`
        Org = "ORG",
        /// `ROLE`
        Role = "ROLE",
    }
}

open_enum! {
    /// Which of a contact's data the WHOIS shows.
    pub enum Protection {
        /// `SHOW_ALL`
        ShowAll = "SHOW_ALL",
        /// `SHOW_NONE`
        ShowNone = "SHOW_NONE",
        /// `SHOW_NAME`
        ShowName = "SHOW_NAME",
    }
}

xml_struct! {
    /// A domain contact (`handle`). On a handle the person is `fname` / `lname` / `pcode`
    /// (a certificate contact says `first` / `last` / `postal_code`).
    #[derive(Default)]
    pub struct Handle {
        /// The handle id (set by the server).
        id: Option<u64> = opt "id",
        /// An alias for the handle.
        alias: Option<String> = opt "alias",
        /// The contact type.
        kind: Option<ContactType> = opt "type",
        /// First name.
        fname: String = req "fname",
        /// Last name.
        lname: String = req "lname",
        /// Title.
        title: Option<String> = opt "title",
        /// Organization.
        organization: Option<String> = opt "organization",
        /// Address lines (at least one).
        address: Vec<String> = some "address",
        /// Postal code.
        pcode: String = req "pcode",
        /// City.
        city: String = req "city",
        /// Country code (ISO 3166-1 alpha-2).
        country: String = req "country",
        /// State or region (may be empty: `<state />`).
        state: Option<String> = opt "state",
        /// Phone, `+49-0-0` style.
        phone: Option<String> = opt "phone",
        /// Fax.
        fax: Option<String> = opt "fax",
        /// E-mail.
        email: Option<String> = opt "email",
        /// WHOIS protection.
        protection: Option<Protection> = opt "protection",
        /// Free remarks.
        remarks: Vec<String> = many "remarks",
    }
}

impl Handle {
    /// A person contact (`type` PERSON); the rest is set by name, so that no two strings can
    /// be swapped by position.
    ///
    /// ```
    /// use autodns_xml::contact::Handle;
    ///
    /// let owner = Handle::person()
    ///     .fname("Jane")
    ///     .lname("Doe")
    ///     .address("Main Street 1")
    ///     .pcode("12345")
    ///     .city("Berlin")
    ///     .country("DE")
    ///     .email("jane@example.com");
    /// assert_eq!(owner.address, ["Main Street 1"]);
    /// ```
    pub fn person() -> Self {
        Handle::default().kind(ContactType::Person)
    }

    /// An organisation contact (`type` ORG); set its `organization` and address by name.
    pub fn org() -> Self {
        Handle::default().kind(ContactType::Org)
    }

    /// A role contact (`type` ROLE), such as a hostmaster team.
    pub fn role() -> Self {
        Handle::default().kind(ContactType::Role)
    }
}
