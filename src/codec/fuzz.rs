//! `arbitrary` support (feature `arbitrary`), for the structured fuzz target in `fuzz/`.
//!
//! [`Gen`] draws a model value from fuzzer bytes. Every value it draws either is refused by
//! the encoder (a character XML 1.0 cannot represent, a name that is not an XML name, a body
//! that does not fit its task code, a missing required part, two attributes of one name) or
//! decodes back equal: `encode(x).is_err() || decode(encode(x)) == x`. So it draws each value
//! in the one form decoding gives back, where the model has two forms of the same document:
//!
//! - open enums: a known spelling is never `Other`, and `Other` has no white space at its ends
//!   (decoding trims it);
//! - date-times: whole seconds (the wire has no fractions);
//! - raw elements: no empty text, no two texts side by side, no white-space-only text beside
//!   a child element (that is indentation); an element kept under a model's field has the
//!   field's name; an unknown child never has the name of a modelled sibling;
//! - a response's data matches the task code of its status, as [`Document`] reads it;
//! - `msgs_after_status` is at most the number of messages; `quirks` are empty.
//!
//! The generators of the models stand beside them (`Gen` impls under `#[cfg(feature =
//! "arbitrary")]` in their modules); this module has the trait, the helpers they draw with
//! and the generators of the values below the models (text, date-times, raw elements).
//!
//! Recursive models (`where`, `msg`) nest as deep as the input lets them: past the decoder's
//! depth limit the document is refused with `LimitExceeded`, which the fuzz target allows.

use arbitrary::{Result, Unstructured};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

use super::OpenEnum;

/// Draws a value of a model from fuzzer bytes (see the module documentation).
pub(crate) trait Gen: Sized {
    /// A value.
    fn generate(u: &mut Unstructured<'_>) -> Result<Self>;

    /// A value kept under element `name` (only a raw element takes the name).
    fn generate_named(u: &mut Unstructured<'_>, _name: &str) -> Result<Self> {
        Self::generate(u)
    }
}

/// The most items of one list, children of one raw element, or attributes drawn.
pub(crate) const MAX_ITEMS: usize = 6;

/// Up to [`MAX_ITEMS`] values, as long as the input says go on.
pub(crate) fn items<T>(
    u: &mut Unstructured<'_>,
    mut item: impl FnMut(&mut Unstructured<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    while out.len() < MAX_ITEMS && u.arbitrary::<bool>()? {
        out.push(item(u)?);
    }
    Ok(out)
}

macro_rules! gen_by_arbitrary {
    ($($ty:ty),*) => {$(
        impl Gen for $ty {
            fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
                u.arbitrary()
            }
        }
    )*};
}
gen_by_arbitrary!(u64, u32, i64, bool);

/// Text: mostly characters XML can carry, the awkward ones made likely; now and then any
/// character (which the encoder refuses unless XML 1.0 allows it), and rarely (one text in
/// 256) any string at all. A model has dozens of texts: a higher rate of strings the encoder
/// refuses would leave few values that encode, which tests the decoder little.
pub(crate) fn text(u: &mut Unstructured<'_>) -> Result<String> {
    const SPECIAL: &[&str] = &[
        "<",
        "&",
        ">",
        "]]>",
        "\"",
        "'",
        "\r",
        "\r\n",
        "\n",
        "\t",
        " ",
        ";",
        "&amp;",
        "<![CDATA[",
        "</x>",
        "\u{85}",
        "\u{A0}",
        "\u{2028}",
        "\u{FEFF}",
        "\u{FFFD}",
        "\u{10000}",
        "\u{1F600}",
        "\u{10FFFF}",
        "é",
        "日",
    ];
    if u.ratio(1, 256)? {
        return u.arbitrary();
    }
    let len = u.int_in_range(0..=12)?;
    let mut out = String::new();
    for _ in 0..len {
        match u.int_in_range(0..=15u8)? {
            0..=9 => out.push(char::from(u.int_in_range(0x20..=0x7E)?)),
            10..=13 => out.push_str(u.choose(SPECIAL)?),
            14 => out.push(u.arbitrary()?),
            _ => out.push(char::from_u32(u.int_in_range(0x80..=0x10FFFF)?).unwrap_or('?')),
        }
    }
    Ok(out)
}

impl Gen for String {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        text(u)
    }
}

impl<T: Gen> Gen for Option<T> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Self::generate_named(u, "")
    }
    fn generate_named(u: &mut Unstructured<'_>, name: &str) -> Result<Self> {
        if u.arbitrary()? {
            T::generate_named(u, name).map(Some)
        } else {
            Ok(None)
        }
    }
}

/// The values of a field that needs at least one (`some`): one or more, but now and then
/// none (which the encoder refuses).
pub(crate) fn some<T: Gen>(u: &mut Unstructured<'_>, name: &str) -> Result<Vec<T>> {
    let mut out = Vec::new();
    if !u.ratio(1, 16)? {
        out.push(T::generate_named(u, name)?);
    }
    out.extend(items(u, |u| T::generate_named(u, name))?);
    Ok(out)
}

impl<T: Gen> Gen for Vec<T> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Self::generate_named(u, "")
    }
    fn generate_named(u: &mut Unstructured<'_>, name: &str) -> Result<Self> {
        items(u, |u| T::generate_named(u, name))
    }
}

/// Whole seconds anywhere in chrono's range, a leap second now and then.
impl Gen for NaiveDateTime {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let days =
            u.int_in_range(NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())?;
        let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default();
        let secs = u.int_in_range(0..=86_399)?;
        let leap = secs % 60 == 59 && u.ratio(1, 8)?;
        let nanos = if leap { 1_000_000_000 } else { 0 };
        let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos).unwrap_or_default();
        Ok(date.and_time(time))
    }
}

/// A known value, or `Other` with a spelling that is not known and not padded.
pub(crate) fn open_enum<E: OpenEnum + Clone>(u: &mut Unstructured<'_>) -> Result<E> {
    if u.arbitrary()? {
        if let Ok(known) = u.choose(E::KNOWN) {
            return Ok(known.clone());
        }
    }
    Ok(E::from_wire(super::syntax::trim_xml(&text(u)?)))
}

impl<T: Gen> Gen for Box<T> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        T::generate(u).map(Box::new)
    }
    fn generate_named(u: &mut Unstructured<'_>, name: &str) -> Result<Self> {
        T::generate_named(u, name).map(Box::new)
    }
}
