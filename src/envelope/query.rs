//! The list tasks' query: `view`, `key`, `where`, `order`.

use crate::codec::Bit;
use crate::codec::macros::{open_enum, xml_struct};

xml_struct! {
    /// `view`: which slice of a list to return. Without a limit the server returns at most 100.
    ///
    /// ```
    /// use autodns_xml::View;
    ///
    /// let page = View::new(200, 100).children(true);
    /// assert_eq!((page.offset, page.limit, page.children), (Some(200), Some(100), Some(true)));
    /// ```
    #[derive(Default)]
    pub struct View {
        /// The first entry, 0-based.
        offset: Option<u64> = opt "offset",
        /// The number of entries.
        limit: Option<u64> = opt "limit",
        /// Whether to include subusers' objects (`1`/`0` on the wire).
        children: Option<bool> = opt "children" via Bit,
    }
}

impl View {
    /// Entries `offset ..` (0-based), at most `limit` of them.
    pub fn new(offset: u64, limit: u64) -> Self {
        View::default().offset(offset).limit(limit)
    }
}

open_enum! {
    /// A `where` operator.
    pub enum Operator {
        /// `eq`
        Eq = "eq",
        /// `ne`
        Ne = "ne",
        /// `like` (with `*` as wildcard)
        Like = "like",
        /// `gt`
        Gt = "gt",
        /// `lt`
        Lt = "lt",
        /// `ge`
        Ge = "ge",
        /// `le`
        Le = "le",
    }
}

xml_struct! {
    /// A filter: `where`, and the `and` / `or` groups nested in it. A group holds either one
    /// condition (`key`, `operator`, `value`) or further groups; `and` binds before `or`.
    /// `and` groups are written before `or` groups.
    #[derive(Default)]
    pub struct Where {
        /// The field the condition tests.
        key: Option<String> = opt "key",
        /// The comparison.
        operator: Option<Operator> = opt "operator",
        /// The value compared with.
        value: Option<String> = opt "value",
        /// Nested `and` groups.
        and: Vec<Where> = many "and",
        /// Nested `or` groups.
        or: Vec<Where> = many "or",
    }
}

impl Where {
    /// One condition: `key operator value`. The value is text, a number or a date-time
    /// (written as the server writes it, `YYYY-MM-DD HH:MM:SS`; a date as `YYYY-MM-DD`).
    pub fn condition(key: impl Into<String>, operator: Operator, value: impl WhereValue) -> Self {
        Where {
            key: Some(key.into()),
            operator: Some(operator),
            value: Some(value.into_where_value()),
            ..Where::default()
        }
    }

    /// Every one of `groups` holds: `<where><and>…</and><and>…</and></where>`.
    pub fn all(groups: impl IntoIterator<Item = Where>) -> Self {
        Where {
            and: groups.into_iter().collect(),
            ..Where::default()
        }
    }

    /// At least one of `groups` holds: `<where><or>…</or><or>…</or></where>`.
    pub fn any(groups: impl IntoIterator<Item = Where>) -> Self {
        Where {
            or: groups.into_iter().collect(),
            ..Where::default()
        }
    }
}

/// A value a [`Where`] condition compares with, written as the server reads it.
pub trait WhereValue {
    /// The value's text on the wire.
    fn into_where_value(self) -> String;
}

impl WhereValue for String {
    fn into_where_value(self) -> String {
        self
    }
}

impl WhereValue for &str {
    fn into_where_value(self) -> String {
        self.to_owned()
    }
}

impl WhereValue for &String {
    fn into_where_value(self) -> String {
        self.clone()
    }
}

macro_rules! where_value_display {
    ($($t:ty),*) => {$(
        impl WhereValue for $t {
            fn into_where_value(self) -> String {
                self.to_string()
            }
        }
    )*};
}
where_value_display!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl WhereValue for chrono::NaiveDateTime {
    fn into_where_value(self) -> String {
        crate::codec::datetime::Wire(&self).to_string()
    }
}

impl WhereValue for chrono::NaiveDate {
    fn into_where_value(self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

open_enum! {
    /// A sort direction.
    pub enum OrderMode {
        /// `asc` (the default)
        Asc = "asc",
        /// `desc`
        Desc = "desc",
    }
}

xml_struct! {
    /// `order`: sort by `key`.
    ///
    /// ```
    /// use autodns_xml::{Order, OrderMode};
    ///
    /// assert_eq!(Order::desc("created").mode, Some(OrderMode::Desc));
    /// assert_eq!(Order::asc("name").key, "name");
    /// ```
    #[derive(Default)]
    pub struct Order {
        /// The field to sort by.
        key: String = req "key",
        /// The direction.
        mode: Option<OrderMode> = opt "mode",
    }
}

impl Order {
    /// Sort by `key`, in the server's default direction (ascending).
    pub fn new(key: impl Into<String>) -> Self {
        Order::default().key(key)
    }

    /// Sort by `key`, ascending.
    pub fn asc(key: impl Into<String>) -> Self {
        Order::new(key).mode(OrderMode::Asc)
    }

    /// Sort by `key`, descending.
    pub fn desc(key: impl Into<String>) -> Self {
        Order::new(key).mode(OrderMode::Desc)
    }
}
