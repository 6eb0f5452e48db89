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
//! Recursive models (`where`, `msg`) nest as deep as the input lets them: past the decoder's
//! depth limit the document is refused with `LimitExceeded`, which the fuzz target allows.

use crate::envelope::{
    Auth, Request, RequestTask, Response, Secret, Status, StatusCode, StatusKind, TaskBody,
    TaskResult,
};
use crate::job::JobStatus;
use crate::poll::{EventType, Message, Payload};
use crate::raw::{RawElement, RawNode};
use crate::{AnyData, Document, TaskCode};
use arbitrary::{Arbitrary, Result, Unstructured};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

use super::OpenEnum;
use super::macros::arbitrary_via_gen;
use super::syntax::is_blank;

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
const MAX_ITEMS: usize = 6;
/// The deepest raw element tree drawn.
const MAX_RAW_DEPTH: usize = 8;

/// Up to [`MAX_ITEMS`] values, as long as the input says go on.
fn items<T>(
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
/// character (which the encoder refuses unless XML 1.0 allows it).
fn text(u: &mut Unstructured<'_>) -> Result<String> {
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
    if u.ratio(1, 32)? {
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

impl Gen for JobStatus {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        open_enum(u)
    }
}

impl Gen for EventType {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        open_enum(u)
    }
}

impl<T: Gen> Gen for Box<T> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        T::generate(u).map(Box::new)
    }
    fn generate_named(u: &mut Unstructured<'_>, name: &str) -> Result<Self> {
        T::generate_named(u, name).map(Box::new)
    }
}

/// The children a message models: an unknown payload or child takes none of these names.
const MESSAGE_FIELDS: &[&str] = &["id", "owner", "created", "job", "notify", "tmchnotify"];

impl Gen for Payload {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Ok(match u.int_in_range(0..=3)? {
            0 => Payload::Job(Gen::generate(u)?),
            1 => Payload::Notify(Gen::generate(u)?),
            2 => Payload::TmchNotify(Gen::generate_named(u, "tmchnotify")?),
            // An unknown payload is the message's first unknown child.
            _ => {
                let mut raw = RawElement::generate(u)?;
                if MESSAGE_FIELDS.contains(&raw.name.as_str()) {
                    raw.name.push_str("_x");
                }
                Payload::Other(raw)
            }
        })
    }
}

impl Gen for Message {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Ok(Message {
            id: Gen::generate(u)?,
            owner: Gen::generate(u)?,
            payload: Gen::generate(u)?,
            created: Gen::generate(u)?,
            unknown: unknown(u, MESSAGE_FIELDS)?,
        })
    }
}

impl Gen for Secret {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        text(u).map(Secret::new)
    }
}

impl Gen for StatusCode {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let kind = *u.choose(&[StatusKind::Success, StatusKind::Error, StatusKind::Notify])?;
        Ok(StatusCode::new(kind, TaskCode::generate(u)?))
    }
}

/// A name: mostly short ASCII (so that names the models know come up), sometimes anything
/// (which the encoder refuses unless it is an XML name).
fn name(u: &mut Unstructured<'_>) -> Result<String> {
    if u.ratio(1, 16)? {
        return text(u);
    }
    const FIRST: &[u8] = b"abcdeimnorstuxyz_:";
    const CHARS: &[u8] = b"abcdeimnorstuxyz_-.:019";
    let mut name = String::from(char::from(*u.choose(FIRST)?));
    for _ in 0..u.int_in_range(0..=7)? {
        name.push(char::from(*u.choose(CHARS)?));
    }
    Ok(name)
}

/// Unknown children of an element whose modelled children are called `known`.
pub(crate) fn unknown(u: &mut Unstructured<'_>, known: &[&str]) -> Result<Vec<RawElement>> {
    items(u, |u| {
        let mut el = raw_element(u, MAX_RAW_DEPTH)?;
        if known.contains(&el.name.as_str()) {
            el.name.push_str("_x");
        }
        Ok(el)
    })
}

