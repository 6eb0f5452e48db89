//! The list forms' query: `where` (nested `and` / `or`, every operator, `like` with `*`),
//! `order`, `view` and `key`, evaluated over an object's fields as the gateway writes them.

use crate::contact::Handle;
use crate::domain::Domain;
use crate::envelope::{Operator, Order, OrderMode, RequestTask, View, Where};
use std::cmp::Ordering;

/// Without a `view/limit`, the gateway returns at most this many entries.
pub(crate) const DEFAULT_LIMIT: u64 = 100;

/// An object a list form filters: its fields by wire name.
pub(crate) trait Fields {
    /// The keys a query may name.
    const KEYS: &'static [&'static str];
    /// The field `key` as the gateway writes it; `None` if the object has no value there.
    /// Only called with a key of [`KEYS`](Self::KEYS).
    fn field(&self, key: &str) -> Option<String>;
}

/// A date-time field as the gateway writes it, for [`Fields::field`].
pub(crate) fn time(t: Option<chrono::NaiveDateTime>) -> Option<String> {
    t.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
}

impl Fields for Domain {
    const KEYS: &'static [&'static str] = &[
        "name",
        "created",
        "updated",
        "expire",
        "payable",
        "ownerc",
        "adminc",
        "techc",
        "zonec",
        "period",
        "autorenew",
        "registry_status",
        "registrar_status",
        "nserver",
    ];

    fn field(&self, key: &str) -> Option<String> {
        match key {
            "name" => Some(self.name.clone()),
            "created" => time(self.created),
            "updated" => time(self.updated),
            "expire" => time(self.expire),
            "payable" => time(self.payable),
            "ownerc" => self.ownerc.map(|v| v.to_string()),
            "adminc" => self.adminc.map(|v| v.to_string()),
            "techc" => self.techc.map(|v| v.to_string()),
            "zonec" => self.zonec.map(|v| v.to_string()),
            "period" => self.period.map(|v| v.to_string()),
            "autorenew" => self.autorenew.map(|v| v.to_string()),
            "registry_status" => self.registry_status.as_ref().map(|s| s.as_str().to_owned()),
            "registrar_status" => self
                .registrar_status
                .as_ref()
                .map(|s| s.as_str().to_owned()),
            "nserver" => self.nserver.first().map(|n| n.name.clone()),
            _ => None,
        }
    }
}

impl Fields for Handle {
    const KEYS: &'static [&'static str] = &[
        "id",
        "alias",
        "type",
        "fname",
        "lname",
        "organization",
        "city",
        "country",
        "pcode",
        "email",
    ];

    fn field(&self, key: &str) -> Option<String> {
        match key {
            "id" => self.id.map(|v| v.to_string()),
            "alias" => self.alias.clone(),
            "type" => self.kind.as_ref().map(|k| k.as_str().to_owned()),
            "fname" => Some(self.fname.clone()),
            "lname" => Some(self.lname.clone()),
            "organization" => self.organization.clone(),
            "city" => Some(self.city.clone()),
            "country" => Some(self.country.clone()),
            "pcode" => Some(self.pcode.clone()),
            "email" => self.email.clone(),
            _ => None,
        }
    }
}

/// Why a query was refused: the text of the E-status.
pub(crate) type QueryError = String;

/// Checks every key and operator of the query before anything is evaluated.
fn check<T: Fields>(task: &RequestTask) -> Result<(), QueryError> {
    let known = |key: &str| T::KEYS.contains(&key);
    let mut stack: Vec<&Where> = task.r#where.iter().collect();
    while let Some(w) = stack.pop() {
        if let Some(key) = &w.key {
            if !known(key) {
                return Err(format!("unknown where key {key:?}"));
            }
            match &w.operator {
                None => return Err(format!("where key {key:?} has no operator")),
                Some(Operator::Other(op)) => return Err(format!("unknown operator {op:?}")),
                Some(_) => {}
            }
        }
        stack.extend(w.and.iter().chain(&w.or));
    }
    for order in &task.order {
        if !known(&order.key) {
            return Err(format!("unknown order key {:?}", order.key));
        }
        if let Some(OrderMode::Other(mode)) = &order.mode {
            return Err(format!("unknown order mode {mode:?}"));
        }
    }
    for key in &task.key {
        if !known(key) {
            return Err(format!("unknown key {key:?}"));
        }
    }
    Ok(())
}

/// Whether `object` matches the filter: a node's own condition, all of its `and` children
/// and one of its `or` children (those that it has).
pub(crate) fn matches<T: Fields>(object: &T, filter: &Where) -> bool {
    let own = match (&filter.key, &filter.operator) {
        (Some(key), Some(op)) => condition(object.field(key).as_deref(), op, filter.value()),
        _ => true,
    };
    own && filter.and.iter().all(|w| matches(object, w))
        && (filter.or.is_empty() || filter.or.iter().any(|w| matches(object, w)))
}

