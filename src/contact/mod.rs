//! Contacts (handles): 0301 ContactCreate.

mod create;

pub use create::{ContactCreate, EmptyData};

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
    /// A person contact with the fields every registry asks for.
    pub fn person(
        fname: impl Into<String>,
        lname: impl Into<String>,
        address: impl Into<String>,
        pcode: impl Into<String>,
        city: impl Into<String>,
        country: impl Into<String>,
    ) -> Self {
        Handle {
            id: None,
            alias: None,
            kind: Some(ContactType::Person),
            fname: fname.into(),
            lname: lname.into(),
            title: None,
            organization: None,
            address: vec![address.into()],
            pcode: pcode.into(),
            city: city.into(),
            country: country.into(),
            state: None,
            phone: None,
            fax: None,
            email: None,
            protection: None,
            remarks: Vec::new(),
            unknown: Vec::new(),
        }
    }
}
