//! Decoding any document: a request, a response (its data typed by status code) or a bare
//! task; and [`decode_response`] for a response whose task you know.

use crate::codec::{self, ElementReader, FromXml, Layout};
use crate::envelope::{Request, RequestTask, Response};
use crate::error::{DecodeError, EncodeError};
use crate::limits::Limits;
use crate::quirk::Quirk;
use crate::registry::AnyData;
use crate::task::Task;

/// Decodes a response to task `T`: `decode_response::<DomainInfo>(xml)` gives a
/// `Response<DomainInfoData>`.
///
/// A result whose status is a success or a notify of another task than `T` is a
/// [`WrongTask`](crate::DecodeErrorKind::WrongTask) error (its data would be read as the
/// wrong type). An error status of any code still decodes (a failed login answers under
/// another code), so that its status and messages reach you: turn it into an `Err` with
/// [`Response::error_for_status`]. Use [`Document::decode`] to type the data by the code the
/// server sent.
///
/// ```
/// use autodns_xml::domain::{DomainCreate, DomainInfo};
/// use autodns_xml::{DecodeErrorKind, decode_response};
///
/// let s0105 = b"<response><result><data/><status><code>S0105</code></status></result></response>";
/// assert!(decode_response::<DomainInfo>(s0105).is_ok());
/// let err = decode_response::<DomainCreate>(s0105).unwrap_err();
/// assert!(matches!(err.kind(), DecodeErrorKind::WrongTask { .. }));
/// assert_eq!(err.to_string(), "status S0105 answers another task than task 0101 in response/result at line 1, column 11");
/// ```
pub fn decode_response<T: Task>(xml: &[u8]) -> Result<Response<T::Data>, DecodeError> {
    decode_response_with::<T>(xml, &Limits::default())
}

/// [`decode_response`] under your own [`Limits`] instead of the defaults: a list larger than
/// the default 64 MiB needs a larger `max_document_size` (or a
/// [`ListReader`](crate::ListReader), which has no document size limit).
///
/// ```
/// use autodns_xml::domain::DomainList;
/// use autodns_xml::{Limit, Limits, DecodeErrorKind, decode_response_with};
///
/// let xml = b"<response><result><data><summary>0</summary></data>\
///             <status><code>S0105</code></status></result></response>";
/// let roomy = Limits::default().with_max_document_size(256 << 20);
/// let response = decode_response_with::<DomainList>(xml, &roomy)?;
/// assert_eq!(response.data().and_then(|d| d.summary), Some(0));
///
/// let tight = Limits::default().with_max_document_size(64);
/// let err = decode_response_with::<DomainList>(xml, &tight).unwrap_err();
/// let too_large = DecodeErrorKind::LimitExceeded { limit: Limit::DocumentSize, max: 64 };
/// assert_eq!(err.kind(), &too_large);
/// # Ok::<(), autodns_xml::DecodeError>(())
/// ```
pub fn decode_response_with<T: Task>(
    xml: &[u8],
    limits: &Limits,
) -> Result<Response<T::Data>, DecodeError> {
    Response::<T::Data>::decode_for(xml, limits, T::CODE)
}

/// Decodes a request document (as a gateway, a proxy or a test double receives it).
///
/// ```
/// use autodns_xml::{AnyTask, decode_request};
///
/// let xml = br#"<request><auth><user>USER</user><context>4</context><password>PASSWORD</password>
///   </auth><task><code>0906</code><message><id>650664</id></message></task></request>"#;
/// let request = decode_request(xml)?;
/// assert_eq!((request.auth.user.as_str(), request.tasks[0].code.as_str()), ("USER", "0906"));
/// // The body is typed by the task code.
/// assert!(matches!(&request.tasks[0].body, AnyTask::PollConfirm(m) if m.id == 650664));
/// assert!(!format!("{request:?}").contains("PASSWORD")); // a secret in `Debug`
/// # Ok::<(), autodns_xml::DecodeError>(())
/// ```
pub fn decode_request(xml: &[u8]) -> Result<Request, DecodeError> {
    Request::decode(xml)
}

/// [`decode_request`] under your own [`Limits`] instead of the defaults.
///
/// ```
/// use autodns_xml::{ErrorCategory, Limits, decode_request_with};
///
/// let xml = b"<request><auth><user>u</user><password>p</password><context>4</context></auth>\
///             <task><code>0906</code><message><id>1</id></message></task></request>";
/// assert!(decode_request_with(xml, &Limits::default().with_max_depth(4)).is_ok());
/// // `request/task/message/id` is four levels deep.
/// let err = decode_request_with(xml, &Limits::default().with_max_depth(3)).unwrap_err();
/// assert_eq!(err.category(), ErrorCategory::LimitExceeded);
/// assert_eq!(err.path(), "request/task/message");
/// # Ok::<(), autodns_xml::DecodeError>(())
/// ```
pub fn decode_request_with(xml: &[u8], limits: &Limits) -> Result<Request, DecodeError> {
    Request::decode_with(xml, limits)
}

/// Any document this crate reads, by its root element.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "one value per document or task, never stored in bulk: boxing would only add an indirection"
)]
pub enum Document {
    /// `<request>`.
    Request(Request),
    /// `<response>`, each result's data typed by its status code.
    Response(Response<AnyData>),
    /// A bare `<task>` (as the help pages show some requests).
    Task(RequestTask),
}

