//! `xml_struct!` and `open_enum!`: the two helpers every model is written with.
//!
//! `xml_struct!` takes a plain struct whose fields say how they sit on the wire:
//!
//! ```text
//! xml_struct! {
//!     /// A job.
//!     pub struct Job {
//!         /// The job id.
//!         id: u64 = req "id",                       // exactly once
//!         owner: Option<User> = opt "owner",        // at most once
//!         nserver: Vec<NameServer> = many "nserver", // any number, in order
//!         address: Vec<String> = some "address",    // at least once
//!         confirm_order: Option<bool> = opt "confirm_order" via Bit, // a non-default spelling
//!         created: Option<NaiveDateTime> = opt "created", // `YYYY-MM-DD HH:MM:SS` in JSON too
//!     }
//! }
//! ```
//!
//! and writes the struct (all fields `pub`, serde names = wire names, plus an `unknown`
//! field that keeps unmodelled children), its [`FromXml`](super::FromXml) (children in any
//! order; a repeated singleton, a missing required child or a bad value is an error) and its
//! [`ToXml`](super::ToXml) (fields in declaration order, then the unknown children).

macro_rules! xml_struct {
    // `manual Debug, Serialize, ToXml;` before the struct: the model writes these three
    // itself (to mask a secret that depends on a sibling field, as `ObjectRef` does).
    (
        manual Debug, Serialize, ToXml;
        $($rest:tt)*
    ) => {
        $crate::codec::macros::xml_struct!(@all [] no $($rest)*);
    };
    (
        $(#[$meta:meta])*
        pub struct $($rest:tt)*
    ) => {
        $crate::codec::macros::xml_struct!(@all [Debug, serde::Serialize,] yes
            $(#[$meta])* pub struct $($rest)*);
    };
    (
        @all [$($derive:tt)*] $to_xml:ident
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $field:ident : $outer:ident $(< $inner:ident >)? = $kind:ident $wire:literal $(via $codec:ty)?
            ),* $(,)?
        }
    ) => {
        $crate::codec::macros::xml_struct!(@munch [$($derive)*] [$(#[$meta])* $name] []
            $( [ $(#[$fmeta])* $field : $outer $(<$inner>)? = $kind $wire ] )*);

        impl $name {
            $( $crate::codec::macros::xml_struct!(@setter $kind $field $wire [$outer $($inner)?]); )*
        }

        impl $crate::codec::FromXml for $name {
            #[allow(unused_mut)]
            fn from_xml(
                mut el: $crate::codec::ElementReader<'_, '_>,
            ) -> ::std::result::Result<Self, $crate::DecodeError> {
                el.note_attributes();
                $( let mut $field: $crate::codec::macros::xml_struct!(@local $kind $outer $(<$inner>)?) = Default::default(); )*
                let mut unknown = $crate::Unknown::new();
                while let Some(child) = el.next_child()? {
                    match child.name() {
                        $( $wire => $crate::codec::macros::xml_struct!(@read $kind $field child $($codec)?), )*
                        _ => unknown.read(child)?,
                    }
                }
                Ok($name {
                    $( $field: $crate::codec::macros::xml_struct!(@finish $kind $field el $wire), )*
                    unknown,
                })
            }
        }

        $crate::codec::macros::xml_struct!(@to_xml $to_xml $name
            $( [$kind $field $wire $($codec)?] )*);

        #[cfg(feature = "arbitrary")]
        impl $crate::codec::fuzz::Gen for $name {
            fn generate(u: &mut ::arbitrary::Unstructured<'_>) -> ::arbitrary::Result<Self> {
                Ok($name {
                    $( $field: $crate::codec::macros::xml_struct!(@generate $kind u $wire), )*
                    unknown: $crate::raw::generate::unknown(u, &[$($wire),*])?,
                })
            }
        }
        $crate::codec::macros::arbitrary_via_gen!($name);
    };

    // A field's generator: at least one value, mostly, for a `some` field.
    (@generate some $u:ident $wire:literal) => { $crate::codec::fuzz::some($u, $wire)? };
    (@generate $kind:ident $u:ident $wire:literal) => {
        $crate::codec::fuzz::Gen::generate_named($u, $wire)?
    };

    // The struct itself, one field at a time.
    (@munch [$($derive:tt)*] [$(#[$meta:meta])* $name:ident] [$($done:tt)*]
        [ $(#[$fmeta:meta])* $field:ident : $ty:ty = req $wire:literal ] $($rest:tt)*) => {
        $crate::codec::macros::xml_struct!(@munch [$($derive)*] [$(#[$meta])* $name]
            [$($done)* $(#[$fmeta])* #[serde(rename = $wire)] pub $field: $ty,] $($rest)*);
    };
    // A date-time is written in the wire format in JSON too (`2024-01-01 12:00:00`).
    (@munch [$($derive:tt)*] [$(#[$meta:meta])* $name:ident] [$($done:tt)*]
        [ $(#[$fmeta:meta])* $field:ident : Option<NaiveDateTime> = opt $wire:literal ] $($rest:tt)*) => {
        $crate::codec::macros::xml_struct!(@munch [$($derive)*] [$(#[$meta])* $name]
            [$($done)* $(#[$fmeta])*
             #[serde(rename = $wire, default, skip_serializing_if = "Option::is_none")]
             #[serde(with = "crate::codec::datetime::option")]
             pub $field: Option<NaiveDateTime>,] $($rest)*);
    };
    (@munch [$($derive:tt)*] [$(#[$meta:meta])* $name:ident] [$($done:tt)*]
        [ $(#[$fmeta:meta])* $field:ident : $ty:ty = opt $wire:literal ] $($rest:tt)*) => {
        $crate::codec::macros::xml_struct!(@munch [$($derive)*] [$(#[$meta])* $name]
            [$($done)* $(#[$fmeta])*
             #[serde(rename = $wire, default, skip_serializing_if = "Option::is_none")]
             pub $field: $ty,] $($rest)*);
    };
    (@munch [$($derive:tt)*] [$(#[$meta:meta])* $name:ident] [$($done:tt)*]
        [ $(#[$fmeta:meta])* $field:ident : $ty:ty = many $wire:literal ] $($rest:tt)*) => {
        $crate::codec::macros::xml_struct!(@munch [$($derive)*] [$(#[$meta])* $name]
            [$($done)* $(#[$fmeta])*
             #[serde(rename = $wire, default, skip_serializing_if = "Vec::is_empty")]
             pub $field: $ty,] $($rest)*);
    };
    (@munch [$($derive:tt)*] [$(#[$meta:meta])* $name:ident] [$($done:tt)*]
        [ $(#[$fmeta:meta])* $field:ident : $ty:ty = some $wire:literal ] $($rest:tt)*) => {
        $crate::codec::macros::xml_struct!(@munch [$($derive)*] [$(#[$meta])* $name]
            [$($done)* $(#[$fmeta])* #[serde(rename = $wire)] pub $field: $ty,] $($rest)*);
    };
    (@munch [$($derive:tt)*] [$(#[$meta:meta])* $name:ident] [$($done:tt)*]) => {
        $(#[$meta])*
        #[derive($($derive)* Clone, PartialEq, serde::Deserialize)]
        pub struct $name {
            $($done)*
            /// Child elements this crate does not model, in the order they came; written after
            /// the modelled ones.
            #[serde(rename = "_unknown", default, skip_serializing_if = "crate::codec::macros::is_default")]
            pub unknown: $crate::Unknown,
        }
    };

    (@to_xml no $name:ident $($fields:tt)*) => {};
    (@to_xml yes $name:ident $( [$kind:ident $field:ident $wire:literal $($codec:ty)?] )*) => {
        impl $crate::codec::ToXml for $name {
            fn to_xml(
                &self,
                name: &str,
                w: &mut $crate::codec::XmlWriter<'_>,
            ) -> ::std::result::Result<(), $crate::EncodeError> {
                w.start(name)?;
                $( $crate::codec::macros::xml_struct!(@write $kind self.$field, $wire, w $($codec)?); )*
                self.unknown.write_xml(w)?;
                w.end(name);
                Ok(())
            }
        }
    };

    // One builder-style setter per field, named after it: a singleton is set, a list
    // grows by one.
    (@setter req $field:ident $wire:literal [$outer:ident $($inner:ident)?]) => {
        #[doc = concat!("Sets `", stringify!($field), "` (`<", $wire, ">`).")]
        #[must_use]
        pub fn $field(mut self, value: $crate::codec::macros::xml_struct!(@arg $outer $($inner)?)) -> Self {
            self.$field = value.into();
            self
        }
    };
    (@setter opt $field:ident $wire:literal [$outer:ident $inner:ident]) => {
        #[doc = concat!("Sets `", stringify!($field), "` (`<", $wire, ">`).")]
        #[must_use]
        pub fn $field(mut self, value: $crate::codec::macros::xml_struct!(@arg $inner)) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
    (@setter many $field:ident $wire:literal [$outer:ident $inner:ident]) => {
        #[doc = concat!("Adds one `<", $wire, ">` to `", stringify!($field), "`.")]
        #[must_use]
        pub fn $field(mut self, value: $crate::codec::macros::xml_struct!(@arg $inner)) -> Self {
            self.$field.push(value.into());
            self
        }
    };
    (@setter some $field:ident $wire:literal [$outer:ident $inner:ident]) => {
        $crate::codec::macros::xml_struct!(@setter many $field $wire [$outer $inner]);
    };

    // A setter's argument: a number or flag as itself (so that a literal `1` is a `u64`
    // where the field is one), anything else through `Into` (`&str` for a `String`).
    (@arg u8) => { u8 };
    (@arg u16) => { u16 };
    (@arg u32) => { u32 };
    (@arg u64) => { u64 };
    (@arg i32) => { i32 };
    (@arg i64) => { i64 };
    (@arg bool) => { bool };
    (@arg $outer:ident $inner:ident) => { impl Into<$outer<$inner>> };
    (@arg $t:ident) => { impl Into<$t> };

    (@local req $ty:ty) => { Option<$ty> };
    (@local opt $ty:ty) => { $ty };
    (@local many $ty:ty) => { $ty };
    (@local some $ty:ty) => { $ty };

    (@codec) => { $crate::codec::Natural };
    (@codec $codec:ty) => { $codec };

    (@read req $field:ident $child:ident $($codec:ty)?) => {
        $crate::codec::macros::xml_struct!(@read opt $field $child $($codec)?)
    };
    (@read opt $field:ident $child:ident $($codec:ty)?) => {{
        if $field.is_some() {
            return Err($child.duplicate());
        }
        $field = Some(<$crate::codec::macros::xml_struct!(@codec $($codec)?) as $crate::codec::Codec<_>>::read($child)?);
    }};
    (@read many $field:ident $child:ident $($codec:ty)?) => {
        $crate::codec::macros::push_item(&mut $field, <$crate::codec::macros::xml_struct!(@codec $($codec)?) as $crate::codec::Codec<_>>::read($child)?)
    };
    (@read some $field:ident $child:ident $($codec:ty)?) => {
        $crate::codec::macros::xml_struct!(@read many $field $child $($codec)?)
    };

    (@finish req $field:ident $el:ident $wire:literal) => { $field.ok_or_else(|| $el.missing($wire))? };
    (@finish opt $field:ident $el:ident $wire:literal) => { $field };
    (@finish many $field:ident $el:ident $wire:literal) => { $crate::codec::macros::fit($field) };
    (@finish some $field:ident $el:ident $wire:literal) => {{
        if $field.is_empty() {
            return Err($el.missing($wire));
        }
        $crate::codec::macros::fit($field)
    }};

    (@write req $value:expr, $wire:literal, $w:ident $($codec:ty)?) => {
        <$crate::codec::macros::xml_struct!(@codec $($codec)?) as $crate::codec::Codec<_>>::write(&$value, $wire, $w)?
    };
    (@write opt $value:expr, $wire:literal, $w:ident $($codec:ty)?) => {
        if let Some(v) = &$value {
            <$crate::codec::macros::xml_struct!(@codec $($codec)?) as $crate::codec::Codec<_>>::write(v, $wire, $w)?
        }
    };
    (@write many $value:expr, $wire:literal, $w:ident $($codec:ty)?) => {
        for v in &$value {
            <$crate::codec::macros::xml_struct!(@codec $($codec)?) as $crate::codec::Codec<_>>::write(v, $wire, $w)?
        }
    };
    (@write some $value:expr, $wire:literal, $w:ident $($codec:ty)?) => {{
        if $value.is_empty() {
            return Err($crate::EncodeError::Missing(concat!("at least one <", $wire, "> is required")));
        }
        $crate::codec::macros::xml_struct!(@write many $value, $wire, $w $($codec)?)
    }};
}

/// An open enum: the known wire spellings as variants, `Other(String)` for anything else,
/// kept as sent. `#[non_exhaustive]`, serialized as its wire spelling. A variant may take
/// several spellings, kept in a spelling enum so that re-encoding writes the one read
/// (`Deferred(DeferredSpelling::{Deferred = "DEFERRED", Deffered = "DEFFERED" misspells
/// "DEFERRED"})`); one that `misspells` another is reported as a quirk when decoded.
macro_rules! open_enum {
    // What every open enum shares by its `as_str` and `from_wire`.
    (@spelled $name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_wire(s))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Ok(Self::from_wire(&s))
            }
        }

        impl $crate::codec::ToXml for $name {
            fn to_xml(&self, name: &str, w: &mut $crate::codec::XmlWriter<'_>) -> Result<(), $crate::EncodeError> {
                w.leaf(name, self.as_str())
            }
        }
    };

    // What an open enum with `as_str` / `from_wire` and an `Other` variant derives from
    // them, given its known values; also for one whose variants carry data (a spelling).
    (@open $name:ident [$($known:expr),* $(,)?]) => {
        impl $crate::codec::OpenEnum for $name {
            const KNOWN: &'static [Self] = &[$($known),*];
            fn as_str(&self) -> &str {
                $name::as_str(self)
            }
            fn from_wire(s: &str) -> Self {
                $name::from_wire(s)
            }
            fn is_other(&self) -> bool {
                matches!(self, Self::Other(_))
            }
        }

        $crate::codec::macros::open_enum!(@spelled $name);

        impl $crate::codec::FromXml for $name {
            fn from_xml(mut el: $crate::codec::ElementReader<'_, '_>) -> Result<Self, $crate::DecodeError> {
                let text = el.read_text()?;
                let sent = $crate::codec::syntax::trim_xml(&text);
                let value = Self::from_wire(sent);
                if let Some(means) = value.misspelling() {
                    el.misspelled(sent, means);
                }
                Ok(value)
            }
        }

        #[cfg(feature = "arbitrary")]
        impl $crate::codec::fuzz::Gen for $name {
            fn generate(u: &mut ::arbitrary::Unstructured<'_>) -> ::arbitrary::Result<Self> {
                $crate::codec::fuzz::open_enum(u)
            }
        }
        $crate::codec::macros::arbitrary_via_gen!($name);
    };

    // A known value in `KNOWN`: a plain variant (its wire spelling only drives the repetition).
    (@known $value:expr, $wire:literal) => { $value };

    // A variant is `Name = "wire"`, or `Name(Spelling::{A = "wire", B = "other wire", …})`:
    // several spellings read as one variant, which keeps the spelling read (a `Spelling`
    // value) so that re-encoding writes it. A spelling marked `misspells "wire"` is recorded
    // as a quirk when decoded (`DEFFERED` for `DEFERRED`).
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])* $variant:ident
                $( = $wire:literal )?
                $( ($spelling:ident :: { $( $sv:ident = $sw:literal $( misspells $means:literal )? ),+ $(,)? }) )?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant $( ($spelling) )?, )*
            /// A value this crate does not know, kept exactly as sent. Decoding never puts a
            /// known spelling here.
            Other(String),
        }

        impl $name {
            /// The wire spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $(
                        $( Self::$variant => $wire, )?
                        $( $( Self::$variant($spelling::$sv) => $sw, )+ )?
                    )*
                    Self::Other(s) => s,
                }
            }

            /// The value for a wire spelling (exact match; anything else is `Other`).
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $(
                        $( $wire => Self::$variant, )?
                        $( $( $sw => Self::$variant($spelling::$sv), )+ )?
                    )*
                    other => Self::Other(other.to_owned()),
                }
            }

            /// The spelling meant, for a value decoded from a misspelling (a quirk).
            #[allow(clippy::match_single_binding, reason = "most open enums have no misspelling")]
            pub(crate) fn misspelling(&self) -> Option<&'static str> {
                match self {
                    $( $( $( $( Self::$variant($spelling::$sv) => Some($means), )? )+ )? )*
                    _ => None,
                }
            }
        }

        $crate::codec::macros::open_enum!(@open $name [$(
            $( $crate::codec::macros::open_enum!(@known Self::$variant, $wire), )?
            $( $( Self::$variant($spelling::$sv), )+ )?
        )*]);
    };
}

/// Appends a list field's item: the first one in a buffer of one (a `Vec` grows from empty to
/// four places, so a list of one, the most common in many answers, would hold three empty
/// ones: 936 bytes beside each result's one `Job`).
#[inline(always)]
pub(crate) fn push_item<T>(list: &mut Vec<T>, item: T) {
    if list.capacity() == 0 {
        list.reserve_exact(1);
    }
    list.push(item);
}

/// A list field as the model keeps it: no capacity beyond its items (what the doubling left
/// over), where that room costs memory. A block of 128 KiB or more (glibc's default mmap
/// threshold) is mapped, and the pages past the last item were never written, so they are
/// not resident: shrinking it saves no memory and cost 4–5% of the 100k-job decode (the
/// realloc), so it is left as it is.
#[inline]
pub(crate) fn fit<T>(mut list: Vec<T>) -> Vec<T> {
    const MAPPED: usize = 128 * 1024;
    if list.len() < list.capacity() && list.capacity().saturating_mul(size_of::<T>()) < MAPPED {
        list.shrink_to_fit();
    }
    list
}

/// Whether `value` is its type's default: `xml_struct!`'s `skip_serializing_if` for the
/// `unknown` field (an empty one), so that the codec names no type above it there.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// With the `arbitrary` feature, `arbitrary::Arbitrary` for a type through its
/// [`Gen`](super::fuzz::Gen) (which draws only values decoding gives back as they are).
macro_rules! arbitrary_via_gen {
    ($($name:ty),* $(,)?) => {$(
        #[cfg(feature = "arbitrary")]
        impl<'a> ::arbitrary::Arbitrary<'a> for $name {
            fn arbitrary(u: &mut ::arbitrary::Unstructured<'a>) -> ::arbitrary::Result<Self> {
                $crate::codec::fuzz::Gen::generate(u)
            }
        }
    )*};
}

pub(crate) use arbitrary_via_gen;
pub(crate) use open_enum;
pub(crate) use xml_struct;
