//! Proptest strategies for the models: the values the round-trip tests (`tests/roundtrip.rs`)
//! encode and decode, the schema tests (`tests/schemas.rs`) validate, and the stream and
//! `Unknown` tests read.
//!
//! Every model value is drawn by the crate's own generators (the `arbitrary` feature: one
//! `Gen` impl beside each model, the ones cargo-fuzz's `roundtrip` target draws with), through
//! [`draw`]: proptest draws a byte vector and the generator reads the value from it. So there
//! is one generator family: a new model field or task is drawn here as soon as its
//! declaration is written, and the tables of tasks come from `registry::TASKS`. Shrinking
//! shrinks the bytes, and a generator that runs out of bytes takes its smallest choices, so a
//! failure shrinks to a small value.
//!
//! The generators' contract is "refused by the encoder, or decoded back equal" (see
//! `codec::fuzz`); the round-trip properties want values that encode, so they take
//! [`encodable`] ones (a property whose inputs were all refused would give up, and fail, on
//! too many rejects). `tests/fuzz_props.rs` measures the share of drawn values that encode,
//! per task.
//!
//! Included with `#[path = "common/strategies.rs"] mod strategies;` by the test crates that
//! use it (not through `common/mod.rs`, so that the other test crates do not compile it).
#![allow(dead_code)]

