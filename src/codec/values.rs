//! Leaf values: text, numbers, booleans, date-times, and how fields pick their spelling.

use super::{ElementReader, FromXml, ToXml, XmlWriter};
use crate::error::{DecodeError, EncodeError};
use chrono::NaiveDateTime;

/// How a field is read and written: [`Natural`] (the type's own [`FromXml`]/[`ToXml`]),
/// [`Bit`] (a boolean written `1`/`0`), [`Cdata`] (text written in a CDATA section).
pub(crate) trait Codec<T> {
    fn read(el: ElementReader<'_, '_>) -> Result<T, DecodeError>;
    fn write(value: &T, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError>;
}

pub(crate) struct Natural;
impl<T: FromXml + ToXml> Codec<T> for Natural {
    #[inline(always)]
    fn read(el: ElementReader<'_, '_>) -> Result<T, DecodeError> {
        T::from_xml(el)
    }
    fn write(value: &T, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        value.to_xml(name, w)
    }
}

/// A boolean the server writes as `1`/`0` (`confirm_order`, `children`); read in any spelling.
pub(crate) struct Bit;
impl Codec<bool> for Bit {
    fn read(el: ElementReader<'_, '_>) -> Result<bool, DecodeError> {
        bool::from_xml(el)
    }
    fn write(value: &bool, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf(name, if *value { "1" } else { "0" })
    }
}

/// Text the server sends in CDATA (a CSR).
pub(crate) struct Cdata;
impl Codec<String> for Cdata {
    fn read(el: ElementReader<'_, '_>) -> Result<String, DecodeError> {
        String::from_xml(el)
    }
    fn write(value: &String, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.cdata_leaf(name, value)
    }
}

impl FromXml for String {
    // Leaf readers are inlined into the model's reader: a reader passed by value to a call
    // is stored field by field and loaded in wider words (a store-forwarding stall).
    #[inline(always)]
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(el.text()?.into_owned())
    }
}
impl ToXml for String {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf(name, self)
    }
}

macro_rules! integer_leaf {
    ($($ty:ty => $expected:literal),*) => {$(
        impl FromXml for $ty {
            #[inline]
            fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
                el.parse_with($expected, |s| s.parse().ok())
            }
        }
        impl ToXml for $ty {
            fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
                w.leaf_display(name, self)
            }
        }
    )*};
}
integer_leaf!(u64 => "an unsigned integer", u32 => "an unsigned 32-bit integer", i64 => "an integer");

/// Reads `true`/`false`, `1`/`0` and `yes`/`no` in any case.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    const TRUE: [&str; 3] = ["true", "1", "yes"];
    const FALSE: [&str; 3] = ["false", "0", "no"];
    if TRUE.iter().any(|t| s.eq_ignore_ascii_case(t)) {
        Some(true)
    } else if FALSE.iter().any(|f| s.eq_ignore_ascii_case(f)) {
        Some(false)
    } else {
        None
    }
}

impl FromXml for bool {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.parse_with("a boolean (true/false, 1/0, yes/no)", parse_bool)
    }
}
impl ToXml for bool {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf(name, if *self { "true" } else { "false" })
    }
}

impl FromXml for NaiveDateTime {
    #[inline]
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.parse_with("a date-time YYYY-MM-DD HH:MM:SS", datetime::parse)
    }
}
impl ToXml for NaiveDateTime {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.leaf_display(name, datetime::Wire(self))
    }
}

/// The server's zone-less date-times, `YYYY-MM-DD HH:MM:SS`, and serde helpers that keep that
/// spelling in JSON (`#[serde(with = "autodns_xml::codec::datetime")]`).
pub mod datetime {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    use chrono::{Datelike, NaiveDate, Timelike};
    use std::fmt;

    /// The wire format.
    pub const FORMAT: &str = "%Y-%m-%d %H:%M:%S";