impl Document {
    /// Decodes a request, a response or a bare task, with the quirks repaired: they are in
    /// the value decoded (see [`quirks`](Self::quirks)).
    ///
    /// ```
    /// use autodns_xml::{AnyData, Document};
    ///
    /// let xml = b"<response><result><data><summary>0</summary><message><id>650664</id></message>\
    ///             </data><status><code>S0906</code></status></result></response>";
    /// let doc = Document::decode(xml)?;
    /// assert!(doc.quirks().is_empty());
    /// let Document::Response(response) = doc else { panic!("a response") };
    /// // The data is typed by the status code the server sent.
    /// assert!(matches!(response.data(), Some(AnyData::PollConfirm(d)) if d.summary == Some(0)));
    ///
    /// // A bare task, as some help pages show a request.
    /// let doc = Document::decode(b"<task><code>0905</code></task>")?;
    /// assert!(matches!(doc, Document::Task(t) if t.code == "0905"));
    /// # Ok::<(), autodns_xml::DecodeError>(())
    /// ```
    pub fn decode(xml: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(xml, &Limits::default())
    }

    /// [`decode`](Self::decode) under your own [`Limits`] instead of the defaults.
    ///
    /// ```
    /// use autodns_xml::{DecodeErrorKind, Document, Limit, Limits};
    ///
    /// // The gateway sends no attributes: refuse any, say, for input from elsewhere.
    /// let none = Limits::default().with_max_attributes(0);
    /// assert!(Document::decode_with(b"<task><code>0905</code></task>", &none).is_ok());
    /// let xml = br#"<task id="1"><code>0905</code></task>"#;
    /// let err = Document::decode_with(xml, &none).unwrap_err();
    /// let too_many = DecodeErrorKind::LimitExceeded { limit: Limit::Attributes, max: 0 };
    /// assert_eq!(err.kind(), &too_many);
    /// # Ok::<(), autodns_xml::DecodeError>(())
    /// ```
    pub fn decode_with(xml: &[u8], limits: &Limits) -> Result<Self, DecodeError> {
        let (src, start) = codec::prepare(xml, limits)?;
        let (doc, mut quirks) = codec::read_document(src, start, limits, |el| match el.name() {
            "request" => Request::from_xml(el).map(Root::Request),
            "response" => Response::<DataSpan>::from_xml(el).map(Root::Response),
            "task" => RequestTask::from_xml(el).map(Root::Task),
            _ => Err(el.unexpected_root("<request>, <response> or <task>")),
        })?;
        let doc = match doc {
            Root::Request(mut r) => {
                r.quirks = quirks.into_vec();
                Document::Request(r)
            }
            Root::Task(mut t) => {
                t.quirks = quirks.into_vec();
                Document::Task(t)
            }
            Root::Response(r) => {
                let mut results = Vec::with_capacity(r.results.len());
                for result in r.results {
                    let code = result.status.code.task.clone();
                    let data = match result.data {
                        Some(DataSpan(span)) => Some(codec::read_span(
                            src,
                            span,
                            vec!["response", "result"],
                            limits,
                            &mut quirks,
                            |el| AnyData::read(code.as_str(), el),
                        )?),
                        None => None,
                    };
                    results.push(result.with_data(data));
                }
                Document::Response(Response {
                    results,
                    stid: r.stid,
                    ctid: r.ctid,
                    unknown: r.unknown,
                    // In document order (the data after the envelope's status).
                    quirks: quirks.into_vec(),
                })
            }
        };
        Ok(doc)
    }

    /// The server quirks repaired while decoding, in document order: those of the request,
    /// response or bare task decoded.
    pub fn quirks(&self) -> &[Quirk] {
        match self {
            Document::Request(r) => &r.quirks,
            Document::Response(r) => &r.quirks,
            Document::Task(t) => &t.quirks,
        }
    }

    /// The root element's name.
    pub fn root(&self) -> &'static str {
        match self {
            Document::Request(_) => "request",
            Document::Response(_) => "response",
            Document::Task(_) => "task",
        }
    }

    /// Encodes the document with the given layout.
    pub fn to_xml_with(&self, layout: Layout) -> Result<String, EncodeError> {
        match self {
            Document::Request(r) => r.to_xml_with(layout),
            Document::Response(r) => r.to_xml_with(layout),
            Document::Task(t) => codec::write_document(t, "task", layout),
        }
    }
}

#[allow(
    clippy::large_enum_variant,
    reason = "one value per document or task, never stored in bulk: boxing would only add an indirection"
)]
enum Root {
    Request(Request),
    Response(Response<DataSpan>),
    Task(RequestTask),
}

/// A `data` element's byte span, read again once its result's status code is known.
struct DataSpan(codec::Span);

impl FromXml for DataSpan {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.skip_span().map(DataSpan)
    }
}

/// Any document for the structured fuzz target (see `codec::fuzz`).
#[cfg(feature = "arbitrary")]
mod generate {
    use super::Document;
    use crate::codec::fuzz::{Gen, items};
    use crate::envelope::generate::{any_result, response};
    use crate::envelope::{Request, RequestTask};
    use arbitrary::{Result, Unstructured};

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

    crate::codec::macros::arbitrary_via_gen!(Document);
}