use arbitrary::{Arbitrary, Unstructured};
use autodns_xml::codec::Layout;
use autodns_xml::registry::{TASKS, TaskInfo};
use autodns_xml::{
    AnyData, AnyTask, Document, RawElement, Request, RequestTask, Response, StatusCode, Task,
    TaskCode,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use std::fmt::Debug;

/// The most bytes a value is drawn from (a zone with its records and unknown trees takes a
/// few hundred).
const MAX_BYTES: usize = 4096;

/// Values `generate` draws from proptest's bytes.
pub fn draw<T: Debug>(
    generate: impl Fn(&mut Unstructured<'_>) -> arbitrary::Result<T> + 'static,
) -> BoxedStrategy<T> {
    vec(any::<u8>(), 0..MAX_BYTES)
        .prop_filter_map("the generator refused the bytes", move |bytes| {
            generate(&mut Unstructured::new(&bytes)).ok()
        })
        .boxed()
}

/// Values of `T` as its `Arbitrary` impl (the crate's generator) draws them.
pub fn arb<T: for<'a> Arbitrary<'a> + Debug>() -> BoxedStrategy<T> {
    draw(|u| T::arbitrary(u))
}

/// The values of `strategy` the encoder writes, in both layouts.
pub fn encodable<T: Debug + 'static>(
    strategy: BoxedStrategy<T>,
    encode: impl Fn(&T, Layout) -> Result<String, autodns_xml::EncodeError> + 'static,
) -> BoxedStrategy<T> {
    strategy
        .prop_filter("the encoder refuses it", move |v| {
            [Layout::Compact, Layout::Indented]
                .iter()
                .all(|&layout| encode(v, layout).is_ok())
        })
        .boxed()
}

/// Whether this crate models task `code` (its bodies and data are typed): the registry says.
pub fn is_modelled(code: &str) -> bool {
    autodns_xml::registry::is_modelled(code)
}

pub fn code(s: &str) -> TaskCode {
    TaskCode::new(s).expect("a valid task code")
}

/// A task code this crate does not model, as the generators draw codes.
pub fn unmodelled_code() -> BoxedStrategy<TaskCode> {
    arb::<TaskCode>()
        .prop_filter("a modelled code", |c| !is_modelled(c.as_str()))
        .boxed()
}

/// `resp` with every result's status answering task `code` (its kind kept).
pub fn answering<D>(mut resp: Response<D>, code: &TaskCode) -> Response<D> {
    for result in &mut resp.results {
        result.status.code = StatusCode::new(result.status.code.kind, code.clone());
    }
    resp
}

// ---------------------------------------------------------------------------------------------
// Documents.
// ---------------------------------------------------------------------------------------------

/// A request that encodes.
pub fn request() -> BoxedStrategy<Request> {
    encodable(arb::<Request>(), Request::to_xml_with)
}

/// A bare task that encodes: any code (modelled or not) with a body that fits it.
pub fn request_task() -> BoxedStrategy<RequestTask> {
    encodable(arb::<RequestTask>(), |t, layout| {
        Document::Task(t.clone()).to_xml_with(layout)
    })
}

/// A body of the registered task `task`, as the generators draw it (it may not encode).
pub fn task_body(task: &'static TaskInfo) -> BoxedStrategy<AnyTask> {
    draw(move |u| AnyTask::arbitrary_of(task, u))
}

/// A task of each kind the registry lists, with its code, that encodes as a bare task.
pub fn registered_task() -> BoxedStrategy<(&'static TaskInfo, RequestTask)> {
    select(TASKS.iter().collect::<Vec<&'static TaskInfo>>())
        .prop_flat_map(|task: &'static TaskInfo| {
            let tasks = (task_body(task), arb::<RequestTask>()).prop_map(move |(body, mut t)| {
                // A drawn task (ctid, view, where, …) given this code and body; its unknown
                // children called like a body of this task's code (of any of its forms) go.
                t.code = code(task.code);
                t.body = body;
                t.unknown.retain(|e| {
                    let name = e.name.as_str();
                    !TASKS.iter().any(|t| {
                        t.code == task.code && (t.element == Some(name) || t.parts.contains(&name))
                    })
                });
                (task, t)
            });
            encodable(tasks.boxed(), |(_, t), layout| {
                Document::Task(t.clone()).to_xml_with(layout)
            })
        })
        .boxed()
}

/// A response to task `T` (every status answers `T::CODE`), that encodes.
pub fn answer<T: Task>() -> BoxedStrategy<Response<T::Data>>
where
    Response<T::Data>: for<'a> Arbitrary<'a>,
    T::Data: autodns_xml::codec::ToXml + Debug + 'static,
{
    let code = code(T::CODE);
    encodable(
        arb::<Response<T::Data>>()
            .prop_map(move |resp| answering(resp, &code))
            .boxed(),
        Response::to_xml_with,
    )
}

/// A response to the registered task code `code`, its data typed as `Document` types it,
/// that encodes.
pub fn any_answer(code_: &'static str) -> BoxedStrategy<Response<AnyData>> {
    let strategy = draw(move |u| {
        let resp = Response::<RawElement>::arbitrary(u)?;
        let mut results = Vec::new();
        for r in resp.results.clone() {
            let data = match r.data {
                Some(_) => Some(AnyData::arbitrary_for(code_, u)?),
                None => None,
            };
            results.push(r.with_data(data));
        }
        let resp = Response {
            results,
            stid: resp.stid,
            ctid: resp.ctid,
            unknown: resp.unknown,
            quirks: Vec::new(),
        };
        Ok(answering(resp, &code(code_)))
    });
    encodable(strategy, Response::to_xml_with)
}

/// A response to a task this crate does not model: its data the raw `data` element.
pub fn raw_answer() -> BoxedStrategy<Response<RawElement>> {
    let responses = (arb::<Response<RawElement>>(), unmodelled_code())
        .prop_map(|(resp, code)| answering(resp, &code))
        .boxed();
    encodable(responses, Response::to_xml_with)
}

/// `unknown` children, as a model's generator draws them.
pub fn unknown_vec() -> BoxedStrategy<Vec<RawElement>> {
    arb::<Vec<RawElement>>()
}

// ---------------------------------------------------------------------------------------------
// Targeted edge cases the generators do not aim at.
// ---------------------------------------------------------------------------------------------

/// A character XML 1.0 allows, with the interesting ones made likely.
///
/// Kept beside the generators for the tests that plant one character XML cannot carry in
/// otherwise valid text and expect the encoder to name that character and its element: the
/// generators' text may itself hold such a character now and then (they draw what the encoder
/// must refuse), which would make the expected error a different one.
pub fn xml_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        4 => select(&[
            '<', '&', '>', ']', '[', '"', '\'', '\r', '\n', '\t', ' ', ';', '#', '=', '/', '?',
            '!', '-', '\u{85}', '\u{A0}', '\u{2028}', '\u{3000}', '\u{FEFF}', '\u{D7FF}',
            '\u{E000}', '\u{FFFD}', '\u{10000}', '\u{1F600}', '\u{1FFFE}', '\u{10FFFF}', 'ä',
            'ß', '日',
        ][..]),
        1 => proptest::char::range('\u{20}', '\u{D7FF}'),
        1 => proptest::char::range('\u{E000}', '\u{FFFD}'),
        1 => proptest::char::range('\u{10000}', '\u{10FFFF}'),
    ]
}

/// XML 1.0 text that is always valid (possibly empty, possibly all white space), with
/// markup-like pieces that must come back as text (see [`xml_char`] for why it stays).
pub fn text() -> BoxedStrategy<String> {
    vec(
        prop_oneof![
            10 => xml_char().prop_map(String::from),
            1 => select(&[
                "]]>", "]]]]>", "\r\n", "\r\r\n", "&amp;", "&#13;", "&#0;", "<![CDATA[x]]>",
                "<!-- c -->", "<?pi x?>", "</x>", "<x/>", "  ", "\u{1F600}\u{10FFFF}",
            ][..])
            .prop_map(str::to_owned),
        ],
        0..10,
    )
    .prop_map(|pieces| pieces.concat())
    .boxed()
}