/// A raw element in the form decoding gives (see the module documentation).
fn raw_element(u: &mut Unstructured<'_>, depth: usize) -> Result<RawElement> {
    let name = name(u)?;
    let attributes = items(u, |u| Ok((self::name(u)?, text(u)?)))?;
    let mut children: Vec<RawNode> = Vec::new();
    while children.len() < MAX_ITEMS && u.arbitrary::<bool>()? {
        if depth > 1 && u.arbitrary()? {
            children.push(RawNode::Element(raw_element(u, depth - 1)?));
            continue;
        }
        let text = text(u)?;
        match children.last_mut() {
            _ if text.is_empty() => {}
            Some(RawNode::Text(last)) => last.push_str(&text),
            _ => children.push(RawNode::Text(text)),
        }
    }
    if children.iter().any(|c| matches!(c, RawNode::Element(_))) {
        children.retain(|c| !matches!(c, RawNode::Text(t) if is_blank(t)));
        // Dropping a text may have brought two texts together.
        let mut merged: Vec<RawNode> = Vec::with_capacity(children.len());
        for child in children {
            match (merged.last_mut(), child) {
                (Some(RawNode::Text(last)), RawNode::Text(t)) => last.push_str(&t),
                (_, child) => merged.push(child),
            }
        }
        children = merged;
    }
    Ok(RawElement {
        name,
        attributes,
        children,
    })
}

impl Gen for RawElement {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        raw_element(u, MAX_RAW_DEPTH)
    }
    fn generate_named(u: &mut Unstructured<'_>, name: &str) -> Result<Self> {
        let mut el = raw_element(u, MAX_RAW_DEPTH)?;
        name.clone_into(&mut el.name);
        Ok(el)
    }
}

impl Gen for Request {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Ok(Request {
            auth: Auth::generate(u)?,
            owner: Gen::generate(u)?,
            language: Gen::generate(u)?,
            // At least one task, most of the time (none is refused).
            tasks: if u.ratio(1, 16)? {
                Vec::new()
            } else {
                let first = RequestTask::generate(u)?;
                let mut tasks = vec![first];
                tasks.extend(Vec::<RequestTask>::generate(u)?);
                tasks
            },
            unknown: unknown(u, &["auth", "owner", "language", "task"])?,
            quirks: Vec::new(),
        })
    }
}

/// Response data as [`Document`] types it by `code`.
fn any_data(u: &mut Unstructured<'_>, code: &str) -> Result<AnyData> {
    AnyData::generate_for(code, u)
}

/// The parts of a result other than its data.
fn result_parts<D>(
    u: &mut Unstructured<'_>,
    data: Option<D>,
    status: Status,
) -> Result<TaskResult<D>> {
    let msgs: Vec<crate::Msg> = Gen::generate(u)?;
    let msgs_after_status = u.int_in_range(0..=msgs.len())?;
    Ok(TaskResult {
        data,
        msgs,
        status,
        msgs_after_status,
        unknown: unknown(u, &["data", "status", "msg"])?,
    })
}

impl<D: Gen> Gen for TaskResult<D> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let data = Gen::generate_named(u, "data")?;
        let status = Status::generate(u)?;
        result_parts(u, data, status)
    }
}

/// A result whose data is typed by its status code.
fn any_result(u: &mut Unstructured<'_>) -> Result<TaskResult<AnyData>> {
    let status = Status::generate(u)?;
    let data = if u.arbitrary()? {
        Some(any_data(u, status.code.task.as_str())?)
    } else {
        None
    };
    result_parts(u, data, status)
}

/// The envelope of a response around `results`.
fn response<D>(u: &mut Unstructured<'_>, results: Vec<TaskResult<D>>) -> Result<Response<D>> {
    Ok(Response {
        results,
        stid: Gen::generate(u)?,
        ctid: Gen::generate(u)?,
        unknown: unknown(u, &["result", "stid", "ctid"])?,
        quirks: Vec::new(),
    })
}

impl<D: Gen> Gen for Response<D> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let results = Gen::generate(u)?;
        response(u, results)
    }
}

impl Gen for Document {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Ok(match u.int_in_range(0..=2)? {
            0 => Document::Request(Request::generate(u)?),
            1 => {
                // At least one result, most of the time (none is refused).
                let mut results = Vec::new();
                if !u.ratio(1, 16)? {
                    results.push(any_result(u)?);
                }
                results.extend(items(u, any_result)?);
                Document::Response(response(u, results)?)
            }
            _ => Document::Task(RequestTask::generate(u)?),
        })
    }
}

arbitrary_via_gen!(
    JobStatus,
    EventType,
    Payload,
    Message,
    Secret,
    TaskCode,
    StatusCode,
    RawElement,
    TaskBody,
    RequestTask,
    Request,
    Document,
);

impl<'a, D: Gen> Arbitrary<'a> for Response<D> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Gen::generate(u)
    }
}

impl<'a, D: Gen> Arbitrary<'a> for TaskResult<D> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Gen::generate(u)
    }
}