trait WhereExt {
    fn value(&self) -> &str;
}

impl WhereExt for Where {
    fn value(&self) -> &str {
        self.value.as_deref().unwrap_or("")
    }
}

fn condition(field: Option<&str>, op: &Operator, value: &str) -> bool {
    let Some(field) = field else {
        // No value: only "not equal" holds.
        return matches!(op, Operator::Ne);
    };
    match op {
        Operator::Eq => field.eq_ignore_ascii_case(value),
        Operator::Ne => !field.eq_ignore_ascii_case(value),
        Operator::Like => like(&field.to_lowercase(), &value.to_lowercase()),
        Operator::Gt => compare(field, value) == Ordering::Greater,
        Operator::Lt => compare(field, value) == Ordering::Less,
        Operator::Ge => compare(field, value) != Ordering::Less,
        Operator::Le => compare(field, value) != Ordering::Greater,
        _ => false,
    }
}

/// Numbers as numbers, everything else as text (date-times `YYYY-MM-DD HH:MM:SS` sort as text).
fn compare(a: &str, b: &str) -> Ordering {
    match (a.parse::<i128>(), b.parse::<i128>()) {
        (Ok(a), Ok(b)) => a.cmp(&b),
        _ => a.cmp(b),
    }
}

/// `*` matches any run of characters (none too); everything else itself.
fn like(text: &str, pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        // No `*` at all.
        return text == pattern;
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = rest.get(at + part.len()..).unwrap_or_default(),
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

fn order_cmp<T: Fields>(a: &T, b: &T, orders: &[Order]) -> Ordering {
    for order in orders {
        let (x, y) = (a.field(&order.key), b.field(&order.key));
        let by = match (x.as_deref(), y.as_deref()) {
            (Some(x), Some(y)) => compare(x, y),
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let by = match order.mode {
            Some(OrderMode::Desc) => by.reverse(),
            _ => by,
        };
        if by != Ordering::Equal {
            return by;
        }
    }
    Ordering::Equal
}

/// The page a list task asks for: the matching objects in order, sliced by its view; and
/// the number of matches (the answer's `summary`).
pub(crate) fn run<'a, T: Fields + 'a>(
    objects: impl Iterator<Item = &'a T>,
    task: &RequestTask,
) -> Result<(Vec<&'a T>, u64), QueryError> {
    check::<T>(task)?;
    let mut hits: Vec<&T> = objects
        .filter(|o| task.r#where.as_ref().is_none_or(|w| matches(*o, w)))
        .collect();
    hits.sort_by(|a, b| order_cmp(*a, *b, &task.order));
    let total = u64::try_from(hits.len()).unwrap_or(u64::MAX);
    let view = task.view.clone().unwrap_or_default();
    let offset = usize::try_from(view.offset.unwrap_or(0)).unwrap_or(usize::MAX);
    let limit = usize::try_from(view.limit.unwrap_or(DEFAULT_LIMIT)).unwrap_or(usize::MAX);
    let page = hits.into_iter().skip(offset).take(limit).collect();
    Ok((page, total))
}

/// Whether the task asked for whole entries (`view/children` 1).
pub(crate) fn children(task: &RequestTask) -> bool {
    task.view.as_ref().and_then(|v: &View| v.children) == Some(true)
}

/// A domain list entry: the name and the keys asked for.
pub(crate) fn project_domain(d: &Domain, keys: &[String]) -> Domain {
    let mut out = Domain::new(d.name.clone());
    for key in keys {
        match key.as_str() {
            "created" => out.created = d.created,
            "updated" => out.updated = d.updated,
            "expire" => out.expire = d.expire,
            "payable" => out.payable = d.payable,
            "ownerc" => out.ownerc = d.ownerc,
            "adminc" => out.adminc = d.adminc,
            "techc" => out.techc = d.techc,
            "zonec" => out.zonec = d.zonec,
            "period" => out.period = d.period,
            "autorenew" => out.autorenew = d.autorenew,
            "registry_status" => out.registry_status = d.registry_status.clone(),
            "registrar_status" => out.registrar_status = d.registrar_status.clone(),
            "nserver" => out.nserver = d.nserver.clone(),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_with_stars() {
        assert!(like("example.com", "example*"));
        assert!(like("example.com", "*.com"));
        assert!(like("example.com", "*amp*"));
        assert!(like("example.com", "*"));
        assert!(like("example.com", "e*e*m"));
        assert!(!like("example.com", "*.de"));
        assert!(!like("ab", "a*b*b"));
        assert!(like("abb", "a*b*b"));
        assert!(like("abc", "abc"));
        assert!(!like("abcd", "abc"));
    }

    #[test]
    fn numbers_compare_as_numbers() {
        assert_eq!(compare("9", "10"), Ordering::Less);
        assert_eq!(
            compare("2024-01-02 00:00:00", "2024-01-10 00:00:00"),
            Ordering::Less
        );
    }
}