    /// Whether `b` has the wire shape: `YYYY-MM-DD HH:MM:SS` with one ASCII space, two
    /// digits to each field but the year, and a year of four digits or more with an optional
    /// sign (as chrono writes the years outside 0 to 9999). Nothing else: no other white space,
    /// no missing separator (chrono's own parser takes `2019-10-2316:12:33`).
    fn has_wire_shape(b: &[u8]) -> bool {
        let b = match b {
            [b'+' | b'-', rest @ ..] => rest,
            _ => b,
        };
        let year = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let Some(rest) = b.get(year..) else {
            return false;
        };
        year >= 4
            && rest.len() == 15
            && rest.iter().enumerate().all(|(i, &c)| match i {
                0 | 3 => c == b'-',
                6 => c == b' ',
                9 | 12 => c == b':',
                _ => c.is_ascii_digit(),
            })
    }

    /// Parses `YYYY-MM-DD HH:MM:SS` (see `has_wire_shape` for the years beyond four digits);
    /// any other spelling is refused.
    pub fn parse(s: &str) -> Option<NaiveDateTime> {
        let b = s.as_bytes();
        // The usual value: a four-digit year, read without a loop.
        if let Ok(w) = <&[u8; 19]>::try_from(b) {
            if let Some(t) = parse_19(w) {
                return Some(t);
            }
        }
        if !has_wire_shape(b) {
            return None;
        }
        if b.len() != 19 {
            return NaiveDateTime::parse_from_str(s, FORMAT).ok();
        }
        let num = |from: usize, to: usize| {
            b.get(from..to)?.iter().try_fold(0u32, |n, &d| {
                n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
            })
        };
        let fast = || {
            let date =
                NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 7)?, num(8, 10)?)?;
            date.and_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)
        };
        // What the fast path refuses (a leap second `:60`, an impossible date) chrono judges.
        fast().or_else(|| NaiveDateTime::parse_from_str(s, FORMAT).ok())
    }

    /// `YYYY-MM-DD HH:MM:SS` with a four-digit year and a valid date and time, else `None`
    /// (and [`parse`] judges it the slow way).
    #[inline]
    fn parse_19(w: &[u8; 19]) -> Option<NaiveDateTime> {
        let [
            y0,
            y1,
            y2,
            y3,
            d1,
            m0,
            m1,
            d2,
            dd0,
            dd1,
            sp,
            h0,
            h1,
            c1,
            mi0,
            mi1,
            c2,
            s0,
            s1,
        ] = *w;
        if [d1, d2, sp, c1, c2] != [b'-', b'-', b' ', b':', b':'] {
            return None;
        }
        // A digit less `0` is below ten; any other byte wraps to ten or more. One test for
        // all fourteen.
        let d = |c: u8| c.wrapping_sub(b'0');
        let (y0, y1, y2, y3) = (d(y0), d(y1), d(y2), d(y3));
        let (m0, m1, dd0, dd1) = (d(m0), d(m1), d(dd0), d(dd1));
        let (h0, h1, mi0, mi1, s0, s1) = (d(h0), d(h1), d(mi0), d(mi1), d(s0), d(s1));
        let max = y0.max(y1).max(y2).max(y3).max(m0).max(m1).max(dd0);
        let max = max
            .max(dd1)
            .max(h0)
            .max(h1)
            .max(mi0)
            .max(mi1)
            .max(s0)
            .max(s1);
        if max > 9 {
            return None;
        }
        let two = |hi: u8, lo: u8| u32::from(hi) * 10 + u32::from(lo);
        let year = i32::from(y0) * 1000 + i32::from(y1) * 100 + i32::from(y2) * 10 + i32::from(y3);
        NaiveDate::from_ymd_opt(year, two(m0, m1), two(dd0, dd1))?.and_hms_opt(
            two(h0, h1),
            two(mi0, mi1),
            two(s0, s1),
        )
    }

    /// Displays a date-time in the wire format.
    pub(crate) struct Wire<'a>(pub(crate) &'a NaiveDateTime);

    impl fmt::Display for Wire<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let t = self.0;
            // Four-digit years without a leap second; chrono writes the rest.
            if (0..=9999).contains(&t.year()) && t.nanosecond() < 1_000_000_000 {
                write!(
                    f,
                    "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                    t.year(),
                    t.month(),
                    t.day(),
                    t.hour(),
                    t.minute(),
                    t.second()
                )
            } else {
                write!(f, "{}", t.format(FORMAT))
            }
        }
    }

    /// Serializes as `YYYY-MM-DD HH:MM:SS`.
    pub fn serialize<S: Serializer>(value: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Wire(value))
    }

    /// Deserializes from `YYYY-MM-DD HH:MM:SS`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid date-time {s:?}: expected YYYY-MM-DD HH:MM:SS"
            ))
        })
    }

    /// The same for `Option<NaiveDateTime>`.
    pub mod option {
        use super::*;

        /// Serializes `Some` as `YYYY-MM-DD HH:MM:SS`, `None` as null.
        pub fn serialize<S: Serializer>(
            value: &Option<NaiveDateTime>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => s.collect_str(&Wire(v)),
                None => s.serialize_none(),
            }
        }

        /// Deserializes `YYYY-MM-DD HH:MM:SS` or null.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<NaiveDateTime>, D::Error> {
            let s = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
            s.map(|s| {
                parse(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "invalid date-time {s:?}: expected YYYY-MM-DD HH:MM:SS"
                    ))
                })
            })
            .transpose()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::datetime::{FORMAT, Wire, parse};
    use chrono::NaiveDateTime;

    /// Issue 11 item 15: chrono's parser reads its format's space as any white space, none
    /// included; the wire has exactly one ASCII space, and nothing else is a date-time.
    #[test]
    fn date_times_of_another_shape_are_refused_though_chrono_reads_them() {
        for s in [
            "2019-10-2316:12:33",
            "2019-10-23\u{a0}16:12:33",
            "2019-10-23  16:12:33",
            "2019-10-23\t16:12:33",
            "2019-10-23\n16:12:33",
            " 2019-10-23 16:12:33",
            "2019-10-23 16:12:33 ",
            "2019-10-23 6:12:33",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
        assert!(parse("2019-10-23 16:12:33").is_some());
        // Years beyond four digits, as chrono writes them.
        let far = NaiveDateTime::parse_from_str("+12019-10-23 16:12:33", FORMAT).ok();
        assert_eq!(parse("+12019-10-23 16:12:33"), far);
    }

    /// The fast paths read and write exactly what chrono's `%Y-%m-%d %H:%M:%S` does, for
    /// every string of the wire shape.
    #[test]
    fn datetime_fast_paths_agree_with_chrono() {
        for s in [
            "2019-10-23 16:12:33",
            "0000-01-01 00:00:00",
            "9999-12-31 23:59:59",
            "2016-12-31 23:59:60",
            "2019-02-29 00:00:00",
            "2020-02-29 12:00:00",
            "2019-13-01 00:00:00",
            "2019-10-23 24:00:00",
            "2019-10-23T16:12:33",
            "2019-10-23 16:12",
            "12019-10-23 16:12:33",
            "+12019-10-23 16:12:33",
            "2019-1-23 16:12:33",
            "2019/10/23 16:12:33",
            "20a9-10-23 16:12:33",
            "2019-10-23 16:12:3\u{e9}",
            "2019-10-23 16-12-33",
            "2019-00-23 16:12:33",
            "2019-10-00 16:12:33",
            "2019-04-31 16:12:33",
            "2019-10-23 16:60:00",
            "",
        ] {
            let chrono = NaiveDateTime::parse_from_str(s, FORMAT).ok();
            let shaped = chrono.filter(|_| !s.contains('T') && !s.contains("-1-"));
            assert_eq!(parse(s), shaped, "{s:?}");
            if let Some(t) = chrono {
                assert_eq!(Wire(&t).to_string(), t.format(FORMAT).to_string(), "{s:?}");
            }
        }
    }
}
