//! The list tasks' query: `view`, `key`, `where`, `order`.

use crate::codec::Bit;
use crate::codec::macros::{open_enum, xml_struct};

xml_struct! {
    /// `view`: which slice of a list to return. Without a limit the server returns at most 100.
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
    /// One condition.
    pub fn condition(key: impl Into<String>, operator: Operator, value: impl Into<String>) -> Self {
        Where {
            key: Some(key.into()),
            operator: Some(operator),
            value: Some(value.into()),
            ..Where::default()
        }
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
    pub struct Order {
        /// The field to sort by.
        key: String = req "key",
        /// The direction.
        mode: Option<OrderMode> = opt "mode",
    }
}
